/** `Nhật ký`: the append-only log. Entries of a run are buffered and written with one setValues. */
import { PALETTE } from '../core/shared/palette';
import { TAB_LOG } from '../core/workbook/tabNames';
import { asCellText } from '../core/shared/text';
import { actingUserEmail, writeRows } from './workbook';

export const LOG_HEADERS = ['Thời gian', 'Người thực hiện', 'Hành động', 'Địa bàn', 'Kỳ', 'Chi tiết'] as const;

export interface LogEntry {
  action: string;
  village?: string;
  period?: string;
  detail?: string;
}

export function ensureLogSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(TAB_LOG);
  if (existing) return existing;
  const sheet = ss.insertSheet(TAB_LOG);
  writeRows(sheet, 1, [[...LOG_HEADERS]]);
  sheet.getRange(1, 1, 1, LOG_HEADERS.length).setFontWeight('bold').setBackground(PALETTE.sectionBg);
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, LOG_HEADERS.length, 140);
  // "Trưởng thôn Nguyễn Thị Giang (theo Danh sách)" when Google withholds the editor's email.
  sheet.setColumnWidth(2, 280);
  sheet.setColumnWidth(LOG_HEADERS.length, 420);
  return sheet;
}

/**
 * `actor` names the person behind the action when the script runs as someone else: an installable
 * edit trigger runs as the office, and Session.getActiveUser() is often empty for the village head.
 */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: readonly LogEntry[], at: Date = new Date(), actor = ''): void {
  if (entries.length === 0) return;
  const sheet = ensureLogSheet(ss);
  const who = actor || actingUserEmail();
  const rows = entries.map((e) => [at, asCellText(who), asCellText(e.action), asCellText(e.village ?? ''), asCellText(e.period ?? ''), asCellText(e.detail ?? '')]);
  const first = sheet.getLastRow() + 1;
  writeRows(sheet, first, rows);
  sheet.getRange(first, 1, rows.length, 1).setNumberFormat('dd/MM/yyyy HH:mm:ss');
}
