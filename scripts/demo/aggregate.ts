/**
 * Prints the summary `aggregateMonth` returns in the terminal, readable at 100 columns: completeness,
 * rate indicators against the year plan, team size, activity counts, the top of the awards ranking.
 */
import type { AggregationSummary, IndicatorSummary } from '../../src/core/assessment/aggregation';
import { weightShares } from '../../src/core/assessment/awards';
import { evaluationLabel, namesWithMonths, percentOf, percentText } from '../../src/core/reports/aggregationText';
import { shortLabel } from '../../src/core/config/indicatorNames';
import { vocabularyOf } from '../../src/core/config/vocabulary';
import { formatDecimal, formatInt } from '../../src/core/shared/text';
import { hangingLines, table, type Column } from './textColumns';

const TOP = 5;

const maybe = (value: number | null, show: (n: number) => string) => (value === null ? '—' : show(value));
const percent = (value: number | null) => maybe(value, (n) => percentText(n));

function completenessLines(summary: AggregationSummary): string[] {
  const c = summary.completeness;
  const several = summary.countedMonths.length > 1;
  const lines = hangingLines('', `Báo cáo đã nộp: ${c.submitted}/${c.expected} (${percentText(percentOf(c.submitted, c.expected))}) — đúng hạn ${c.onTime}, nộp muộn ${c.late}, cần sửa ${c.needsFix}, chưa nộp ${c.missing}`);
  const named: [string, typeof c.lateVillages][] = [['Nộp muộn: ', c.lateVillages], ['Cần sửa:  ', c.needsFixVillages], ['Chưa nộp: ', c.missingVillages]];
  for (const [lead, list] of named) if (list.length > 0) lines.push(...hangingLines(`  ${lead}`, namesWithMonths(list, several)));
  return lines;
}

const RATE_COLUMNS: Column[] = [
  { header: ['Chỉ tiêu tỷ lệ (lũy kế)'], align: 'left' },
  { header: ['Tỷ lệ'], align: 'right', width: 6 },
  { header: ['Kế hoạch', 'đến kỳ'], align: 'right', width: 8 },
  { header: ['Chỉ tiêu', 'năm'], align: 'right', width: 8 },
  { header: ['Dự kiến', 'cuối năm'], align: 'right', width: 8 },
  { header: ['Đánh giá'], align: 'left', width: 12 },
];

function rateTable(rates: readonly IndicatorSummary[]): string[] {
  return table(RATE_COLUMNS, rates.map((ind) => [
    shortLabel(ind),
    percent(ind.ratePercent),
    percent(ind.planPercent),
    percent(ind.targetPercent),
    percent(ind.projectedPercent),
    evaluationLabel(ind),
  ]), { gap: 1 }); // Right-aligned figures keep their own space; the longest label then fits whole.
}

const COUNT_COLUMNS: Column[] = [
  { header: ['Hoạt động'], align: 'left' },
  { header: ['Đơn vị'], align: 'left', width: 8 },
  { header: ['Trong kỳ'], align: 'right', width: 9 },
  { header: ['Từ đầu năm'], align: 'right', width: 10 },
];

function countTable(counts: readonly IndicatorSummary[]): string[] {
  return table(COUNT_COLUMNS, counts.map((ind) => [shortLabel(ind), ind.unit, maybe(ind.value, formatInt), maybe(ind.yearToDate, formatInt)]));
}

function teamSizeLines(summary: AggregationSummary): string[] {
  const t = summary.teamSize;
  if (!t) return [];
  const parts = [`Số Tổ đủ thành viên: ${t.within}/${t.reporting} (quy định ${t.min}–${t.max} người)`];
  if (t.outside.length > 0) parts.push(`ngoài quy định: ${t.outside.map((o) => `${o.name} (${o.size} người)`).join(', ')}`);
  if (t.noData.length > 0) parts.push(`chưa báo số thành viên: ${t.noData.join(', ')}`);
  return hangingLines('', `${parts.join('; ')}.`);
}

function rankingLines(summary: AggregationSummary): string[] {
  const top = summary.ranking.slice(0, TOP);
  if (top.length === 0) return [];
  const w = weightShares(summary.weights);
  const village = vocabularyOf(summary).Village;
  const columns: Column[] = [
    { header: ['Hạng'], align: 'right', width: 4 },
    { header: [village], align: 'left' },
    { header: ['Điểm'], align: 'right', width: 5 },
    { header: ['Kết quả', `(${formatDecimal(w.results)}%)`], align: 'right', width: 8 },
    { header: ['Đúng hạn', `(${formatDecimal(w.timeliness)}%)`], align: 'right', width: 8 },
    { header: ['Hoạt động/100 hộ', `(${formatDecimal(w.activity)}%)`], align: 'right', width: 16 },
  ];
  const rows = top.map((r) => [
    String(r.rank),
    r.name,
    maybe(r.score, (n) => formatDecimal(n)),
    percent(r.achievementPercent),
    `${r.onTimeMonths}/${r.dueMonths}`,
    maybe(r.activityPer100, (n) => formatDecimal(n)),
  ]);
  return [`Xếp hạng Tổ CNSCĐ tiêu biểu (${TOP} Tổ đứng đầu; điểm trên 100, trọng số trong ngoặc):`, ...table(columns, rows)];
}

export function formatAggregate(summary: AggregationSummary): string[] {
  const rates = summary.indicators.filter((i) => i.kind === 'TY_LE');
  const counts = summary.indicators.filter((i) => i.kind === 'SO_LUONG');
  const sections = [
    [...hangingLines('', `Tổng hợp ${summary.periodLabel} — ${summary.unitName} (cập nhật ${summary.updatedAt})`), ...completenessLines(summary)],
    rates.length > 0 ? rateTable(rates) : [],
    teamSizeLines(summary),
    counts.length > 0 ? countTable(counts) : [],
    rankingLines(summary),
  ];
  return sections.filter((s) => s.length > 0).flatMap((s) => ['', ...s]);
}

/** For scripts/demo.ts: `summary` is what callEntry(…, 'aggregateMonth', …) returned. */
export function printAggregate(summary: AggregationSummary): void {
  for (const line of formatAggregate(summary)) console.log(line);
}
