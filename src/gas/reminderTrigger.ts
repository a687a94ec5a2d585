/**
 * The one daily trigger of `runScheduledReminders`: its owner's account sends the emails
 * (docs/reminders.md, "Running it"). Its record, hour included, is kept by triggers.ts; who may change it and
 * what the sidebar says are decided in core/automation/automation.ts.
 */
import { followsSettingsHour, reminderChangeRefusal, reminderTriggerInfo as infoOf, type ReminderTriggerInfo } from '../core/automation/automation';
import { TIME_ZONE } from '../core/shared/calendar';
import { asOffice } from './office';
import { readConfig } from './settingsSheet';
import { currentUserEmail, deleteMyTriggers, forgetTrigger, myTriggers, readTriggerRecord, recordTrigger, TRIGGER_HANDLERS } from './triggers';
import { activeSpreadsheet } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

export type { ReminderTriggerInfo } from '../core/automation/automation';

/** For a caller that has already read `Cấu hình` (each read is a getValues). */
export function reminderTriggerInfo(settingsHour: number | null): ReminderTriggerInfo {
  return infoOf(readTriggerRecord('reminders'), currentUserEmail(), settingsHour);
}

function settingsHourOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): number | null {
  return readConfig(ss)?.settings.reminderHour ?? null;
}

function refuseIfHeldByOther(what: string): void {
  const refusal = reminderChangeRefusal(readTriggerRecord('reminders')?.owner ?? '', currentUserEmail(), what);
  if (refusal) throw new Error(refusal);
}

/** Replaces the caller's own reminder triggers with one at `hour` and records it. */
function installAt(hour: number): void {
  deleteMyTriggers('reminders');
  const trigger = ScriptApp.newTrigger(TRIGGER_HANDLERS.reminders).timeBased().everyDays(1).atHour(hour).inTimezone(TIME_ZONE).create();
  recordTrigger('reminders', trigger, currentUserEmail(), hour);
}

function requireSettingsHour(): number {
  const hour = settingsHourOf(activeSpreadsheet());
  if (hour === null) throw new Error(`Chưa có tab "Cấu hình". Hãy chạy "${SETUP_CAPTION}" trước khi bật nhắc việc.`);
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
    deleteMyTriggers('reminders');
    forgetTrigger('reminders');
    return reminderTriggerInfo(settingsHourOf(ss));
  });
}

export function getReminderTriggerInfo(): ReminderTriggerInfo {
  return asOffice((ss) => reminderTriggerInfo(settingsHourOf(ss)));
}

/**
 * Called by the trigger itself, which runs as its owner (the only account allowed to move it).
 * Returns whether it moved.
 */
export function followSettingsHour(hour: number): boolean {
  if (!followsSettingsHour(readTriggerRecord('reminders')?.hour ?? null, hour) || myTriggers('reminders').length === 0) return false;
  installAt(hour);
  return true;
}
