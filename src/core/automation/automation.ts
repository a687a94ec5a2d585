/**
 * The add-on's two triggers (docs/security.md, "Triggers"): who runs each and when it last worked,
 * as people see it, and what to do about the records gas/triggers.ts keeps — install, keep, retire,
 * refuse, or move to another hour.
 */
import { formatVnDateTime } from '../shared/calendar';

export type AutomationKind = 'edit' | 'reminders';

/** What the document properties record of a trigger (see gas/triggers.ts). */
export interface AutomationFact {
  kind: AutomationKind;
  /** '' when not installed. */
  owner: string;
  /** ISO instant of the last run that finished its work; '' when none yet. */
  lastRun: string;
  /** Whether the person looking holds it. */
  mine: boolean;
}

export const AUTOMATION_TITLES: Record<AutomationKind, string> = {
  edit: 'Xử lý khi tích "Đã nộp"',
  reminders: 'Gửi nhắc việc hằng ngày',
};

/** JSON-safe, for the dashboard. */
export interface AutomationLine {
  kind: AutomationKind;
  title: string;
  installed: boolean;
  owner: string;
  mine: boolean;
  /** `dd/MM/yyyy HH:mm` (Vietnam time), or a sentence saying it has not run yet. */
  lastRunText: string;
}

export function automationLines(facts: readonly AutomationFact[]): AutomationLine[] {
  return facts.map((f) => ({
    kind: f.kind,
    title: AUTOMATION_TITLES[f.kind],
    installed: f.owner !== '',
    owner: f.owner,
    mine: f.mine,
    lastRunText: lastRunText(f),
  }));
}

export function lastRunText(f: Pick<AutomationFact, 'owner' | 'lastRun'>): string {
  if (!f.owner) return 'chưa cài';
  const at = f.lastRun ? new Date(f.lastRun) : null;
  return at && !Number.isNaN(at.getTime()) ? formatVnDateTime(at) : 'chưa chạy lần nào';
}

/** Accounts as Google reports them may differ in case and stray spaces. */
export function sameAccount(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether a trigger recorded as `owner`'s is held by someone other than `me` (an unknown `me` included). */
export function heldByOther(owner: string, me: string): boolean {
  return owner !== '' && (me === '' || !sameAccount(owner, me));
}

/** What the records say of a trigger, as `me` sees it; `record` is null when none is recorded. */
export function automationFact(kind: AutomationKind, record: { owner: string; lastRun: string } | null, me: string): AutomationFact {
  const owner = record?.owner ?? '';
  return { kind, owner, lastRun: record?.lastRun ?? '', mine: owner !== '' && !heldByOther(owner, me) };
}

/**
 * Run first by a trigger with its event's id: a trigger that is no longer the recorded one (someone
 * took it over) retires — it deletes itself and does nothing. A run without an id (from the editor)
 * or before any id was recorded is not a replaced trigger.
 */
export function isReplaced(recordedUid: string, triggerUid: string | undefined): boolean {
  return !!triggerUid && recordedUid !== '' && recordedUid !== triggerUid;
}

export type EditTriggerOutcome = { state: 'installed' | 'present' | 'owned-by-other'; owner: string };

export interface EditTriggerDecision extends EditTriggerOutcome {
  /** How many of the caller's own edit triggers stay (the first ones); the rest are deleted. */
  keepMine: 0 | 1;
  install: boolean;
}

/**
 * Setup keeps one edit trigger for the whole sheet. When another account holds it, the caller's own
 * are leftovers from before it was taken over; otherwise the caller keeps one, or installs it.
 */
export function decideEditTrigger(recordedOwner: string, me: string, mine: number): EditTriggerDecision {
  if (heldByOther(recordedOwner, me)) return { state: 'owned-by-other', owner: recordedOwner, keepMine: 0, install: false };
  if (mine > 0) return { state: 'present', owner: me, keepMine: 1, install: false };
  return { state: 'installed', owner: me, keepMine: 0, install: true };
}

/** `Nhật ký` after "Nhận về tài khoản này"; `previous` is '' when nobody held it. */
export function takeOverLogEntry(kind: AutomationKind, previous: string, me: string): { action: string; detail: string } {
  const what = kind === 'edit' ? 'xử lý "Đã nộp"' : 'gửi nhắc việc';
  return { action: 'Nhận chuyển giao trình tự động', detail: `Trình ${what}: từ ${previous || '(chưa có)'} sang ${me}.` };
}

/** The daily reminder trigger as the settings sidebar shows it; plain data. */
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

/** `record` is the recorded trigger (null when none), `me` the person asking. */
export function reminderTriggerInfo(record: { owner: string; hour: number | null } | null, me: string, settingsHour: number | null): ReminderTriggerInfo {
  const owner = record?.owner ?? '';
  const info = { installed: record !== null, owner, hour: record?.hour ?? null, settingsHour, mine: owner !== '' && !heldByOther(owner, me) };
  return { ...info, message: describeReminderTrigger(info) };
}

function describeReminderTrigger(info: Omit<ReminderTriggerInfo, 'message'>): string {
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

/**
 * Only the holder of the daily trigger may move or remove it (Apps Script lets no one else delete
 * it): the refusal for anyone else, null when `me` may. `what` is what they tried, e.g. "đổi giờ nhắc".
 */
export function reminderChangeRefusal(owner: string, me: string, what: string): string | null {
  if (!heldByOther(owner, me)) return null;
  return `Nhắc việc tự động đang chạy dưới tài khoản ${owner} (email nhắc gửi đi từ tài khoản đó). Chỉ ${owner} ${what} được; nếu tài khoản đó không còn dùng, hãy bấm "Nhận về tài khoản này" trong Bảng điều khiển.`;
}

/**
 * Run by the daily trigger itself, as its owner (the only account allowed to move it): whether it
 * moves to `Giờ gửi nhắc`, which someone changed in the tab since it was installed.
 */
export function followsSettingsHour(recordedHour: number | null, settingsHour: number): boolean {
  return recordedHour !== settingsHour;
}
