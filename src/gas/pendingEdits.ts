/**
 * Edits the trigger could not finish (docs/validation.md, "When the add-on is busy"): recorded with
 * their moment in document properties, marked on the head's checkbox, and replayed by a one-off
 * trigger (`retryPendingEdits`), by Kiểm tra số liệu and by the daily reminder run, whichever comes
 * first. Also the one place that applies a submission plan to a village tab.
 */
import { validationContextOf } from '../core/assessment/villageAssessment';
import type { EditConfig } from '../core/config/configCache';
import { editorLabel } from '../core/entry/attribution';
import { planEdit, tickCellRect, type EditAction } from '../core/entry/editPlan';
import { parseVillageTab, type VillageReport } from '../core/entry/monthReports';
import { withOwnNote } from '../core/entry/ownNotes';
import {
  abandonedLog, editsOfTab, MAX_ATTEMPTS, monthsToSettle, PENDING_NOTE, mergedPendingRecords, pendingEditKeys, pendingEditRecords, readPendingEdits, replayedLog, RETRY_AFTER_MS, type PendingEdit,
} from '../core/entry/pendingEdits';
import { columnsToRead, planSubmissions, tabCellsOf, type CellWrite, type SubmissionLogEntry } from '../core/entry/submission';
import { editConfigOf } from '../core/config/configCache';
import { bestEffort, messageOf } from './failures';
import { applyMarks } from './cellMarks';
import { appendLog } from './log';
import { retireOnce, scheduleOnce } from './oneOffTrigger';
import { readConfig, type WorkbookConfig } from './settingsSheet';
import { activeSpreadsheet, readGrid, tabFinder } from './workbook';
import { withDocumentLock } from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const RETRY_KEY = 'edit.retry';
const RETRY_HANDLER = 'retryPendingEdits';
/** The retry has a whole execution to itself: it may wait longer for the lock than an edit. */
const RETRY_LOCK_WAIT_MS = 60_000;

const properties = () => PropertiesService.getDocumentProperties();

/** Records the edit of `months` before anything can fail; returns the moment to stamp each with. */
export function recordPendingEdits(tab: string | null, months: readonly number[], at: Date, error = ''): (month: number) => Date {
  const props = properties();
  const stored = new Map(pendingEditKeys(tab, months).map((key) => [key, props.getProperty(key)]));
  const { records, moments } = mergedPendingRecords(tab, months, at, error, stored);
  props.setProperties(records);
  return (month) => moments.get(month) ?? at;
}

export function forgetPendingEdits(tab: string, months: readonly number[]): void {
  const props = properties();
  pendingEditKeys(tab, months).forEach((key) => props.deleteProperty(key));
}

/**
 * After a failure: record the edit (again: the first record may be what failed), tell the head on
 * each ticked checkbox that it is being handled, and schedule the retry. Each step stands alone, so
 * one failing still lets the others happen. `tab` is null when even the tab was not known.
 */
export function leaveForRetry(sheet: Sheet | null, tab: string | null, report: VillageReport | null, months: readonly number[], at: Date, err: unknown): void {
  bestEffort(() => recordPendingEdits(tab, months, at, messageOf(err)));
  if (sheet && report) {
    for (const month of months) {
      const m = report.months[month - 1];
      if (m.submitted && m.submittedAt === null) bestEffort(() => markPending(sheet.getRange(m.submittedCell)));
    }
  }
  bestEffort(() => scheduleOnce(RETRY_KEY, RETRY_HANDLER, RETRY_AFTER_MS));
}

function markPending(checkbox: Range): void {
  const note = checkbox.getNote();
  const next = withOwnNote(note, PENDING_NOTE);
  if (next !== note) checkbox.setNote(next);
}

/**
 * Reads `tab` under the lock, plans with `plan`, writes what the plan says and logs it.
 * `momentOf(month)` is when that month's edit happened: the stamp of a submission. Nothing is
 * written after the log, so a caller knows a settled edit is logged once this returns.
 */
export function settleTab(
  ss: Spreadsheet, sheet: Sheet, tab: string, config: EditConfig, plan: (report: VillageReport) => EditAction[], momentOf: (month: number) => Date, email: string,
  describe: (log: SubmissionLogEntry[]) => SubmissionLogEntry[] = (log) => log,
): void {
  const { village, settings, indicators } = config;
  if (!village) return;
  const grid = readGrid(sheet);
  const report = parseVillageTab(tab, grid, indicators);
  if (!report) return;
  const actions = plan(report);
  if (actions.length === 0) return;
  const now = new Date();
  const ctx = validationContextOf(village, { settings, indicators, now });
  // One read of notes and one of backgrounds per month column: its checkbox, stamp and marks.
  const blocks = columnsToRead(report, actions);
  const columns = blocks.map((b) => sheet.getRange(b.row + 1, b.column + 1, b.numRows, b.numColumns));
  const cells = tabCellsOf(blocks, columns.map((r) => r.getNotes()), columns.map((r) => r.getBackgrounds()), grid);
  const planned = planSubmissions(report, actions, cells, ctx, momentOf);
  planned.marks.forEach((marks) => applyMarks(sheet, marks));
  planned.writes.forEach((write) => applyWrite(sheet.getRange(write.cell), write));
  appendLog(ss, describe(planned.log), now, editorLabel(email, tab, village, settings.villageWord));
}

function applyWrite(range: Range, write: CellWrite): void {
  // The format first: text written into a plain-text cell stays text, whatever it starts with.
  if (write.numberFormat !== undefined) range.setNumberFormat(write.numberFormat);
  if (write.value !== undefined) range.setValue(write.value);
  if (write.note !== undefined) range.setNote(write.note);
}

/**
 * Replays every recorded edit; the caller holds the document lock, and passes the configuration
 * when it has read it already (else it is read here, only when there is something to replay).
 * Returns whether some are left for a later attempt.
 */
export function settlePendingEdits(ss: Spreadsheet, known?: WorkbookConfig): boolean {
  const props = properties();
  const { edits, unreadable } = readPendingEdits(props.getProperties());
  unreadable.forEach((key) => props.deleteProperty(key));
  if (edits.length === 0) return false;
  const config = known ?? readConfig(ss);
  if (!config) {
    edits.forEach((e) => props.deleteProperty(e.key));
    return false;
  }
  // A village's name finds its tab by the id Danh sách records; a recorded tab name finds that tab.
  const findTab = tabFinder(ss, config.villages);
  const everyTab = edits.some((e) => e.tab === null);
  const names = everyTab ? config.villages.map((v) => v.name) : [...new Set(edits.map((e) => e.tab as string))];
  let left = false;
  let lastError: unknown = null;
  for (const name of names) {
    const mine = editsOfTab(edits, name);
    const own = mine.filter((e) => e.tab !== null);
    try {
      const found = findTab(name);
      if (found) settleRecorded(ss, found.sheet, found.name, editConfigOf(config, { sheetId: found.sheet.getSheetId(), name: found.name }), mine);
      own.forEach((e) => props.deleteProperty(e.key));
    } catch (err) {
      lastError = err;
      left = giveUpOrKeep(ss, own, err, config.settings.year) || left;
    }
  }
  const workbookWide = edits.filter((e) => e.tab === null);
  if (lastError === null) workbookWide.forEach((e) => props.deleteProperty(e.key));
  else left = giveUpOrKeep(ss, workbookWide, lastError, config.settings.year) || left;
  return left;
}

/** Each recorded month of the tab replayed as the edit of its checkbox, at the moment recorded. */
function settleRecorded(ss: Spreadsheet, sheet: Sheet, tab: string, config: EditConfig, edits: readonly PendingEdit[]): void {
  const first = parseVillageTab(tab, readGrid(sheet), []);
  if (!first) return;
  for (const { month, at, edits: own, resubmit } of monthsToSettle(first, edits)) {
    const error = own.find((e) => e.error)?.error ?? '';
    const plan = (report: VillageReport): EditAction[] => (resubmit ? [{ kind: 'submit', month }] : planEdit(report, tickCellRect(report, month)));
    settleTab(ss, sheet, tab, config, plan, () => at, '', (log) => replayedLog(log, at, error));
  }
}

/** True when the edits are kept for another attempt; after MAX_ATTEMPTS they are dropped and logged. */
function giveUpOrKeep(ss: Spreadsheet, edits: readonly PendingEdit[], err: unknown, year: number): boolean {
  const error = messageOf(err);
  const props = properties();
  const abandoned: SubmissionLogEntry[] = [];
  for (const e of edits) {
    const attempts = e.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      props.deleteProperty(e.key);
      abandoned.push(abandonedLog({ ...e, attempts, error }, year));
    } else {
      props.setProperties(pendingEditRecords(e.tab, [e.month], e.at, error, attempts));
    }
  }
  appendLog(ss, abandoned);
  return abandoned.length < edits.length;
}

/** Handler of the one-off retry trigger. */
export function retryPendingEdits(): void {
  const ss = activeSpreadsheet();
  // The fired trigger stays listed until deleted: gone first, so a new one can be scheduled.
  bestEffort(() => retireOnce(RETRY_KEY));
  let left = true;
  try {
    left = withDocumentLock(() => settlePendingEdits(ss), RETRY_LOCK_WAIT_MS);
  } catch {
    // Still busy, or a failure the records now carry: the next attempt is scheduled below. Not
    // thrown, so the trigger's owner gets no failure email for a wait.
  }
  if (left) scheduleOnce(RETRY_KEY, RETRY_HANDLER, RETRY_AFTER_MS);
}
