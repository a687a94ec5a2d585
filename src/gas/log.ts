/** `Nhật ký`: the append-only log. Entries of a run are buffered and written with one setValues. */
import { planLogTab } from '../core/workbook/logTabSpec';
import { TAB_LOG } from '../core/workbook/tabNames';
import { asCellText } from '../core/shared/text';
import { applyTabSpec } from './tabWriter';
import { actingUserEmail, ensureSize } from './workbook';

export interface LogEntry {
  action: string;
  village?: string;
  period?: string;
  detail?: string;
}

/**
 * `actor` names the person behind the action when the script runs as someone else: an installable
 * edit trigger runs as the office, and Session.getActiveUser() is often empty for the village head.
 */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: readonly LogEntry[], at: Date = new Date(), actor = ''): void {
  if (entries.length === 0) return;
  // A log deleted by hand comes back at once; the next setup protects it again.
  const sheet = ss.getSheetByName(TAB_LOG) ?? applyTabSpec(ss, planLogTab(ss.getNumSheets(), [])).sheet;
  const who = actor || actingUserEmail();
  const rows = entries.map((e) => [at, asCellText(who), asCellText(e.action), asCellText(e.village ?? ''), asCellText(e.period ?? ''), asCellText(e.detail ?? '')]);
  const first = sheet.getLastRow() + 1;
  ensureSize(sheet, first + rows.length - 1, rows[0].length);
  // The rows are the last write: once it is done the entries are logged, and a caller that
  // fails after appendLog returns knows nothing of its log was lost.
  sheet.getRange(first, 1, rows.length, 1).setNumberFormat('dd/MM/yyyy HH:mm:ss');
  const written = sheet.getRange(first, 1, rows.length, rows[0].length);
  // Wrapped, a long detail makes its row taller instead of running past the last column (logTabSpec.ts).
  written.setWrap(true);
  written.setValues(rows);
}
