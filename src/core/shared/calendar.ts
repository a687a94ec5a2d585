/**
 * Dates in Vietnam time whatever the machine's zone. Vietnam has kept UTC+7 without daylight saving
 * since 1975, so a fixed offset is exact and needs no Intl tables.
 */
import { DUE_MONTH_NEXT, type Settings } from '../config/settings';

/** The zone of the spreadsheet, the script (appsscript.json) and the daily trigger; VN_OFFSET_MS is its offset. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export function vnDateOf(instant: Date): LocalDate {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant at which a Vietnam local time occurs. */
export function vnInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS);
}

/** Whole days from `a` to `b` (local dates), negative when b is before a. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return daysBetween(b, a);
}

export function formatLocalDate(d: LocalDate): string {
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

export function formatVnDate(instant: Date): string {
  return formatLocalDate(vnDateOf(instant));
}

export function formatVnDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return `${formatVnDate(instant)} ${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

type DueRule = Pick<Settings, 'year' | 'dueDay' | 'dueMonth'>;

/** The local date on which the report of `month` (of the configured year) falls due. */
export function dueDateOf(month: number, rule: DueRule): LocalDate {
  if (rule.dueMonth !== DUE_MONTH_NEXT) return { year: rule.year, month, day: rule.dueDay };
  return month === 12 ? { year: rule.year + 1, month: 1, day: rule.dueDay } : { year: rule.year, month: month + 1, day: rule.dueDay };
}

/** The report of `month` is overdue on `today`: its due date, the last day allowed, has passed. */
export function isPastDue(month: number, today: LocalDate, rule: DueRule): boolean {
  return compareDates(today, dueDateOf(month, rule)) > 0;
}

/** On time means ticked before the due date's midnight ends, Vietnam time. */
export function isOnTime(submittedAt: Date, month: number, rule: DueRule): boolean {
  const due = dueDateOf(month, rule);
  return submittedAt.getTime() < vnInstant(due.year, due.month, due.day + 1).getTime();
}

/** A month of the configured year that has not begun yet in Vietnam. */
export function isFutureMonth(month: number, today: LocalDate, year: number): boolean {
  return year > today.year || (year === today.year && month > today.month);
}

/**
 * The month whose report people are working on today: the month itself when reports fall due in
 * the same month, the previous one when they fall due the month after. Clamped to the plan's year.
 */
export function currentReportMonth(today: LocalDate, rule: DueRule): number {
  const offset = rule.dueMonth === DUE_MONTH_NEXT ? 1 : 0;
  const index = (today.year - rule.year) * 12 + today.month - offset;
  return Math.min(12, Math.max(1, index));
}
