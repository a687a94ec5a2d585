/**
 * What the reminder job has already done, kept compact in document properties so a run decides
 * "step already sent" and "already sent today" without reading `Nhật ký`. One property per report
 * month (villages by a short hash of their normalised name) and one for today's recipients; Apps
 * Script allows 9 KB per value, which holds several hundred villages.
 */
import type { LocalDate } from '../shared/calendar';
import { normalizeName } from '../shared/text';

export const LEDGER_PREFIX = 'reminders:';
const DAY_KEY = `${LEDGER_PREFIX}day`;
export const MAX_PROPERTY_BYTES = 9 * 1024;

export interface LedgerEntry {
  /** Highest ladder step handled (sent, or skipped for good: no email, no tab). */
  step: number;
  /** Day it was handled, as yyyymmdd. */
  on: number;
  sent: boolean;
}

export interface ReminderLedger {
  /** By month key (`2026-05`), then by village key. */
  months: Record<string, Record<string, LedgerEntry>>;
  /** Today's run(s): who already got an email, and whether the digest went. */
  day: { on: number; recipients: string[]; digest: boolean };
}

export const EMPTY_LEDGER: ReminderLedger = { months: {}, day: { on: 0, recipients: [], digest: false } };

export function dayNumber(d: LocalDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

export function monthKey(year: number, month: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** FNV-1a of the normalised text, base 36: short, stable, and free of personal data. */
export function shortKey(text: string): string {
  let hash = 0x811c9dc5;
  const s = normalizeName(text);
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function ledgerEntry(ledger: ReminderLedger, year: number, month: number, village: string): LedgerEntry | undefined {
  return ledger.months[monthKey(year, month)]?.[shortKey(village)];
}

export function alreadyEmailedToday(ledger: ReminderLedger, today: LocalDate, email: string): boolean {
  return ledger.day.on === dayNumber(today) && ledger.day.recipients.includes(shortKey(email));
}

export function digestSentToday(ledger: ReminderLedger, today: LocalDate): boolean {
  return ledger.day.on === dayNumber(today) && ledger.day.digest;
}

export interface HandledStep {
  year: number;
  month: number;
  village: string;
  step: number;
  sent: boolean;
}

export interface RunRecord {
  today: LocalDate;
  handled: readonly HandledStep[];
  emailedRecipients: readonly string[];
  digestSent: boolean;
  /** Month keys still in their window; the others are dropped. */
  keepMonths: readonly string[];
}

/** The ledger after a run; the input is left untouched. */
export function recordRun(ledger: ReminderLedger, run: RunRecord): ReminderLedger {
  const on = dayNumber(run.today);
  const months: ReminderLedger['months'] = {};
  for (const key of run.keepMonths) months[key] = { ...(ledger.months[key] ?? {}) };
  for (const h of run.handled) {
    const key = monthKey(h.year, h.month);
    const entries = months[key] ?? (months[key] = {});
    const previous = entries[shortKey(h.village)];
    if (!previous || previous.step < h.step) entries[shortKey(h.village)] = { step: h.step, on, sent: h.sent };
  }
  const sameDay = ledger.day.on === on;
  const recipients = new Set(sameDay ? ledger.day.recipients : []);
  run.emailedRecipients.forEach((e) => recipients.add(shortKey(e)));
  return { months, day: { on, recipients: [...recipients], digest: (sameDay && ledger.day.digest) || run.digestSent } };
}

type Bit = 0 | 1;
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isBit = (v: unknown): v is Bit => v === 0 || v === 1;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ on, to: [recipient…], digest: 0|1 }`, or null when the stored value is not that. */
function dayOf(json: unknown): { on: number; to: string[]; digest: Bit } | null {
  if (!isRecord(json) || !isInt(json.on) || !isBit(json.digest) || !Array.isArray(json.to)) return null;
  return json.to.every((t) => typeof t === 'string') ? { on: json.on, to: json.to as string[], digest: json.digest } : null;
}

/** `{ village: [step, on, sent 0|1] }`, or null when the stored value is not that. */
function monthOf(json: unknown): Record<string, [number, number, Bit]> | null {
  if (!isRecord(json)) return null;
  const entries = Object.values(json);
  return entries.every((e) => Array.isArray(e) && e.length === 3 && isInt(e[0]) && isInt(e[1]) && isBit(e[2])) ? (json as Record<string, [number, number, Bit]>) : null;
}

/**
 * Reads the ledger from all document properties. A value that does not parse is ignored: the
 * worst outcome is one repeated notice, which beats a job that stops on a damaged property.
 */
export function readLedger(properties: Readonly<Record<string, string>>): ReminderLedger {
  const months: ReminderLedger['months'] = {};
  let day = EMPTY_LEDGER.day;
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(LEDGER_PREFIX)) continue;
    const json = parseJson(value);
    if (key === DAY_KEY) {
      const parsed = dayOf(json);
      if (parsed) day = { on: parsed.on, recipients: parsed.to, digest: parsed.digest === 1 };
      continue;
    }
    const parsed = monthOf(json);
    if (!parsed) continue;
    const entries: Record<string, LedgerEntry> = {};
    for (const [village, [step, on, sent]] of Object.entries(parsed)) entries[village] = { step, on, sent: sent === 1 };
    months[key.slice(LEDGER_PREFIX.length)] = entries;
  }
  return { months, day };
}

export interface LedgerWrite {
  set: Record<string, string>;
  remove: string[];
}

/** The property writes that turn `before` (as stored) into `after`; unchanged values are not rewritten. */
export function ledgerWrites(before: Readonly<Record<string, string>>, after: ReminderLedger): LedgerWrite {
  const wanted: Record<string, string> = {};
  for (const [key, entries] of Object.entries(after.months)) {
    const compact: Record<string, [number, number, 0 | 1]> = {};
    for (const [village, e] of Object.entries(entries)) compact[village] = [e.step, e.on, e.sent ? 1 : 0];
    wanted[LEDGER_PREFIX + key] = JSON.stringify(compact);
  }
  wanted[DAY_KEY] = JSON.stringify({ on: after.day.on, to: after.day.recipients, digest: after.day.digest ? 1 : 0 });
  for (const [key, value] of Object.entries(wanted)) {
    if (utf8Length(key) + utf8Length(value) > MAX_PROPERTY_BYTES) {
      throw new Error(`Sổ nhắc việc của kỳ ${key} vượt giới hạn 9 KB của Apps Script; hãy báo cho người phát triển.`);
    }
  }
  const set: Record<string, string> = {};
  for (const [key, value] of Object.entries(wanted)) if (before[key] !== value) set[key] = value;
  const remove = Object.keys(before).filter((key) => key.startsWith(LEDGER_PREFIX) && !(key in wanted));
  return { set, remove };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
