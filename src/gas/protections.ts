/**
 * Protections of SPEC §8. Each one the add-on owns carries a description starting with
 * OWN_PROTECTION_PREFIX, so setup finds and updates it instead of stacking a new one on every run.
 */
import { OWN_PROTECTION_PREFIX as OWN_PREFIX } from '../core/workbook/ownProtection';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The NGAY_NOP row of a village tab: the office and the edit trigger's owner alone write it. */
export function stampProtectionWhat(tab: string): string {
  return `ngày nộp tab ${tab} (tiện ích tự ghi)`;
}

/** A sheet has at most one sheet protection: the add-on reuses it rather than rely on what protect() does then. */
export function sheetProtectionOf(sheet: Sheet): Protection | null {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
}

/** The add-on's range protection of a tab described by `what`, if any. */
export function rangeProtectionOf(sheet: Sheet, what: string): Protection | null {
  const description = OWN_PREFIX + what;
  return sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === description) ?? null;
}

export function protectSheet(sheet: Sheet, what: string, editors: readonly string[]): Protection {
  const description = OWN_PREFIX + what;
  const protection = sheetProtectionOf(sheet) ?? sheet.protect();
  const fresh = protection.getDescription() !== description;
  if (fresh) protection.setDescription(description);
  restrictTo(protection, editors, fresh);
  return protection;
}

/** One of the add-on's own tabs: the office alone edits it (setup and each rewrite find the same one). */
export function protectOwnTab(sheet: Sheet, name: string, office: readonly string[]): Protection {
  return protectSheet(sheet, `chỉ phòng VH-XH sửa tab ${name}`, office);
}

export interface RangeToProtect {
  a1: string;
  what: string;
}

/** A tab's range protections, read once: each wanted one is kept, moved, or created. */
export function protectRanges(sheet: Sheet, wanted: readonly RangeToProtect[], editors: readonly string[]): void {
  const existing = new Map(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => [p.getDescription(), p]));
  for (const { a1, what } of wanted) {
    const description = OWN_PREFIX + what;
    const current = existing.get(description);
    if (current && current.getRange().getA1Notation() === a1) {
      restrictTo(current, editors, false);
      continue;
    }
    current?.remove();
    restrictTo(sheet.getRange(a1).protect().setDescription(description), editors, true);
  }
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

function restrictTo(protection: Protection, editors: readonly string[], fresh: boolean): void {
  if (fresh) return restrictNewProtection(protection, editors);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const wanted = new Set(editors.map((e) => e.toLowerCase()));
  const current = protection.getEditors().map((u) => u.getEmail());
  const toRemove = current.filter((e) => !wanted.has(e.toLowerCase()));
  const toAdd = [...wanted].filter((e) => !current.some((c) => c.toLowerCase() === e));
  if (toAdd.length > 0) protection.addEditors(toAdd);
  if (toRemove.length > 0) protection.removeEditors(toRemove);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
