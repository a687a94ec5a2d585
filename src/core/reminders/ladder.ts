/**
 * The reminder ladder of one report month (docs/reminders.md, "The ladder"): a notice before the due date, one on it, then
 * one every N days, at most K times. Each step "owns" the days until the next one would fall, so a
 * run that missed a day catches up with the step whose day has come, never with a backlog.
 */
import { addDays, compareDates, daysBetween, dueDateOf, type LocalDate } from '../shared/calendar';
import type { Settings } from '../config/settings';

export type LadderRule = Pick<Settings, 'year' | 'dueDay' | 'dueMonth' | 'remindBeforeDays' | 'remindEveryDays' | 'maxReminders'>;

/** Step 0 is the notice before the due date, 1 the due-day notice, 1 + k the k-th overdue reminder. */
export const STEP_BEFORE = 0;
export const STEP_DUE = 1;

export interface LadderStep {
  index: number;
  date: LocalDate;
}

export interface MonthLadder {
  month: number;
  due: LocalDate;
  steps: LadderStep[];
  /** Last day on which a step of this ladder can still go out (the last step's own days). */
  lastDay: LocalDate;
  /** Last day on which the office digest lists this month's overdue villages. */
  lastDigestDay: LocalDate;
}

export function ladderOf(month: number, rule: LadderRule): MonthLadder {
  const due = dueDateOf(month, rule);
  const monthStart: LocalDate = { year: rule.year, month, day: 1 };
  const steps: LadderStep[] = [];
  // A notice before the report month has even begun would ask for something that cannot be submitted yet.
  const before = addDays(due, -rule.remindBeforeDays);
  if (rule.remindBeforeDays > 0 && compareDates(before, monthStart) >= 0) steps.push({ index: STEP_BEFORE, date: before });
  steps.push({ index: STEP_DUE, date: due });
  for (let k = 1; k <= rule.maxReminders; k++) steps.push({ index: STEP_DUE + k, date: addDays(due, k * rule.remindEveryDays) });
  const lastDay = addDays(steps[steps.length - 1].date, rule.remindEveryDays - 1);
  // Even with no overdue reminders configured the office hears once, the day after the due date.
  const dayAfterDue = addDays(due, 1);
  return { month, due, steps, lastDay, lastDigestDay: compareDates(lastDay, dayAfterDue) >= 0 ? lastDay : dayAfterDue };
}

/** The step whose day has come most recently, or null before the ladder starts or after it ends. */
export function latestDueStep(ladder: MonthLadder, today: LocalDate): LadderStep | null {
  if (compareDates(today, ladder.lastDay) > 0) return null;
  let latest: LadderStep | null = null;
  for (const step of ladder.steps) if (compareDates(step.date, today) <= 0) latest = step;
  return latest;
}

/** The months of the configured year whose ladder or digest window contains today. */
export function activeLadders(today: LocalDate, rule: LadderRule): MonthLadder[] {
  const ladders: MonthLadder[] = [];
  for (let month = 1; month <= 12; month++) {
    const ladder = ladderOf(month, rule);
    const starts = ladder.steps[0].date;
    if (compareDates(today, starts) >= 0 && compareDates(today, ladder.lastDigestDay) <= 0) ladders.push(ladder);
  }
  return ladders;
}

/** Days past the due date: negative before it, 0 on it. */
export function daysLate(ladder: MonthLadder, today: LocalDate): number {
  return daysBetween(ladder.due, today);
}

/** Whether the office digest lists this month today: it is past due and within the digest window. */
export function isDigestDay(ladder: MonthLadder, today: LocalDate): boolean {
  return daysLate(ladder, today) > 0 && compareDates(today, ladder.lastDigestDay) <= 0;
}
