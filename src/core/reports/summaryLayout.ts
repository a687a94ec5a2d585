/**
 * The `Tổng hợp` tab, rewritten whole by each Tổng hợp run and editable by the office only: header,
 * completeness, commune table + chart, village matrix, ranking.
 */
import { trafficLight, type AggregationSummary, type IndicatorSummary, type VillageRate } from '../assessment/aggregation';
import { completenessNames, completenessRows, evaluationLabel, listNames, namesWithMonths, percentOf, round1, staleVillagesText, villageWordOf } from './aggregationText';
import { denominatorDef } from '../config/catalogue';
import { shortLabel } from '../config/indicatorNames';
import { PALETTE } from '../shared/palette';
import { ownTabProtection } from '../workbook/ownProtection';
import { WholeTabBuilder, type CellFormat } from '../workbook/sheetModel';
import { TAB_SUMMARY } from '../workbook/tabNames';
import type { TabSpec } from '../workbook/tabSpec';
import { isSubmittedStatus, STATUS_LABELS, type MonthStatus } from '../assessment/status';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export const COMMUNE_TABLE_HEADERS = ['Mã', 'Chỉ tiêu', 'Thực hiện', 'Mẫu số', 'Tỷ lệ (%)', 'Chỉ tiêu (%)', 'Đánh giá', 'Lũy kế từ đầu năm'] as const;
export const RANKING_HEADERS = ['Hạng', 'Mức đạt chỉ tiêu (%)', 'Nộp đúng hạn (tháng)', 'Tỷ lệ đúng hạn (%)'] as const;

const FIRST_WIDTH = 110;
const LABEL_WIDTH = 320;
const CELL_WIDTH = 100;
const PERCENT = '0.0';
const TARGET = '0';
/** After `Cấu hình` and `Danh sách`. */
const POSITION = 2;

const HEADER: CellFormat = { bold: true, background: PALETTE.headerBg, fontColor: PALETTE.headerFg, align: 'center', wrap: true };
const SECTION: CellFormat = { bold: true, fontSize: 11, fontColor: PALETTE.title, background: PALETTE.sectionBg };
const HINT: CellFormat = { italic: true, fontColor: PALETTE.hint };

/** Where things landed, for tests and for the writer's protection note. */
export interface SummaryLayout {
  spec: TabSpec;
  rows: { completenessHeader: number; communeHeader: number; matrixHeader: number; rankingHeader: number };
}

/** `office`: who may edit the tab besides its owner. */
export function summaryLayout(summary: AggregationSummary, office: readonly string[] = []): SummaryLayout {
  const rateIndicators = summary.indicators.filter((i) => i.kind === 'TY_LE');
  const width = Math.max(COMMUNE_TABLE_HEADERS.length, 4 + rateIndicators.length);
  const b = new WholeTabBuilder(width, { fontSize: 10, fontFamily: 'Arial' });
  const word = villageWordOf(summary);
  const several = summary.countedMonths.length > 1;

  b.addRow([`TỔNG HỢP BÁO CÁO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG — ${summary.unitName.toLocaleUpperCase('vi')}`], { bold: true, fontSize: 14, fontColor: PALETTE.title });
  b.addRow([summary.periodLabel], { bold: true, fontSize: 12 });
  const due = `Hạn nộp báo cáo tháng ${summary.endMonth}: ${summary.dueDate}${summary.duePassed ? '' : ' (chưa đến hạn)'}`;
  b.addRow([`Cập nhật lúc ${summary.updatedAt} · ${due} · Tab này được ghi lại mỗi lần chạy Tổng hợp; đừng sửa tay.`], HINT);
  b.freezeRows(2);
  b.addBlank();

  // 1. Completeness
  const c = summary.completeness;
  b.addRow([`1. TÌNH HÌNH NỘP BÁO CÁO (${summary.villageCount} ${word} × ${summary.countedMonths.length} tháng = ${c.expected} báo cáo)`], SECTION);
  const completenessHeader = b.addRow(['Tình hình', `Tên ${word}`, 'Số báo cáo', 'Tỷ lệ (%)'], HEADER);
  const completeness = withApproved(completenessRows(summary, completenessNames(summary)), summary);
  for (const [label, count, villages] of completeness) {
    const share = percentOf(count, c.expected);
    b.addRow([label, villages, count, share === null ? '' : round1(share)], { wrap: true, valign: 'top' }, [{ bold: true, wrap: false }, {}, {}, { numberFormat: PERCENT }]);
  }
  b.border({ row: completenessHeader, col: 1, numRows: completeness.length + 1, numCols: 4 });
  if (summary.villagesWithoutTab.length > 0) {
    b.addRow(['', `Không tìm thấy tab (tính là chưa nộp): ${summary.villagesWithoutTab.join(', ')}. Chạy "${SETUP_CAPTION}".`], { ...HINT, fontColor: '#c00000' });
  }
  b.addBlank();

  // 2. Commune table (+ chart of its TY_LE rows)
  b.addRow([`2. KẾT QUẢ CHỈ TIÊU TOÀN ${summary.level.toLocaleUpperCase('vi')} (Σ tử số ÷ Σ mẫu số của các ${word} có đủ số liệu)`], SECTION);
  const communeHeader = b.addRow([...COMMUNE_TABLE_HEADERS], HEADER);
  for (const ind of summary.indicators) communeRow(b, ind);
  b.border({ row: communeHeader, col: 1, numRows: summary.indicators.length + 1, numCols: COMMUNE_TABLE_HEADERS.length });
  for (const note of communeNotes(summary)) b.addRow(['', note], HINT);
  if (rateIndicators.length > 0) {
    const rows = rateIndicators.length + 1;
    b.addChart({
      title: `Tỷ lệ thực hiện so với chỉ tiêu — ${summary.periodLabel}`,
      ranges: [
        { row: communeHeader, col: 1, numRows: rows, numCols: 1 },
        { row: communeHeader, col: 5, numRows: rows, numCols: 2 },
      ],
      anchorRow: communeHeader,
      anchorCol: width + 2,
      width: 640,
      height: Math.max(300, 60 + rateIndicators.length * 40),
      colors: [PALETTE.chartRate, PALETTE.chartTarget],
      axisTitle: '%',
    });
  }
  b.addBlank();

  // 3. Village × indicator matrix
  b.addRow([`3. TỶ LỆ THEO ${word.toLocaleUpperCase('vi')} (%) — xanh: đạt chỉ tiêu; vàng: từ 80% chỉ tiêu; đỏ: dưới 80%; chữ nghiêng: số liệu tháng trước`], SECTION);
  b.addRow(['', '', '', '', ...rateIndicators.map((i) => i.code)], { fontSize: 8, fontColor: PALETTE.codeFg, align: 'center' });
  const matrixHeader = b.addRow(['STT', `Tên ${word}`, several ? 'Đã nộp (tháng)' : 'Tình trạng', 'Số liệu đến', ...rateIndicators.map(shortLabel)], HEADER);
  summary.villages.forEach((v, i) => {
    const submittedMonths = v.statuses.filter(isSubmittedStatus).length;
    const approvedMonths = summary.approvalInUse ? ` (duyệt ${v.statuses.filter((s) => s === 'DA_DUYET').length})` : '';
    const status = several ? `${submittedMonths}/${v.statuses.length}${approvedMonths}` : STATUS_LABELS[v.statuses[0]];
    const stale = v.latestMonth !== summary.endMonth;
    b.addRow([i + 1, v.name, status, v.latestMonth === null ? 'Chưa có' : `Tháng ${v.latestMonth}`, ...rateIndicators.map((ind) => matrixValue(v.rates[ind.code]))], {}, [
      { align: 'center' },
      {},
      { align: 'center', background: several ? null : statusColour(v.statuses[0]) },
      stale ? { align: 'left', italic: true, fontColor: PALETTE.stale } : { align: 'left' },
      ...rateIndicators.map((ind) => matrixFormat(ind, v.rates[ind.code], summary.endMonth)),
    ]);
  });
  b.border({ row: matrixHeader, col: 1, numRows: summary.villages.length + 1, numCols: 4 + rateIndicators.length });
  b.addBlank();

  // 4. Ranking
  b.addRow([`4. XẾP HẠNG ${word.toLocaleUpperCase('vi')} (tham khảo bình chọn "Tổ Công nghệ số cộng đồng tiêu biểu")`], SECTION);
  const approvedOnly = summary.approvalInUse ? ' Chỉ tính các tháng đã được phòng VH-XH duyệt.' : '';
  b.addRow(['', `Mức đạt chỉ tiêu = trung bình các chỉ tiêu tỷ lệ của min(tỷ lệ ÷ chỉ tiêu, 100%); nộp đúng hạn tính từ tháng 1 đến kỳ này.${approvedOnly}`], HINT);
  const rankingHeader = b.addRow([RANKING_HEADERS[0], `Tên ${word}`, ...RANKING_HEADERS.slice(1)], HEADER);
  for (const r of summary.ranking) {
    const top = r.rank <= 3;
    b.addRow([
      r.rank,
      r.name,
      r.achievementPercent === null ? '' : round1(r.achievementPercent),
      `${r.onTimeMonths}/${r.dueMonths}`,
      r.onTimePercent === null ? '' : round1(r.onTimePercent),
    ], {}, [{ align: 'center', bold: top }, { bold: top }, { numberFormat: PERCENT }, { align: 'center' }, { numberFormat: PERCENT }]);
  }
  b.border({ row: rankingHeader, col: 1, numRows: summary.ranking.length + 1, numCols: RANKING_HEADERS.length + 1 });

  const widths = [FIRST_WIDTH, LABEL_WIDTH, ...Array(width - 2).fill(CELL_WIDTH)];
  const tab = { name: TAB_SUMMARY, position: POSITION, protections: [ownTabProtection(TAB_SUMMARY, office)] };
  return { spec: b.build(tab, widths), rows: { completenessHeader, communeHeader, matrixHeader, rankingHeader } };
}

/**
 * Once the office approves months, which reports are approved (a part of those submitted) goes right
 * under `Đã nộp`, naming the submitted reports still waiting for approval.
 */
function withApproved(rows: [string, number, string][], summary: AggregationSummary): [string, number, string][] {
  if (!summary.approvalInUse) return rows;
  const waiting = summary.villages.flatMap((v) => {
    const months = summary.countedMonths.filter((_, i) => isSubmittedStatus(v.statuses[i]) && v.statuses[i] !== 'DA_DUYET');
    return months.length > 0 ? [{ name: v.name, months }] : [];
  });
  const names = waiting.length > 0 ? `Chưa duyệt: ${namesWithMonths(waiting, summary.countedMonths.length > 1)}` : '';
  return [rows[0], [STATUS_LABELS.DA_DUYET, summary.completeness.approved, names], ...rows.slice(1)];
}

function communeRow(b: WholeTabBuilder, ind: IndicatorSummary): void {
  const rate = ind.ratePercent === null ? '' : round1(ind.ratePercent);
  b.addRow([
    ind.code,
    `${ind.label} (${ind.unit})`,
    ind.value ?? '',
    ind.denominator ?? '',
    rate,
    ind.targetPercent ?? '',
    evaluationLabel(ind.met),
    ind.yearToDate ?? '',
  ], { wrap: true }, [
    { fontSize: 8, fontColor: PALETTE.codeFg, wrap: false },
    {},
    {},
    {},
    { numberFormat: PERCENT, bold: true },
    { numberFormat: TARGET },
    { align: 'center', bold: true, background: ind.met === null ? null : ind.met ? PALETTE.good : PALETTE.bad },
  ]);
}

function communeNotes(summary: AggregationSummary): string[] {
  const word = villageWordOf(summary);
  const notes: string[] = [];
  const stale = staleVillagesText(summary);
  if (stale.length > 0) {
    notes.push(`Chỉ tiêu lũy kế và số thành viên lấy tháng đã nộp gần nhất; ${stale.length} ${word} chưa có số liệu tháng ${summary.endMonth}: ${listNames(stale)}.`);
  }
  for (const ind of summary.indicators) {
    if (ind.missingDenominator.length > 0 && ind.denominatorCode) {
      notes.push(`${ind.code}: chưa tính ${ind.missingDenominator.length} ${word} thiếu "${denominatorDef(ind.denominatorCode).label}" trong tab Danh sách: ${listNames(ind.missingDenominator)}.`);
    }
    if (ind.outOfRange.length > 0) {
      notes.push(`${ind.code}: ${ind.outOfRange.length} tổ ngoài khoảng ${summary.teamMin}–${summary.teamMax} thành viên: ${listNames(ind.outOfRange)}.`);
    }
  }
  if (summary.indicators.some((i) => i.kind === 'SO_LUONG')) {
    notes.push(`Chỉ tiêu số lượng: "Thực hiện" là tổng trong kỳ, "Lũy kế từ đầu năm" từ tháng 1 đến tháng ${summary.endMonth} (chỉ tính tháng đã nộp).`);
  }
  return notes;
}

type VillageRateOrNone = VillageRate | null | undefined;

function matrixValue(rate: VillageRateOrNone): unknown {
  if (!rate) return '';
  return rate.ratePercent === null ? 'thiếu mẫu số' : round1(rate.ratePercent);
}

function matrixFormat(ind: IndicatorSummary, rate: VillageRateOrNone, endMonth: number): CellFormat {
  if (!rate) return { background: PALETTE.noData };
  if (rate.ratePercent === null) return { background: PALETTE.noData, fontColor: PALETTE.hint, italic: true, align: 'center', fontSize: 8 };
  const light = ind.targetPercent ? trafficLight(rate.ratePercent, ind.targetPercent) : null;
  return { numberFormat: PERCENT, background: light ? PALETTE[light] : null, italic: rate.month !== endMonth };
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
