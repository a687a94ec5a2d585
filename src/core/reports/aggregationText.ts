/** Phrases built from an AggregationSummary, shared by the `Tổng hợp` and `Báo cáo` layouts and the dashboard. */
import type { AggregationSummary, IndicatorSummary, TeamSizeSummary, VillageMonths } from '../assessment/aggregation';
import { formatDecimal } from '../shared/text';
import { EVALUATION_LABELS, isBehind, MONTHS_IN_YEAR, type Evaluation } from '../assessment/progress';
import type { Vocabulary } from '../config/vocabulary';
import { TAB_REPORT, TAB_SUMMARY } from '../workbook/tabNames';

/**
 * The period ends the year (December): `Đánh giá` is the year's verdict (Đạt / Chưa đạt) rather than
 * the pace, and the next period is next year. The one test of it for every tab and text.
 */
export const isYearEnd = (summary: Pick<AggregationSummary, 'endMonth'>) => summary.endMonth >= MONTHS_IN_YEAR;

/** `Đã đạt`, `Đúng tiến độ`, `Chậm tiến độ`, `Đạt`, `Chưa đạt`; '' where there is nothing to judge. */
export function evaluationLabel(ind: Pick<IndicatorSummary, 'evaluation'>): string {
  return ind.evaluation === null ? '' : EVALUATION_LABELS[ind.evaluation];
}

/** How a `Đánh giá` reads at a glance, in Tổng hợp and on the dashboard alike. */
export type EvaluationTone = 'good' | 'onPace' | 'bad';

export const EVALUATION_TONES: Readonly<Record<Evaluation, EvaluationTone>> = {
  DA_DAT: 'good',
  DAT: 'good',
  DUNG_TIEN_DO: 'onPace',
  CHAM_TIEN_DO: 'bad',
  CHUA_DAT: 'bad',
};

/** One decimal, as shown: the value written into a cell formatted `0.0`. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A percentage for a `0.0` cell: rounded as shown, or blank when there is nothing to divide. */
export function percentCell(value: number | null): number | '' {
  return value === null ? '' : round1(value);
}

export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** `85,5%`, or `—` when there is nothing to divide. */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${formatDecimal(value)}%`;
}

/** `tháng 4`, `tháng 4, 5, 6`: months as an official writes them. */
export function monthsText(months: readonly number[]): string {
  return `tháng ${months.join(', ')}`;
}

/** `Thôn 3, Thôn 5` for one month; `Thôn 3 (tháng 4, 5), Thôn 5 (tháng 6)` when the period has several. */
export function namesWithMonths(list: readonly VillageMonths[], severalMonths: boolean): string {
  return list.map((v) => (severalMonths ? `${v.name} (${monthsText(v.months)})` : v.name)).join(', ');
}

/** The villages of each completeness line that names them, as namesWithMonths writes them. */
export interface CompletenessNames {
  late: string;
  needsFix: string;
  pending: string;
  missing: string;
}

/** Worked out once per layout and passed around: over a year of 500 villages each list is long. */
export function completenessNames(summary: Pick<AggregationSummary, 'completeness' | 'countedMonths'>): CompletenessNames {
  const c = summary.completeness;
  const several = summary.countedMonths.length > 1;
  return {
    late: namesWithMonths(c.lateVillages, several),
    needsFix: namesWithMonths(c.needsFixVillages, several),
    pending: namesWithMonths(c.pendingVillages, several),
    missing: namesWithMonths(c.missingVillages, several),
  };
}

const COMPLETENESS_LABELS = { submitted: 'Đã nộp', onTime: 'Đúng hạn', late: 'Nộp muộn', needsFix: 'Cần sửa', pending: 'Chờ xử lý', missing: 'Chưa nộp' } as const;

/** The lines of a completeness table, `[label, reports, villages named]`, as both tabs show them. */
export function completenessRows(summary: Pick<AggregationSummary, 'completeness'>, names: CompletenessNames): [string, number, string][] {
  const c = summary.completeness;
  return [
    [COMPLETENESS_LABELS.submitted, c.submitted, ''],
    [COMPLETENESS_LABELS.onTime, c.onTime, ''],
    [COMPLETENESS_LABELS.late, c.late, names.late],
    [COMPLETENESS_LABELS.needsFix, c.needsFix, names.needsFix],
    // Ticks the add-on has not stamped yet: rare and brief, so only shown when there are some.
    ...(c.pending > 0 ? [[COMPLETENESS_LABELS.pending, c.pending, names.pending] as [string, number, string]] : []),
    [COMPLETENESS_LABELS.missing, c.missing, names.missing],
  ];
}

/** A list of names for a sentence, cut after `max` so a note stays readable with 500 villages. */
export function listNames(names: readonly string[], max = 30): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} và ${names.length - max} nơi khác`;
}

/** What `Kế hoạch đến kỳ` and `Dự kiến cuối năm` mean, for the period ending in `endMonth` (Tổng hợp and the dashboard). */
export function paceExplanation(endMonth: number): string {
  return `Kế hoạch đến kỳ: mức cần đạt đến hết tháng ${endMonth} để hoàn thành chỉ tiêu năm nếu mỗi tháng tăng đều, bắt đầu từ tỷ lệ đầu năm (0% nếu chưa có số liệu đầu năm). Dự kiến cuối năm: tỷ lệ sẽ đạt vào tháng 12 nếu giữ nhịp độ như từ đầu năm đến nay.`;
}

/** `Số Tổ đủ thành viên: 15/16 (quy định 3–5 người)`: teams, not people, and no verdict. */
export function teamSizeLine(team: TeamSizeSummary, words: Pick<Vocabulary, 'village'>): string {
  const line = `Số Tổ đủ thành viên: ${team.within}/${team.reporting} (quy định ${team.min}–${team.max} người)`;
  return team.reporting === 0 ? `${line}: chưa ${words.village} nào báo cáo số thành viên Tổ.` : `${line}.`;
}

/** `Thôn 5 (7 người), Thôn 9 (2 người)`: the teams outside the plan's size, with their size. */
export function teamsOutsideText(team: TeamSizeSummary): string {
  return listNames(team.outside.map((t) => `${t.name} (${t.size} người)`));
}

/** The teams outside the range with their size, and the villages that have not reported one. */
export function teamSizeDetails(team: TeamSizeSummary, words: Pick<Vocabulary, 'village'>): string[] {
  const parts: string[] = [];
  if (team.outside.length > 0) parts.push(`Chưa đủ hoặc vượt quy định: ${teamsOutsideText(team)}.`);
  if (team.noData.length > 0 && team.reporting > 0) parts.push(`Chưa báo cáo số thành viên: ${team.noData.length} ${words.village} (${listNames(team.noData)}).`);
  return parts.length > 0 ? [parts.join(' ')] : [];
}

/** Villages whose latest submitted month is before the period's end: `Thôn 7 (tháng 3)`, `Thôn 9 (chưa nộp tháng nào)`. */
export function staleVillagesText(summary: AggregationSummary): string[] {
  return summary.villages
    .filter((v) => v.latestMonth !== summary.endMonth)
    .map((v) => (v.latestMonth === null ? `${v.name} (chưa nộp tháng nào)` : `${v.name} (tháng ${v.latestMonth})`));
}

/** The `Nhật ký` line of a Tổng hợp run: what was counted, in one sentence. */
export function aggregationLogDetail(summary: AggregationSummary): string {
  const c = summary.completeness;
  const rates = summary.indicators.filter((i) => i.kind === 'TY_LE' && i.evaluation !== null);
  // Before December a rate is judged against the plan to date, not the year's target (docs/periods-and-status.md).
  const yearEnd = isYearEnd(summary);
  const good = rates.filter((i) => !isBehind(i.evaluation)).length;
  const parts = [
    `Đã nộp ${c.submitted}/${c.expected} (${percentText(percentOf(c.submitted, c.expected))}): đúng hạn ${c.onTime}, muộn ${c.late}, cần sửa ${c.needsFix}, ${c.pending ? `chờ xử lý ${c.pending}, ` : ''}chưa nộp ${c.missing}`,
    yearEnd ? `chỉ tiêu tỷ lệ đạt chỉ tiêu năm ${good}/${rates.length}` : `chỉ tiêu tỷ lệ đúng hoặc vượt tiến độ ${good}/${rates.length}`,
  ];
  if (summary.villagesWithoutTab.length > 0) parts.push(`không thấy tab: ${summary.villagesWithoutTab.join(', ')}`);
  return parts.join('; ');
}

/** The start of what A1 of `Tổng hợp` and `Báo cáo` shows while a run writes them (docs/tabs.md, "When Tổng hợp fails"). */
export const NOTICE_MARK = '⚠ CHƯA CẬP NHẬT XONG';

export function aggregationNotice(summary: Pick<AggregationSummary, 'updatedAt'>): string {
  return `${NOTICE_MARK} — Tổng hợp lúc ${summary.updatedAt} đang ghi tab này. Nếu dòng này còn sau khi Tổng hợp kết thúc, số liệu bên dưới có thể lẫn cũ với mới: hãy chạy lại Tổng hợp.`;
}

/** The `Nhật ký` action of a run that did not finish. */
export const AGGREGATION_FAILED = 'Tổng hợp không thành công';

/** What a run that failed left behind. */
export interface AggregationFailure {
  /** Output tabs left showing the notice. */
  noticed: readonly string[];
  /** Whether the run's own `Nhật ký` line was written: the tabs are whole, only a notice is left. */
  logged: boolean;
  /** The platform's message. */
  error: string;
}

/** The state of the output tabs after a failure, for `Nhật ký` and the dialog. */
export function aggregationFailureState(failure: AggregationFailure): string {
  const tabs = failure.noticed.map((name) => `"${name}"`).join(' và ');
  if (failure.noticed.length === 0) return `Chưa ghi gì: tab "${TAB_SUMMARY}" và "${TAB_REPORT}" vẫn như trước khi chạy.`;
  if (failure.logged) return `Số liệu đã ghi đủ và đã vào Nhật ký, nhưng tab ${tabs} còn dòng "${NOTICE_MARK}" ở ô A1.`;
  return `Tab ${tabs} mới ghi được một phần (ô A1 báo "${NOTICE_MARK}"): đừng dùng số liệu trong đó.`;
}

/** What the official reads (dialog, or the error of aggregateMonth/aggregateQuarter): what happened, what is left, what to do. */
export function aggregationFailureMessage(periodText: string, failure: AggregationFailure): string {
  const outcome = failure.logged ? 'chưa hoàn tất' : 'không thành công';
  return `Tổng hợp ${periodText} ${outcome} vì Google báo lỗi. ${aggregationFailureState(failure)} Hãy chạy lại Tổng hợp.\n(Lỗi: ${failure.error})`;
}
