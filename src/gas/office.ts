/**
 * Who the office is (docs/security.md, "The office"): the people who may edit `Cấu hình`. Office
 * commands and trigger installs refuse everyone else, so a village head who opens the menu can
 * neither run them nor end up owning a trigger.
 */
import { TAB_SETTINGS } from '../core/workbook/tabNames';
import { isPlausibleEmail } from '../core/shared/text';
import { sheetProtectionOf } from './protections';
import { currentUserEmail, sameAccount, triggerOwners } from './triggers';
import { activeSpreadsheet } from './workbook';
import { messageOf } from './failures';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function settingsProtection(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Protection | null {
  const settings = ss.getSheetByName(TAB_SETTINGS);
  return settings ? sheetProtectionOf(settings) : null;
}

/**
 * Before `Cấu hình` exists only the spreadsheet's owner may set it up (any editor, when the file sits
 * in a shared drive: it has no owner to compare with); afterwards, whoever may edit `Cấu hình`.
 */
function isOffice(ss: Spreadsheet): boolean {
  if (!ss.getSheetByName(TAB_SETTINGS)) {
    const owner = ss.getOwner()?.getEmail() ?? '';
    return owner === '' || sameAccount(owner, currentUserEmail());
  }
  return settingsProtection(ss)?.canEdit() ?? true;
}

/** Runs an office command on the active spreadsheet, or refuses in Vietnamese. */
export function asOffice<T>(command: (ss: Spreadsheet) => T): T {
  const ss = activeSpreadsheet();
  if (!isOffice(ss)) {
    const me = currentUserEmail();
    throw new Error(
      `Chỉ cán bộ phòng Văn hóa - Xã hội (người được sửa tab "${TAB_SETTINGS}") mới dùng được chức năng này. Tài khoản ${me || 'của bạn'} chỉ sửa được tab của địa bàn mình; nếu bạn thuộc phòng VH-XH, hãy nhờ người phụ trách thêm bạn vào danh sách được sửa tab "${TAB_SETTINGS}".`,
    );
  }
  return command(ss);
}

/**
 * The accounts every protection the add-on sets keeps as editors: the owner, whoever runs setup, the
 * office email of the settings, whoever may already edit `Cấu hình`, and the owners of the triggers
 * (a trigger must stay able to write what it writes).
 */
export function officeEditors(ss: Spreadsheet, officeEmail: string): string[] {
  const already = settingsProtection(ss)?.getEditors().map((u) => u.getEmail()) ?? [];
  const emails = [ss.getOwner()?.getEmail() ?? '', currentUserEmail(), officeEmail, ...already, ...triggerOwners()];
  return unique(emails.filter(isPlausibleEmail));
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

/** Menu commands show a refusal or failure in a dialog rather than Apps Script's red error bar. */
export function menuCommand<T>(title: string, command: (ss: Spreadsheet) => T): T | null {
  try {
    return asOffice(command);
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, messageOf(error), ui.ButtonSet.OK);
    return null;
  }
}
