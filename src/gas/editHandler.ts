/**
 * The installable on-edit trigger (docs/validation.md, "On a tick"). It runs as the office account that
 * installed it, so it may stamp the protected NGAY_NOP row and write the log; it reads only the
 * edited tab, once, and writes what core/entry/submission.ts plans.
 */
import { validationContextOf } from '../core/assessment/villageAssessment';
import { editorLabel } from '../core/entry/attribution';
import { planEdit, type EditedRect } from '../core/entry/editPlan';
import { checkboxCells, planSubmissions, type CellWrite } from '../core/entry/submission';
import { findVillage } from '../core/config/registry';
import { OWN_TABS } from '../core/workbook/tabNames';
import { sameName } from '../core/shared/text';
import { parseVillageTab } from '../core/entry/monthReports';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { appliedIndicators, readConfig } from './settingsSheet';
import { recordSuccessfulRun, retireIfReplaced } from './triggers';
import { readGrid } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Long enough to outwait another submission, short enough to stay inside the trigger's time. */
const LOCK_WAIT_MS = 20_000;

export function handleEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (OWN_TABS.some((own) => sameName(own, tab))) return;
  const ss = e.source ?? sheet.getParent();
  const email = editorEmail(e);
  try {
    const rect: EditedRect = { row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
    withDocumentLock(() => handleVillageEdit(ss, sheet, tab, rect, email, e.triggerUid), LOCK_WAIT_MS);
  } catch (err) {
    logFailure(ss, tab, err, editorLabel(email, tab, null, ''));
  }
}

/** `tab` is the sheet's name, asked once per edit: every service call counts on this path. */
function handleVillageEdit(ss: Spreadsheet, sheet: Sheet, tab: string, rect: EditedRect, email: string, triggerUid: string | undefined): void {
  const config = readConfig(ss);
  if (!config) return;
  const village = findVillage(config.villages, tab);
  if (!village) return;
  const indicators = appliedIndicators(config);
  const report = parseVillageTab(tab, readGrid(sheet), indicators);
  if (!report) return;
  const actions = planEdit(report, rect);
  // Checked only when there is work: a plain edit costs no property read.
  if (actions.length === 0 || retireIfReplaced('edit', triggerUid)) return;
  const now = new Date();
  const ctx = validationContextOf(village, { settings: config.settings, indicators, now });
  // The checkboxes' ranges are kept: the plan mostly writes to them again.
  const ranges = new Map<string, Range>(checkboxCells(report, actions).map((cell) => [cell, sheet.getRange(cell)]));
  const notes = new Map([...ranges].map(([cell, r]) => [cell, r.getNote()]));
  const plan = planSubmissions(report, actions, notes, ctx, now);
  plan.writes.forEach((write) => applyWrite(ranges.get(write.cell) ?? sheet.getRange(write.cell), write));
  appendLog(ss, plan.log, now, editorLabel(email, tab, village, config.settings.villageWord));
  recordSuccessfulRun('edit', now);
}

function applyWrite(range: Range, write: CellWrite): void {
  if (write.value !== undefined) range.setValue(write.value);
  if (write.numberFormat !== undefined) range.setNumberFormat(write.numberFormat);
  if (write.note !== undefined) range.setNote(write.note);
}

/** '' when the platform withholds it (consumer accounts, another Workspace domain). */
function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return e.user?.getEmail() ?? '';
  } catch {
    return '';
  }
}

/** A trigger must never throw at the person typing: the failure goes to the log instead. */
function logFailure(ss: Spreadsheet, tab: string, err: unknown, editor: string): void {
  const message = err instanceof Error ? err.message : String(err);
  try {
    appendLog(ss, [{ action: 'Lỗi xử lý khi sửa ô', village: tab, detail: message }], new Date(), editor);
  } catch {
    // Nothing left to report to: the log itself is unavailable.
  }
}
