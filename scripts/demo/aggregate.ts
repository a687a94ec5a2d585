/** Prints the summary `aggregateMonth` returns as a compact Vietnamese table in the terminal. */
import type { AggregationSummary, IndicatorSummary } from '../../src/core/assessment/aggregation';
import { evaluationLabel, namesWithMonths, percentOf, percentText } from '../../src/core/reports/aggregationText';
import { shortLabel } from '../../src/core/config/indicatorNames';
import { formatDecimal, formatInt } from '../../src/core/shared/text';

const LABEL = 44;
const NUMBER = 10;

const left = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
const right = (text: string, width: number) => text.padStart(width);
const count = (n: number | null) => (n === null ? '—' : formatInt(n));

function indicatorLine(ind: IndicatorSummary): string {
  const rate = ind.ratePercent === null ? (ind.kind === 'SO_LUONG' && ind.yearToDate !== null ? `năm ${formatInt(ind.yearToDate)}` : '') : percentText(ind.ratePercent);
  const target = ind.targetPercent === null ? '' : `${ind.targetPercent}%`;
  return [left(shortLabel(ind), LABEL), right(count(ind.value), NUMBER), right(ind.denominator === null ? '' : formatInt(ind.denominator), NUMBER), right(rate, NUMBER), right(target, 8), `  ${evaluationLabel(ind.met)}`].join(' ');
}

function formatAggregate(summary: AggregationSummary): string[] {
  const c = summary.completeness;
  const several = summary.countedMonths.length > 1;
  const lines = [
    '',
    `Tổng hợp ${summary.periodLabel} — ${summary.unitName} (cập nhật ${summary.updatedAt})`,
    `Báo cáo đã nộp: ${c.submitted}/${c.expected} (${percentText(percentOf(c.submitted, c.expected))}) — đúng hạn ${c.onTime}, nộp muộn ${c.late}, cần sửa ${c.needsFix}, chưa nộp ${c.missing}`,
  ];
  if (c.late) lines.push(`  Nộp muộn: ${namesWithMonths(c.lateVillages, several)}`);
  if (c.needsFix) lines.push(`  Cần sửa:  ${namesWithMonths(c.needsFixVillages, several)}`);
  if (c.missing) lines.push(`  Chưa nộp: ${namesWithMonths(c.missingVillages, several)}`);
  lines.push('', [left('Chỉ tiêu', LABEL), right('Thực hiện', NUMBER), right('Mẫu số', NUMBER), right('Tỷ lệ/năm', NUMBER), right('Chỉ tiêu', 8), '  Đánh giá'].join(' '));
  lines.push('-'.repeat(LABEL + 3 * NUMBER + 8 + 14));
  for (const ind of summary.indicators) lines.push(indicatorLine(ind));
  const top = summary.ranking.slice(0, 3).map((r) => `${r.rank}. ${r.name} (${r.achievementPercent === null ? '—' : `${formatDecimal(r.achievementPercent)}%`}; đúng hạn ${r.onTimeMonths}/${r.dueMonths})`);
  if (top.length) lines.push('', `Xếp hạng Tổ CNSCĐ: ${top.join('; ')}`);
  return lines;
}

/** For scripts/demo.ts: `summary` is what callEntry(…, 'aggregateMonth', …) returned. */
export function printAggregate(summary: unknown): void {
  if (!summary || typeof summary !== 'object' || !('completeness' in summary)) throw new Error('aggregateMonth không trả về bản tổng hợp.');
  for (const line of formatAggregate(summary as AggregationSummary)) console.log(line);
}
