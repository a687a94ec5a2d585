/**
 * Tổng hợp (docs/periods-and-status.md, "How a period is counted"): villages' parsed tabs and month statuses → one plain, serialisable summary
 * of a period, used by the `Tổng hợp` and `Báo cáo` tabs, the dashboard and the demo printer.
 *
 * Only submitted months count (Đúng hạn, Nộp muộn, Đã duyệt; not Cần sửa). TY_LE and TRANG_THAI take
 * each village's latest submitted month up to the period's end; SO_LUONG sums submitted months. A
 * commune rate is Σ numerators ÷ Σ denominators over villages that have both, never a mean of rates.
 * Once the office approves months, the ranking counts approved months only.
 */
import { TEAM_SIZE_CODE, type DenominatorCode, type IndicatorKind } from '../config/catalogue';
import { compareDates, dueDateOf, formatLocalDate, formatVnDateTime, vnDateOf } from '../shared/calendar';
import type { Village } from '../config/registry';
import type { IndicatorSetting, Settings } from '../config/settings';
import { isSubmittedStatus, wasOnTime, type MonthStatus } from './status';
import { countedMonths, periodLabel, periodMonths, type Period } from './period';
import { countOf, type VillageReport } from '../entry/monthReports';

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
  /** Rate at or above target (TY_LE); every team within the configured size (TV_TO). */
  met: boolean | null;
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

export interface VillageRate {
  value: number;
  /** Month the value comes from. */
  month: number;
  denominator: number | null;
  ratePercent: number | null;
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
  /** Year so far: months submitted on time (and approved, with `approvalInUse`) ÷ months whose report was due (or already submitted). */
  onTimeMonths: number;
  dueMonths: number;
  onTimePercent: number | null;
}

export interface RankingRow {
  rank: number;
  name: string;
  achievementPercent: number | null;
  onTimePercent: number | null;
  onTimeMonths: number;
  dueMonths: number;
}

export interface AggregationSummary {
  unitName: string;
  level: string;
  province: string;
  placeName: string;
  villageWord: string;
  year: number;
  teamMin: number;
  teamMax: number;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
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
  const duePassed = Array.from({ length: endMonth }, (_, i) => compareDates(today, dueDateOf(i + 1, settings)) > 0);
  const approvalInUse = facts.some((f) => f.statuses.slice(0, endMonth).includes('DA_DUYET'));
  const villages = facts.map((f) => summariseVillage(f, input.indicators, counted, duePassed, approvalInUse));
  return {
    unitName: settings.unitName,
    level: settings.level,
    province: settings.province,
    placeName: settings.placeName,
    villageWord: settings.villageWord,
    year: settings.year,
    teamMin: settings.teamMin,
    teamMax: settings.teamMax,
    signerAuthority: settings.signerAuthority,
    signerTitle: settings.signerTitle,
    signerName: settings.signerName,
    period,
    periodLabel: periodLabel(period, settings.year),
    months: periodMonths(period),
    countedMonths: counted,
    endMonth,
    dueDate: formatLocalDate(due),
    duePassed: compareDates(today, due) > 0,
    updatedAt: formatVnDateTime(now),
    villageCount: facts.length,
    completeness: completenessOf(facts, counted),
    approvalInUse,
    indicators,
    villages,
    ranking: rank(villages),
    villagesWithoutTab: facts.filter((f) => !f.report).map((f) => f.name),
  };
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

type LatestValues = Map<string, { value: number; month: number }>;

function villageFacts(v: AssessedVillage, endMonth: number, codes: readonly string[], settings: Settings): VillageFacts {
  const statuses = new Array<MonthStatus>(12).fill('CHUA_NOP');
  if (v.report) for (const a of v.assessments) if (a.month >= 1 && a.month <= 12) statuses[a.month - 1] = a.status;
  const report = v.report;
  const onTime = statuses.map((status, i) => report !== null && wasOnTime(status, report.months[i], settings));
  const { latestMonth, latest } = latestValues(report, endMonth, codes, (m) => isSubmittedStatus(statuses[m - 1]));
  return { name: v.village.name, village: v.village, report, statuses, onTime, endMonth, latestMonth, latest };
}

/** Each code's value in the latest month up to `endMonth` that `counts` and has one. */
function latestValues(report: VillageReport | null, endMonth: number, codes: readonly string[], counts: (month: number) => boolean): { latestMonth: number | null; latest: LatestValues } {
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
    met: null,
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
  }
  if (base.reporting === 0) return base;
  if (ind.kind === 'TRANG_THAI') {
    return { ...base, value: numerator, met: ind.code === TEAM_SIZE_CODE ? base.outOfRange.length === 0 : null };
  }
  const ratePercent = denominator > 0 ? (numerator / denominator) * 100 : null;
  const met = ratePercent === null || base.targetPercent === null ? null : meetsTarget(ratePercent, base.targetPercent);
  return { ...base, value: numerator, denominator, ratePercent, met };
}

/** Rounded to the one decimal shown, so 69,96% (shown 70%) is not called short of a 70% target. */
export function meetsTarget(ratePercent: number, targetPercent: number): boolean {
  return Math.round(ratePercent * 10) >= Math.round(targetPercent * 10);
}

export type TrafficLight = 'good' | 'near' | 'bad';

/** At or above target green; within 80% of it yellow; below red. */
export function trafficLight(ratePercent: number, targetPercent: number): TrafficLight {
  if (meetsTarget(ratePercent, targetPercent)) return 'good';
  return ratePercent >= targetPercent * 0.8 ? 'near' : 'bad';
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
    rates[ind.code] = latest ? { value: latest.value, month: latest.month, denominator: den, ratePercent } : null;
    const rankedValue = ranked.get(ind.code);
    const rankedRate = rankedValue ? rateOf(rankedValue.value) : null;
    // A missing denominator is the office's to fill, so it does not count against the team.
    if (ind.targetPercent && den !== null) achievements.push(rankedRate === null ? 0 : Math.min(rankedRate / ind.targetPercent, 1));
  }
  let onTimeMonths = 0;
  let dueMonths = 0;
  for (let m = 1; m <= duePassed.length; m++) {
    if (!duePassed[m - 1] && !submitted(f, m)) continue;
    dueMonths++;
    if (f.onTime[m - 1] && (!approvalInUse || f.statuses[m - 1] === 'DA_DUYET')) onTimeMonths++;
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

const byName = new Intl.Collator('vi', { numeric: true }).compare;

/** Best mean achievement first, then best on-time rate; equal on both share a rank. */
function rank(villages: readonly VillageSummary[]): RankingRow[] {
  const keyed = villages.map((v) => ({ v, achievement: v.achievementPercent ?? -1, onTime: v.onTimePercent ?? -1 }));
  keyed.sort((a, b) => b.achievement - a.achievement || b.onTime - a.onTime || byName(a.v.name, b.v.name));
  const rows: RankingRow[] = [];
  keyed.forEach(({ v, achievement, onTime }, i) => {
    const previous = keyed[i - 1];
    const tied = previous && previous.achievement === achievement && previous.onTime === onTime;
    rows.push({
      rank: tied ? rows[i - 1].rank : i + 1,
      name: v.name,
      achievementPercent: v.achievementPercent,
      onTimePercent: v.onTimePercent,
      onTimeMonths: v.onTimeMonths,
      dueMonths: v.dueMonths,
    });
  });
  return rows;
}
