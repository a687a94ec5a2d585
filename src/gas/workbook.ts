/** Thin access to the container spreadsheet: one read per tab, typed against Apps Script. */
import type { Grid } from '../core/grid';
import { normalizeName } from '../core/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The whole used area of a tab in one `getValues()` call. */
export function readGrid(sheet: Sheet): Grid {
  return sheet.getDataRange().getValues();
}

export function readGridByName(ss: Spreadsheet, name: string): Grid | null {
  const sheet = ss.getSheetByName(name);
  return sheet ? readGrid(sheet) : null;
}

/** Every tab by its name as people type it (NFC, case, spaces: see normalizeName): one getSheets(). */
export function sheetsByName(ss: Spreadsheet): Map<string, Sheet> {
  return new Map(ss.getSheets().map((s) => [normalizeName(s.getName()), s]));
}

/** Writes a block of rows starting at (row, 1), padding short rows so setValues accepts it. */
export function writeRows(sheet: Sheet, row: number, rows: readonly (readonly unknown[])[], column = 1): void {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  ensureSize(sheet, row + rows.length - 1, column + width - 1);
  sheet.getRange(row, column, padded.length, width).setValues(padded);
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

export function actingUserEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}
