/** Thin access to the container spreadsheet: one read per tab, typed against Apps Script. */
import type { Village } from '../core/config/registry';
import type { Grid } from '../core/shared/grid';
import { normalizeName } from '../core/shared/text';
import { holdsVillageReport } from '../core/workbook/orphanTabs';
import { isOwnTab } from '../core/workbook/tabNames';

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
 * Finds tabs by name as people type them (NFKC, invisible characters, case, spaces: see
 * normalizeName), each name looked up once. The name of a village of `villages` whose tab id
 * `Danh sách` records finds that tab by its id, whatever it is called now (and is then named as it
 * is); nor does a village's name find a tab recorded for another village. Otherwise
 * `getSheetByName` first, and only when that misses, the names of all tabs are compared. A direct
 * hit is named as asked, which saves a getName() per tab (should Sheets match it ignoring case,
 * only the letter case shown in messages would be the registry's). All tabs are listed once at
 * most (one `getSheets()`), when an id or a differently typed name is looked up.
 */
export function tabFinder(ss: Spreadsheet, villages: readonly Pick<Village, 'name' | 'tabId'>[] = []): TabFinder {
  const recordedId = new Map<string, number | undefined>(villages.map((v) => [normalizeName(v.name), v.tabId]));
  const recorded = new Set(villages.flatMap((v) => (v.tabId === undefined ? [] : [v.tabId])));
  const found = new Map<string, FoundTab | null>();
  let tabs: { byId: Map<number, FoundTab>; byName: Map<string, FoundTab[]> } | null = null;
  const allTabs = () => {
    if (tabs) return tabs;
    tabs = { byId: new Map(), byName: new Map() };
    for (const sheet of ss.getSheets()) {
      const tab = { sheet, name: sheet.getName() };
      const key = normalizeName(tab.name);
      tabs.byId.set(sheet.getSheetId(), tab);
      tabs.byName.set(key, [...(tabs.byName.get(key) ?? []), tab]);
    }
    return tabs;
  };
  const find = (name: string): FoundTab | null => {
    const key = normalizeName(name);
    const id = recordedId.get(key);
    const own = id === undefined ? undefined : allTabs().byId.get(id);
    if (own) return own;
    const mayTake = (sheet: Sheet) => recorded.size === 0 || !recordedId.has(key) || !recorded.has(sheet.getSheetId());
    const sheet = ss.getSheetByName(name);
    if (sheet && mayTake(sheet)) return { sheet, name };
    return allTabs().byName.get(key)?.find((tab) => mayTake(tab.sheet)) ?? null;
  };
  return (name) => {
    if (!found.has(name)) found.set(name, find(name));
    return found.get(name) ?? null;
  };
}

/**
 * Tabs that hold a village's report but are no village's: neither an own tab nor one of `villageTabs`
 * (sheetIds). One read of each such tab; usually there is none.
 */
export function orphanTabs(ss: Spreadsheet, villageTabs: ReadonlySet<number>): string[] {
  return ss.getSheets().flatMap((sheet) => {
    if (villageTabs.has(sheet.getSheetId())) return [];
    const name = sheet.getName();
    return !isOwnTab(name) && holdsVillageReport(readGrid(sheet)) ? [name] : [];
  });
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
