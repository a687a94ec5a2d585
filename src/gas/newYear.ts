/**
 * Năm mới (docs/entry-points.md, "Menu"): run by the office in a copy of this year's spreadsheet
 * (File → Make a copy; with the add-on, the same copy opened with the add-on). Two confirmations,
 * then, under the document lock: every village tab read and planned (core/workbook/newYear.ts)
 * before the first write, the tabs cleared, `Tổng hợp`, `Báo cáo` and `Nhật ký` emptied, `Năm`
 * moved on, one log line, and setup for the new year (titles, shading, the edit trigger).
 */
import { NEW_YEAR_CAPTION, yearConflict } from '../core/assessment/reportYear';
import { locateSettingCells } from '../core/config/settingsGrid';
import {
  newYearConfirmText,
  newYearDoneText,
  newYearLogDetail,
  planNewYearTab,
  unsubmittedConfirmText,
  unsubmittedMonths,
  type CellBlock,
  type NewYearTabPlan,
} from '../core/workbook/newYear';
import { setupSummary, type SetupReport } from '../core/workbook/setupPlan';
import { TAB_LOG, TAB_REPORT, TAB_SETTINGS, TAB_SUMMARY } from '../core/workbook/tabNames';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';
import { invalidateConfigCache } from './configCache';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { menuCommand } from './office';
import { settlePendingEdits } from './pendingEdits';
import { appliedIndicators } from '../core/config/settings';
import { requireConfig, type WorkbookConfig } from './settingsSheet';
import { setupWorkbookIn } from './setup';
import { clearProgress } from './setupProgress';
import { readVillageTabs, type VillageTabRead } from './villageTabs';
import { readGrid } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Ui = GoogleAppsScript.Base.Ui;

/** Menu "Năm mới". Returns what setup did for the new year, or null when the office said no. */
export function startNewYear(): SetupReport | null {
  return menuCommand(NEW_YEAR_CAPTION, (ss) => {
    // Setup's time budget counts from here: the dialogs' time is the execution's too.
    const startedAt = Date.now();
    const ui = SpreadsheetApp.getUi();
    const { year } = requireConfig(ss).settings;
    if (!confirmed(ui, newYearConfirmText(year, ss.getName()))) return null;
    const unsubmitted = withDocumentLock(() => {
      const { tabs } = readYear(ss);
      return unsubmittedMonths(tabs.map((t) => ({ name: t.village.name, statuses: t.report && t.assessments.map((a) => a.status) })));
    });
    if (unsubmitted.length > 0 && !confirmed(ui, unsubmittedConfirmText(year, unsubmitted))) return null;
    // Read again under the lock that covers the writes: the tabs may have changed during the dialog.
    const report = withDocumentLock(() => startNewYearIn(ss, startedAt));
    ui.alert(NEW_YEAR_CAPTION, newYearDoneText(year, setupSummary(report)), ui.ButtonSet.OK);
    return report;
  });
}

function confirmed(ui: Ui, text: string): boolean {
  return ui.alert(NEW_YEAR_CAPTION, text, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/**
 * The year as the tabs hold it, ticks left waiting stamped first so that they count. Refused when
 * `Năm` and the tabs disagree: the year to start from would be the wrong one.
 */
function readYear(ss: Spreadsheet): { config: WorkbookConfig; tabs: VillageTabRead[] } {
  settlePendingEdits(ss);
  const config = requireConfig(ss);
  const tabs = readVillageTabs(ss, config, new Date());
  const conflict = yearConflict(tabs.map((t) => ({ name: t.village.name, report: t.report })), config.settings);
  if (conflict) throw new Error(`Chưa bắt đầu năm mới: ${conflict}`);
  return { config, tabs };
}

/** Under the document lock: everything read and planned, then written; setup last. */
function startNewYearIn(ss: Spreadsheet, startedAt: number): SetupReport {
  const { config, tabs } = readYear(ss);
  const { year } = config.settings;
  const settingsSheet = ss.getSheetByName(TAB_SETTINGS) as Sheet;
  const yearCell = locateSettingCells(readGrid(settingsSheet)).get('year');
  if (!yearCell) throw new Error(`Tab "${TAB_SETTINGS}" không còn dòng "Năm": chạy "${SETUP_CAPTION}" để thêm lại rồi chọn "${NEW_YEAR_CAPTION}" lần nữa.`);
  const indicators = appliedIndicators(config);
  const plans = tabs.flatMap(({ sheet, range, report, assessments, grid }) => {
    if (!sheet || !range || !report || !grid) return [];
    const plan = planNewYearTab({ report, statuses: assessments.map((a) => a.status), grid, notes: range.getNotes(), backgrounds: range.getBackgrounds() }, indicators);
    return [{ sheet, plan }];
  });

  plans.forEach(({ sheet, plan }) => applyTabPlan(sheet, plan));
  for (const name of [TAB_SUMMARY, TAB_REPORT]) {
    const sheet = ss.getSheetByName(name);
    // Tổng hợp makes them again; their year-old figures must not be read as the new year's.
    if (sheet) ss.deleteSheet(sheet);
  }
  clearLog(ss);
  // `Năm` last among the changes: a run stopped before it is simply run again (core/workbook/newYear.ts).
  settingsSheet.getRange(yearCell.row + 1, yearCell.col + 1).setValue(year + 1);
  invalidateConfigCache();
  clearProgress();
  const carried = plans.filter(({ plan }) => plan.carried > 0).length;
  appendLog(ss, [{ action: NEW_YEAR_CAPTION, period: `Năm ${year + 1}`, detail: newYearLogDetail(year, ss.getName(), config.villages.length, carried) }]);
  return setupWorkbookIn(ss, startedAt);
}

function applyTabPlan(sheet: Sheet, plan: NewYearTabPlan): void {
  const rangeOf = (b: CellBlock) => sheet.getRange(b.row, b.column, b.values.length, b.values[0].length);
  if (plan.insertStartBefore !== null) sheet.insertColumnBefore(plan.insertStartBefore);
  for (const block of plan.writes) rangeOf(block).setValues(block.values);
  if (plan.notes) rangeOf(plan.notes).setNotes(plan.notes.values as string[][]);
  if (plan.backgrounds) rangeOf(plan.backgrounds).setBackgrounds(plan.backgrounds.values as string[][]);
}

/** Every row under the header goes; the header stays, and the new year's first line follows it. */
function clearLog(ss: Spreadsheet): void {
  const log = ss.getSheetByName(TAB_LOG);
  const lastRow = log?.getLastRow() ?? 0;
  if (log && lastRow > 1) log.getRange(2, 1, lastRow - 1, log.getLastColumn()).clearContent();
}
