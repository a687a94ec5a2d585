/**
 * The one daily trigger of `runScheduledReminders`. Apps Script lists only the current user's
 * triggers, so its owner (whose account sends the emails) and its hour are kept in document
 * properties: another office account sees who holds it instead of adding a second one.
 */
import { TIME_ZONE } from './setup';
import { readConfig } from './settingsSheet';
import { activeSpreadsheet } from './workbook';

export const REMINDER_HANDLER = 'runScheduledReminders';
const OWNER_KEY = 'reminderTriggerOwner';
const HOUR_KEY = 'reminderTriggerHour';

/** Plain data for the settings sidebar. */
export interface ReminderTriggerInfo {
  installed: boolean;
  /** Account that holds the trigger and sends the emails; '' when none. */
  owner: string;
  /** Hour (Vietnam time) the trigger runs at, null when not installed. */
  hour: number | null;
  /** `Giờ gửi nhắc` in `Cấu hình`; differs from `hour` until the trigger is installed again. */
  settingsHour: number | null;
  /** Whether the person asking holds it (only they can change or remove it). */
  mine: boolean;
  message: string;
}

function myReminderTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REMINDER_HANDLER);
}

function sameAccount(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function describe(info: Omit<ReminderTriggerInfo, 'message'>): string {
  if (!info.installed) return 'Chưa bật nhắc việc tự động.';
  const at = `lúc ${info.hour ?? '?'} giờ hằng ngày (giờ Việt Nam)`;
  const from = info.mine ? `từ tài khoản của bạn (${info.owner})` : `từ tài khoản ${info.owner}`;
  const lines = [`Nhắc việc tự động đang bật: gửi ${at}, ${from}.`];
  if (info.settingsHour !== null && info.hour !== null && info.settingsHour !== info.hour) {
    lines.push(`Giờ gửi nhắc trong Cấu hình là ${info.settingsHour} giờ; lần chạy tới sẽ tự chuyển sang giờ này.`);
  }
  if (!info.mine) lines.push(`Chỉ tài khoản ${info.owner} đổi giờ hoặc tắt được nhắc việc.`);
  return lines.join(' ');
}

function infoFrom(props: GoogleAppsScript.Properties.Properties, mine: boolean, settingsHour: number | null): ReminderTriggerInfo {
  const owner = props.getProperty(OWNER_KEY) || (mine ? Session.getEffectiveUser().getEmail() : '');
  const storedHour = props.getProperty(HOUR_KEY);
  const installed = mine || owner !== '';
  const base = { installed, owner: installed ? owner : '', hour: installed && storedHour !== null ? Number(storedHour) : null, settingsHour, mine };
  return { ...base, message: describe(base) };
}

function settingsHourOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number | null {
  return readConfig(ss)?.settings.reminderHour ?? null;
}

function refuseIfHeldByOther(owner: string | null, me: string, what: string): void {
  if (owner && !sameAccount(owner, me)) {
    throw new Error(
      `Nhắc việc tự động đang chạy dưới tài khoản ${owner} (email nhắc gửi đi từ tài khoản đó). Chỉ ${owner} ${what} được; hãy đăng nhập tài khoản đó rồi làm lại.`,
    );
  }
}

/** Installs the trigger at `hour`, replacing the caller's own; refuses when another account holds it. */
export function installReminderTriggerAt(hour: number): ReminderTriggerInfo {
  const me = Session.getEffectiveUser().getEmail();
  const props = PropertiesService.getDocumentProperties();
  const mine = myReminderTriggers();
  if (mine.length === 0) refuseIfHeldByOther(props.getProperty(OWNER_KEY), me, 'đổi giờ nhắc');
  mine.forEach((t) => ScriptApp.deleteTrigger(t));
  ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(TIME_ZONE).create();
  props.setProperties({ [OWNER_KEY]: me, [HOUR_KEY]: String(hour) });
  return infoFrom(props, true, hour);
}

/** Sidebar: turn daily reminders on (or move them to the hour of `Cấu hình`). */
export function installReminderTrigger(): ReminderTriggerInfo {
  const hour = settingsHourOf(activeSpreadsheet());
  if (hour === null) throw new Error('Chưa có tab "Cấu hình". Hãy chạy "Khởi tạo / cập nhật bảng tính" trước khi bật nhắc việc.');
  return installReminderTriggerAt(hour);
}

/** Sidebar: turn daily reminders off. */
export function removeReminderTrigger(): ReminderTriggerInfo {
  const me = Session.getEffectiveUser().getEmail();
  const props = PropertiesService.getDocumentProperties();
  const mine = myReminderTriggers();
  if (mine.length === 0) refuseIfHeldByOther(props.getProperty(OWNER_KEY), me, 'tắt nhắc việc');
  mine.forEach((t) => ScriptApp.deleteTrigger(t));
  props.deleteProperty(OWNER_KEY);
  props.deleteProperty(HOUR_KEY);
  return infoFrom(props, false, settingsHourOf(activeSpreadsheet()));
}

export function getReminderTriggerInfo(): ReminderTriggerInfo {
  return reminderTriggerInfo(settingsHourOf(activeSpreadsheet()));
}

/** For a caller that has already read `Cấu hình` (each read is a getValues). */
export function reminderTriggerInfo(settingsHour: number | null): ReminderTriggerInfo {
  return infoFrom(PropertiesService.getDocumentProperties(), myReminderTriggers().length > 0, settingsHour);
}

/**
 * Called by the trigger itself: when `Giờ gửi nhắc` was changed in the tab, the trigger moves to
 * the new hour (it runs as its owner, the only account allowed to). Returns whether it moved.
 */
export function followSettingsHour(hour: number): boolean {
  const stored = PropertiesService.getDocumentProperties().getProperty(HOUR_KEY);
  if (stored === String(hour) || myReminderTriggers().length === 0) return false;
  installReminderTriggerAt(hour);
  return true;
}
