/**
 * What the printed report's judgements rest on (docs/tabs.md, "Báo cáo"): which rate indicators are
 * behind and by how much, which reports are overdue, what the next period is. Figures, no wording.
 */
import type { AggregationSummary, IndicatorSummary, VillageMonths } from '../assessment/aggregation';
import { QUARTER_NAMES } from '../assessment/period';
import { isYearEnd, monthsText } from './aggregationText';
import { isBehind, MONTHS_IN_YEAR, planToDate } from '../assessment/progress';
import { isPastDue, type LocalDate } from '../shared/calendar';

/** A rate indicator with a rate and a target, and the line it is judged against. */
export interface RateStanding {
  ind: IndicatorSummary;
  rate: number;
  target: number;
  /** The plan to date before December; the year's target at the year's end. */
  line: number;
  /** line − rate, in percentage points: how far behind (negative: ahead). */
  gap: number;
}

export function rateStandings(summary: AggregationSummary): RateStanding[] {
  return summary.indicators.flatMap((ind) => {
    if (ind.kind !== 'TY_LE' || ind.ratePercent === null || ind.targetPercent === null || ind.evaluation === null) return [];
    const line = isYearEnd(summary) ? ind.targetPercent : ind.planPercent ?? ind.targetPercent;
    return [{ ind, rate: ind.ratePercent, target: ind.targetPercent, line, gap: line - ind.ratePercent }];
  });
}

/** Rate indicators behind the plan (or short of the year's target in December), the furthest behind first. */
export function behindFurthestFirst(summary: AggregationSummary): RateStanding[] {
  return rateStandings(summary)
    .filter((s) => isBehind(s.ind.evaluation))
    .sort((a, b) => b.gap - a.gap);
}

/** Rate indicators applied but without a rate yet (no village has both a value and its total). */
export function ratesWithoutData(summary: AggregationSummary): IndicatorSummary[] {
  return summary.indicators.filter((i) => i.kind === 'TY_LE' && i.ratePercent === null);
}

/** Reports of the period not submitted although their due date has passed by `today`. */
export function overdueMissing(summary: AggregationSummary, today: LocalDate): VillageMonths[] {
  return summary.completeness.missingVillages.flatMap((v) => {
    const months = v.months.filter((m) => isPastDue(m, today, summary));
    return months.length > 0 ? [{ name: v.name, months }] : [];
  });
}

/** The period after this one, as section IV names it. */
export interface NextPeriod {
  /** `tháng tới`, `quý tới`, `năm tới` (`thời gian tới`: the rest of Quý IV from October): the section heading. */
  word: string;
  /** `tháng 6`, `quý III`, `tháng 11, 12`, `năm 2027`: inside a sentence. */
  phrase: string;
  /** Its last month (this year); null when it is next year. */
  endMonth: number | null;
}

export function nextPeriodOf(summary: AggregationSummary): NextPeriod {
  if (isYearEnd(summary)) return { word: 'năm tới', phrase: `năm ${summary.year + 1}`, endMonth: null };
  const quarter = summary.period.kind === 'quarter' ? summary.period.quarter : null;
  if (quarter !== null && quarter < QUARTER_NAMES.length) return { word: 'quý tới', phrase: `quý ${QUARTER_NAMES[quarter]}`, endMonth: (quarter + 1) * 3 };
  // Quý IV before December has no next quarter this year: what is left of it is what is left of the year.
  const endMonth = quarter === null ? summary.endMonth + 1 : MONTHS_IN_YEAR;
  const months = Array.from({ length: endMonth - summary.endMonth }, (_, i) => summary.endMonth + i + 1);
  return { word: months.length > 1 ? 'thời gian tới' : 'tháng tới', phrase: monthsText(months), endMonth };
}

/**
 * How many more people (households) the villages counted must reach by the end of `month` to be on
 * the plan (`month` 12: the year's target); 0 when they already are.
 */
export function shortfallBy(ind: IndicatorSummary, month: number): number {
  if (ind.value === null || ind.denominator === null || ind.targetPercent === null) return 0;
  const line = planToDate(ind.baselinePercent ?? 0, ind.targetPercent, month);
  return Math.max(0, Math.ceil((line / 100) * ind.denominator - ind.value - 1e-9));
}
