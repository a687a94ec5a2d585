/**
 * The `Tổng hợp` tab (docs/tabs.md, "Tổng hợp"), rewritten whole by each Tổng hợp run and editable
 * by the office only: header, completeness, rate table + chart against the plan, team size and
 * activities, village matrix, awards ranking. Every figure comes from the AggregationSummary; this
 * file only places and words them.
 */
import { type AggregationSummary, type IndicatorSummary, type RankingRow, type VillageRate } from '../assessment/aggregation';
import { weightShares } from '../assessment/awards';
import {
  completenessNames, completenessRows, EVALUATION_TONES, evaluationLabel, isYearEnd, listNames, monthsText, namesWithMonths,
  paceExplanation, percentCell, percentOf, round1, staleVillagesText, teamSizeDetails, teamSizeLine,
} from './aggregationText';
import { denominatorDef } from '../config/catalogue';
import { shortLabel } from '../config/indicatorNames';
import { vocabularyOf, type Vocabulary } from '../config/vocabulary';
import { PALETTE } from '../shared/palette';
import { formatDecimal } from '../shared/text';
import { ownTabProtection } from '../workbook/ownProtection';
import { WholeTabBuilder, type CellFormat } from '../workbook/sheetModel';
import { linesHeightPx, wrappedLines } from '../shared/textWidth';
import { TAB_SUMMARY } from '../workbook/tabNames';
import type { TabSpec } from '../workbook/tabSpec';
import { isApprovableStatus, isSubmittedStatus, STATUS_LABELS, type MonthStatus } from '../assessment/status';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export const RATE_TABLE_HEADERS = ['Mã', 'Chỉ tiêu', 'Thực hiện', 'Tổng số đối tượng', 'Tỷ lệ (%)', 'Kế hoạch đến kỳ (%)', 'Chỉ tiêu năm (%)', 'Dự kiến cuối năm (%)', 'Đánh giá'] as const;
export const COUNT_TABLE_HEADERS = ['Mã', 'Hoạt động', 'Đơn vị tính', 'Trong kỳ', 'Lũy kế từ đầu năm'] as const;
/** The second column names the village in the preset's own word (`Tên thôn`, `Tên tổ dân phố`). */
export const RANKING_HEADERS = ['Hạng', 'Tên', 'Điểm', 'Kết quả chỉ tiêu (%)', 'Nộp đúng hạn (số tháng)', 'Hoạt động trên 100 hộ', 'Hoạt động so với nơi cao nhất (%)'] as const;

const FONT = 'Arial';
const FONT_SIZE = 10;
const FIRST_WIDTH = 110;
const LABEL_WIDTH = 320;
const CELL_WIDTH = 100;
const PERCENT = '0.0';
const TARGET = '0';
/** After `Cấu hình` and `Danh sách`. */
const POSITION = 2;
/** Three bars an indicator (rate, plan to date, year target), with room for the label. */
const CHART_PX_PER_INDICATOR = 54;
const CHART_FRAME_PX = 110;
const CHART_WIDTH = 760;

const HEADER: CellFormat = { bold: true, background: PALETTE.headerBg, fontColor: PALETTE.headerFg, align: 'center', wrap: true };
const SECTION: CellFormat = { bold: true, fontSize: 11, fontColor: PALETTE.title, background: PALETTE.sectionBg };
const HINT: CellFormat = { italic: true, fontColor: PALETTE.hint };
const CODE: CellFormat = { fontSize: 8, fontColor: PALETTE.codeFg, wrap: false };
/** Explanations span the rate table's width from column B, wrapped, so none runs far off to the right. */
const NOTE_COLUMNS = RATE_TABLE_HEADERS.length - 1;
const NOTE_WIDTH = LABEL_WIDTH + (NOTE_COLUMNS - 1) * CELL_WIDTH;

/** A line of explanation under a heading (italic grey unless `format` says otherwise). */
function addNote(b: WholeTabBuilder, text: string, format: CellFormat = HINT): number {
  const row = b.addRow(['', text], { ...format, wrap: true, valign: 'top' });
  b.merge({ row, col: 2, numRows: 1, numCols: NOTE_COLUMNS });
  const lines = wrappedLines(text, NOTE_WIDTH, FONT_SIZE, { family: FONT, bold: format.bold, italic: format.italic });
  if (lines > 1) b.setRowHeight(row, linesHeightPx(lines, FONT_SIZE));
  return row;
}

/** Where things landed, for tests. */
export interface SummaryLayout {
  spec: TabSpec;
  rows: { completenessHeader: number; rateHeader: number; chartRow: number | null; teamLine: number | null; countHeader: number | null; matrixHeader: number; rankingHeader: number };
}

/** Adds a numbered section heading (`2. KẾT QUẢ …`) and returns its row. */
type Heading = (text: string) => number;

/** `office`: who may edit the tab besides its owner. */
export function summaryLayout(summary: AggregationSummary, office: readonly string[] = []): SummaryLayout {
  const rates = summary.indicators.filter((i) => i.kind === 'TY_LE');
  const counts = summary.indicators.filter((i) => i.kind === 'SO_LUONG');
  const width = Math.max(RATE_TABLE_HEADERS.length, RANKING_HEADERS.length, 4 + rates.length);
  const b = new WholeTabBuilder(width, { fontSize: FONT_SIZE, fontFamily: FONT });
  const words = vocabularyOf(summary);

  b.addRow([`TỔNG HỢP BÁO CÁO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG — ${words.Unit.toLocaleUpperCase('vi')}`], { bold: true, fontSize: 14, fontColor: PALETTE.title });
  b.addRow([summary.periodLabel], { bold: true, fontSize: 12 });
  const due = `Hạn nộp báo cáo tháng ${summary.endMonth}: ${summary.dueDate}${summary.duePassed ? '' : ' (chưa đến hạn)'}`;
  b.addRow([`Cập nhật lúc ${summary.updatedAt} · ${due} · Tab này được ghi lại mỗi lần chạy Tổng hợp, không sửa trực tiếp.`], HINT);
  b.freezeRows(2);
  b.addBlank();

  let section = 0;
  const heading: Heading = (text) => b.addRow([`${++section}. ${text}`], SECTION);
  const completenessHeader = completenessBlock(b, heading, summary, words);
  b.addBlank();
  const rateBlock = rateTable(b, heading, summary, rates, words);
  b.addBlank();
  const { teamLine, countHeader } = teamsAndActivities(b, heading, summary, counts, words);
  const matrixHeader = villageMatrix(b, heading, summary, rates, words);
  b.addBlank();
  const rankingHeader = rankingBlock(b, heading, summary, words);

  const widths = [FIRST_WIDTH, LABEL_WIDTH, ...Array(width - 2).fill(CELL_WIDTH)];
  const tab = { name: TAB_SUMMARY, position: POSITION, protections: [ownTabProtection(TAB_SUMMARY, office)] };
  return {
    spec: b.build(tab, widths),
    rows: { completenessHeader, rateHeader: rateBlock.header, chartRow: rateBlock.chartRow, teamLine, countHeader, matrixHeader, rankingHeader },
  };
}

function completenessBlock(b: WholeTabBuilder, heading: Heading, summary: AggregationSummary, words: Vocabulary): number {
  const c = summary.completeness;
  heading(`TÌNH HÌNH NỘP BÁO CÁO (${summary.villageCount} ${words.village} × ${summary.countedMonths.length} tháng = ${c.expected} báo cáo)`);
  const header = b.addRow(['Tình hình', `Tên ${words.village}`, 'Số báo cáo', 'Tỷ lệ (%)'], HEADER);
  const rows = withApproved(completenessRows(summary, completenessNames(summary)), summary);
  for (const [label, count, villages] of rows) {
    const share = percentOf(count, c.expected);
    b.addRow([label, villages, count, percentCell(share)], { wrap: true, valign: 'top' }, [{ bold: true, wrap: false }, {}, {}, { numberFormat: PERCENT }]);
  }
  b.border({ row: header, col: 1, numRows: rows.length + 1, numCols: 4 });
  if (summary.villagesWithoutTab.length > 0) {
    addNote(b, `Không tìm thấy tab (tính là chưa nộp): ${summary.villagesWithoutTab.join(', ')}. Chạy "${SETUP_CAPTION}".`, { ...HINT, fontColor: '#c00000' });
  }
  return header;
}

/**
 * Once the office approves months, which reports are approved (a part of those submitted) goes right
 * under `Đã nộp`, naming the submitted reports still waiting for approval.
 */
function withApproved(rows: [string, number, string][], summary: AggregationSummary): [string, number, string][] {
  if (!summary.approvalInUse) return rows;
  const waiting = summary.villages.flatMap((v) => {
    const months = summary.countedMonths.filter((_, i) => isApprovableStatus(v.statuses[i]));
    return months.length > 0 ? [{ name: v.name, months }] : [];
  });
  const names = waiting.length > 0 ? `Chưa duyệt: ${namesWithMonths(waiting, summary.countedMonths.length > 1)}` : '';
  return [rows[0], [STATUS_LABELS.DA_DUYET, summary.completeness.approved, names], ...rows.slice(1)];
}

/**
 * The rate table, then the chart in a row of its own right under it: the chart's anchor then moves
 * only with its ranges, and the writer replaces a chart whose ranges changed (docs/tabs.md,
 * "Declarative tabs").
 */
function rateTable(b: WholeTabBuilder, heading: Heading, summary: AggregationSummary, rates: readonly IndicatorSummary[], words: Vocabulary): { header: number; chartRow: number | null } {
  heading(`KẾT QUẢ CÁC CHỈ TIÊU TỶ LỆ TOÀN ${words.commune.toLocaleUpperCase('vi')} (lũy kế đến hết tháng ${summary.endMonth}/${summary.year})`);
  for (const line of rateExplanations(summary, words)) addNote(b, line);
  const header = b.addRow([...RATE_TABLE_HEADERS], HEADER);
  for (const ind of rates) rateRow(b, ind);
  b.border({ row: header, col: 1, numRows: rates.length + 1, numCols: RATE_TABLE_HEADERS.length });
  if (rates.length === 0) return { header, chartRow: null };
  const height = CHART_FRAME_PX + rates.length * CHART_PX_PER_INDICATOR;
  const chartRow = b.addBlank(height + 10);
  const rows = rates.length + 1;
  const col = (label: (typeof RATE_TABLE_HEADERS)[number]) => RATE_TABLE_HEADERS.indexOf(label) + 1;
  b.addChart({
    title: `Tỷ lệ thực hiện so với kế hoạch — ${summary.periodLabel}`,
    ranges: [
      // Short names for the categories; rate, plan to date and year target side by side as the series.
      { row: header, col: col('Chỉ tiêu'), numRows: rows, numCols: 1 },
      { row: header, col: col('Tỷ lệ (%)'), numRows: rows, numCols: 3 },
    ],
    anchorRow: chartRow,
    anchorCol: col('Chỉ tiêu'),
    width: CHART_WIDTH,
    height,
    colors: [PALETTE.chartRate, PALETTE.chartPlan, PALETTE.chartTarget],
    axisTitle: '%',
  });
  return { header, chartRow };
}

/** How to read the table, in the words of an official; then what is left out of it and why. */
function rateExplanations(summary: AggregationSummary, words: Vocabulary): string[] {
  const lines = [
    `Tỷ lệ: số đã thực hiện trên tổng số đối tượng (người hoặc hộ) của các ${words.village} đã có số liệu, mỗi ${words.village} lấy tháng đã nộp gần nhất.`,
    paceExplanation(summary.endMonth),
  ];
  const stale = staleVillagesText(summary);
  if (stale.length > 0) lines.push(`${stale.length} ${words.village} chưa có số liệu tháng ${summary.endMonth}, dùng số liệu tháng đã nộp gần nhất: ${listNames(stale)}.`);
  for (const ind of summary.indicators) {
    if (ind.missingDenominator.length > 0 && ind.denominatorCode) {
      lines.push(`"${shortLabel(ind)}": chưa tính ${ind.missingDenominator.length} ${words.village} còn thiếu "${denominatorDef(ind.denominatorCode).label}" trong tab Danh sách: ${listNames(ind.missingDenominator)}.`);
    }
  }
  return lines;
}

function rateRow(b: WholeTabBuilder, ind: IndicatorSummary): void {
  b.addRow([
    ind.code,
    shortLabel(ind),
    ind.value ?? '',
    ind.denominator ?? '',
    percentCell(ind.ratePercent),
    percentCell(ind.planPercent),
    ind.targetPercent ?? '',
    percentCell(ind.projectedPercent),
    evaluationLabel(ind),
  ], { wrap: true }, [
    CODE,
    {},
    {},
    {},
    { numberFormat: PERCENT, bold: true },
    { numberFormat: PERCENT },
    { numberFormat: TARGET },
    { numberFormat: PERCENT },
    { align: 'center', bold: true, background: ind.evaluation === null ? null : PALETTE[EVALUATION_TONES[ind.evaluation]] },
  ]);
}

/** Section 3, when there is anything to say: the team-size line, then the activity counts. */
function teamsAndActivities(b: WholeTabBuilder, heading: Heading, summary: AggregationSummary, counts: readonly IndicatorSummary[], words: Vocabulary): { teamLine: number | null; countHeader: number | null } {
  const team = summary.teamSize;
  if (!team && counts.length === 0) return { teamLine: null, countHeader: null };
  heading(`THÀNH VIÊN VÀ HOẠT ĐỘNG CỦA CÁC TỔ (${summary.periodLabel})`);
  const teamLine = team ? b.addRow(['', teamSizeLine(team, words)], { bold: true }) : null;
  if (team) for (const detail of teamSizeDetails(team, words)) addNote(b, detail, {});
  const countHeader = counts.length > 0 ? countTable(b, summary, counts) : null;
  b.addBlank();
  return { teamLine, countHeader };
}

function countTable(b: WholeTabBuilder, summary: AggregationSummary, counts: readonly IndicatorSummary[]): number {
  const header = b.addRow([...COUNT_TABLE_HEADERS], HEADER);
  for (const ind of counts) {
    b.addRow([ind.code, shortLabel(ind), ind.unit, ind.value ?? '', ind.yearToDate ?? ''], {}, [CODE, {}, { align: 'center' }, { bold: true }]);
  }
  b.border({ row: header, col: 1, numRows: counts.length + 1, numCols: COUNT_TABLE_HEADERS.length });
  const period = summary.countedMonths.length > 1 ? `các ${monthsText(summary.countedMonths)}` : `tháng ${summary.endMonth}`;
  addNote(b, `Trong kỳ: tổng ${period}; lũy kế: từ tháng 1 đến hết tháng ${summary.endMonth}. Chỉ tính các tháng đã nộp báo cáo.`);
  return header;
}

/** Village × rate indicator: each village's own rate, coloured by its own pace to the target (its `Đầu năm` to the year's target). */
function villageMatrix(b: WholeTabBuilder, heading: Heading, summary: AggregationSummary, rates: readonly IndicatorSummary[], words: Vocabulary): number {
  const several = summary.countedMonths.length > 1;
  heading(`TỶ LỆ THEO TỪNG ${words.village.toLocaleUpperCase('vi')} (%)`);
  const verdict = isYearEnd(summary) ? 'xanh: đạt chỉ tiêu năm; đỏ: chưa đạt' : 'xanh: đã đạt chỉ tiêu năm; xanh nhạt: đúng tiến độ; đỏ: chậm tiến độ';
  addNote(b, `Màu theo tiến độ của từng ${words.village} so với kế hoạch đến kỳ — ${verdict}. Chữ nghiêng: số liệu của tháng trước.`);
  const header = b.addRow(['STT', `Tên ${words.village}`, several ? 'Đã nộp (số tháng)' : 'Tình trạng', 'Số liệu đến', ...rates.map(shortLabel)], HEADER);
  summary.villages.forEach((v, i) => {
    const submittedMonths = v.statuses.filter(isSubmittedStatus).length;
    const approvedMonths = summary.approvalInUse ? ` (duyệt ${v.statuses.filter((s) => s === 'DA_DUYET').length})` : '';
    const status = several ? `${submittedMonths}/${v.statuses.length}${approvedMonths}` : STATUS_LABELS[v.statuses[0]];
    const stale = v.latestMonth !== summary.endMonth;
    b.addRow([i + 1, v.name, status, v.latestMonth === null ? 'Chưa có' : `Tháng ${v.latestMonth}`, ...rates.map((ind) => matrixValue(v.rates[ind.code]))], {}, [
      { align: 'center' },
      {},
      { align: 'center', background: several ? null : statusColour(v.statuses[0]) },
      stale ? { align: 'left', italic: true, fontColor: PALETTE.stale } : { align: 'left' },
      ...rates.map((ind) => matrixFormat(v.rates[ind.code], summary.endMonth)),
    ]);
  });
  b.border({ row: header, col: 1, numRows: summary.villages.length + 1, numCols: 4 + rates.length });
  return header;
}

type VillageRateOrNone = VillageRate | null | undefined;

function matrixValue(rate: VillageRateOrNone): unknown {
  if (!rate) return '';
  if (rate.ratePercent !== null) return round1(rate.ratePercent);
  // No rate: the total is missing from Danh sách, or it is 0 (no one to count).
  return rate.denominator === null ? 'thiếu tổng số' : 'không có đối tượng';
}

function matrixFormat(rate: VillageRateOrNone, endMonth: number): CellFormat {
  if (!rate) return { background: PALETTE.noData };
  if (rate.ratePercent === null) return { background: PALETTE.noData, fontColor: PALETTE.hint, italic: true, align: 'center', fontSize: 8 };
  return { numberFormat: PERCENT, background: rate.evaluation ? PALETTE[EVALUATION_TONES[rate.evaluation]] : null, italic: rate.month !== endMonth };
}

function statusColour(status: MonthStatus): string | null {
  switch (status) {
    case 'DUNG_HAN':
    case 'DA_DUYET':
      return PALETTE.good;
    case 'NOP_MUON':
      return PALETTE.near;
    case 'CAN_SUA':
      return PALETTE.bad;
    case 'CHO_XU_LY':
      return PALETTE.noData;
    default:
      return null;
  }
}

/** The awards ranking with every component of the score beside it, and how the score is made. */
function rankingBlock(b: WholeTabBuilder, heading: Heading, summary: AggregationSummary, words: Vocabulary): number {
  heading('XẾP HẠNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG (tham khảo bình chọn "Tổ Công nghệ số cộng đồng tiêu biểu")');
  for (const line of scoreExplanation(summary, words)) addNote(b, line);
  const header = b.addRow([RANKING_HEADERS[0], `Tên ${words.village}`, ...RANKING_HEADERS.slice(2)], HEADER);
  for (const r of summary.ranking) rankingRow(b, r);
  b.border({ row: header, col: 1, numRows: summary.ranking.length + 1, numCols: RANKING_HEADERS.length });
  return header;
}

function rankingRow(b: WholeTabBuilder, r: RankingRow): void {
  const top = r.rank <= 3;
  b.addRow([
    r.rank,
    r.name,
    percentCell(r.score),
    percentCell(r.achievementPercent),
    `${r.onTimeMonths}/${r.dueMonths}`,
    r.activityPer100 === null ? 'chưa có số hộ' : round1(r.activityPer100),
    percentCell(r.activityPercent),
  ], {}, [
    { align: 'center', bold: top },
    { bold: top },
    { numberFormat: PERCENT, bold: true },
    { numberFormat: PERCENT },
    { align: 'center', background: r.neverOnTime ? PALETTE.bad : null },
    r.activityPer100 === null ? { align: 'center', italic: true, fontColor: PALETTE.hint, fontSize: 8 } : { numberFormat: PERCENT },
    { numberFormat: PERCENT },
  ]);
}

const COMPONENT_WORDS = { results: 'kết quả chỉ tiêu', timeliness: 'nộp đúng hạn', activity: 'hoạt động' } as const;

/** `Điểm = 50% kết quả chỉ tiêu + 30% nộp đúng hạn + 20% hoạt động`, then what each part is. */
function scoreExplanation(summary: AggregationSummary, words: Vocabulary): string[] {
  const shares = weightShares(summary.weights);
  const parts = (Object.keys(COMPONENT_WORDS) as (keyof typeof COMPONENT_WORDS)[])
    .filter((key) => shares[key] > 0)
    .map((key) => `${formatDecimal(shares[key])}% ${COMPONENT_WORDS[key]}`);
  const approved = summary.approvalInUse ? ' Chỉ tính các tháng đã được phòng Văn hóa - Xã hội duyệt.' : '';
  return [
    `Điểm (thang 100) = ${parts.join(' + ')} (tỷ trọng đặt tại tab Cấu hình). Kết quả chỉ tiêu: trung bình các chỉ tiêu tỷ lệ, mỗi chỉ tiêu tính mức đạt so với chỉ tiêu năm, tối đa 100%. Nộp đúng hạn: số tháng nộp đúng hạn trên số tháng đã đến hạn từ đầu năm. Hoạt động: tổng số lượt, buổi, sản phẩm từ đầu năm trên 100 hộ, so với ${words.village} cao nhất.`,
    `Tổ chưa lần nào nộp đúng hạn xếp sau các Tổ đã có tháng nộp đúng hạn. Phần nào chưa có số liệu (như chưa có số hộ trong tab Danh sách) thì không tính vào điểm của ${words.village} đó.${approved}`,
  ];
}
