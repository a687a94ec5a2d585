/**
 * Protections of SPEC §8. Each one the add-on owns carries a description starting with OWN_PREFIX,
 * so setup finds and updates it instead of stacking a new one on every run.
 */
import { isPlausibleEmail } from '../core/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

const OWN_PREFIX = 'Tổ CNSCĐ: ';

/** The office: the spreadsheet's owner, whoever runs setup, and the office email of the settings. */
export function officeEditors(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, officeEmail: string): string[] {
  const emails = [ss.getOwner()?.getEmail() ?? '', Session.getEffectiveUser().getEmail(), officeEmail];
  return unique(emails.filter(isPlausibleEmail));
}

export function protectSheet(sheet: Sheet, what: string, editors: readonly string[]): Protection {
  const description = OWN_PREFIX + what;
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).find((p) => p.getDescription() === description);
  const protection = existing ?? sheet.protect().setDescription(description);
  restrictTo(protection, editors);
  return protection;
}

export function protectRange(sheet: Sheet, a1: string, what: string, editors: readonly string[]): Protection {
  const description = OWN_PREFIX + what;
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).find((p) => p.getDescription() === description);
  if (existing && existing.getRange().getA1Notation() !== a1) existing.remove();
  const protection = existing && existing.getRange().getA1Notation() === a1 ? existing : sheet.getRange(a1).protect().setDescription(description);
  restrictTo(protection, editors);
  return protection;
}

/** Exactly these editors: Apps Script keeps the owner and the current user whatever we ask. */
function restrictTo(protection: Protection, editors: readonly string[]): void {
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const wanted = new Set(editors.map((e) => e.toLowerCase()));
  const current = protection.getEditors().map((u) => u.getEmail());
  const toRemove = current.filter((e) => !wanted.has(e.toLowerCase()));
  const toAdd = [...wanted].filter((e) => !current.some((c) => c.toLowerCase() === e));
  if (toAdd.length > 0) protection.addEditors(toAdd);
  if (toRemove.length > 0) protection.removeEditors(toRemove);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

function unique(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((e) => {
    const key = e.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
