/**
 * The year (docs/periods-and-status.md, "The year") through the built bundle: Năm mới in a copy of
 * 2026's workbook on 05/01/2027, `Năm` changed in the sidebar or typed into `Cấu hình`, Tổng hợp
 * without `Danh sách` or `Cấu hình`, and a preset applied over the office's own settings.
 *
 * 2026 as filled (bach-ngoc, 16 villages): every village submitted January–November on the 10th,
 * cumulative values growing each month; Thôn 1 also December; Thôn 2 only January–October, with
 * November typed but never ticked.
 */
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import type { AggregationSummary } from '../../src/core/assessment/aggregation';
import { catalogueEntry, type DenominatorCode } from '../../src/core/config/catalogue';
import { readRegistryGrid } from '../../src/core/config/registry';
import { vnInstant } from '../../src/core/shared/calendar';
import { TAB_LOG, TAB_REGISTRY, TAB_REPORT, TAB_SETTINGS, TAB_SUMMARY } from '../../src/core/workbook/tabNames';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { a1 } from '../../src/core/shared/a1';
import { OWN_NOTE_MARKER } from '../../src/core/entry/ownNotes';
import { fillVillageMonth, OFFICE, sampleVillages, setSetting, workbookWithPreset, type TestWorkbook } from './harness';

const VILLAGES = sampleVillages('bach-ngoc').map((v) => v.name);
const share = (month: number) => 0.4 + month * 0.03;

function year2026(): TestWorkbook {
  const wb = workbookWithPreset('bach-ngoc', { now: vnInstant(2026, 12, 28, 9) });
  VILLAGES.forEach((name, i) => {
    const last = i === 0 ? 12 : i === 1 ? 10 : 11;
    for (let m = 1; m <= last; m++) fillVillageMonth(wb.emu, name, m, { ticked: true, submittedAt: vnInstant(2026, m, 10, 9), share: share(m) });
  });
  fillVillageMonth(wb.emu, VILLAGES[1], 11, { ticked: false, share: share(11) });
  return wb;
}

const settingRow = (wb: TestWorkbook, label: string) => wb.emu.rawGrid(TAB_SETTINGS).findIndex((r) => r[0] === label);
const yearOf = (wb: TestWorkbook) => wb.emu.rawGrid(TAB_SETTINGS)[settingRow(wb, 'Năm')][1];
const logRows = (wb: TestWorkbook) => wb.emu.rawGrid(TAB_LOG).slice(1).filter((r) => r.some((v) => v !== ''));
const cellOf = (wb: TestWorkbook, tab: string, code: string, month: number) => monthCellA1(locateVillageTab(wb.emu.rawGrid(tab))!, code, month) as string;

/** The value fillVillageMonth typed for a cumulative indicator in a month of `village`. */
function typedValue(wb: TestWorkbook, village: string, code: string, month: number): number {
  const registry = readRegistryGrid(wb.emu.rawGrid(TAB_REGISTRY)).villages.find((v) => v.name === village);
  return Math.floor((registry?.denominators[catalogueEntry(code)?.denominator as DenominatorCode] ?? 0) * share(month));
}

function setNote(wb: TestWorkbook, tab: string, cell: string, note: string): void {
  wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName(tab)?.getRange(cell).setNote(note));
}

function noteOf(wb: TestWorkbook, tab: string, cell: string): string {
  return wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName(tab)?.getRange(cell).getNote() ?? '');
}

describe('Năm mới', () => {
  it('keeps the settings and Danh sách, carries the cumulative values into Đầu năm and clears the rest of 2026', () => {
    const wb = year2026();
    const target = settingRow(wb, 'DANH MỤC CHỈ TIÊU') + 3; // 1-based row of the table's first indicator
    wb.emu.rawSet(TAB_SETTINGS, `F${target}`, 91); // the office's own target for the first indicator
    const kept = cellOf(wb, VILLAGES[0], 'HS_KNS', 3);
    setNote(wb, VILLAGES[0], kept, `Số của trường THCS\n\n${OWN_NOTE_MARKER} • một lỗi cũ`);
    wb.call('aggregateMonth', [11]);
    const settingsBefore = wb.emu.rawGrid(TAB_SETTINGS);
    const registryBefore = wb.emu.rawGrid(TAB_REGISTRY);

    wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
    wb.emu.ui.queueResponse({ button: 'YES' });
    wb.emu.ui.queueResponse({ button: 'YES' }); // December is still missing almost everywhere
    wb.call('startNewYear');

    const settingsAfter = wb.emu.rawGrid(TAB_SETTINGS);
    expect(yearOf(wb)).toBe(2027);
    settingsAfter[settingRow(wb, 'Năm')][1] = 2026;
    expect(settingsAfter).toEqual(settingsBefore);
    expect(wb.emu.rawGrid(TAB_REGISTRY)).toEqual(registryBefore);

    for (const name of VILLAGES) {
      const grid = wb.emu.rawGrid(name);
      const map = locateVillageTab(grid)!;
      expect(grid[0][0]).toContain('NĂM 2027');
      expect(map.startCol).toBeGreaterThanOrEqual(0);
      for (const [code, row] of map.rows) {
        const months = map.monthCols.map((c) => grid[row][c]);
        if (code === STATUS_CODES.submitted) expect(months).toEqual(Array(12).fill(false));
        else expect(months).toEqual(Array(12).fill(''));
      }
    }
    // Đầu năm: the last submitted month's cumulative value; Thôn 2's unticked November does not count.
    const startOf = (name: string, code: string) => {
      const grid = wb.emu.rawGrid(name);
      const map = locateVillageTab(grid)!;
      return grid[map.rows.get(code)!][map.startCol];
    };
    expect(startOf(VILLAGES[0], 'HS_KNS')).toBe(typedValue(wb, VILLAGES[0], 'HS_KNS', 12));
    expect(startOf(VILLAGES[1], 'NTT_KNS')).toBe(typedValue(wb, VILLAGES[1], 'NTT_KNS', 10));
    expect(startOf(VILLAGES[2], 'NTT_KNS')).toBe(typedValue(wb, VILLAGES[2], 'NTT_KNS', 11));
    expect(startOf(VILLAGES[2], 'LUOT_DVCTT')).toBe(''); // monthly counts start from nothing

    expect(noteOf(wb, VILLAGES[0], kept)).toBe('Số của trường THCS');
    expect(wb.emu.sheetNames()).not.toContain(TAB_SUMMARY);
    expect(wb.emu.sheetNames()).not.toContain(TAB_REPORT);
    const log = logRows(wb);
    expect(log[0][2]).toBe('Năm mới');
    expect(log[0][5]).toContain('Bắt đầu năm 2027 từ bảng tính "');
    expect(log[0][5]).toContain('(năm 2026)');
    expect(log.map((r) => r[2])).not.toContain('Tổng hợp');
    expect(log.some((r) => String(r[4]).includes('2026'))).toBe(false);

    // The new year counts from nothing, and is reported for itself.
    const summary = wb.call<AggregationSummary>('aggregateMonth', [1]);
    expect(summary.periodLabel).toBe('Tháng 1/2027');
    expect(summary.completeness.submitted).toBe(0);
  });

  it('inserts Đầu năm into a tab made before that column existed', () => {
    const wb = year2026();
    const tab = VILLAGES[3];
    wb.emu.run({ activeUser: OFFICE }, () => {
      const sheet = wb.emu.spreadsheet.getSheetByName(tab)!;
      sheet.deleteColumn(locateVillageTab(wb.emu.rawGrid(tab))!.startCol + 1);
    });
    expect(locateVillageTab(wb.emu.rawGrid(tab))!.startCol).toBe(-1);
    const december = typedValue(wb, tab, 'NTT_KNS', 11);
    wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
    wb.call('startNewYear');
    const grid = wb.emu.rawGrid(tab);
    const map = locateVillageTab(grid)!;
    expect(grid[map.headerRow][map.startCol]).toBe('Đầu năm');
    expect(map.startCol).toBe(map.monthCols[0] - 1);
    expect(grid[map.rows.get('NTT_KNS')!][map.startCol]).toBe(december);
    expect(map.monthCols.map((c) => grid[map.rows.get('NTT_KNS')!][c])).toEqual(Array(12).fill(''));
  });

  it('changes nothing when the office says no, at the first question or at the months still missing', () => {
    for (const answers of [['NO'], ['YES', 'NO']] as const) {
      const wb = year2026();
      wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
      const before = wb.emu.model();
      for (const button of answers) wb.emu.ui.queueResponse({ button });
      expect(wb.call('startNewYear')).toBeNull();
      expect(wb.emu.model()).toEqual(before);
    }
  });

  it('asks about the months still missing, naming them', () => {
    const wb = year2026();
    wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
    wb.emu.ui.queueResponse({ button: 'YES' });
    wb.emu.ui.queueResponse({ button: 'NO' });
    wb.call('startNewYear');
    const question = wb.emu.ui.alerts[wb.emu.ui.alerts.length - 1].prompt;
    expect(question).toContain(`Năm 2026 còn 16 báo cáo tháng chưa được tính là đã nộp`);
    expect(question).toContain(`${VILLAGES[1]} (tháng 11–12)`);
  });

  it('refuses to start from a workbook whose Năm was already moved on over last year\'s reports', () => {
    const wb = year2026();
    wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
    setSetting(wb.emu, 'Năm', 2027);
    const before = wb.emu.model();
    expect(wb.call('startNewYear')).toBeNull();
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toMatch(/^Chưa bắt đầu năm mới: Năm trong tab "Cấu hình" là 2027 nhưng các tab địa bàn còn báo cáo đã nộp năm 2026/);
    expect(wb.emu.model()).toEqual(before);
  });

  it('is refused to a village head', () => {
    const wb = year2026();
    const head = sampleVillages('bach-ngoc')[0].email;
    const before = wb.emu.model();
    expect(wb.call('startNewYear', [], { activeUser: head })).toBeNull();
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toContain('Chỉ cán bộ phòng Văn hóa - Xã hội');
    expect(wb.emu.model()).toEqual(before);
  });
});

describe('Năm and the tabs', () => {
  it('refuses a change of Năm in Cài đặt while the tabs hold 2026\'s reports, pointing to Năm mới', () => {
    const wb = year2026();
    const data = wb.call<{ values: Record<string, unknown> }>('getSettingsData');
    const result = wb.call<{ ok: boolean; message: string; errors: Record<string, string> }>('saveSettings', [{ ...data.values, year: 2027 }, data.values]);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Không đổi Năm từ 2026 sang 2027 được');
    expect(result.message).toContain('"Năm mới"');
    expect(result.errors.year).toBeTruthy();
    expect(yearOf(wb)).toBe(2026);
    expect(logRows(wb).map((r) => r[2])).not.toContain('Sửa cấu hình');
  });

  it('lets Cài đặt change Năm before anything was submitted', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: vnInstant(2026, 12, 28, 9) });
    const data = wb.call<{ values: Record<string, unknown> }>('getSettingsData');
    expect(wb.call<{ ok: boolean }>('saveSettings', [{ ...data.values, year: 2027 }, data.values]).ok).toBe(true);
    expect(yearOf(wb)).toBe(2027);
  });

  it('does not count January 2026\'s ticks as January 2027 when 2027 is typed into Cấu hình: Tổng hợp refuses, Kiểm tra says why', () => {
    const wb = year2026();
    wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
    setSetting(wb.emu, 'Năm', 2027);
    expect(() => wb.call('aggregateMonth', [1])).toThrow(/^Chưa tổng hợp: Năm trong tab "Cấu hình" là 2027 nhưng các tab địa bàn còn báo cáo đã nộp năm 2026: Thôn 1 \(tháng 1–12\)/);
    expect(wb.emu.sheetNames()).not.toContain(TAB_SUMMARY);
    const check = wb.call<{ villages: { statuses: string[]; findings: { message: string }[] }[] }>('checkReports');
    expect(check.villages[0].statuses[0]).toBe('CHUA_NOP');
    expect(check.villages[0].findings.some((f) => f.message.startsWith('Thôn 1, Tháng 1, ô ') && f.message.includes('ngày nộp 10/01/2026 thuộc năm 2026, không phải năm 2027'))).toBe(true);
  });
});

describe('Năm typed into Cấu hình over 2026\'s tabs, said by setup and Kiểm tra số liệu', () => {
  it('lists, in setup\'s summary, each tab holding another year\'s stamps, and in Kiểm tra, the disagreement first', () => {
    const wb = year2026();
    wb.emu.clock.set(vnInstant(2027, 1, 5, 9));
    setSetting(wb.emu, 'Năm', 2027);
    wb.call('setupWorkbook');
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toContain('• Thôn 1: tháng 1–12 có ngày nộp năm 2026, không phải năm 2027 trong tab "Cấu hình", nên không được tính là đã nộp.');
    const check = wb.call<{ configFindings: { level: string; message: string }[] }>('checkReports');
    expect(check.configFindings[0]).toMatchObject({ level: 'error', message: expect.stringMatching(/^Năm trong tab "Cấu hình" là 2027 nhưng các tab địa bàn còn báo cáo đã nộp năm 2026/) });
  });
});

describe('Tổng hợp needs Cấu hình and Danh sách', () => {
  for (const tab of [TAB_REGISTRY, TAB_SETTINGS]) {
    it(`refuses without "${tab}", saying how to get it back, instead of reporting 0/0`, () => {
      const wb = year2026();
      wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.deleteSheet(wb.emu.spreadsheet.getSheetByName(tab)!));
      expect(() => wb.call('aggregateMonth', [11])).toThrow(`Không tìm thấy tab "${tab}"`);
      wb.call('aggregateReports');
      expect(wb.emu.ui.alerts.at(-1)?.prompt).toContain('Lịch sử phiên bản');
      expect(wb.emu.sheetNames()).not.toContain(TAB_SUMMARY);
    });
  }

  it('refuses an empty Danh sách', () => {
    const wb = workbookWithPreset('mac-dinh');
    const registry = readRegistryGrid(wb.emu.rawGrid(TAB_REGISTRY));
    for (const v of registry.villages) wb.emu.rawSet(TAB_REGISTRY, a1(v.row, 1), '');
    expect(() => wb.call('aggregateMonth', [1])).toThrow('chưa có địa bàn nào');
  });
});

describe('applying a preset again', () => {
  it('puts the previous settings and indicator table into Nhật ký before overwriting them', () => {
    const wb = workbookWithPreset('bach-ngoc');
    const table = settingRow(wb, 'DANH MỤC CHỈ TIÊU') + 3; // 1-based row of the table's first indicator
    const [code] = wb.emu.rawGrid(TAB_SETTINGS)[table - 1];
    wb.emu.rawSet(TAB_SETTINGS, `F${table}`, 93);
    wb.emu.rawSet(TAB_SETTINGS, `G${table}`, false);
    setSetting(wb.emu, 'Email phòng VH-XH', 'vhxh@example.gov.vn');
    wb.call('applyPreset', ['an-hai']);
    const line = logRows(wb).find((r) => r[2] === 'Áp dụng mẫu cấu hình' && String(r[5]).includes('Cài đặt cũ'));
    expect(line?.[5]).toContain('Email phòng VH-XH: vhxh@example.gov.vn');
    expect(line?.[5]).toContain(`Năm: ${DEFAULT_SETTINGS.year}`);
    expect(line?.[5]).toMatch(new RegExp(`${code} "[^"]+" — Mẫu số: [A-Z_]+, Chỉ tiêu năm: 93%, Áp dụng: không`));
  });
});
