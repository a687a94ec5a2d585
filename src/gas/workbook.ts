/** Thin access to the container spreadsheet: one read per tab, typed against Apps Script. */
import type { Grid } from '../core/shared/grid';
import { normalizeName } from '../core/shared/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function activeSpreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The whole used area of a tab in one `getValues()` call. */
export function readGrid(sheet: Sheet): Grid {
  return sheet.getDataRange().getValues();
}

export interface FoundTab {
  sheet: Sheet;
  name: string;
}

export type TabFinder = (name: string) => FoundTab | null;

/**
 * Finds tabs by name as people type them (NFC, case, spaces: see normalizeName), each name looked up
 * once: `getSheetByName` first, and only when that misses, one `getSheets()` to compare every name.
 * A direct hit is named as asked, which saves a getName() per tab (should Sheets match it ignoring
 * case, only the letter case shown in messages would be the registry's).
 */
export function tabFinder(ss: Spreadsheet): TabFinder {
  const found = new Map<string, FoundTab | null>();
  let byName: Map<string, FoundTab> | null = null;
  const find = (name: string): FoundTab | null => {
    const sheet = ss.getSheetByName(name);
    if (sheet) return { sheet, name };
    byName ??= new Map(ss.getSheets().map((s) => {
      const tab = { sheet: s, name: s.getName() };
      return [normalizeName(tab.name), tab];
    }));
    return byName.get(normalizeName(name)) ?? null;
  };
  return (name) => {
    if (!found.has(name)) found.set(name, find(name));
    return found.get(name) ?? null;
  };
}

/** At least `rows` × `columns`: Sheets refuses a write beyond the grid. */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

export function actingUserEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
}
