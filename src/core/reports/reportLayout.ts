/**
 * The `Báo cáo` tab: the period's report as an A4 portrait page in the administrative format of
 * Nghị định 30/2020 (quốc hiệu, tiêu ngữ, tên cơ quan, số, địa danh ngày tháng, tên loại và trích
 * yếu, nội dung, nơi nhận, chữ ký). Apps Script cannot set the paper size or margins of a print; the
 * office picks A4, portrait, "Vừa với chiều rộng" in File > Print.
 */
import type { AggregationSummary, IndicatorSummary } from '../assessment/aggregation';
import { completenessNames, completenessRows, evaluationLabel, percentOf, round1, villageWordOf, type CompletenessNames } from './aggregationText';
import type { LocalDate } from '../shared/calendar';
import {
  activitySentence,
  closingSentence,
  completenessSentences,
  dateLine,
  introSentence,
  placeOf,
  proposalSentences,
  rateSentences,
  subjectLine,
} from './reportText';
import { ownTabProtection } from '../workbook/ownProtection';
import { WholeTabBuilder, estimatedLines, rowHeightFor, type Block, type CellFormat } from '../workbook/sheetModel';
import { TAB_REPORT } from '../workbook/tabNames';
import type { TabSpec } from '../workbook/tabSpec';

/** 680 px: the printable width of A4 portrait with Sheets' normal margins at 100%. */
export const REPORT_COLUMN_WIDTHS = [36, 250, 56, 72, 72, 62, 62, 70] as const;
export const REPORT_WIDTH_PX = REPORT_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
const COLS = REPORT_COLUMN_WIDTHS.length;
/** Left block (tên cơ quan, số, nơi nhận) A:C; right block (quốc hiệu, ngày, chữ ký) D:H. */
const LEFT = { col: 1, numCols: 3 };
const RIGHT = { col: 4, numCols: COLS - 3 };
const BODY = 13;
const TITLE = 14;
const TABLE = 12;
const CENTER: CellFormat = { align: 'center' };
/** After `Tổng hợp`. */
const POSITION = 3;

export const RECIPIENTS = (levelWord: string) => [
  '- Sở Khoa học và Công nghệ;',
  `- Thường trực Đảng ủy, HĐND ${levelWord};`,
  `- CT, các PCT UBND ${levelWord};`,
  '- Lưu: VT, VHXH.',
];

export const RATE_TABLE_HEADERS = ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện', 'Mẫu số', 'Tỷ lệ (%)', 'Chỉ tiêu (%)', 'Đánh giá'] as const;

const widthOf = (col: number, numCols: number) => REPORT_COLUMN_WIDTHS.slice(col - 1, col - 1 + numCols).reduce((a, b) => a + b, 0);

class ReportBuilder {
  readonly b = new WholeTabBuilder(COLS, { fontSize: BODY, fontFamily: 'Times New Roman' });

  /** A row of one merged cell across the page, its height fitted to the text. */
  line(text: string, format: CellFormat = {}): number {
    const row = this.b.addRow([text], { wrap: true, valign: 'top', ...format });
    this.b.merge({ row, col: 1, numRows: 1, numCols: COLS });
    this.fit(row, [{ text, width: REPORT_WIDTH_PX, size: format.fontSize ?? BODY }]);
    return row;
  }

  /** A row split into the left and right blocks of the page (header, nơi nhận, chữ ký). */
  split(left: string, right: string, leftFormat: CellFormat, rightFormat: CellFormat): number {
    const values: unknown[] = Array(COLS).fill('');
    values[LEFT.col - 1] = left;
    values[RIGHT.col - 1] = right;
    const row = this.b.addRow(values, { valign: 'top', wrap: true });
    this.b.format({ row, col: LEFT.col, numRows: 1, numCols: LEFT.numCols }, leftFormat);
    this.b.format({ row, col: RIGHT.col, numRows: 1, numCols: RIGHT.numCols }, rightFormat);
    this.b.merge({ row, ...LEFT, numRows: 1 });
    this.b.merge({ row, ...RIGHT, numRows: 1 });
    this.fit(row, [
      { text: left, width: widthOf(LEFT.col, LEFT.numCols), size: leftFormat.fontSize ?? BODY },
      { text: right, width: widthOf(RIGHT.col, RIGHT.numCols), size: rightFormat.fontSize ?? BODY },
    ]);
    return row;
  }

  blank(height = 12): number {
    return this.b.addBlank(height);
  }

  /** A table row: cells as given (`cells` as in addRow), merged where `spans` says, height fitted to the widest text. */
  tableRow(values: readonly unknown[], format: CellFormat, cells: readonly CellFormat[] = [], spans: readonly Block[] = []): number {
    const row = this.b.addRow(values, { wrap: true, fontSize: TABLE, ...format }, cells);
    for (const span of spans) this.b.merge({ ...span, row, numRows: 1 });
    const spanOf = (col: number) => spans.find((s) => s.col === col)?.numCols ?? 1;
    this.fit(row, values.map((v, i) => ({ text: typeof v === 'number' ? String(v) : String(v ?? ''), width: widthOf(i + 1, spanOf(i + 1)), size: format.fontSize ?? TABLE })));
    return row;
  }

  private fit(row: number, cells: { text: string; width: number; size: number }[]): void {
    const height = Math.max(...cells.map((c) => rowHeightFor(c.text === '' ? 1 : estimatedLines(c.text, c.width, c.size), c.size)));
    this.b.setRowHeight(row, height);
  }
}

/** `office`: who may edit the tab besides its owner. */
export function reportLayout(summary: AggregationSummary, issuedOn: LocalDate, office: readonly string[] = []): TabSpec {
  const r = new ReportBuilder();
  const b = r.b;
  const levelWord = summary.level.toLocaleLowerCase('vi');
  const center: CellFormat = { align: 'center' };
  const bold: CellFormat = { ...center, bold: true };

  // Heading block: tên cơ quan | quốc hiệu, tiêu ngữ; số | địa danh, ngày tháng.
  r.split('ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...bold, fontSize: BODY }, { ...bold, fontSize: 12 });
  r.split(summary.unitName.toLocaleUpperCase('vi'), 'Độc lập - Tự do - Hạnh phúc', { ...bold, fontSize: BODY }, { ...bold, fontSize: BODY });
  const ruleRow = r.blank(6);
  b.rule({ row: ruleRow, col: 2, numRows: 1, numCols: 1 });
  b.rule({ row: ruleRow, col: 5, numRows: 1, numCols: 3 });
  r.split('Số: …/BC-UBND', dateLine(placeOf(summary), issuedOn), { ...center, fontSize: BODY }, { ...center, italic: true, fontSize: BODY });
  r.blank(18);
  r.line('BÁO CÁO', { ...bold, fontSize: TITLE });
  r.line(subjectLine(summary), { ...bold, fontSize: TITLE });
  const subjectRule = r.blank(6);
  b.rule({ row: subjectRule, col: 3, numRows: 1, numCols: 2 });
  r.blank(10);

  r.line(introSentence(summary));
  r.line('I. TÌNH HÌNH NỘP BÁO CÁO', { bold: true });
  const names = completenessNames(summary);
  for (const s of completenessSentences(summary, names)) r.line(s);
  completenessTable(r, summary, names);
  r.blank(10);

  r.line('II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', { bold: true });
  r.line(`1. Các chỉ tiêu tỷ lệ (số liệu lũy kế đến hết tháng ${summary.endMonth}/${summary.year}; tỷ lệ chung = tổng tử số ÷ tổng mẫu số của các ${villageWordOf(summary)} có đủ số liệu)`, { italic: true });
  for (const s of rateSentences(summary)) r.line(s);
  rateTable(r, summary.indicators.filter((i) => i.kind !== 'SO_LUONG'));
  const counts = summary.indicators.filter((i) => i.kind === 'SO_LUONG');
  if (counts.length > 0) {
    r.blank(10);
    r.line('2. Kết quả hoạt động trong kỳ', { italic: true });
    const activities = activitySentence(summary);
    if (activities) r.line(activities);
    activityTable(r, summary, counts);
  }
  r.blank(10);

  const proposals = proposalSentences(summary);
  if (proposals.length > 0) {
    r.line('III. ĐỀ XUẤT', { bold: true });
    for (const s of proposals) r.line(s);
  }
  r.line(closingSentence(summary));
  r.blank(14);

  // Nơi nhận (left) beside the signature block (right).
  const recipients = RECIPIENTS(levelWord);
  const signature = ['TM. ỦY BAN NHÂN DÂN', summary.signerAuthority.trim(), summary.signerTitle.trim()].filter((s) => s !== '');
  const left = ['Nơi nhận:', ...recipients];
  const rows = Math.max(left.length, signature.length);
  for (let i = 0; i < rows; i++) {
    const leftFormat: CellFormat = i === 0 ? { bold: true, italic: true, fontSize: 12 } : { fontSize: 11 };
    r.split(left[i] ?? '', signature[i] ?? '', { ...leftFormat, align: 'left' }, { ...bold, fontSize: BODY });
  }
  r.blank(28);
  r.blank(28);
  r.split('', summary.signerName.trim(), {}, { ...bold, fontSize: BODY });

  return b.build({ name: TAB_REPORT, position: POSITION, protections: [ownTabProtection(TAB_REPORT, office)], hiddenGridlines: true }, REPORT_COLUMN_WIDTHS);
}

function completenessTable(r: ReportBuilder, summary: AggregationSummary, names: CompletenessNames): void {
  const namesSpan: Block = { row: 0, col: 5, numRows: 1, numCols: COLS - 4 };
  const header = r.tableRow(['STT', 'Tình hình', 'Số báo cáo', 'Tỷ lệ (%)', `Tên ${villageWordOf(summary)}`], { bold: true, align: 'center' }, [], [namesSpan]);
  const rows = completenessRows(summary, names);
  rows.forEach(([label, count, list], i) => {
    const share = percentOf(count, summary.completeness.expected);
    r.tableRow([i + 1, label, count, share === null ? '' : round1(share), list], { valign: 'top' }, [CENTER, {}, CENTER, { numberFormat: '0.0', align: 'center' }], [namesSpan]);
  });
  r.b.border({ row: header, col: 1, numRows: rows.length + 1, numCols: COLS });
}

function rateTable(r: ReportBuilder, indicators: readonly IndicatorSummary[]): void {
  if (indicators.length === 0) return;
  const header = r.tableRow([...RATE_TABLE_HEADERS], { bold: true, align: 'center', valign: 'middle' });
  indicators.forEach((ind, i) => {
    r.tableRow([
      i + 1,
      ind.label,
      ind.unit,
      ind.value ?? '',
      ind.denominator ?? '',
      ind.ratePercent === null ? '' : round1(ind.ratePercent),
      ind.targetPercent ?? '',
      evaluationLabel(ind.met),
    ], { valign: 'middle' }, [CENTER, {}, CENTER, {}, {}, { numberFormat: '0.0' }, { numberFormat: '0', align: 'center' }, { align: 'center', bold: ind.met === false }]);
  });
  r.b.border({ row: header, col: 1, numRows: indicators.length + 1, numCols: COLS });
}

function activityTable(r: ReportBuilder, summary: AggregationSummary, counts: readonly IndicatorSummary[]): void {
  const yearSpan: Block = { row: 0, col: 5, numRows: 1, numCols: 2 };
  const reportingSpan: Block = { row: 0, col: 7, numRows: 1, numCols: 2 };
  const word = villageWordOf(summary);
  const header = r.tableRow(['STT', 'Hoạt động', 'ĐVT', 'Trong kỳ', 'Lũy kế từ đầu năm', '', `Số ${word} có số liệu`], { bold: true, align: 'center' }, [], [yearSpan, reportingSpan]);
  counts.forEach((ind, i) => {
    const cells = [CENTER, {}, CENTER, {}, {}, {}, CENTER];
    r.tableRow([i + 1, ind.label, ind.unit, ind.value ?? '', ind.yearToDate ?? '', '', `${ind.reporting}/${summary.villageCount}`], { valign: 'middle' }, cells, [yearSpan, reportingSpan]);
  });
  r.b.border({ row: header, col: 1, numRows: counts.length + 1, numCols: COLS });
}
