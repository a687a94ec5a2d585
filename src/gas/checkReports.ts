/** Kiểm tra số liệu: validate every village tab, mark the cells, list the findings in a dialog. */
import { validationContextOf } from '../core/assessment/villageAssessment';
import { formatVnDateTime } from '../core/shared/calendar';
import { planMarks } from '../core/entry/cellMarks';
import { renderCheckDialog, type CheckResult, type VillageCheck } from '../core/entry/checkResult';
import { errorsOf, warningsOf, type Finding } from '../core/shared/findings';
import { PALETTE } from '../core/shared/palette';
import { tidyText } from '../core/shared/text';
import { validateTabLayout } from '../core/entry/validation';
import type { VillageReport } from '../core/entry/monthReports';
import { STATUS_CODES } from '../core/workbook/villageTabLayout';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { appliedIndicators, requireConfig } from './settingsSheet';
import { readVillageTabs } from './villageTabs';
import { asOffice, menuCommand } from './office';
import { tabFinder } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A village tab as read for the check: one getValues, and the range it came from. */
interface CheckedTab {
  check: VillageCheck;
  sheet: Sheet;
  range: Range;
  report: VillageReport;
  findingsByMonth: Finding[][];
}

const MARKS = {
  error: PALETTE.bad,
  warning: PALETTE.near,
  restore: (code: string) => (code === STATUS_CODES.submitted ? PALETTE.submittedRowBg : code === STATUS_CODES.submittedAt ? PALETTE.autoRowBg : PALETTE.inputBg),
};

function checkWorkbook(ss: Spreadsheet, now: Date): { result: CheckResult; tabs: CheckedTab[] } {
  const config = requireConfig(ss);
  const input = { settings: config.settings, indicators: appliedIndicators(config), now };
  const tabs: CheckedTab[] = [];
  const villages: VillageCheck[] = [];
  for (const { village, tabName, sheet, range, report, assessments } of readVillageTabs(ss, config, now)) {
    const empty = { village: village.name, sheet: tabName ?? '', statuses: [] };
    if (!sheet || !range) {
      villages.push(summarise({ ...empty, findings: [{ level: 'error', sheet: '', cell: '', message: `${village.name}: chưa có tab của địa bàn này; chạy "Khởi tạo / cập nhật bảng tính".` }] }));
      continue;
    }
    if (!report) {
      villages.push(summarise({ ...empty, findings: [{ level: 'error', sheet: empty.sheet, cell: '', message: `${village.name}: không tìm thấy dòng tiêu đề "Mã | Chỉ tiêu | Tháng 1…" trong tab.` }] }));
      continue;
    }
    const findingsByMonth = assessments.map((m) => m.findings);
    const layoutFindings = validateTabLayout(report, validationContextOf(village, input));
    const check = summarise({ ...empty, findings: [...layoutFindings, ...findingsByMonth.flat()], statuses: assessments.map((m) => m.status) });
    villages.push(check);
    tabs.push({ check, sheet, range, report, findingsByMonth });
  }
  const all = [...config.findings, ...villages.flatMap((v) => v.findings)];
  const result: CheckResult = { checkedAt: formatVnDateTime(now), villages, configFindings: config.findings, errors: errorsOf(all).length, warnings: warningsOf(all).length };
  return { result, tabs };
}

function summarise(v: Omit<VillageCheck, 'errors' | 'warnings'>): VillageCheck {
  return { ...v, errors: errorsOf(v.findings).length, warnings: warningsOf(v.findings).length };
}

/** Marks offending cells and clears marks whose problem is gone: one read and at most one write of each. */
function markTab(tab: CheckedTab): void {
  const plan = planMarks(tab.report, tab.findingsByMonth, tab.range.getNotes(), tab.range.getBackgrounds(), MARKS);
  if (!plan.changed) return;
  const { row, column, numRows, numColumns } = plan.changed;
  const target = tab.sheet.getRange(tab.range.getRow() + row, tab.range.getColumn() + column, numRows, numColumns);
  const cut = (grid: string[][]) => grid.slice(row, row + numRows).map((r) => r.slice(column, column + numColumns));
  if (plan.notesChanged) target.setNotes(cut(plan.notes));
  if (plan.backgroundsChanged) target.setBackgrounds(cut(plan.backgrounds));
}

export function checkReportsIn(ss: Spreadsheet): CheckResult {
  const now = new Date();
  const { result, tabs } = checkWorkbook(ss, now);
  tabs.forEach(markTab);
  const withProblems = result.villages.filter((v) => v.findings.length > 0).length;
  appendLog(ss, [{ action: 'Kiểm tra số liệu', detail: `${result.errors} lỗi, ${result.warnings} cảnh báo ở ${withProblems}/${result.villages.length} địa bàn.` }], now);
  return result;
}

/** Menu "Kiểm tra số liệu". */
export function checkReports(): CheckResult | null {
  return menuCommand('Kiểm tra số liệu', (ss) => {
    const result = withDocumentLock(() => checkReportsIn(ss));
    const html = HtmlService.createHtmlOutput(renderCheckDialog(result)).setWidth(560).setHeight(520);
    SpreadsheetApp.getUi().showModelessDialog(html, 'Kiểm tra số liệu');
    return result;
  });
}

const A1_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** Called from the dialog: brings the tab forward and selects the cell of a finding. */
export function selectCell(sheetName: unknown, a1: unknown): void {
  asOffice((ss) => {
    const sheet = tabFinder(ss)(tidyText(sheetName))?.sheet;
    if (!sheet) throw new Error(`Không tìm thấy tab "${String(sheetName)}".`);
    sheet.activate();
    const cell = String(a1 ?? '').toUpperCase();
    if (A1_CELL.test(cell)) sheet.getRange(cell).activate();
  });
}
