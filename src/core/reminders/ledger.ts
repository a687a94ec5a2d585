/**
 * What the reminder job has already done, kept in document properties so a run decides "step
 * already handled" and "already emailed today" without reading `Nhật ký` (docs/reminders.md, "The
 * ledger"). Villages and recipients are spread over shards by a hash of their key, so no value comes
 * near Apps Script's 9 KB per value at 1,000 villages and one email rewrites only the two or three
 * small values it changed. The record* functions change the ledger in place; those called after
 * each email return the property keys they changed.
 */
import type { LocalDate } from '../shared/calendar';
import { normalizeName } from '../shared/text';

const LEDGER_PREFIX = 'reminders:';
/** At 1,000 villages with two months open a village shard holds about 1.8 KB; 1,500 recipients (a Workspace day) about 1 KB a shard. */
const VILLAGE_SHARDS = 40;
const RECIPIENT_SHARDS = 16;
const OFFICE_KEY = `${LEDGER_PREFIX}office`;

/** How a step was handled: settled by a skip (no email, no tab…), sent and logged, or sent and not yet in `Nhật ký`. */
export const SETTLED = 0;
const SENT = 1;
const UNLOGGED = 2;
export type MarkState = typeof SETTLED | typeof SENT | typeof UNLOGGED;

export interface StepMark {
  /** Highest ladder step handled. */
  step: number;
  /** Day it was handled, as yyyymmdd. */
  on: number;
  state: MarkState;
}

export interface VillageRecord {
  /** Last day any reminder was sent to the village (yyyymmdd), 0 for never: the fair order's key. */
  lastSent: number;
  /** By report month as yyyymm. */
  months: Record<number, StepMark>;
}

export interface ReminderLedger {
  /** By village key (shortKey of the name). */
  villages: Record<string, VillageRecord>;
  /** Per recipient shard: the recipients (shortKey of the email) emailed on day `on`. */
  recipients: ({ on: number; to: string[] } | undefined)[];
  /** Last day the office digest went (0 for never), and whether it is in `Nhật ký` yet. */
  digest: { on: number; logged: boolean };
}

export const emptyLedger = (): ReminderLedger => ({ villages: {}, recipients: [], digest: { on: 0, logged: true } });

/** A step handled for a village (sent, or settled by a skip). */
export interface HandledStep {
  year: number;
  month: number;
  village: string;
  step: number;
}

export function dayNumber(d: LocalDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

export function dateOfDayNumber(n: number): LocalDate {
  return { year: Math.floor(n / 10000), month: Math.floor(n / 100) % 100, day: n % 100 };
}

export function monthNumber(year: number, month: number): number {
  return year * 100 + month;
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

const shardOf = (key: string, shards: number) => parseInt(key, 36) % shards;
const villageShardKey = (village: string) => `${LEDGER_PREFIX}v${shardOf(village, VILLAGE_SHARDS)}`;
const recipientShard = (recipient: string) => shardOf(recipient, RECIPIENT_SHARDS);

export function stepMark(ledger: ReminderLedger, year: number, month: number, village: string): StepMark | undefined {
  return ledger.villages[shortKey(village)]?.months[monthNumber(year, month)];
}

export function lastReminded(ledger: ReminderLedger, village: string): number {
  return ledger.villages[shortKey(village)]?.lastSent ?? 0;
}

export function alreadyEmailedToday(ledger: ReminderLedger, today: LocalDate, email: string): boolean {
  const key = shortKey(email);
  const shard = ledger.recipients[recipientShard(key)];
  return shard?.on === dayNumber(today) && shard.to.includes(key);
}

export function digestSentToday(ledger: ReminderLedger, today: LocalDate): boolean {
  return ledger.digest.on === dayNumber(today);
}

function markSteps(ledger: ReminderLedger, today: LocalDate, steps: readonly HandledStep[], state: MarkState): string[] {
  const on = dayNumber(today);
  return steps.map((h) => {
    const key = shortKey(h.village);
    const record = (ledger.villages[key] ??= { lastSent: 0, months: {} });
    const month = monthNumber(h.year, h.month);
    if ((record.months[month]?.step ?? -1) <= h.step) record.months[month] = { step: h.step, on, state };
    if (state !== SETTLED) record.lastSent = on;
    return villageShardKey(key);
  });
}

/** Steps that a skip settles for good (no email, invalid email, no tab). */
export function recordSettled(ledger: ReminderLedger, today: LocalDate, steps: readonly HandledStep[]): void {
  markSteps(ledger, today, steps, SETTLED);
}

/** An email that went to `to`, covering `steps`; not in `Nhật ký` until markLogged. */
export function recordSent(ledger: ReminderLedger, today: LocalDate, to: string, steps: readonly HandledStep[]): string[] {
  const recipient = shortKey(to);
  addRecipient(ledger, dayNumber(today), recipient);
  return [...new Set(markSteps(ledger, today, steps, UNLOGGED)), `${LEDGER_PREFIX}r${recipientShard(recipient)}`];
}

export function recordDigest(ledger: ReminderLedger, today: LocalDate): string[] {
  ledger.digest = { on: dayNumber(today), logged: false };
  return [OFFICE_KEY];
}

export interface UnloggedSend {
  village: string;
  /** yyyymm */
  month: number;
  step: number;
  on: number;
}

/** Sends an earlier run made but could not write to `Nhật ký`. */
export function unloggedSends(ledger: ReminderLedger): { sends: UnloggedSend[]; digestOn: number | null } {
  const sends: UnloggedSend[] = [];
  for (const [village, record] of Object.entries(ledger.villages)) {
    for (const [month, mark] of Object.entries(record.months)) if (mark.state === UNLOGGED) sends.push({ village, month: Number(month), step: mark.step, on: mark.on });
  }
  return { sends, digestOn: ledger.digest.logged ? null : ledger.digest.on };
}

/** After `Nhật ký` took the rows of every unlogged send. */
export function markLogged(ledger: ReminderLedger): void {
  for (const record of Object.values(ledger.villages)) for (const mark of Object.values(record.months)) if (mark.state === UNLOGGED) mark.state = SENT;
  ledger.digest.logged = true;
}

/**
 * Forgets months out of their window and villages no longer in the registry, except sends not yet
 * in `Nhật ký`. A village keeps its last-sent day across months: the fair order needs it.
 */
export function pruneLedger(ledger: ReminderLedger, keepMonths: readonly number[], villages: readonly { name: string }[]): void {
  const registered = new Set(villages.map((v) => shortKey(v.name)));
  for (const [key, record] of Object.entries(ledger.villages)) {
    for (const [month, mark] of Object.entries(record.months)) if (mark.state !== UNLOGGED && !keepMonths.includes(Number(month))) delete record.months[Number(month)];
    if (Object.keys(record.months).length === 0 && (record.lastSent === 0 || !registered.has(key))) delete ledger.villages[key];
  }
}

const ALL_KEYS = [
  ...Array.from({ length: VILLAGE_SHARDS }, (_, n) => `${LEDGER_PREFIX}v${n}`),
  ...Array.from({ length: RECIPIENT_SHARDS }, (_, n) => `${LEDGER_PREFIX}r${n}`),
  OFFICE_KEY,
];

/**
 * A shard as stored, null when it has nothing to hold:
 * `v<n>`: `{ village: [lastSent, (yyyymm, step, on, state)…] }`; `r<n>`: `[on, recipient…]`; `office`: `[on, logged 0|1]`.
 */
function storedValue(ledger: ReminderLedger, key: string): string | null {
  const shard = Number(key.slice(LEDGER_PREFIX.length + 1));
  if (key === OFFICE_KEY) return ledger.digest.on ? JSON.stringify([ledger.digest.on, ledger.digest.logged ? 1 : 0]) : null;
  if (key[LEDGER_PREFIX.length] === 'r') {
    const r = ledger.recipients[shard];
    return r && r.to.length > 0 ? JSON.stringify([r.on, ...r.to]) : null;
  }
  const out: Record<string, number[]> = {};
  for (const [village, r] of Object.entries(ledger.villages)) {
    if (shardOf(village, VILLAGE_SHARDS) === shard) out[village] = [r.lastSent, ...Object.entries(r.months).flatMap(([m, s]) => [Number(m), s.step, s.on, s.state])];
  }
  return Object.keys(out).length > 0 ? JSON.stringify(out) : null;
}

export interface LedgerWrite {
  set: Record<string, string>;
  remove: string[];
}

/**
 * The property writes that bring what is stored up to the ledger, for `keys` only (the shards one
 * email changed) or, without them, for the whole ledger, deleting emptied shards and any other
 * `reminders:` value (the previous format's). Unchanged values are not rewritten.
 */
export function ledgerWrites(stored: Readonly<Record<string, string>>, ledger: ReminderLedger, keys?: readonly string[]): LedgerWrite {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const key of keys ?? ALL_KEYS) {
    const value = storedValue(ledger, key);
    if (value === null) {
      if (key in stored) remove.push(key);
    } else if (stored[key] !== value) set[key] = value;
  }
  if (!keys) remove.push(...Object.keys(stored).filter((key) => key.startsWith(LEDGER_PREFIX) && !ALL_KEYS.includes(key)));
  return { set, remove };
}

const isDay = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isState = (v: unknown): v is MarkState => v === SETTLED || v === SENT || v === UNLOGGED;

/** `[lastSent, (yyyymm, step, on, state)…]`, or null when the stored value is not that. */
function villageRecordOf(value: unknown): VillageRecord | null {
  if (!Array.isArray(value) || value.length % 4 !== 1 || !value.every(isDay)) return null;
  const record: VillageRecord = { lastSent: value[0], months: {} };
  for (let i = 1; i < value.length; i += 4) {
    if (!isState(value[i + 3])) return null;
    record.months[value[i]] = { step: value[i + 1], on: value[i + 2], state: value[i + 3] as MarkState };
  }
  return record;
}

/** A shard holds one day's recipients: a later day replaces it, an earlier one is ignored. */
function addRecipient(ledger: ReminderLedger, on: number, recipient: string): void {
  const n = recipientShard(recipient);
  const shard = ledger.recipients[n];
  if (!shard || shard.on < on) ledger.recipients[n] = { on, to: [recipient] };
  else if (shard.on === on && !shard.to.includes(recipient)) shard.to.push(recipient);
}

/**
 * Reads the ledger from all document properties. A value that does not parse is ignored: the
 * worst outcome is one repeated notice, which beats a job that stops on a damaged property. So are
 * the values of the previous format (`reminders:YYYY-MM`, `reminders:day`), which the next full
 * write deletes.
 */
export function readLedger(properties: Readonly<Record<string, string>>): ReminderLedger {
  const ledger = emptyLedger();
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(LEDGER_PREFIX)) continue;
    const name = key.slice(LEDGER_PREFIX.length);
    const json = parseJson(value);
    if (name === 'office') {
      if (Array.isArray(json) && isDay(json[0]) && (json[1] === 0 || json[1] === 1)) ledger.digest = { on: json[0], logged: json[1] === 1 };
    } else if (/^r\d+$/.test(name)) {
      if (Array.isArray(json) && isDay(json[0])) json.slice(1).forEach((r) => typeof r === 'string' && addRecipient(ledger, json[0] as number, r));
    } else if (/^v\d+$/.test(name) && isRecord(json)) {
      for (const [village, value] of Object.entries(json)) {
        const record = villageRecordOf(value);
        if (record) ledger.villages[village] = record;
      }
    }
  }
  return ledger;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
