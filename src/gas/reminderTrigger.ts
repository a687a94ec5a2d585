/**
 * The one daily trigger of `runScheduledReminders`: its owner's account sends the emails. Who holds
 * it is recorded by triggers.ts; its hour is kept beside it so the sidebar can show it to others.
 */
import { asOffice } from './office';
import { TIME_ZONE } from './setup';
import { readConfig } from './settingsSheet';
import { currentUserEmail, forgetTrigger, myTriggers, readTriggerRecord, recordTrigger, sameAccount, TRIGGER_HANDLERS } from './triggers';
import { activeSpreadsheet } from './workbook';

const HOUR_KEY = 'trigger.reminders.hour';

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

function describe(info: Omit<ReminderTriggerInfo, 'message'>): string {
  if (!info.installed) return 'Chưa bật nhắc việc tự động.';
  const at = `lúc ${info.hour ?? '?'} giờ hằng ngày (giờ Việt Nam)`;
  const from = info.mine ? `từ tài khoản của bạn (${info.owner})` : `từ tài khoản ${info.owner}`;
  const lines = [`Nhắc việc tự động đang bật: gửi ${at}, ${from}.`];
  if (info.settingsHour !== null && info.hour !== null && info.settingsHour !== info.hour) {
    lines.push(`Giờ gửi nhắc trong Cấu hình là ${info.settingsHour} giờ; lần chạy tới sẽ tự chuyển sang giờ này.`);
  }
  if (!info.mine) lines.push(`Chỉ tài khoản ${info.owner} đổi giờ hoặc tắt được nhắc việc; nếu tài khoản đó không còn dùng, bấm "Nhận về tài khoản này" trong Bảng điều khiển.`);
  return lines.join(' ');
}

/** For a caller that has already read `Cấu hình` (each read is a getValues). */
export function reminderTriggerInfo(settingsHour: number | null): ReminderTriggerInfo {
  const stored = PropertiesService.getDocumentProperties().getProperties();
  const record = readTriggerRecord('reminders', stored);
  const mine = record !== null && sameAccount(record.owner, currentUserEmail());
  const storedHour = stored[HOUR_KEY] ?? null;
  const base = { installed: record !== null, owner: record?.owner ?? '', hour: record && storedHour !== null ? Number(storedHour) : null, settingsHour, mine };
  return { ...base, message: describe(base) };
}

function settingsHourOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number | null {
  return readConfig(ss)?.settings.reminderHour ?? null;
}

function refuseIfHeldByOther(what: string): void {
  const owner = readTriggerRecord('reminders')?.owner;
  if (owner && !sameAccount(owner, currentUserEmail())) {
    throw new Error(
      `Nhắc việc tự động đang chạy dưới tài khoản ${owner} (email nhắc gửi đi từ tài khoản đó). Chỉ ${owner} ${what} được; nếu tài khoản đó không còn dùng, hãy bấm "Nhận về tài khoản này" trong Bảng điều khiển.`,
    );
  }
}

/** Replaces the caller's own reminder triggers with one at `hour` and records it. */
function installAt(hour: number): void {
  myTriggers('reminders').forEach((t) => ScriptApp.deleteTrigger(t));
  const trigger = ScriptApp.newTrigger(TRIGGER_HANDLERS.reminders).timeBased().everyDays(1).atHour(hour).inTimezone(TIME_ZONE).create();
  recordTrigger('reminders', trigger, currentUserEmail());
  PropertiesService.getDocumentProperties().setProperty(HOUR_KEY, String(hour));
}

function requireSettingsHour(): number {
  const hour = settingsHourOf(activeSpreadsheet());
  if (hour === null) throw new Error('Chưa có tab "Cấu hình". Hãy chạy "Khởi tạo / cập nhật bảng tính" trước khi bật nhắc việc.');
  return hour;
}

/** Sidebar: turn daily reminders on (or move them to the hour of `Cấu hình`). */
export function installReminderTrigger(): ReminderTriggerInfo {
  return asOffice(() => {
    const hour = requireSettingsHour();
    refuseIfHeldByOther('đổi giờ nhắc');
    installAt(hour);
    return reminderTriggerInfo(hour);
  });
}

/** The caller's account takes over sending reminders; the previous holder's trigger retires itself. */
export function takeOverReminderTrigger(): void {
  installAt(requireSettingsHour());
}

/** Sidebar: turn daily reminders off. */
export function removeReminderTrigger(): ReminderTriggerInfo {
  return asOffice((ss) => {
    refuseIfHeldByOther('tắt nhắc việc');
    myTriggers('reminders').forEach((t) => ScriptApp.deleteTrigger(t));
    forgetTrigger('reminders');
    PropertiesService.getDocumentProperties().deleteProperty(HOUR_KEY);
    return reminderTriggerInfo(settingsHourOf(ss));
  });
}

export function getReminderTriggerInfo(): ReminderTriggerInfo {
  return asOffice((ss) => reminderTriggerInfo(settingsHourOf(ss)));
}


/**
 * Called by the trigger itself: when `Giờ gửi nhắc` was changed in the tab, the trigger moves to
 * the new hour (it runs as its owner, the only account allowed to). Returns whether it moved.
 */
export function followSettingsHour(hour: number): boolean {
  const stored = PropertiesService.getDocumentProperties().getProperty(HOUR_KEY);
  if (stored === String(hour) || myTriggers('reminders').length === 0) return false;
  installAt(hour);
  return true;
}
