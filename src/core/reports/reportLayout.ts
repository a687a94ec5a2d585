/**
 * The `Báo cáo` tab: the period's report as an A4 portrait page in the administrative format of
 * Nghị định 30/2020 (quốc hiệu, tiêu ngữ, tên cơ quan, số, địa danh ngày tháng, tên loại và trích
 * yếu, nội dung, nơi nhận, chữ ký). Apps Script cannot set the paper size or margins of a print; the
 * office picks A4, portrait, "Vừa với chiều rộng" in File > Print.
 */
import type { AggregationSummary, IndicatorSummary } from '../assessment/aggregation';
import { completenessNames, completenessRows, evaluationLabel, isYearEnd, percentCell, percentOf } from './aggregationText';
import type { LocalDate } from '../shared/calendar';
import {
  activityColumns,
  closingSentence,
  completenessSentences,
  dataBasisSentence,
  dateLine,
  introSentence,
  proposalParagraphs,
  rateNotes,
  rateSentence,
  recipientLines,
  subjectLine,
  teamSizeSentence,
} from './reportText';
import { vocabularyOf } from '../config/vocabulary';
import { nextTasks, nextTasksHeading, shortcomings, strengths } from './reportAssessment';
import { isBehind } from '../assessment/progress';
import { ownTabProtection } from '../workbook/ownProtection';
import { WholeTabBuilder, type Block, type CellFormat } from '../workbook/sheetModel';
import { linesHeightPx, wrappedLines, type FontStyle } from '../shared/textWidth';
import { TAB_REPORT } from '../workbook/tabNames';
import type { TabSpec } from '../workbook/tabSpec';

/**
 * 680 px: the printable width of A4 portrait with Sheets' normal margins at 100%. Ten columns so the
 * rate table (STT, Chỉ tiêu, ĐVT, Thực hiện, Tổng số đối tượng, Tỷ lệ, Kế hoạch đến kỳ, Chỉ tiêu năm,
 * Dự kiến cuối năm, Đánh giá) has one each; the other tables span them.
 */
export const REPORT_COLUMN_WIDTHS = [30, 180, 44, 56, 62, 46, 54, 50, 54, 104] as const;
export const REPORT_WIDTH_PX = REPORT_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
const COLS = REPORT_COLUMN_WIDTHS.length;
/** Heading: tên cơ quan, số A:D; quốc hiệu, tiêu ngữ, ngày E:J (the quốc hiệu needs 340 px on one line). */
const HEAD: Split = { left: 4 };
/** Closing: nơi nhận A:E, wide enough for `Sở Khoa học và Công nghệ thành phố Hải Phòng (b/c);` on one line; chữ ký F:J. */
const CLOSING: Split = { left: 5 };
const BODY = 13;
const TITLE = 14;
const TABLE = 11;
const CENTER: CellFormat = { align: 'center' };
/** Blank lines between the signer's title and name: room to sign and stamp. */
const SIGNATURE_SPACE = ['', '', '', ''];
/** After `Tổng hợp`. */
const POSITION = 3;

/** Before December: the plan to date and the projection beside the rate. */
const RATE_TABLE_HEADERS = ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện', 'Tổng số đối tượng', 'Tỷ lệ (%)', 'Kế hoạch đến kỳ (%)', 'Chỉ tiêu năm (%)', 'Dự kiến cuối năm (%)', 'Đánh giá'] as const;
/** At the year's end the plan is the target and the projection the rate: the year's verdict only. */
const YEAR_END_RATE_HEADERS = ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện', 'Tổng số đối tượng', 'Tỷ lệ (%)', 'Chỉ tiêu năm (%)', 'Đánh giá'] as const;

/** Where a row splits into a left and a right block: the left block's number of columns. */
interface Split {
  left: number;
}

const widthOf = (col: number, numCols: number) => REPORT_COLUMN_WIDTHS.slice(col - 1, col - 1 + numCols).reduce((a, b) => a + b, 0);

class ReportBuilder {
  readonly b = new WholeTabBuilder(COLS, { fontSize: BODY, fontFamily: 'Times New Roman' });

  /** A row of one merged cell across the page, its height fitted to the text. */
  line(text: string, format: CellFormat = {}): number {
    const row = this.b.addRow([text], { wrap: true, valign: 'top', ...format });
    this.b.merge({ row, col: 1, numRows: 1, numCols: COLS });
    this.fit(row, [{ text, width: REPORT_WIDTH_PX, size: format.fontSize ?? BODY, style: format }]);
    return row;
  }

  /** A row split into the left and right blocks of the page (header, nơi nhận, chữ ký). */
  split(at: Split, left: string, right: string, leftFormat: CellFormat, rightFormat: CellFormat): number {
    const values: unknown[] = Array(COLS).fill('');
    const leftBlock = { col: 1, numCols: at.left };
    const rightBlock = { col: at.left + 1, numCols: COLS - at.left };
    values[leftBlock.col - 1] = left;
    values[rightBlock.col - 1] = right;
    const row = this.b.addRow(values, { valign: 'top', wrap: true });
    this.b.format({ row, ...leftBlock, numRows: 1 }, leftFormat);
    this.b.format({ row, ...rightBlock, numRows: 1 }, rightFormat);
    this.b.merge({ row, ...leftBlock, numRows: 1 });
    this.b.merge({ row, ...rightBlock, numRows: 1 });
    this.fit(row, [
      { text: left, width: widthOf(leftBlock.col, leftBlock.numCols), size: leftFormat.fontSize ?? BODY, style: leftFormat },
      { text: right, width: widthOf(rightBlock.col, rightBlock.numCols), size: rightFormat.fontSize ?? BODY, style: rightFormat },
    ]);
    return row;
  }

  /** A section heading (I. … V.), a little space above it. */
  heading(text: string): number {
    this.blank(8);
    return this.line(text, { bold: true });
  }

  blank(height = 12): number {
    return this.b.addBlank(height);
  }

  /** A table row: cells as given (`cells` as in addRow), merged where `spans` says, height fitted to the widest text. */
  tableRow(values: readonly unknown[], format: CellFormat, cells: readonly CellFormat[] = [], spans: readonly Block[] = []): number {
    const row = this.b.addRow(values, { wrap: true, fontSize: TABLE, ...format }, cells);
    for (const span of spans) this.b.merge({ ...span, row, numRows: 1 });
    const spanOf = (col: number) => spans.find((s) => s.col === col)?.numCols ?? 1;
    this.fit(row, values.map((v, i) => ({ text: typeof v === 'number' ? String(v) : String(v ?? ''), width: widthOf(i + 1, spanOf(i + 1)), size: format.fontSize ?? TABLE, style: { ...format, ...cells[i] } })));
    return row;
  }

  private fit(row: number, cells: { text: string; width: number; size: number; style: FontStyle }[]): void {
    const height = Math.max(...cells.map((c) => linesHeightPx(c.text === '' ? 1 : wrappedLines(c.text, c.width, c.size, c.style), c.size)));
    this.b.setRowHeight(row, height);
  }
}

/** `office`: who may edit the tab besides its owner. `issuedOn`: the report's date (Vietnam), also the day the figures are read. */
export function reportLayout(summary: AggregationSummary, issuedOn: LocalDate, office: readonly string[] = []): TabSpec {
  const r = new ReportBuilder();
  const b = r.b;
  const words = vocabularyOf(summary);
  const center: CellFormat = { align: 'center' };
  const bold: CellFormat = { ...center, bold: true };
  const subheading: CellFormat = { bold: true, italic: true };

  // Heading block: tên cơ quan | quốc hiệu, tiêu ngữ; số | địa danh, ngày tháng.
  r.split(HEAD, 'ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...bold, fontSize: BODY }, { ...bold, fontSize: 12 });
  r.split(HEAD, words.Unit.toLocaleUpperCase('vi'), 'Độc lập - Tự do - Hạnh phúc', { ...bold, fontSize: BODY }, { ...bold, fontSize: BODY });
  const ruleRow = r.blank(6);
  b.rule({ row: ruleRow, col: 2, numRows: 1, numCols: 1 });
  b.rule({ row: ruleRow, col: 6, numRows: 1, numCols: 4 });
  r.split(HEAD, 'Số: …/BC-UBND', dateLine(words.place, issuedOn), { ...center, fontSize: BODY }, { ...center, italic: true, fontSize: BODY });
  r.blank(18);
  r.line('BÁO CÁO', { ...bold, fontSize: TITLE });
  r.line(subjectLine(summary), { ...bold, fontSize: TITLE });
  const subjectRule = r.blank(6);
  b.rule({ row: subjectRule, col: 4, numRows: 1, numCols: 3 });
  r.blank(10);

  r.line(introSentence(summary));
  r.heading('I. TÌNH HÌNH NỘP BÁO CÁO');
  for (const s of completenessSentences(summary, issuedOn)) r.line(s);
  completenessTable(r, summary);

  r.heading('II. KẾT QUẢ THỰC HIỆN');
  r.line('1. Tiến độ thực hiện các chỉ tiêu theo kế hoạch năm', subheading);
  r.line(dataBasisSentence(summary), { italic: true });
  const verdict = rateSentence(summary);
  if (verdict) r.line(verdict);
  rateTable(r, summary);
  const team = teamSizeSentence(summary);
  if (team) r.line(team);
  for (const s of rateNotes(summary)) r.line(s);
  const counts = summary.indicators.filter((i) => i.kind === 'SO_LUONG');
  if (counts.length > 0) {
    r.line(`2. Kết quả hoạt động của các Tổ`, subheading);
    activityTable(r, summary, counts);
  }

  r.heading('III. ĐÁNH GIÁ CHUNG');
  r.line('1. Ưu điểm', subheading);
  for (const s of strengths(summary)) r.line(`- ${s}`);
  r.line('2. Tồn tại, hạn chế', subheading);
  for (const s of shortcomings(summary, issuedOn)) r.line(s);

  r.heading(nextTasksHeading(summary));
  for (const s of nextTasks(summary, issuedOn)) r.line(s);

  r.heading('V. ĐỀ XUẤT, KIẾN NGHỊ');
  for (const s of proposalParagraphs(summary)) r.line(s);
  r.line(closingSentence(summary));
  r.blank(14);

  // Nơi nhận (left) beside the signature block (right) in one row, so no page break parts them or
  // the signer's title from the name. Nghị định 30 sets `Nơi nhận:` bold italic 12 pt, but a tab
  // spec writes plain values with one style a cell, so it shares the list's cell and its 11 pt.
  const signature = ['TM. ỦY BAN NHÂN DÂN', summary.signerAuthority.trim(), summary.signerTitle.trim()].filter((s) => s !== '');
  r.split(CLOSING, ['Nơi nhận:', ...recipientLines(summary)].join('\n'), [...signature, ...SIGNATURE_SPACE, summary.signerName.trim()].join('\n'), { fontSize: 11, align: 'left' }, { ...bold, fontSize: BODY });

  return b.build({ name: TAB_REPORT, position: POSITION, protections: [ownTabProtection(TAB_REPORT, office)], hiddenGridlines: true }, REPORT_COLUMN_WIDTHS);
}

/** STT | Tình hình | Số báo cáo | Tỷ lệ (%) | Tên thôn: the names an official looks for, once. */
function completenessTable(r: ReportBuilder, summary: AggregationSummary): void {
  const countSpan: Block = { row: 0, col: 3, numRows: 1, numCols: 2 };
  const namesSpan: Block = { row: 0, col: 6, numRows: 1, numCols: COLS - 5 };
  const spans = [countSpan, namesSpan];
  const row = (label: unknown, count: unknown, share: unknown, names: string, i: unknown) => [i, label, count, '', share, names, '', '', '', ''];
  const header = r.tableRow(row('Tình hình', 'Số báo cáo', 'Tỷ lệ (%)', `Tên ${vocabularyOf(summary).village}`, 'STT'), { bold: true, align: 'center', valign: 'middle' }, [], spans);
  const rows = completenessRows(summary, completenessNames(summary));
  rows.forEach(([label, count, list], i) => {
    const share = percentOf(count, summary.completeness.expected);
    r.tableRow(row(label, count, percentCell(share), list, i + 1), { valign: 'top' }, [CENTER, {}, CENTER, {}, { numberFormat: '0.0', align: 'center' }], spans);
  });
  r.b.border({ row: header, col: 1, numRows: rows.length + 1, numCols: COLS });
  r.blank(6);
}

function rateTable(r: ReportBuilder, summary: AggregationSummary): void {
  const indicators = summary.indicators.filter((i) => i.kind === 'TY_LE');
  if (indicators.length === 0) return;
  const yearEnd = isYearEnd(summary);
  // At the year's end Tỷ lệ and Chỉ tiêu năm take two columns each, where the plan and projection were.
  const spans: Block[] = yearEnd ? [{ row: 0, col: 6, numRows: 1, numCols: 2 }, { row: 0, col: 8, numRows: 1, numCols: 2 }] : [];
  const cellsOf = (values: unknown[]) => (yearEnd ? [...values.slice(0, 6), '', values[6], '', values[7]] : values);
  const header = r.tableRow(cellsOf([...(yearEnd ? YEAR_END_RATE_HEADERS : RATE_TABLE_HEADERS)]), { bold: true, align: 'center', valign: 'middle' }, [], spans);
  indicators.forEach((ind, i) => {
    const behind = isBehind(ind.evaluation);
    const values = yearEnd
      ? [i + 1, ind.label, ind.unit, ind.value ?? '', ind.denominator ?? '', percentCell(ind.ratePercent), ind.targetPercent ?? '', evaluationLabel(ind)]
      : [i + 1, ind.label, ind.unit, ind.value ?? '', ind.denominator ?? '', percentCell(ind.ratePercent), percentCell(ind.planPercent), ind.targetPercent ?? '', percentCell(ind.projectedPercent), evaluationLabel(ind)];
    const pct: CellFormat = { numberFormat: '0.0', align: 'center' };
    const cells: CellFormat[] = yearEnd
      ? [CENTER, {}, CENTER, {}, {}, pct, {}, { numberFormat: '0', align: 'center' }, {}, { align: 'center', bold: behind }]
      : [CENTER, {}, CENTER, {}, {}, pct, pct, { numberFormat: '0', align: 'center' }, pct, { align: 'center', bold: behind }];
    r.tableRow(cellsOf(values), { valign: 'middle' }, cells, spans);
  });
  r.b.border({ row: header, col: 1, numRows: indicators.length + 1, numCols: COLS });
  r.blank(6);
}

/** The period's counts and the year's so far, with how many villages reported them. */
function activityTable(r: ReportBuilder, summary: AggregationSummary, counts: readonly IndicatorSummary[]): void {
  const spans: Block[] = [{ row: 0, col: 4, numRows: 1, numCols: 2 }, { row: 0, col: 6, numRows: 1, numCols: 2 }, { row: 0, col: 8, numRows: 1, numCols: 3 }];
  const row = (stt: unknown, label: unknown, unit: unknown, period: unknown, year: unknown, reporting: unknown) => [stt, label, unit, period, '', year, '', reporting, '', ''];
  const [periodHeader, yearHeader] = activityColumns(summary);
  const header = r.tableRow(row('STT', 'Hoạt động', 'ĐVT', periodHeader, yearHeader, `Số ${vocabularyOf(summary).village} có báo cáo`), { bold: true, align: 'center', valign: 'middle' }, [], spans);
  counts.forEach((ind, i) => {
    const cells: CellFormat[] = [CENTER, {}, CENTER, CENTER, {}, CENTER, {}, CENTER];
    r.tableRow(row(i + 1, ind.label, ind.unit, ind.value ?? '', ind.yearToDate ?? '', `${ind.reporting}/${summary.villageCount}`), { valign: 'middle' }, cells, spans);
  });
  r.b.border({ row: header, col: 1, numRows: counts.length + 1, numCols: COLS });
  r.blank(6);
}
