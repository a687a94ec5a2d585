/**
 * Who gets which reminder today (docs/reminders.md, "Who gets what"), decided from the calendar, the registry, each village's
 * status and the ledger of what was already done. Villages "Chưa nộp" are reminded; so are villages
 * "Cần sửa" (ticked, but the data now has errors): until they fix it the office cannot count their
 * report, so they follow the same ladder with a "cần sửa" wording that names the cells at fault.
 * Older months still pending are mentioned in the email a head gets anyway, and the office's digest
 * lists every village with a month past its due date still pending.
 */
import { isPastDue, type LocalDate } from '../shared/calendar';
import type { Village } from '../config/registry';
import type { Settings } from '../config/settings';
import type { MonthStatus } from '../assessment/status';
import { isPlausibleEmail } from '../shared/text';
import type { PlatformErrorKind } from '../shared/platformErrors';
import { activeLadders, daysLate, isDigestDay, latestDueStep, type LadderRule, type MonthLadder } from './ladder';
import { alreadyEmailedToday, dayNumber, digestSentToday, lastReminded, monthNumber, SETTLED, stepMark, type HandledStep, type ReminderLedger } from './ledger';

export type PendingStatus = Extract<MonthStatus, 'CHUA_NOP' | 'CAN_SUA'>;


/** Refusals after which no email of this run can go either: the rest waits for the next run (docs/reminders.md). */
export function stopsSending(kind: PlatformErrorKind | null): boolean {
  return kind === 'MAIL_QUOTA' || kind === 'DAILY_QUOTA' || kind === 'RATE_LIMIT';
}

/** A village's status for a month, or NO_TAB when its tab is missing or not recognisable. */
export type VillageMonthState = MonthStatus | 'NO_TAB';

export interface ReminderItem {
  village: Village;
  month: number;
  year: number;
  due: LocalDate;
  step: number;
  /** Days past the due date: negative before it, 0 on it. */
  daysLate: number;
  status: PendingStatus;
  /** Of a "Cần sửa" month: the validation errors, as worded for people ("Thôn 3, Tháng 5, ô E7: …"). */
  faults: readonly string[];
}

/** A month past its due date that a village has not submitted, or must fix. */
export interface PendingMonth {
  month: number;
  status: PendingStatus;
}

/** A village's months past their due date still pending, oldest first. */
export interface VillageBacklog {
  village: Village;
  months: PendingMonth[];
}

export interface RecipientEmail {
  to: string;
  items: ReminderItem[];
  /** Its villages' other months past due and still pending, told in the same email (no extra send). */
  earlier: VillageBacklog[];
}

export type SkipReason = 'NO_EMAIL' | 'INVALID_EMAIL' | 'NO_TAB' | 'ALREADY_SENT_TODAY' | 'NO_OFFICE_EMAIL';

export interface PlannedSkip {
  reason: SkipReason;
  /** Empty for the digest. */
  village: string;
  month: number;
  email: string;
  /** Set when the skip settles the step for good (it is recorded as handled). */
  handled: HandledStep | null;
}

export interface DigestMonth {
  month: number;
  year: number;
  due: LocalDate;
  villages: number;
  submitted: number;
}

export interface DigestPlan {
  to: string;
  /** Every village with a month of the year past its due date still pending, in registry order. */
  villages: VillageBacklog[];
  /** The report months whose overdue window contains today, with their counts. */
  months: DigestMonth[];
}

export interface ReminderPlan {
  today: LocalDate;
  /** One per recipient, in sending order (see planReminders). */
  emails: RecipientEmail[];
  digest: DigestPlan | null;
  skips: PlannedSkip[];
  /** Report months (yyyymm) still in their window: the ledger keeps these. */
  keepMonths: number[];
}

export interface PlanInput {
  today: LocalDate;
  settings: LadderRule & Pick<Settings, 'officeEmail'>;
  villages: readonly Village[];
  /** Asked only for villages returned by `villagesToRead`. */
  stateOf: (village: Village, month: number) => VillageMonthState;
  /** The validation errors of a village's month, as worded for people; asked only of "Cần sửa" months reminded. */
  faultsOf: (village: Village, month: number) => readonly string[];
  ledger: ReminderLedger;
}

type PlanContext = Omit<PlanInput, 'stateOf' | 'faultsOf'>;

const isPending = (state: VillageMonthState): state is PendingStatus => state === 'CHUA_NOP' || state === 'CAN_SUA';
/** Submitted, or ticked and waiting for the add-on: the digest's "đã nộp". */
const isCounted = (state: VillageMonthState) => state !== 'NO_TAB' && !isPending(state);
const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * The villages whose tab a run must read (planReminders asks `stateOf` about no others): those with a step due and not yet handled, or all of
 * them when today's digest is still to go. A second run on the same day usually reads none.
 */
export function villagesToRead(input: PlanContext): Village[] {
  const ladders = activeLadders(input.today, input.settings);
  const digestDue = !digestSentToday(input.ledger, input.today) && ladders.some((l) => isDigestDay(l, input.today));
  if (digestDue) return [...input.villages];
  return input.villages.filter((v) => ladders.some((l) => unhandledStep(l, v, input) !== null));
}

export function planReminders(input: PlanInput): ReminderPlan {
  const { today, settings, ledger } = input;
  const ladders = activeLadders(today, settings);
  const byRecipient = new Map<string, RecipientEmail>();
  const skips: PlannedSkip[] = [];
  const states = new Map<string, VillageMonthState>();
  const stateOf = (v: Village, month: number) => {
    const key = `${month}|${v.row}`;
    if (!states.has(key)) states.set(key, input.stateOf(v, month));
    return states.get(key) as VillageMonthState;
  };

  for (const ladder of ladders) {
    for (const village of input.villages) {
      const step = unhandledStep(ladder, village, input);
      if (step === null) {
        if (wasSentToday(ladder, village, input)) {
          skips.push({ reason: 'ALREADY_SENT_TODAY', village: village.name, month: ladder.month, email: village.email, handled: null });
        }
        continue;
      }
      const state = stateOf(village, ladder.month);
      if (state !== 'NO_TAB' && !isPending(state)) continue;
      const handled: HandledStep = { year: settings.year, month: ladder.month, village: village.name, step };
      const skip = (reason: SkipReason, settles: boolean) =>
        skips.push({ reason, village: village.name, month: ladder.month, email: village.email, handled: settles ? handled : null });
      if (state === 'NO_TAB') skip('NO_TAB', true);
      else if (village.email === '') skip('NO_EMAIL', true);
      else if (!isPlausibleEmail(village.email)) skip('INVALID_EMAIL', true);
      else if (alreadyEmailedToday(ledger, today, village.email)) skip('ALREADY_SENT_TODAY', false);
      else {
        const key = emailKey(village.email);
        const email = byRecipient.get(key) ?? { to: village.email.trim(), items: [], earlier: [] };
        const faults = state === 'CAN_SUA' ? input.faultsOf(village, ladder.month) : [];
        email.items.push({ village, month: ladder.month, year: settings.year, due: ladder.due, step, daysLate: daysLate(ladder, today), status: state, faults });
        byRecipient.set(key, email);
      }
    }
  }

  for (const email of byRecipient.values()) {
    email.items.sort((a, b) => a.village.row - b.village.row || a.month - b.month);
    email.earlier = earlierBacklog(email.items, today, settings, stateOf);
  }
  const digest = planDigest(input, ladders, stateOf, skips);
  return { today, emails: fairOrder([...byRecipient.values()], ledger), digest, skips, keepMonths: ladders.map((l) => monthNumber(settings.year, l.month)) };
}

/**
 * Under a short quota the villages reminded least recently go first (never reminded: first of all),
 * so every village is reached in turn and what a run defers leads the next one; then the most days
 * late, then registry order. An email to the head of several villages ranks by its least recently
 * reminded village.
 */
function fairOrder(emails: RecipientEmail[], ledger: ReminderLedger): RecipientEmail[] {
  const ranked = emails.map((email) => ({
    email,
    lastSent: Math.min(...email.items.map((i) => lastReminded(ledger, i.village.name))),
    daysLate: Math.max(...email.items.map((i) => i.daysLate)),
    row: email.items[0].village.row,
  }));
  ranked.sort((a, b) => a.lastSent - b.lastSent || b.daysLate - a.daysLate || a.row - b.row);
  return ranked.map((r) => r.email);
}

function wasSentToday(ladder: MonthLadder, village: Village, input: PlanContext): boolean {
  const done = stepMark(input.ledger, input.settings.year, ladder.month, village.name);
  return done !== undefined && done.state !== SETTLED && done.on === dayNumber(input.today) && latestDueStep(ladder, input.today) !== null;
}

/** The latest step whose day has come, unless the ledger says it (or a later one) was handled. */
function unhandledStep(ladder: MonthLadder, village: Village, input: PlanContext): number | null {
  const step = latestDueStep(ladder, input.today);
  if (!step) return null;
  const done = stepMark(input.ledger, input.settings.year, ladder.month, village.name);
  return done && done.step >= step.index ? null : step.index;
}

function planDigest(
  input: PlanInput,
  ladders: readonly MonthLadder[],
  stateOf: (v: Village, month: number) => VillageMonthState,
  skips: PlannedSkip[],
): DigestPlan | null {
  const { today, settings } = input;
  const digestLadders = ladders.filter((l) => isDigestDay(l, today));
  if (digestLadders.length === 0) return null;
  const to = settings.officeEmail.trim();
  const skip = (reason: SkipReason) => skips.push({ reason, village: '', month: digestLadders[0].month, email: to, handled: null });
  if (digestSentToday(input.ledger, today)) {
    skip('ALREADY_SENT_TODAY');
    return null;
  }
  const months = digestLadders.map((ladder): DigestMonth => {
    const submitted = input.villages.filter((v) => isCounted(stateOf(v, ladder.month))).length;
    return { month: ladder.month, year: settings.year, due: ladder.due, villages: input.villages.length, submitted };
  });
  const villages = input.villages.flatMap((village) => {
    const pending = pastDuePending(village, today, settings, stateOf);
    return pending.length > 0 ? [{ village, months: pending }] : [];
  });
  if (villages.length === 0) return null;
  if (to === '') {
    skip('NO_OFFICE_EMAIL');
    return null;
  }
  if (!isPlausibleEmail(to)) {
    skip('INVALID_EMAIL');
    return null;
  }
  return { to, villages, months };
}

/** The village's months whose due date has passed (Vietnam time) and that are still pending, oldest first. */
function pastDuePending(village: Village, today: LocalDate, rule: PlanInput['settings'], stateOf: (v: Village, month: number) => VillageMonthState): PendingMonth[] {
  const months: PendingMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    if (!isPastDue(month, today, rule)) break;
    const state = stateOf(village, month);
    if (isPending(state)) months.push({ month, status: state });
  }
  return months;
}

/** The other months past due still pending of the villages an email reminds. */
function earlierBacklog(items: readonly ReminderItem[], today: LocalDate, rule: PlanInput['settings'], stateOf: (v: Village, month: number) => VillageMonthState): VillageBacklog[] {
  const villages = [...new Set(items.map((i) => i.village))];
  return villages.flatMap((village) => {
    const reminded = new Set(items.filter((i) => i.village === village).map((i) => i.month));
    const months = pastDuePending(village, today, rule, stateOf).filter((m) => !reminded.has(m.month));
    return months.length > 0 ? [{ village, months }] : [];
  });
}
