/**
 * What a dishonest or careless head can do to their tab (docs/tabs.md, "Who may edit what"), and the
 * figures that could reach a report wrong. Workbook: Bạch Ngọc; Tháng 5 is due on 20/05/2026.
 */
import type { AppsScriptEmulator } from '../../emulator';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { logRows, OFFICE, sampleVillages, sheetSnapshot, workbookWithPreset, type TestWorkbook } from './harness';

const NOW = new Date('2026-05-15T02:00:00Z'); // 15/05/2026 09:00 in Vietnam
const PROTECTED = /protected cell/;

const head = (n: number) => sampleVillages('bach-ngoc')[n - 1];
const cellOf = (emu: AppsScriptEmulator, tab: string, code: string, month: number) => {
  const map = locateVillageTab(emu.rawGrid(tab));
  if (!map) throw new Error(`no table in ${tab}`);
  return monthCellA1(map, code, month) as string;
};
/** The month's input cells, top to bottom, as an A1 block. */
const monthBlock = (emu: AppsScriptEmulator, tab: string, month: number) => {
  const first = cellOf(emu, tab, 'HS_KNS', month);
  const last = cellOf(emu, tab, 'BUOI_TAP_HUAN_TO', month);
  return `${first}:${last}`;
};

/** Head 1 fills Tháng 5 (every figure 4) and ticks it; the trigger stamps it. */
function submittedMay(): TestWorkbook & { tab: string } {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW });
  const { emu, ctx } = wb;
  const { name: tab, email } = head(1);
  const block = monthBlock(emu, tab, 5);
  emu.userEdit(ctx, { user: email, sheet: tab, a1: block, value: Array.from({ length: 15 }, () => [4]) });
  emu.userEdit(ctx, { user: email, sheet: tab, a1: cellOf(emu, tab, STATUS_CODES.submitted, 5), value: true });
  expect(emu.rawGet(tab, cellOf(emu, tab, STATUS_CODES.submittedAt, 5))).toBeInstanceOf(Date);
  return { ...wb, tab };
}

describe('the village tab is locked down', () => {
  it('a head cannot type a second table anywhere to forge an on-time submission', () => {
    const { emu, ctx, tab } = submittedMay();
    const { email } = head(1);
    // The attack found: a look-alike header beside the title, then codes, figures, a stamp and a tick.
    expect(() => emu.userEdit(ctx, { user: email, sheet: tab, a1: 'R1:T1', value: [['Mã', 'Chỉ tiêu', 'Tháng 6']] })).toThrow(PROTECTED);
    // Nor below the table, nor to its right, nor in the code column, the title, `Đầu năm` or the stamp.
    const below = emu.rawGrid(tab).length + 2;
    const open = [`A${below}`, `E${below}`, 'R10', 'A10', 'B10', 'A1', 'D5', cellOf(emu, tab, STATUS_CODES.submittedAt, 6)].filter((a1) => {
      try {
        emu.userEdit(ctx, { user: email, sheet: tab, a1, value: 'x' });
        return true;
      } catch (error) {
        if (!PROTECTED.test(String(error))) throw error;
        return false;
      }
    });
    expect(open).toEqual([]);
    // Another village's head cannot touch this tab's month cells either.
    expect(() => emu.userEdit(ctx, { user: head(2).email, sheet: tab, a1: cellOf(emu, tab, 'HS_KNS', 6), value: 4 })).toThrow(PROTECTED);
    // The head's own cells stay open: figures, the tick and the note of every month.
    for (const code of ['HS_KNS', 'BUOI_TAP_HUAN', STATUS_CODES.submitted, STATUS_CODES.note]) {
      const a1 = cellOf(emu, tab, code, 6);
      emu.userEdit(ctx, { user: email, sheet: tab, a1, value: code === STATUS_CODES.submitted ? false : code === STATUS_CODES.note ? 'ghi chú' : 4 });
    }
  });

  it('the parser reads only the table the add-on wrote, even if a look-alike header got in beside the title', () => {
    const { emu, tab } = submittedMay();
    // As if typed before the lockdown: a header in row 1, codes, a tick and an early stamp for June.
    emu.rawSet(tab, 'R1:T1', [['Mã', 'Chỉ tiêu', 'Tháng 6']]);
    emu.rawSet(tab, 'R2:T3', [[STATUS_CODES.submitted, 'Đã nộp', true], [STATUS_CODES.submittedAt, 'Ngày nộp', new Date('2026-06-15T02:00:00Z')]]);
    const map = locateVillageTab(emu.rawGrid(tab));
    expect(map?.headerRow).toBe(3);
    expect(map?.codeCol).toBe(0);
  });
});

describe('changes after submission leave a trace', () => {
  it('three weeks after an on-time submission the head pastes new figures: Nhật ký has every cell old → new', () => {
    const { emu, ctx, tab } = submittedMay();
    emu.clock.set(new Date('2026-06-05T02:00:00Z'));
    const block = monthBlock(emu, tab, 5);
    emu.userEdit(ctx, { user: head(1).email, sheet: tab, a1: block, value: Array.from({ length: 15 }, () => [5]) });
    const changed = logRows(emu).filter((r) => r[0] === 'Sửa số liệu đã nộp');
    expect(changed).toHaveLength(1);
    expect(changed[0].slice(1, 3)).toEqual([tab, 'Tháng 5/2026']);
    expect(changed[0][3].split('; ')).toHaveLength(15);
    expect(changed[0][3]).toContain(`ô ${cellOf(emu, tab, 'HS_KNS', 5)} (HS_KNS): 4 → 5`);
    // The next change is logged against these figures, not the first ones.
    emu.userEdit(ctx, { user: head(1).email, sheet: tab, a1: cellOf(emu, tab, 'HS_KNS', 5), value: 6 });
    expect(logRows(emu).at(-1)?.[3]).toBe(`ô ${cellOf(emu, tab, 'HS_KNS', 5)} (HS_KNS): 5 → 6`);
  });
});

describe('figures have sane bounds', () => {
  it('1e20 in an activity cell is refused at the tick with the usual note, and no report shows Infinity, NaN or #NUM!', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    const { emu, ctx } = wb;
    const { name: tab, email } = head(2);
    const values = Array.from({ length: 15 }, () => [4]);
    values[13] = [1e20];
    emu.userEdit(ctx, { user: email, sheet: tab, a1: monthBlock(emu, tab, 5), value: values });
    emu.userEdit(ctx, { user: email, sheet: tab, a1: cellOf(emu, tab, STATUS_CODES.submitted, 5), value: true });
    expect(emu.rawGet(tab, cellOf(emu, tab, STATUS_CODES.submitted, 5))).toBe(false);
    const note = sheetSnapshot(emu, tab)?.cells.find((c) => c.a1 === cellOf(emu, tab, STATUS_CODES.submitted, 5))?.note ?? '';
    expect(note).toContain('quá lớn');
    // Pasted straight in with a tick, as if before the add-on ran: Tổng hợp still prints nothing absurd.
    emu.rawSet(tab, cellOf(emu, tab, STATUS_CODES.submitted, 5), true);
    emu.rawSet(tab, cellOf(emu, tab, STATUS_CODES.submittedAt, 5), NOW);
    wb.call('aggregateMonth', [5]);
    for (const name of ['Tổng hợp', 'Báo cáo']) {
      const text = emu.rawGrid(name).flat().map(String).join(' | ');
      expect([name, /Infinity|NaN|#NUM!/.test(text)]).toEqual([name, false]);
    }
  });
});

describe('repair', () => {
  it('a deleted DA_NOP row is rebuilt by setup with the ticks its surviving stamps prove', () => {
    const { emu, tab, call } = submittedMay();
    const tickRow = (locateVillageTab(emu.rawGrid(tab))?.rows.get(STATUS_CODES.submitted) ?? 0) + 1;
    emu.run({ activeUser: OFFICE }, () => emu.spreadsheet.getSheetByName(tab)?.deleteRow(tickRow));
    call('setupWorkbook');
    expect(emu.rawGet(tab, cellOf(emu, tab, STATUS_CODES.submitted, 5))).toBe(true);
    expect(emu.rawGet(tab, cellOf(emu, tab, STATUS_CODES.submitted, 4))).toBe(false);
  });
});
