import type { Env } from './env';
import { expose, gasError } from './guard';
import type { AppsScriptEmulator } from './index';
import { dateToSerial } from './spreadsheet/numberFormat';
import { putStored } from './spreadsheet/cell';
import { CellError, exactValue, interpretInput, type CellValue, type Stored } from './spreadsheet/values';
import { EmuUser } from './spreadsheet/user';
import type { EmuTrigger } from './services/script';
import { zonedParts, zonedToUtc } from './time/zone';

export interface ExecutionRecord {
  handler: string;
  kind: 'simple-onEdit' | 'installable-onEdit' | 'time';
  triggerUid?: string;
  user: string;
  startedAt: Date;
  error?: unknown;
}

/** An installable trigger's run that the platform does not make, and why. */
export interface SuppressedTriggerRun {
  handler: string;
  kind: 'installable-onEdit' | 'time';
  triggerUid: string;
  at: Date;
  reason: string;
}

/** Test an Editor add-on › Testing details: "Installable triggers aren't supported when testing." */
const ADDON_TEST_REASON = 'Installable triggers aren\'t supported when testing (Editor add-on test deployment).';

export interface UserEdit {
  user: string;
  sheet: string;
  a1: string;
  value: unknown;
  raw?: boolean;
}

type Context = Record<string, unknown>;

/** How Sheets passes a value in an edit event: always a string. */
function eventString(v: CellValue, tz: string): string {
  if (v instanceof CellError) return v.code;
  if (v instanceof Date) return String(dateToSerial(v.getTime(), tz));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function callHandler(emu: AppsScriptEmulator, context: Context, record: ExecutionRecord, event: object,
  ctx: Parameters<Env['run']>[0]): unknown {
  emu.executions.push(record);
  try {
    emu._env.run(ctx, () => {
      const fn = context[record.handler];
      if (typeof fn !== 'function') throw gasError(`Script function not found: ${record.handler}`);
      (fn as (e: object) => unknown)(event);
    });
    return undefined;
  } catch (err) {
    record.error = err;
    return err;
  }
}

/** Handler errors never stop the other handlers; the first one is rethrown once all ran. */
function throwFirst(errors: unknown[]): void {
  const first = errors.find((e) => e !== undefined);
  if (first !== undefined) throw first;
}

/**
 * A person edits cells in the Sheets UI: access, protection and rejecting data validation are
 * checked for that person, the value is stored as typed, then the simple onEdit (if the script
 * defines one) and every installable ON_EDIT trigger run (none in an add-on test deployment).
 * Handler errors do not undo the edit; the first one is rethrown after all handlers ran so tests
 * notice it. The editor's email reaches a handler (e.user, Session.getActiveUser) only as Google
 * discloses it to the account the handler runs under (Env.disclosedEmail).
 */
export function applyUserEdit(emu: AppsScriptEmulator, context: Context, edit: UserEdit): GoogleAppsScript.Events.SheetsOnEdit {
  const ss = emu._ss;
  const sheet = ss._sheet(edit.sheet);
  if (!sheet) throw new Error(`userEdit: no sheet named "${edit.sheet}"`);
  if (!ss._canAccess(edit.user)) throw new Error(`userEdit: ${edit.user} has no edit access to this spreadsheet`);
  const range = sheet._rangeA1(edit.a1);
  const { row, col, numRows, numCols } = range.rect;
  const multi = numRows * numCols > 1;
  const grid: unknown[][] = multi && Array.isArray(edit.value)
    ? (edit.value as unknown[][])
    : Array.from({ length: numRows }, () => Array.from({ length: numCols }, () => edit.value));
  if (grid.length !== numRows || grid.some((r) => !Array.isArray(r) || r.length !== numCols)) {
    throw new Error(`userEdit: the pasted data does not have the shape of ${edit.a1}`);
  }
  ss.editingUser = edit.user;
  try {
    sheet._assertCanEdit(range.rect);
  } finally {
    ss.editingUser = null;
  }
  const oldValue = multi ? undefined : sheet._cell(row, col)?.value;
  const planned: { r: number; c: number; stored: Stored }[] = [];
  grid.forEach((line, i) => line.forEach((input, j) => {
    const cell = sheet._cell(row + i, col + j);
    const stored: Stored = edit.raw
      ? { value: exactValue(input) }
      : interpretInput(input, ss.locale, ss.timeZone, cell?.format.numberFormat === '@');
    const rule = cell?.validation;
    if (rule && !rule.spec.allowInvalid && stored.value !== '' && !rule._accepts(stored.value, { row: row + i, col: col + j })) {
      throw new Error(`There was a problem\n${rule.spec.helpText || `The data you entered in cell ${edit.a1} violates the data validation rules set on this cell.`}`);
    }
    planned.push({ r: row + i, c: col + j, stored });
  }));
  for (const { r, c, stored } of planned) putStored(sheet._ensure(r, c), stored);

  const base = {
    range: expose(range),
    source: expose(ss),
    ...(!multi && { value: eventString(sheet._cell(row, col)?.value ?? '', ss.timeZone) }),
    ...(!multi && oldValue !== undefined && oldValue !== '' && { oldValue: eventString(oldValue, ss.timeZone) }),
  };
  // Events page: `user` is "a User object, representing the active user, if available".
  const userAsSeenBy = (authority: string) => expose(new EmuUser(ss.counter, emu._env.disclosedEmail(edit.user, authority)));
  const errors: unknown[] = [];
  const startedAt = emu.clock.now();
  if (typeof context.onEdit === 'function') {
    // A simple trigger runs without the editor's authorization: disclosed as to the script's owner.
    const event = { ...base, user: userAsSeenBy(emu._env.opts.owner), authMode: 'LIMITED' };
    errors.push(callHandler(emu, context, { handler: 'onEdit', kind: 'simple-onEdit', user: edit.user, startedAt }, event,
      { authMode: 'LIMITED', activeUser: edit.user, effectiveUser: edit.user }));
  }
  let installableEvent: object = { ...base, user: userAsSeenBy(emu._env.opts.owner), authMode: 'FULL' };
  for (const t of emu.triggers.filter((x) => x.eventType === 'ON_EDIT' && x.sourceId === ss.id)) {
    if (emu._env.opts.deployment === 'addon-test') {
      emu.suppressedTriggerRuns.push({ handler: t.handler, kind: 'installable-onEdit', triggerUid: t.uid, at: startedAt, reason: ADDON_TEST_REASON });
      continue;
    }
    // An installable trigger runs as its installer, to whom the editor is disclosed or not.
    installableEvent = { ...base, user: userAsSeenBy(t.owner), authMode: 'FULL', triggerUid: t.uid };
    errors.push(callHandler(emu, context, { handler: t.handler, kind: 'installable-onEdit', triggerUid: t.uid, user: t.owner, startedAt }, installableEvent,
      { authMode: 'FULL', activeUser: edit.user, activeUserEmail: emu._env.disclosedEmail(edit.user, t.owner), effectiveUser: t.owner }));
  }
  throwFirst(errors);
  return installableEvent as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}

/** A deterministic "random" number in [0, spread) for a trigger. */
function jitter(uid: string, spread: number): number {
  let h = 2166136261;
  for (const ch of uid) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % spread;
}

/**
 * The minute of the hour a trigger fires at, chosen once and kept. Installable triggers page: for a
 * 9 a.m. trigger "Apps Script chooses a time between 9 a.m. and 10 a.m., then keeps that timing
 * consistent from day to day so that 24 hours elapse before the trigger fires again";
 * ClockTriggerBuilder.nearMinute: "plus or minus 15 minutes … If nearMinute() is not called, a
 * random minute value is used". Kept within the hour, as atHour promises.
 */
function triggerMinute(t: EmuTrigger, nearMinute: number | undefined): number {
  if (nearMinute === undefined) return jitter(t.uid, 60);
  return Math.min(59, Math.max(0, nearMinute + jitter(t.uid, 31) - 15));
}

function occurrences(t: EmuTrigger, from: number, to: number): number[] {
  const s = t.schedule;
  if (!s) return [];
  const out: number[] = [];
  const created = zonedParts(t.createdAt.getTime(), s.timeZone);
  if (s.afterMs !== undefined) {
    // Once, at the earliest moment allowed; the trigger stays listed until the script deletes it.
    const at = t.createdAt.getTime() + s.afterMs;
    return at > from && at <= to ? [at] : [];
  }
  const minute = triggerMinute(t, s.nearMinute);
  if (s.everyDays) {
    const hour = s.atHour ?? created.hour;
    const first = zonedParts(from, s.timeZone);
    const startDay = Date.UTC(first.year, first.month - 1, first.day);
    const createdDay = Date.UTC(created.year, created.month - 1, created.day);
    for (let day = startDay; ; day += 86400000) {
      const d = new Date(day);
      const at = zonedToUtc(s.timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
      if (at > to) break;
      const dayIndex = Math.round((day - createdDay) / 86400000);
      if (dayIndex % s.everyDays === 0 && at > from) out.push(at);
    }
  } else if (s.everyHours) {
    const step = s.everyHours * 3600000;
    const firstHour = Math.ceil(t.createdAt.getTime() / 3600000) * 3600000;
    for (let slot = firstHour; slot <= to; slot += step) {
      const at = slot + minute * 60000;
      if (at > from && at <= to) out.push(at);
    }
  } else if (s.everyMinutes) {
    const step = s.everyMinutes * 60000;
    for (let at = Math.ceil(t.createdAt.getTime() / step) * step; at <= to; at += step) {
      if (at > from) out.push(at);
    }
  }
  return out;
}

/**
 * Runs every time-driven trigger occurrence due since the last call, in time order, each with
 * the clock set to its occurrence time and as the trigger's owner with no UI; afterwards the
 * clock is back at (or, if handlers slept, after) the time it showed before. The event has no
 * `user` (Event objects › Time-driven events); the active user is the installer, the only
 * account involved. In an add-on test deployment the occurrences pass without running.
 */
export function fireTimeTriggers(emu: AppsScriptEmulator, context: Context): number {
  const now = emu.clock.nowMs();
  const due: { t: EmuTrigger; at: number }[] = [];
  for (const t of emu.triggers.filter((x) => x.eventType === 'CLOCK')) {
    for (const at of occurrences(t, t.lastChecked, now)) due.push({ t, at });
    t.lastChecked = now;
  }
  due.sort((a, b) => a.at - b.at);
  if (emu._env.opts.deployment === 'addon-test') {
    for (const { t, at } of due) {
      emu.suppressedTriggerRuns.push({ handler: t.handler, kind: 'time', triggerUid: t.uid, at: new Date(at), reason: ADDON_TEST_REASON });
    }
    return 0;
  }
  let latest = now;
  const errors: unknown[] = [];
  for (const { t, at } of due) {
    if (!emu.triggers.includes(t)) continue;
    emu.clock.set(new Date(at));
    const p = zonedParts(at, 'UTC');
    const event = {
      authMode: 'FULL', triggerUid: t.uid, year: p.year, month: p.month, 'day-of-month': p.day,
      'day-of-week': p.weekday === 0 ? 7 : p.weekday, 'week-of-year': weekOfYear(at), hour: p.hour, minute: p.minute,
      second: p.second, timezone: 'UTC',
    };
    errors.push(callHandler(emu, context, { handler: t.handler, kind: 'time', triggerUid: t.uid, user: t.owner, startedAt: new Date(at) }, event,
      { authMode: 'FULL', activeUser: t.owner, effectiveUser: t.owner, hasUi: false }));
    latest = Math.max(latest, emu.clock.nowMs());
  }
  emu.clock.set(new Date(latest));
  throwFirst(errors);
  return due.length;
}

function weekOfYear(ms: number): number {
  const d = new Date(ms);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.floor((ms - jan1) / 604800000) + 1;
}

