/**
 * Tổng hợp (docs/periods-and-status.md, "How a period is counted"): villages' parsed tabs and month statuses → one plain, serialisable summary
 * of a period, used by the `Tổng hợp` and `Báo cáo` tabs, the dashboard and the demo printer.
 *
 * Only submitted months count (Đúng hạn, Nộp muộn, Đã duyệt; not Cần sửa). TY_LE and TRANG_THAI take
 * each village's latest submitted month up to the period's end; SO_LUONG sums submitted months. A
 * commune rate is Σ numerators ÷ Σ denominators over villages that have both, never a mean of rates.
 * Once the office approves months, the ranking counts approved months only. Rate indicators are
 * measured against the year plan's pace (progress.ts); the ranking is awards.ts's score.
 */
import { TEAM_SIZE_CODE, type DenominatorCode, type IndicatorKind } from '../config/catalogue';
import { dueDateOf, formatLocalDate, formatVnDateTime, isPastDue, vnDateOf } from '../shared/calendar';
import type { Village } from '../config/registry';
import type { IndicatorSetting, Settings } from '../config/settings';
import { isApprovableStatus, isSubmittedStatus, wasOnTime, type MonthStatus } from './status';
import { countedMonths, periodLabel, periodMonths, type Period } from './period';
import { countOf, type VillageReport } from '../entry/monthReports';
import { splitMonthNote } from '../entry/ownNotes';
import { tidyText } from '../shared/text';
import { rankTeams, type AwardWeights } from './awards';
import { evaluate, planToDate, projectedYearEnd, type Evaluation } from './progress';

/** The part of issue #3's MonthAssessment that Tổng hợp needs. */
export interface MonthStatusOf {
  month: number;
  status: MonthStatus;
}

export interface AssessedVillage {
  village: Village;
  /** Null when the registry lists the village but its tab is missing or not recognisable. */
  report: VillageReport | null;
  assessments: readonly MonthStatusOf[];
}

export interface AggregationInput {
  settings: Settings;
  /** Applied indicators only. */
  indicators: readonly IndicatorSetting[];
  /** Registry order. */
  villages: readonly AssessedVillage[];
  period: Period;
  now: Date;
}

export interface VillageMonths {
  name: string;
  months: number[];
}

export interface VillageMonth {
  name: string;
  month: number;
}

/** Counts are reports (village × month), so a quarter expects villages × 3. */
export interface Completeness {
  expected: number;
  /** On time + late; approved reports are among them. */
  submitted: number;
  onTime: number;
  late: number;
  /** Submitted reports the office has approved (Đã duyệt). */
  approved: number;
  needsFix: number;
  /** Ticked, waiting for the add-on to stamp them (Chờ xử lý): not submitted yet, not missing either. */
  pending: number;
  missing: number;
  lateVillages: VillageMonths[];
  needsFixVillages: VillageMonths[];
  pendingVillages: VillageMonths[];
  missingVillages: VillageMonths[];
}

export interface IndicatorSummary {
  code: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  denominatorCode: DenominatorCode | null;
  targetPercent: number | null;
  /**
   * TY_LE: Σ numerators of villages with a denominator; TRANG_THAI: Σ latest values; SO_LUONG: the
   * period's count. Null when no village contributes.
   */
  value: number | null;
  /** TY_LE: Σ denominators of the same villages. */
  denominator: number | null;
  /** TY_LE: value ÷ denominator × 100. */
  ratePercent: number | null;
  /**
   * TY_LE: the commune rate at the start of the year, from `Đầu năm`: Σ start values ÷ Σ
   * denominators over the villages of the rate (one without a start value counts 0); null when no
   * village has a start value (the plan then starts from 0).
   */
  baselinePercent: number | null;
  /** TY_LE with a target: the plan for the period's last month (`Kế hoạch đến kỳ`). */
  planPercent: number | null;
  /** TY_LE with a rate: the year-end rate if the pace since January holds (`Dự kiến cuối năm`). */
  projectedPercent: number | null;
  /** TY_LE with a rate and a target: `Đánh giá`. */
  evaluation: Evaluation | null;
  /** SO_LUONG: Σ of submitted months from January to the period's end. */
  yearToDate: number | null;
  /** Villages whose numbers are in `value`. */
  reporting: number;
  /** Villages with a value but no denominator in `Danh sách` (left out of the rate). */
  missingDenominator: string[];
  /** Villages with no submitted value (up to the period's end; in the period for SO_LUONG). */
  noData: string[];
  /** TY_LE/TRANG_THAI: villages whose latest submitted value is older than the period's last month. */
  stale: VillageMonth[];
  /** TV_TO: villages whose team size is outside the configured range. */
  outOfRange: string[];
}

/** `Số Tổ đủ thành viên: 15/16 (quy định 3–5 người)`: teams, not people, and no Đạt/Chưa đạt. */
export interface TeamSizeSummary {
  /** Teams whose latest size is within min–max. */
  within: number;
  /** Villages with a size reported. */
  reporting: number;
  min: number;
  max: number;
  /** Teams outside the range, with their size. */
  outside: { name: string; size: number }[];
  /** Villages with no size reported yet. */
  noData: string[];
}

/** A village's own `GHI_CHU` text for a month (the add-on's messages left out). */
export interface VillageNote {
  name: string;
  month: number;
  text: string;
}

export interface VillageRate {
  value: number;
  /** Month the value comes from. */
  month: number;
  denominator: number | null;
  ratePercent: number | null;
  /** Against the village's own pace (from its `Đầu năm`, else 0) to the target; null without a rate or target. */
  evaluation: Evaluation | null;
}

export interface VillageSummary {
  name: string;
  hasTab: boolean;
  /** Status of each counted month of the period, in order. */
  statuses: MonthStatus[];
  /** Latest submitted month up to the period's end. */
  latestMonth: number | null;
  /** TY_LE indicators, by code; null when the village has no submitted value. */
  rates: Record<string, VillageRate | null>;
  /**
   * For the ranking: mean over TY_LE indicators with a target (and a denominator) of min(rate ÷
   * target, 1), × 100, from the latest month the ranking counts (approved only, with `approvalInUse`).
   */
  achievementPercent: number | null;
  /** Some month of the year so far was submitted on time, approved or not (awards.ts: the tier). */
  everOnTime: boolean;
  /**
   * Year so far: months submitted on time ÷ months whose report was due (or already submitted); with
   * `approvalInUse`, submitted months still waiting for approval count in neither.
   */
  onTimeMonths: number;
  dueMonths: number;
  onTimePercent: number | null;
  /** `Tổng số hộ` of `Danh sách`, null when not filled in. */
  households: number | null;
  /** Σ activity counts (SO_LUONG) of the months the ranking counts, January to the period's end. */
  activityCount: number;
  /** activityCount per 100 households; null without households. */
  activityPer100: number | null;
}

export interface RankingRow {
  rank: number;
  name: string;
  /** 0–100 (awards.ts). */
  score: number | null;
  achievementPercent: number | null;
  onTimePercent: number | null;
  onTimeMonths: number;
  dueMonths: number;
  activityPer100: number | null;
  /** 0–100: relative to the commune's best. */
  activityPercent: number | null;
  /** Never on time in a due month: ranked after the teams that were. */
  neverOnTime: boolean;
}

export interface AggregationSummary {
  unitName: string;
  level: Settings['level'];
  province: string;
  placeName: string;
  villageWord: Settings['villageWord'];
  year: number;
  teamMin: number;
  teamMax: number;
  /** The due rule of `Cấu hình`: with `year`, calendar.dueDateOf(month, summary) gives any month's due date. */
  dueDay: Settings['dueDay'];
  dueMonth: Settings['dueMonth'];
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  /** `Nơi nhận`, one recipient each, as `Cấu hình` names them: no dash before, no end mark after (the report adds both). */
  recipients: string[];
  /** `Đề xuất, kiến nghị`: the office's own text. */
  proposals: string;
  /** The ranking's weights as `Cấu hình` sets them (all 0: the defaults). */
  weights: AwardWeights;
  period: Period;
  /** `Tháng 5/2026`, `Quý II/2026`, `Năm 2026 (đến tháng 5)`. */
  periodLabel: string;
  months: number[];
  /** Months of the period that have begun; the others are not expected yet. */
  countedMonths: number[];
  endMonth: number;
  /** Due date (dd/MM/yyyy) of the report of `endMonth`, and whether it has passed. */
  dueDate: string;
  duePassed: boolean;
  /** dd/MM/yyyy HH:mm, Vietnam time. */
  updatedAt: string;
  villageCount: number;
  completeness: Completeness;
  /** Some month up to the period's end is approved: the ranking then counts approved months only. */
  approvalInUse: boolean;
  /** TY_LE first, then TRANG_THAI, then SO_LUONG; settings order within a kind. */
  indicators: IndicatorSummary[];
  villages: VillageSummary[];
  ranking: RankingRow[];
  /** Villages of the registry without a usable tab (counted as not submitted). */
  villagesWithoutTab: string[];
  /** TV_TO applied: how many teams have the size the plan asks. */
  teamSize: TeamSizeSummary | null;
  /** What the villages wrote in `GHI_CHU` for the period's months, registry order then month. */
  notes: VillageNote[];
}

export const KIND_ORDER: readonly IndicatorKind[] = ['TY_LE', 'TRANG_THAI', 'SO_LUONG'];

/** Thrown for a period that has not begun: nothing could have been reported for it. */
export class FuturePeriodError extends Error {}

/** The months of `period` that have begun by `now` (Vietnam time); FuturePeriodError when none has. */
export function monthsBegun(period: Period, now: Date, year: number): number[] {
  const counted = countedMonths(period, vnDateOf(now), year);
  if (counted.length === 0) throw new FuturePeriodError(`${periodLabel(period, year)} chưa bắt đầu nên chưa có báo cáo nào để tổng hợp.`);
  return counted;
}

export function aggregate(input: AggregationInput): AggregationSummary {
  const { settings, period, now } = input;
  const today = vnDateOf(now);
  const counted = monthsBegun(period, now, settings.year);
  const endMonth = counted[counted.length - 1];
  const due = dueDateOf(endMonth, settings);
  const latestCodes = input.indicators.filter((i) => i.kind !== 'SO_LUONG').map((i) => i.code);
  const facts = input.villages.map((v) => villageFacts(v, endMonth, latestCodes, settings));
  const indicators = KIND_ORDER.flatMap((kind) => input.indicators.filter((i) => i.kind === kind)).map((ind) =>
    summariseIndicator(ind, facts, counted, endMonth, settings),
  );
  const duePassed = Array.from({ length: endMonth }, (_, i) => isPastDue(i + 1, today, settings));
  const approvalInUse = facts.some((f) => f.statuses.slice(0, endMonth).includes('DA_DUYET'));
  const villages = facts.map((f) => summariseVillage(f, input.indicators, counted, duePassed, approvalInUse));
  const weights = { results: settings.weightResults, timeliness: settings.weightTimeliness, activity: settings.weightActivity };
  return {
    unitName: settings.unitName,
    level: settings.level,
    province: settings.province,
    placeName: settings.placeName,
    villageWord: settings.villageWord,
    year: settings.year,
    teamMin: settings.teamMin,
    teamMax: settings.teamMax,
    dueDay: settings.dueDay,
    dueMonth: settings.dueMonth,
    signerAuthority: settings.signerAuthority,
    signerTitle: settings.signerTitle,
    signerName: settings.signerName,
    recipients: settings.recipients.split('\n').map((line) => line.trim().replace(/^[-–•+]\s*/, '').replace(/[;.,]+$/, '').trim()).filter((line) => line !== ''),
    proposals: settings.proposals.trim(),
    weights,
    period,
    periodLabel: periodLabel(period, settings.year),
    months: periodMonths(period),
    countedMonths: counted,
    endMonth,
    dueDate: formatLocalDate(due),
    duePassed: isPastDue(endMonth, today, settings),
    updatedAt: formatVnDateTime(now),
    villageCount: facts.length,
    completeness: completenessOf(facts, counted),
    approvalInUse,
    indicators,
    villages,
    ranking: ranking(villages, weights),
    villagesWithoutTab: facts.filter((f) => !f.report).map((f) => f.name),
    teamSize: teamSizeOf(indicators.find((i) => i.code === TEAM_SIZE_CODE), facts, settings),
    notes: notesOf(facts, counted),
  };
}

function teamSizeOf(team: IndicatorSummary | undefined, facts: readonly VillageFacts[], settings: Settings): TeamSizeSummary | null {
  if (!team) return null;
  const sizeOf = new Map(facts.map((f) => [f.name, f.latest.get(TEAM_SIZE_CODE)?.value ?? 0]));
  const outside = team.outOfRange.map((name) => ({ name, size: sizeOf.get(name) ?? 0 }));
  return { within: team.reporting - outside.length, reporting: team.reporting, min: settings.teamMin, max: settings.teamMax, outside, noData: team.noData };
}

function notesOf(facts: readonly VillageFacts[], counted: readonly number[]): VillageNote[] {
  return facts.flatMap((f) => counted.flatMap((month) => {
    // One line, as the report quotes it.
    const text = f.report ? tidyText(splitMonthNote(f.report.months[month - 1].note).person) : '';
    return text === '' ? [] : [{ name: f.name, month, text }];
  }));
}

interface VillageFacts {
  name: string;
  village: Village;
  report: VillageReport | null;
  /** statuses[m - 1]. */
  statuses: MonthStatus[];
  /** onTime[m - 1]: submitted on time, approved or not. */
  onTime: boolean[];
  endMonth: number;
  latestMonth: number | null;
  /** Each indicator's value in the latest submitted month (up to endMonth) that has one. */
  latest: LatestValues;
}

export type LatestValues = Map<string, { value: number; month: number }>;

function villageFacts(v: AssessedVillage, endMonth: number, codes: readonly string[], settings: Settings): VillageFacts {
  const statuses = new Array<MonthStatus>(12).fill('CHUA_NOP');
  if (v.report) for (const a of v.assessments) if (a.month >= 1 && a.month <= 12) statuses[a.month - 1] = a.status;
  const report = v.report;
  const onTime = statuses.map((status, i) => report !== null && wasOnTime(status, report.months[i], settings));
  const { latestMonth, latest } = latestValues(report, endMonth, codes, (m) => isSubmittedStatus(statuses[m - 1]));
  return { name: v.village.name, village: v.village, report, statuses, onTime, endMonth, latestMonth, latest };
}

/** Each code's value in the latest month up to `endMonth` that `counts` and has one. */
export function latestValues(report: VillageReport | null, endMonth: number, codes: readonly string[], counts: (month: number) => boolean): { latestMonth: number | null; latest: LatestValues } {
  let latestMonth: number | null = null;
  const latest: LatestValues = new Map();
  for (let m = endMonth; m >= 1 && report && (latestMonth === null || latest.size < codes.length); m--) {
    if (!counts(m)) continue;
    latestMonth ??= m;
    for (const code of codes) {
      if (latest.has(code)) continue;
      const value = countOf(report.months[m - 1], code);
      if (value !== null) latest.set(code, { value, month: m });
    }
  }
  return { latestMonth, latest };
}

const submitted = (f: VillageFacts, month: number) => f.report !== null && isSubmittedStatus(f.statuses[month - 1]);

function sumSubmitted(f: VillageFacts, code: string, months: readonly number[]): number | null {
  if (!f.report) return null;
  let total: number | null = null;
  for (const m of months) {
    if (!submitted(f, m)) continue;
    const value = countOf(f.report.months[m - 1], code);
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

function denominatorOf(f: VillageFacts, ind: IndicatorSetting): number | null {
  return ind.denominator ? f.village.denominators[ind.denominator] ?? null : null;
}

function summariseIndicator(ind: IndicatorSetting, facts: readonly VillageFacts[], counted: readonly number[], endMonth: number, settings: Settings): IndicatorSummary {
  const base: IndicatorSummary = {
    code: ind.code,
    label: ind.label,
    unit: ind.unit,
    kind: ind.kind,
    denominatorCode: ind.kind === 'TY_LE' ? ind.denominator : null,
    targetPercent: ind.kind === 'TY_LE' ? ind.targetPercent : null,
    value: null,
    denominator: null,
    ratePercent: null,
    baselinePercent: null,
    planPercent: null,
    projectedPercent: null,
    evaluation: null,
    yearToDate: null,
    reporting: 0,
    missingDenominator: [],
    noData: [],
    stale: [],
    outOfRange: [],
  };
  if (ind.kind === 'SO_LUONG') {
    const yearMonths = Array.from({ length: endMonth }, (_, i) => i + 1);
    // `counted` rises to endMonth, so with endMonth months it is 1…endMonth: the year so far, summed once.
    const periodIsYear = counted.length === endMonth;
    let value = 0;
    let yearToDate = 0;
    let anyYear = false;
    for (const f of facts) {
      const inPeriod = sumSubmitted(f, ind.code, counted);
      const inYear = periodIsYear ? inPeriod : sumSubmitted(f, ind.code, yearMonths);
      if (inYear !== null) {
        yearToDate += inYear;
        anyYear = true;
      }
      if (inPeriod === null) base.noData.push(f.name);
      else {
        value += inPeriod;
        base.reporting++;
      }
    }
    return { ...base, value: base.reporting > 0 ? value : null, yearToDate: anyYear ? yearToDate : null };
  }
  let numerator = 0;
  let denominator = 0;
  let startNumerator = 0;
  let hasStart = false;
  for (const f of facts) {
    const latest = f.latest.get(ind.code);
    if (!latest) {
      base.noData.push(f.name);
      continue;
    }
    if (latest.month < endMonth) base.stale.push({ name: f.name, month: latest.month });
    if (ind.kind === 'TRANG_THAI') {
      numerator += latest.value;
      base.reporting++;
      if (ind.code === TEAM_SIZE_CODE && (latest.value < settings.teamMin || latest.value > settings.teamMax)) base.outOfRange.push(f.name);
      continue;
    }
    const den = denominatorOf(f, ind);
    if (den === null) {
      base.missingDenominator.push(f.name);
      continue;
    }
    numerator += latest.value;
    denominator += den;
    base.reporting++;
    // Over the villages of the rate, a village without a start value starting from 0, so the
    // baseline and the rate measure the same people.
    const start = f.report?.startValues.get(ind.code);
    if (start?.reading.kind === 'count') {
      startNumerator += start.reading.value;
      hasStart = true;
    }
  }
  if (base.reporting === 0) return base;
  if (ind.kind === 'TRANG_THAI') return { ...base, value: numerator };
  const ratePercent = denominator > 0 ? (numerator / denominator) * 100 : null;
  const target = base.targetPercent;
  const baselinePercent = hasStart && denominator > 0 ? Math.min(100, (startNumerator / denominator) * 100) : null;
  const baseline = baselinePercent ?? 0;
  return {
    ...base,
    value: numerator,
    denominator,
    ratePercent,
    baselinePercent,
    planPercent: target === null ? null : planToDate(baseline, target, endMonth),
    projectedPercent: ratePercent === null ? null : projectedYearEnd(baseline, ratePercent, endMonth),
    evaluation: ratePercent === null || target === null ? null : evaluate(ratePercent, target, baseline, endMonth),
  };
}


/**
 * `duePassed[m - 1]`: whether the report of month m was due before today, for months 1 to the period's end.
 * With `approvalInUse` the ranking's figures count approved months only (docs/periods-and-status.md, "Approval").
 */
function summariseVillage(f: VillageFacts, indicators: readonly IndicatorSetting[], counted: readonly number[], duePassed: readonly boolean[], approvalInUse: boolean): VillageSummary {
  const rated = indicators.filter((i) => i.kind === 'TY_LE');
  const ranked = approvalInUse ? latestValues(f.report, f.endMonth, rated.map((i) => i.code), (m) => f.statuses[m - 1] === 'DA_DUYET').latest : f.latest;
  const rates: Record<string, VillageRate | null> = {};
  const achievements: number[] = [];
  for (const ind of rated) {
    const latest = f.latest.get(ind.code);
    const den = denominatorOf(f, ind);
    const rateOf = (value: number) => (den !== null && den > 0 ? (value / den) * 100 : null);
    const ratePercent = latest ? rateOf(latest.value) : null;
    const start = f.report?.startValues.get(ind.code)?.reading;
    const baseline = start?.kind === 'count' ? Math.min(100, rateOf(start.value) ?? 0) : 0;
    const evaluation = ratePercent === null || ind.targetPercent === null ? null : evaluate(ratePercent, ind.targetPercent, baseline, f.endMonth);
    rates[ind.code] = latest ? { value: latest.value, month: latest.month, denominator: den, ratePercent, evaluation } : null;
    const rankedValue = ranked.get(ind.code);
    const rankedRate = rankedValue ? rateOf(rankedValue.value) : null;
    // A missing denominator is the office's to fill, and a total of 0 (no enterprise workers, say)
    // leaves nothing to reach: neither counts against the team.
    if (ind.targetPercent && den !== null && den > 0) achievements.push(rankedRate === null ? 0 : Math.min(rankedRate / ind.targetPercent, 1));
  }
  const counts = indicators.filter((i) => i.kind === 'SO_LUONG');
  const rankedMonths = Array.from({ length: f.endMonth }, (_, i) => i + 1).filter((m) => (approvalInUse ? f.statuses[m - 1] === 'DA_DUYET' : submitted(f, m)));
  const activityCount = counts.reduce((sum, ind) => sum + (sumSubmitted(f, ind.code, rankedMonths) ?? 0), 0);
  const households = f.village.denominators.SO_HO ?? null;
  let onTimeMonths = 0;
  let dueMonths = 0;
  let everOnTime = false;
  for (let m = 1; m <= duePassed.length; m++) {
    if (!duePassed[m - 1] && !submitted(f, m)) continue;
    everOnTime ||= f.onTime[m - 1];
    // A report waiting for approval is not judged yet: neither on time nor late until the office has.
    if (approvalInUse && isApprovableStatus(f.statuses[m - 1])) continue;
    dueMonths++;
    if (f.onTime[m - 1]) onTimeMonths++;
  }
  return {
    name: f.name,
    hasTab: f.report !== null,
    statuses: counted.map((m) => f.statuses[m - 1]),
    latestMonth: f.latestMonth,
    rates,
    achievementPercent: achievements.length > 0 ? (achievements.reduce((a, b) => a + b, 0) / achievements.length) * 100 : null,
    onTimeMonths,
    dueMonths,
    onTimePercent: dueMonths > 0 ? (onTimeMonths / dueMonths) * 100 : null,
    everOnTime,
    households,
    activityCount,
    activityPer100: households !== null && households > 0 ? (activityCount / households) * 100 : null,
  };
}

function completenessOf(facts: readonly VillageFacts[], counted: readonly number[]): Completeness {
  const result: Completeness = {
    expected: facts.length * counted.length, submitted: 0, onTime: 0, late: 0, approved: 0, needsFix: 0, pending: 0, missing: 0,
    lateVillages: [], needsFixVillages: [], pendingVillages: [], missingVillages: [],
  };
  for (const f of facts) {
    const late: number[] = [];
    const needsFix: number[] = [];
    const pending: number[] = [];
    const missing: number[] = [];
    for (const m of counted) {
      const status = f.statuses[m - 1];
      if (status === 'DA_DUYET') result.approved++;
      if (submitted(f, m)) {
        if (f.onTime[m - 1]) result.onTime++;
        else late.push(m);
      } else if (status === 'CAN_SUA') needsFix.push(m);
      else if (status === 'CHO_XU_LY') pending.push(m);
      else missing.push(m);
    }
    result.late += late.length;
    result.needsFix += needsFix.length;
    result.pending += pending.length;
    result.missing += missing.length;
    if (late.length) result.lateVillages.push({ name: f.name, months: late });
    if (needsFix.length) result.needsFixVillages.push({ name: f.name, months: needsFix });
    if (pending.length) result.pendingVillages.push({ name: f.name, months: pending });
    if (missing.length) result.missingVillages.push({ name: f.name, months: missing });
  }
  result.submitted = result.onTime + result.late;
  return result;
}

function ranking(villages: readonly VillageSummary[], weights: AwardWeights): RankingRow[] {
  return rankTeams(villages, weights).map(({ rank, team: v, award }) => ({
    rank,
    name: v.name,
    score: award.score,
    achievementPercent: v.achievementPercent,
    onTimePercent: v.onTimePercent,
    onTimeMonths: v.onTimeMonths,
    dueMonths: v.dueMonths,
    activityPer100: v.activityPer100,
    activityPercent: award.activityPercent,
    neverOnTime: award.neverOnTime,
  }));
}
