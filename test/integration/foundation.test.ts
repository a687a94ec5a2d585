import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { OFFICE, newWorkbook, sampleVillages, sheetSnapshot, workbookWithPreset } from './harness';

const ENTRY_POINTS = [
  'onOpen', 'onInstall', 'setupWorkbook', 'aggregateReports', 'checkReports', 'sendRemindersNow',
  'showDashboard', 'showSettings', 'handleEdit', 'runScheduledReminders', 'applyPreset', 'aggregateMonth', 'aggregateQuarter',
  'approveMonth', 'approveVillageMonth', 'unlockVillageMonth',
];
const MENU_FUNCTIONS = ['setupWorkbook', 'aggregateReports', 'checkReports', 'approveReports', 'sendRemindersNow', 'sendTestEmails', 'showDashboard', 'showSettings', 'selfCheck', 'startNewYear'];
const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');

describe('the built bundle', () => {
  it('exposes every entry point of docs/entry-points.md (and every menu function) as a top-level function', () => {
    const { ctx } = newWorkbook();
    for (const name of [...ENTRY_POINTS, ...MENU_FUNCTIONS]) expect(typeof (ctx as Record<string, unknown>)[name]).toBe('function');
  });

  it('parses as ES2020', () => {
    expect(() => transformSync(code, { target: 'es2020', loader: 'js', format: 'esm' })).not.toThrow();
    // esbuild lowers syntax newer than its target; an unchanged parse with supported:false proves none is present.
    expect(() => transformSync(code, { loader: 'js', supported: { 'class-static-blocks': false, 'top-level-await': false, 'regexp-match-indices': false } })).not.toThrow();
  });

});

describe('onOpen', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('builds the Tổ CNSCĐ menu in AuthMode %s', (authMode) => {
    const wb = newWorkbook();
    wb.call('onOpen', [{ authMode }], { authMode, activeUser: 'someone@example.com' });
    const menu = wb.emu.ui.menus.at(-1);
    expect(menu?.name).toBe('Tổ CNSCĐ');
    expect(menu?.items.filter(Boolean).map((i) => i?.functionName)).toEqual(MENU_FUNCTIONS);
  });

  it('onInstall builds the same menu', () => {
    const wb = newWorkbook();
    wb.call('onInstall', [{ authMode: 'FULL' }]);
    expect(wb.emu.ui.menus[0].name).toBe('Tổ CNSCĐ');
  });
});

describe('applyPreset', () => {
  const villageTabs = (names: string[]) => names.filter((n) => /^(Thôn|Tổ dân phố số) \d+$/.test(n));

  it.each([
    ['an-hai', 40, 'Tổ dân phố số 1', 80, '5', '8'],
    ['bach-ngoc', 16, 'Thôn 1', 70, '3', '5'],
  ] as const)('%s gives the right tabs, indicator rows, targets and team size range', (id, villages, first, nttTarget, min, max) => {
    const wb = workbookWithPreset(id);
    const names = wb.emu.sheetNames();
    expect(names.slice(0, 2)).toEqual(['Cấu hình', 'Danh sách']);
    expect(names.at(-1)).toBe('Nhật ký');
    expect(names.some((n) => /^(Sheet|Trang tính)1$/.test(n))).toBe(false);
    expect(villageTabs(names)).toHaveLength(villages);
    const tab = wb.emu.rawGrid(first);
    const codes = tab.map((r) => r[0]);
    expect(codes.includes('HO_SMART_HP')).toBe(id === 'an-hai');
    expect(codes.slice(-4)).toEqual(['DA_NOP', 'NGAY_NOP', 'GHI_CHU', 'DA_DUYET']);
    expect(tab.find((r) => r[0] === 'Mã')?.slice(3)).toEqual(['Đầu năm', ...Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`)]);
    const settings = wb.emu.rawGrid('Cấu hình');
    const value = (label: string) => settings.find((r) => String(r[0]).startsWith(label))?.[1];
    expect(settings.find((r) => r[0] === 'NTT_KNS')?.[5]).toBe(nttTarget);
    expect(String(value('Số thành viên Tổ tối thiểu'))).toBe(min);
    expect(String(value('Số thành viên Tổ tối đa'))).toBe(max);
    expect(wb.emu.triggers.filter((t) => t.handler === 'handleEdit')).toHaveLength(1);
  });

  it('rejects an unknown preset with a Vietnamese message', () => {
    const wb = newWorkbook();
    expect(() => wb.call('applyPreset', ['ha-noi'])).toThrow('Mẫu cấu hình "ha-noi" không có');
  });

  it('protects village tabs for the office, but for the month cells their head shares; the NGAY_NOP row for the office only', () => {
    const wb = workbookWithPreset('bach-ngoc');
    const head = sampleVillages('bach-ngoc')[2];
    const sheet = sheetSnapshot(wb.emu, head.name);
    expect(sheet?.protections.find((p) => p.type === 'SHEET')?.editors).toEqual([OFFICE]);
    expect(sheet?.protections.find((p) => p.type === 'RANGE')?.editors.sort()).toEqual([OFFICE, head.email].sort());
    const grid = wb.emu.rawGrid(head.name);
    const stampRow = grid.findIndex((r) => r[0] === 'NGAY_NOP') + 1;
    const inputRow = grid.findIndex((r) => r[0] === 'NTT_KNS') + 1;
    // The head may type a number but not the stamp; another head may type nothing here.
    expect(() => wb.emu.userEdit(wb.ctx, { user: head.email, sheet: head.name, a1: `E${inputRow}`, value: '12' })).not.toThrow();
    expect(() => wb.emu.userEdit(wb.ctx, { user: head.email, sheet: head.name, a1: `E${stampRow}`, value: '01/05/2026' })).toThrow(/protected/);
    const other = sampleVillages('bach-ngoc')[3].email;
    expect(() => wb.emu.userEdit(wb.ctx, { user: other, sheet: head.name, a1: `F${inputRow}`, value: '5' })).toThrow(/protected/);
    for (const own of ['Cấu hình', 'Danh sách', 'Nhật ký']) {
      const p = sheetSnapshot(wb.emu, own)?.protections[0];
      expect(p?.editors).toEqual([OFFICE]);
    }
  });

  it('input cells carry whole-number validation with Vietnamese help, DA_NOP checkboxes, frozen panes', () => {
    const wb = workbookWithPreset('bach-ngoc');
    const sheet = sheetSnapshot(wb.emu, 'Thôn 1');
    const grid = wb.emu.rawGrid('Thôn 1');
    const row = grid.findIndex((r) => r[0] === 'HS_KNS') + 1;
    const cell = sheet?.cells.find((c) => c.a1 === `E${row}`);
    expect(cell?.validation?.criteria).toBe('CUSTOM_FORMULA');
    expect(cell?.validation?.helpText).toContain('Số nguyên ≥ 0');
    expect(cell?.validation?.allowInvalid).toBe(false);
    const tickRow = grid.findIndex((r) => r[0] === 'DA_NOP') + 1;
    expect(sheet?.cells.find((c) => c.a1 === `E${tickRow}`)?.validation?.criteria).toBe('CHECKBOX');
    expect(grid[tickRow - 1].slice(4)).toEqual(Array(12).fill(false));
    expect(sheet?.frozenRows).toBe(grid.findIndex((r) => r[0] === 'Mã') + 1);
    expect(sheet?.conditionalFormats.length).toBeGreaterThanOrEqual(2);
  });
});

describe('setup twice', () => {
  it('loses nothing people typed, adds a new village and never duplicates the trigger', () => {
    const wb = workbookWithPreset('bach-ngoc');
    const grid = wb.emu.rawGrid('Thôn 2');
    const row = grid.findIndex((r) => r[0] === 'NTT_KNS') + 1;
    wb.emu.userEdit(wb.ctx, { user: 'thon2@example.com', sheet: 'Thôn 2', a1: `E${row}`, value: '1.234' });
    // Validation refuses text typed here; text can still arrive (pasted before validation existed).
    wb.emu.rawSet('Thôn 2', `E${row + 1}`, 'chưa rõ');
    const tickRow = grid.findIndex((r) => r[0] === 'DA_NOP') + 1;
    wb.emu.rawSet('Thôn 2', `F${tickRow}`, true);
    // A person inserts a row above the table and writes a remark.
    wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName('Thôn 2')?.insertRowsBefore(1, 1));
    wb.emu.rawSet('Thôn 2', 'A1', 'Ghi chú riêng của thôn');
    const registry = wb.emu.rawGrid('Danh sách');
    wb.emu.rawSet('Danh sách', `A${registry.length + 1}:C${registry.length + 1}`, [['Thôn 17 (mới)', 'Lò Văn Mới', 'thon17@example.com']]);
    const before = wb.emu.rawGrid('Thôn 2');

    wb.call('setupWorkbook');

    expect(wb.emu.rawGrid('Thôn 2')).toEqual(before);
    expect(wb.emu.rawGet('Thôn 2', `F${tickRow + 1}`)).toBe(true);
    expect(wb.emu.rawGet('Thôn 2', `E${row + 1}`)).toBe(1234);
    expect(wb.emu.sheetNames()).toContain('Thôn 17 (mới)');
    expect(wb.emu.triggers.filter((t) => t.handler === 'handleEdit')).toHaveLength(1);
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toContain('Đã tạo: Thôn 17 (mới).');
  });

  it('a village added to the settings table gets its row in every tab, above the status rows', () => {
    const wb = workbookWithPreset('bach-ngoc');
    const settings = wb.emu.rawGrid('Cấu hình');
    const smart = settings.findIndex((r) => r[0] === 'HO_SMART_HP') + 1;
    wb.emu.rawSet('Cấu hình', `G${smart}`, true);
    const before = wb.emu.rawGrid('Thôn 5');
    wb.call('setupWorkbook');
    const after = wb.emu.rawGrid('Thôn 5');
    expect(after.length).toBe(before.length + 1);
    const codes = after.map((r) => r[0]);
    expect(codes.indexOf('HO_SMART_HP')).toBeLessThan(codes.indexOf('DA_NOP'));
  });

  it('a tab that already holds other data under a village name is left alone', () => {
    const wb = newWorkbook({ editors: ['thon1@example.com'] });
    wb.call('setupWorkbook');
    wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.insertSheet('Thôn 1'));
    wb.emu.rawSet('Thôn 1', 'A1', 'Sổ tay riêng');
    wb.emu.rawSet('Danh sách', 'A5:C5', [['Thôn 1', 'Trưởng', 'thon1@example.com']]);
    wb.call('setupWorkbook');
    expect(wb.emu.rawGrid('Thôn 1')).toEqual([['Sổ tay riêng']]);
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toContain('không có dòng tiêu đề');
  });

  it('a village named like a formula stays text in every cell written', () => {
    const wb = newWorkbook();
    wb.call('setupWorkbook');
    wb.emu.rawSet('Danh sách', 'A5', '=IMPORTXML("x")');
    wb.call('setupWorkbook');
    const tab = sheetSnapshot(wb.emu, '=IMPORTXML("x")');
    expect(tab).toBeDefined();
    expect(tab?.cells.filter((c) => c.formula)).toEqual([]);
    expect(String(tab?.cells.find((c) => c.a1 === 'A1')?.value)).toContain('=IMPORTXML("X")');
  });
});
