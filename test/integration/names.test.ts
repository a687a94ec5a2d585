/**
 * Names are stable (docs/tabs.md, "Danh sách"): a tab renamed by hand, a village renamed in
 * `Danh sách`, a tab no village owns, a name or a count with characters nobody can see. Each case
 * is an attack that once lost or misfiled a village's reports. Bạch Ngọc (Thôn 1 … Thôn 16, heads
 * thonN@example.com), today 22/05/2026: Tháng 5 fell due on 20/05.
 */
import type { AggregationSummary } from '../../src/core/assessment/aggregation';
import { catalogueEntry } from '../../src/core/config/catalogue';
import { readRegistryGrid } from '../../src/core/config/registry';
import type { CheckResult } from '../../src/core/entry/checkResult';
import { vnInstant } from '../../src/core/shared/calendar';
import { sameName } from '../../src/core/shared/text';
import type { SetupReport } from '../../src/core/workbook/setupPlan';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { fillVillageMonth, OFFICE, pasteVillages, sampleVillages, workbookWithPreset, type TestWorkbook } from './harness';

const NOW = vnInstant(2026, 5, 22, 9);
const ON_TIME = vnInstant(2026, 5, 15, 9);
const head = (n: number) => `thon${n}@example.com`;

/** Bạch Ngọc set up, Thôn 1 having submitted Tháng 5 on time. */
function submitted(): TestWorkbook {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW });
  fillVillageMonth(wb.emu, 'Thôn 1', 5, { ticked: true, submittedAt: ON_TIME });
  return wb;
}

function rename(wb: TestWorkbook, from: string, to: string): void {
  wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName(from)?.setName(to));
}

const cellOf = (wb: TestWorkbook, tab: string, code: string, month: number) => {
  const map = locateVillageTab(wb.emu.rawGrid(tab));
  if (!map) throw new Error(`no village table in ${tab}`);
  return monthCellA1(map, code, month) as string;
};

const tabsNamed = (wb: TestWorkbook, name: string) => wb.emu.sheetNames().filter((n) => sameName(n, name));
const logDetails = (wb: TestWorkbook) => wb.emu.rawGrid('Nhật ký').map((row) => String(row[5])).join('\n');
const lastLog = (wb: TestWorkbook) => wb.emu.rawGrid('Nhật ký').at(-1)?.map(String) ?? [];
const statusOf = (wb: TestWorkbook, village: string) =>
  wb.call<AggregationSummary>('aggregateMonth', [5]).villages.find((v) => v.name === village)?.statuses;
const registryRowOf = (wb: TestWorkbook, village: string) =>
  readRegistryGrid(wb.emu.rawGrid('Danh sách')).villages.find((v) => v.name === village)?.row as number;

describe('a tab renamed by hand', () => {
  it('the office retypes "Thôn 1" as "thôn  1": setup gives the tab its name back, no empty twin, still on time', () => {
    const wb = submitted();
    const figure = wb.emu.rawGet('Thôn 1', cellOf(wb, 'Thôn 1', 'LUOT_DVCTT', 5));
    rename(wb, 'Thôn 1', 'thôn  1');

    const report = wb.call<SetupReport>('setupWorkbook');

    expect(tabsNamed(wb, 'Thôn 1')).toEqual(['Thôn 1']);
    expect(wb.emu.rawGet('Thôn 1', cellOf(wb, 'Thôn 1', 'LUOT_DVCTT', 5))).toBe(figure);
    expect(report.renamed).toEqual(['"thôn  1" → "Thôn 1"']);
    expect(logDetails(wb)).toContain('đổi tên tab theo Danh sách: "thôn  1" → "Thôn 1"');
    expect(statusOf(wb, 'Thôn 1')).toEqual(['DUNG_HAN']);
  });

  it('a rename in letter case only ("THÔN 1") does not stop setup with an error in English', () => {
    const wb = submitted();
    rename(wb, 'Thôn 1', 'THÔN 1');

    const report = wb.call<SetupReport | null>('setupWorkbook');

    expect(wb.emu.ui.alerts.at(-1)?.prompt).not.toMatch(/already exists/);
    expect(report?.renamed).toEqual(['"THÔN 1" → "Thôn 1"']);
    expect(wb.emu.sheetNames()).toContain('Thôn 1');
    expect(statusOf(wb, 'Thôn 1')).toEqual(['DUNG_HAN']);
  });

  it('an own tab retyped ("nhật  ký") gets its name back too, so every command finds it again', () => {
    const wb = submitted();
    rename(wb, 'Nhật ký', 'nhật  ký');
    const report = wb.call<SetupReport>('setupWorkbook');
    expect(tabsNamed(wb, 'Nhật ký')).toEqual(['Nhật ký']);
    expect(report.renamed).toEqual(['"nhật  ký" → "Nhật ký"']);
    expect(logDetails(wb)).toContain('"nhật  ký" → "Nhật ký"');
  });

  it('someone renames a village tab: Kiểm tra số liệu still checks it as the village and says so; setup names it back with a finding', () => {
    const wb = submitted();
    rename(wb, 'Thôn 1', 'Nhóm của tôi');

    const check = wb.call<CheckResult>('checkReports');
    const thon1 = check.villages.find((v) => v.village === 'Thôn 1');
    expect(thon1?.statuses[4]).toBe('DUNG_HAN');
    expect(thon1?.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('Thôn 1: tab của địa bàn này đang mang tên "Nhóm của tôi", khác tên trong "Danh sách"'));

    const report = wb.call<SetupReport>('setupWorkbook');
    expect(tabsNamed(wb, 'Thôn 1')).toEqual(['Thôn 1']);
    expect(wb.emu.sheetNames()).not.toContain('Nhóm của tôi');
    expect(report.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('Tab của Thôn 1 đã bị đổi tên thành "Nhóm của tôi"; đã đặt lại tên "Thôn 1"'));
    expect(logDetails(wb)).toContain('"Nhóm của tôi" → "Thôn 1"');
    expect(statusOf(wb, 'Thôn 1')).toEqual(['DUNG_HAN']);
  });
});

describe('a village renamed in Danh sách', () => {
  it('renames its tab, keeping every figure, instead of making an empty twin', () => {
    const wb = submitted();
    const cell = cellOf(wb, 'Thôn 1', 'LUOT_DVCTT', 5);
    const figure = wb.emu.rawGet('Thôn 1', cell);
    const gid = wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName('Thôn 1')?.getSheetId());
    wb.emu.rawSet('Danh sách', `A${registryRowOf(wb, 'Thôn 1')}`, 'Thôn Một');

    const report = wb.call<SetupReport>('setupWorkbook');

    expect(tabsNamed(wb, 'Thôn 1')).toEqual([]);
    expect(wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName('Thôn Một')?.getSheetId())).toBe(gid);
    expect(wb.emu.rawGet('Thôn Một', cell)).toBe(figure);
    expect(String(wb.emu.rawGet('Thôn Một', 'A1'))).toContain('THÔN MỘT');
    expect(report.createdCount).toBe(0);
    expect(report.orphans).toEqual([]);
    // The office renamed the village itself: logged, not a finding.
    expect(report.findings.filter((f) => f.message.includes('đã bị đổi tên'))).toEqual([]);
    expect(logDetails(wb)).toContain('đổi tên tab theo Danh sách: "Thôn 1" → "Thôn Một"');
    expect(statusOf(wb, 'Thôn Một')).toEqual(['DUNG_HAN']);
  });
});

describe('a tab with reports that no village owns', () => {
  /** Thôn 16 reported Tháng 5, then its row was cleared from Danh sách. */
  function orphaned(): TestWorkbook {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    fillVillageMonth(wb.emu, 'Thôn 16', 5, { ticked: true, submittedAt: ON_TIME });
    const row = registryRowOf(wb, 'Thôn 16');
    const width = wb.emu.rawGrid('Danh sách')[0].length;
    wb.emu.rawSet('Danh sách', `A${row}:${String.fromCharCode(64 + width)}${row}`, [Array(width).fill('')]);
    return wb;
  }

  it('setup names it in its dialog and in Nhật ký', () => {
    const wb = orphaned();
    const report = wb.call<SetupReport>('setupWorkbook');
    expect(report.orphans).toEqual(['Thôn 16']);
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toContain('Tab có số liệu nhưng không thuộc địa bàn nào trong "Danh sách" (số liệu không được tính): Thôn 16.');
    expect(logDetails(wb)).toContain('tab có số liệu nhưng không thuộc địa bàn nào trong Danh sách: Thôn 16');
  });

  it('Kiểm tra số liệu reports it', () => {
    const wb = orphaned();
    const check = wb.call<CheckResult>('checkReports');
    expect(check.configFindings).toContainEqual(expect.objectContaining({ level: 'warning', sheet: 'Thôn 16', message: expect.stringContaining('Tab "Thôn 16" có số liệu báo cáo nhưng không thuộc địa bàn nào') }));
  });
});

describe('the edit trigger finds the village by its tab, not by the tab name', () => {
  it('a tab renamed to look like another village (trailing space) still submits as its own village', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    // A tick of another village first, so the configuration is the one the trigger keeps in properties.
    wb.emu.userEdit(wb.ctx, { user: head(2), sheet: 'Thôn 2', a1: cellOf(wb, 'Thôn 2', STATUS_CODES.submitted, 4), value: true });
    fillVillageMonth(wb.emu, 'Thôn 1', 5, { ticked: false });
    // Renamed by whoever may: the office, or a head where the tab's protection lets them.
    rename(wb, 'Thôn 1', 'Thôn 2 ');

    wb.emu.userEdit(wb.ctx, { user: head(1), sheet: 'Thôn 2 ', a1: cellOf(wb, 'Thôn 2 ', STATUS_CODES.submitted, 5), value: true });

    expect(wb.emu.rawGet('Thôn 2 ', cellOf(wb, 'Thôn 2 ', STATUS_CODES.submittedAt, 5))).toBeInstanceOf(Date);
    const headOfThon1 = readRegistryGrid(wb.emu.rawGrid('Danh sách')).villages[0].head;
    expect(lastLog(wb).slice(1, 5)).toEqual([`Trưởng thôn ${headOfThon1} (theo Danh sách)`, 'Nộp báo cáo', 'Thôn 1', 'Tháng 5/2026']);
  });
});

describe('characters nobody can see', () => {
  it('"Thôn 1" followed by a zero-width space is a duplicate in Danh sách: no second tab that looks the same', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    const tabs = wb.emu.sheetNames().length;
    pasteVillages(wb.emu, [{ ...sampleVillages('bach-ngoc')[0], name: 'Thôn 1\u200b', email: 'khac@example.com' }], OFFICE);

    const report = wb.call<SetupReport>('setupWorkbook');

    expect(wb.emu.sheetNames()).toHaveLength(tabs);
    const duplicate = report.findings.find((f) => f.sheet === 'Danh sách' && f.level === 'error');
    expect(duplicate?.message).toMatch(/^Dòng \d+: "Thôn 1⟨ký tự ẩn U\+200B⟩" trùng tên với dòng 5; bỏ qua dòng này\.$/);
  });

  it('a count typed with a zero-width space or in fullwidth digits is read as the number it shows', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    const counts = [...(locateVillageTab(wb.emu.rawGrid('Thôn 3'))?.rows.keys() ?? [])].filter((code) => catalogueEntry(code)?.kind === 'SO_LUONG');
    fillVillageMonth(wb.emu, 'Thôn 3', 5, { ticked: false, override: { [counts[0]]: '12\u200b', [counts[1]]: '１２' } });

    wb.emu.userEdit(wb.ctx, { user: head(3), sheet: 'Thôn 3', a1: cellOf(wb, 'Thôn 3', STATUS_CODES.submitted, 5), value: true });

    expect(wb.emu.rawGet('Thôn 3', cellOf(wb, 'Thôn 3', STATUS_CODES.submitted, 5))).toBe(true);
    expect(lastLog(wb).slice(2, 5)).toEqual(['Nộp báo cáo', 'Thôn 3', 'Tháng 5/2026']);
    const summary = wb.call<AggregationSummary>('aggregateMonth', [5]);
    expect(summary.villages.find((v) => v.name === 'Thôn 3')?.statuses).toEqual(['NOP_MUON']);
  });
});
