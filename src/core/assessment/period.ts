/** The period of a Tổng hợp run: a month, a quarter, or the year so far; and what people type for it. */
import { isFutureMonth, type LocalDate } from '../shared/calendar';
import { normalizeName } from '../shared/text';

export type Period =
  | { kind: 'month'; month: number }
  | { kind: 'quarter'; quarter: number }
  | { kind: 'year'; throughMonth: number };

export const QUARTER_NAMES = ['I', 'II', 'III', 'IV'] as const;

export function periodMonths(period: Period): number[] {
  switch (period.kind) {
    case 'month':
      return [period.month];
    case 'quarter':
      return [1, 2, 3].map((i) => (period.quarter - 1) * 3 + i);
    case 'year':
      return Array.from({ length: period.throughMonth }, (_, i) => i + 1);
  }
}

/** Months of the period that have begun in Vietnam: only those can be expected to be reported. */
export function countedMonths(period: Period, today: LocalDate, year: number): number[] {
  return periodMonths(period).filter((m) => !isFutureMonth(m, today, year));
}

/** Heading form: `Tháng 5/2026`, `Quý II/2026`, `Năm 2026 (đến tháng 5)`. */
export function periodLabel(period: Period, year: number): string {
  switch (period.kind) {
    case 'month':
      return `Tháng ${period.month}/${year}`;
    case 'quarter':
      return `Quý ${QUARTER_NAMES[period.quarter - 1]}/${year}`;
    case 'year':
      return `Năm ${year} (đến tháng ${period.throughMonth})`;
  }
}

/** Inside a sentence: `tháng 5/2026`, `quý II/2026`, `từ đầu năm 2026 đến hết tháng 5`. */
export function periodPhrase(period: Period, year: number): string {
  switch (period.kind) {
    case 'month':
      return `tháng ${period.month}/${year}`;
    case 'quarter':
      return `quý ${QUARTER_NAMES[period.quarter - 1]}/${year}`;
    case 'year':
      return `từ đầu năm ${year} đến hết tháng ${period.throughMonth}`;
  }
}

/** The subject line of the printed report (trích yếu): `tháng 5 năm 2026`, `quý II năm 2026`… */
export function periodSubject(period: Period, year: number): string {
  switch (period.kind) {
    case 'month':
      return `tháng ${period.month} năm ${year}`;
    case 'quarter':
      return `quý ${QUARTER_NAMES[period.quarter - 1]} năm ${year}`;
    case 'year':
      return `từ đầu năm đến hết tháng ${period.throughMonth} năm ${year}`;
  }
}

export type PeriodAnswer = { ok: true; period: Period } | { ok: false; message: string };

const MONTH_ANSWER = /^(?:tháng|thang|t)?\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?$/;
const QUARTER_ANSWER = /^(?:quý|quy|q)\s*(iv|i{1,3}|[1-4])(?:\s*[/-]\s*(\d{4}))?$/;
const YEAR_ANSWER = /^(?:cả\s*)?(?:năm|nam)(?:\s*(\d{4}))?$/;

/**
 * What an official types at the Tổng hợp prompt: `5`, `tháng 5`, `T5`, `5/2026`; `Quý II`, `Q2`,
 * `quý 2`; `Năm`. Empty means the current report month; the year so far ends there too.
 */
export function parsePeriodAnswer(text: string, currentMonth: number, year: number): PeriodAnswer {
  const answer = normalizeName(text);
  if (answer === '') return { ok: true, period: { kind: 'month', month: currentMonth } };
  const month = MONTH_ANSWER.exec(answer);
  if (month) {
    const m = Number(month[1]);
    if (m < 1 || m > 12) return { ok: false, message: `"${text.trim()}" không phải một tháng (1–12).` };
    return checkYear(month[2], year, text) ?? { ok: true, period: { kind: 'month', month: m } };
  }
  const quarter = QUARTER_ANSWER.exec(answer);
  if (quarter) {
    const q = /^\d$/.test(quarter[1]) ? Number(quarter[1]) : QUARTER_NAMES.indexOf(quarter[1].toUpperCase() as (typeof QUARTER_NAMES)[number]) + 1;
    return checkYear(quarter[2], year, text) ?? { ok: true, period: { kind: 'quarter', quarter: q } };
  }
  const wholeYear = YEAR_ANSWER.exec(answer);
  if (wholeYear) return checkYear(wholeYear[1], year, text) ?? { ok: true, period: { kind: 'year', throughMonth: currentMonth } };
  return { ok: false, message: `Không hiểu kỳ "${text.trim()}". Gõ số tháng (ví dụ 5), quý (ví dụ Quý II hoặc Q2) hoặc "Năm".` };
}

function checkYear(typed: string | undefined, year: number, text: string): PeriodAnswer | null {
  if (typed === undefined || Number(typed) === year) return null;
  return { ok: false, message: `"${text.trim()}": bảng tính này theo dõi năm ${year} (xem tab Cấu hình).` };
}

/** A whole number from `min` to `max`, also when it arrives as text ("5") from a prompt or a sidebar; else null. */
export function wholeNumberIn(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** A month 1–12 as a caller gives it (a number, or text from a prompt or a sidebar), or a Vietnamese error. */
export function monthArgument(value: unknown): number {
  const month = wholeNumberIn(value, 1, 12);
  if (month === null) throw new Error(`Tháng "${String(value)}" không hợp lệ: nhập một số nguyên từ 1 đến 12.`);
  return month;
}
