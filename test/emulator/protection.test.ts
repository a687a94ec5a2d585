import { PROTECTED_MESSAGE } from '../../emulator';
import { setup } from './helpers';

const OWNER = 'office@example.gov.vn';
const HEAD1 = 'head1@example.com';
const HEAD2 = 'head2@example.com';

function protectedVillage() {
  const { emu, g } = setup();
  const ss = g.SpreadsheetApp.getActive();
  const tab = ss.insertSheet('Thôn 1');
  const p = tab.protect().setDescription('Thôn 1');
  p.removeEditors(p.getEditors());
  p.addEditor(HEAD1);
  p.setUnprotectedRanges([tab.getRange('D3:O10')]);
  const stamp = tab.getRange('D12:O12').protect();
  stamp.removeEditors(stamp.getEditors());
  return { emu, g, tab, p, stamp };
}

describe('protections', () => {
  test('a new protection starts with the owner and all spreadsheet editors', () => {
    const { g } = setup();
    const p = g.SpreadsheetApp.getActive().getActiveSheet().protect();
    expect(p.getEditors().map((u: { getEmail(): string }) => u.getEmail())).toEqual([OWNER, HEAD1, HEAD2]);
    expect(p.getProtectionType()).toBe('SHEET');
    expect(p.canEdit()).toBe(true);
  });

  test('removeEditors keeps the owner and the user running the script', () => {
    const { emu, tab, p } = protectedVillage();
    expect(p.getEditors().map((u: { getEmail(): string }) => u.getEmail()).sort()).toEqual([HEAD1, OWNER].sort());
    emu.run({ activeUser: HEAD1 }, () => {
      const q = tab.getRange('A1').protect();
      q.removeEditors([OWNER, HEAD1, HEAD2]);
      expect(q.getEditors().map((u: { getEmail(): string }) => u.getEmail()).sort()).toEqual([HEAD1, OWNER].sort());
    });
  });

  test('owner, head and stranger writing through scripts', () => {
    const { emu, tab } = protectedVillage();
    tab.getRange('A1').setValue('owner may write anywhere');
    tab.getRange('D12').setValue('stamp');
    emu.run({ activeUser: HEAD1 }, () => {
      tab.getRange('A1').setValue('own tab'); // the head is an editor of the sheet protection
      expect(() => tab.getRange('D12').setValue('forged')).toThrow(PROTECTED_MESSAGE);
      expect(() => tab.getRange('D11:D12').setBackground('red')).toThrow(PROTECTED_MESSAGE);
    });
    emu.run({ activeUser: HEAD2 }, () => {
      expect(() => tab.getRange('D3').setValue(1)).not.toThrow(); // unprotected range inside the sheet protection
      expect(() => tab.getRange('D3:D4').setNote('n')).not.toThrow();
      expect(() => tab.getRange('A2').setValue(1)).toThrow(PROTECTED_MESSAGE);
      expect(() => tab.getRange('D10:D11').setValue(1)).toThrow(PROTECTED_MESSAGE);
      expect(() => tab.insertRowAfter(1)).toThrow(PROTECTED_MESSAGE);
      expect(() => tab.setName('x')).toThrow(PROTECTED_MESSAGE);
    });
    expect(emu.rawGet('Thôn 1', 'D12')).toBe('stamp');
  });

  test('userEdit is checked against the person typing', () => {
    const { emu, tab } = protectedVillage();
    emu.userEdit({}, { user: HEAD1, sheet: 'Thôn 1', a1: 'D3', value: '1.234' });
    expect(tab.getRange('D3').getValue()).toBe(1234);
    expect(() => emu.userEdit({}, { user: HEAD1, sheet: 'Thôn 1', a1: 'D12', value: 'x' })).toThrow(PROTECTED_MESSAGE);
    expect(() => emu.userEdit({}, { user: HEAD2, sheet: 'Thôn 1', a1: 'A1', value: 'x' })).toThrow(PROTECTED_MESSAGE);
    emu.userEdit({}, { user: HEAD1, sheet: 'Thôn 1', a1: 'A1', value: 'x' });
    expect(emu.rawGet('Thôn 1', 'A1')).toBe('x');
    expect(() => emu.userEdit({}, { user: 'stranger@evil.com', sheet: 'Thôn 1', a1: 'D3', value: 'x' })).toThrow(/no edit access/);
    expect(emu.rawGet('Thôn 1', 'D3')).toBe(1234);
    emu.userEdit({}, { user: OWNER, sheet: 'Thôn 1', a1: 'D12', value: 'ok' });
    expect(emu.rawGet('Thôn 1', 'D12')).toBe('ok');
  });

  test('warning-only protections do not block; removed protections stop applying', () => {
    const { emu, tab, p, stamp } = protectedVillage();
    p.setWarningOnly(true);
    stamp.remove();
    emu.run({ activeUser: HEAD2 }, () => {
      tab.getRange('A1').setValue('ok');
      tab.getRange('D12').setValue('ok');
    });
    expect([emu.rawGet('Thôn 1', 'A1'), emu.rawGet('Thôn 1', 'D12')]).toEqual(['ok', 'ok']);
    expect(tab.getProtections('RANGE')).toHaveLength(0);
    expect(emu.spreadsheet.getProtections('SHEET' as never)).toHaveLength(1);
  });

  test('protections are visible in the model', () => {
    const { emu } = protectedVillage();
    const prot = emu.model().sheets.find((s) => s.name === 'Thôn 1')?.protections;
    expect(prot).toEqual([
      expect.objectContaining({ type: 'SHEET', description: 'Thôn 1', unprotectedRanges: ['D3:O10'] }),
      expect.objectContaining({ type: 'RANGE', range: 'D12:O12', editors: [OWNER] }),
    ]);
  });
});
