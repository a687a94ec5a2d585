/**
 * The "Tổ CNSCĐ" menu. onOpen may run in AuthMode.NONE (add-on not yet used in this document) or
 * LIMITED, so it only adds static items and touches nothing else.
 */
import { MENU_NAME, SELF_CHECK_CAPTION, SETUP_CAPTION } from '../core/shared/menuCaptions';
import { NEW_YEAR_CAPTION } from '../core/assessment/reportYear';

export const MENU_ITEMS: readonly ({ caption: string; fn: string } | null)[] = [
  { caption: SETUP_CAPTION, fn: 'setupWorkbook' },
  { caption: 'Tổng hợp', fn: 'aggregateReports' },
  { caption: 'Kiểm tra số liệu', fn: 'checkReports' },
  { caption: 'Duyệt báo cáo tháng…', fn: 'approveReports' },
  null,
  { caption: 'Gửi nhắc ngay', fn: 'sendRemindersNow' },
  { caption: 'Gửi thử', fn: 'sendTestEmails' },
  null,
  { caption: 'Bảng điều khiển', fn: 'showDashboard' },
  { caption: 'Cài đặt', fn: 'showSettings' },
  { caption: SELF_CHECK_CAPTION, fn: 'selfCheck' },
  null,
  { caption: NEW_YEAR_CAPTION, fn: 'startNewYear' },
];

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_NAME);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.caption, item.fn);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
