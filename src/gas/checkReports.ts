/**
 * Kiểm tra số liệu (docs/validation.md, "The check command"): read every village tab, apply the
 * marks core plans, list the findings in a dialog.
 */
import { planMarks } from '../core/entry/cellMarks';
import { yearConflictFinding } from '../core/assessment/reportYear';
import { checkLogEntry, checkVillageTabs, renderCheckDialog, type CheckResult } from '../core/entry/checkResult';
import { orphanTabFinding } from '../core/workbook/orphanTabs';
import { tidyText } from '../core/shared/text';
import { applyMarks } from './cellMarks';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { appliedIndicators } from '../core/config/settings';
import { requireConfig } from './settingsSheet';
import { readVillageTabs, type VillageTabRead } from './villageTabs';
import { asOffice, menuCommand } from './office';
import { orphanTabs, tabFinder } from './workbook';
import { settlePendingEdits } from './pendingEdits';

/** One read of the tab's notes and of its backgrounds (the data range starts at A1), and at most one write of each. */
function markTab({ sheet, range, report, assessments }: VillageTabRead): void {
  if (!sheet || !range || !report) return;
  const plan = planMarks(report, assessments.map((m) => m.findings), range.getNotes(), range.getBackgrounds());
  if (plan) applyMarks(sheet, plan);
}

export function checkReportsIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CheckResult {
  const now = new Date();
  const config = requireConfig(ss);
  // Ticks the edit trigger could not finish are stamped first, so they are checked as submitted.
  settlePendingEdits(ss, config);
  // By the tab ids `Danh sách` records: a tab renamed by hand is still checked as its village's.
  const tabs = readVillageTabs(ss, config, now);
  const orphans = orphanTabs(ss, new Set(tabs.flatMap((t) => (t.sheet ? [t.sheet.getSheetId()] : []))));
  // `Năm` and the tabs' stamps disagreeing is said first, once, above the month-by-month findings.
  const otherYear = yearConflictFinding(tabs.map((t) => ({ name: t.village.name, report: t.report })), config.settings);
  const configFindings = [...(otherYear ? [otherYear] : []), ...config.findings, ...orphans.map(orphanTabFinding)];
  const result = checkVillageTabs(tabs, configFindings, { settings: config.settings, indicators: appliedIndicators(config), now });
  tabs.forEach(markTab);
  appendLog(ss, [checkLogEntry(result)], now);
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
