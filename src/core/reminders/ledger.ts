/**
 * What the reminder job has already done, kept compact in document properties so a run decides
 * "step already sent" and "already sent today" without reading `Nhật ký`. One property per report
 * month (villages by a short hash of their normalised name) and one for today's recipients; Apps
 * Script allows 9 KB per value, which holds several hundred villages.
 */
import * as z from 'zod';
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

const entrySchema = z.tuple([z.number().int(), z.number().int(), z.union([z.literal(0), z.literal(1)])]);
const monthSchema = z.record(z.string(), entrySchema);
const daySchema = z.object({ on: z.number().int(), to: z.array(z.string()), digest: z.union([z.literal(0), z.literal(1)]) });

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
      const parsed = daySchema.safeParse(json);
      if (parsed.success) day = { on: parsed.data.on, recipients: parsed.data.to, digest: parsed.data.digest === 1 };
      continue;
    }
    const parsed = monthSchema.safeParse(json);
    if (!parsed.success) continue;
    const entries: Record<string, LedgerEntry> = {};
    for (const [village, [step, on, sent]] of Object.entries(parsed.data)) entries[village] = { step, on, sent: sent === 1 };
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
