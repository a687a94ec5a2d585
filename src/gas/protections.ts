/**
 * Finding the add-on's protections (docs/tabs.md, "Protections"): each carries a description starting
 * with OWN_PROTECTION_PREFIX; the tab planners say which ones a tab needs, tabWriter applies them.
 */
import { OWN_PROTECTION_PREFIX as OWN_PREFIX } from '../core/workbook/ownProtection';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** A sheet has at most one sheet protection: the add-on reuses it rather than rely on what protect() does then. */
export function sheetProtectionOf(sheet: Sheet): Protection | null {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
}

/** The add-on's range protection of a tab described by `what`, if any. */
export function rangeProtectionOf(sheet: Sheet, what: string): Protection | null {
  const description = OWN_PREFIX + what;
  return sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === description) ?? null;
}

/**
 * Exactly these editors on a protection just made or taken over. It starts with every editor of the
 * spreadsheet (all the village heads), so it is emptied wholesale instead of reading each editor's
 * email; Apps Script keeps the owner and the current user whatever we ask.
 */
export function restrictNewProtection(protection: Protection, editors: readonly string[]): void {
  protection.removeEditors(protection.getEditors());
  protection.addEditors([...editors]);
  protection.setDomainEdit(false);
}
