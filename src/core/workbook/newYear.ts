/**
 * Năm mới (docs/entry-points.md, "Menu"): what turns a copy of this year's spreadsheet into next
 * year's. Settings and `Danh sách` stay; each village tab keeps its layout and gets, in `Đầu năm`,
 * each cumulative indicator's last submitted value of the year; the months' values, ticks, stamps,
 * notes and the add-on's marks go. Plain data: the adapter (src/gas/newYear.ts) reads and writes.
 */
import { catalogueEntry } from '../config/catalogue';
import type { IndicatorSetting } from '../config/settings';
import { isSubmittedStatus, type MonthStatus } from '../assessment/status';
import { NEW_YEAR_CAPTION, villageMonthsText, type VillageMonthList } from '../assessment/reportYear';
import type { VillageReport } from '../entry/monthReports';
import { latestValues } from '../assessment/aggregation';
import { withOwnNote } from '../entry/ownNotes';
import type { Grid } from '../shared/grid';
import { SETUP_CAPTION } from '../shared/menuCaptions';
import { PALETTE } from '../shared/palette';
import { TAB_LOG, TAB_REGISTRY, TAB_REPORT, TAB_SETTINGS, TAB_SUMMARY } from './tabNames';
import { MONTHS, START_LABEL, STATUS_CODES, locateVillageTab, type VillageTabMap } from './villageTabLayout';

/** Values (or notes, or colours) for a rectangle of a tab, 1-based as Sheets counts. */
export interface CellBlock {
  row: number;
  column: number;
  values: unknown[][];
}

export interface NewYearTabInput {
  /** Parsed with the applied indicators. */
  report: VillageReport;
  /** Months 1–12 as assessed for the year that ends. */
  statuses: readonly MonthStatus[];
  /** The tab's values, notes and backgrounds from A1, as read (one shape). */
  grid: Grid;
  notes: Grid;
  backgrounds: Grid;
}

export interface NewYearTabPlan {
  /** 1-based column before which `Đầu năm` is inserted, when the tab has none yet. */
  insertStartBefore: number | null;
  /** Values to write once the column is in, in as few rectangles as the layout allows. */
  writes: CellBlock[];
  /** The changed part of the notes, and of the backgrounds; null when nothing changes. */
  notes: CellBlock | null;
  backgrounds: CellBlock | null;
  /** Cumulative indicators whose `Đầu năm` takes the year's last submitted value. */
  carried: number;
}

/**
 * Each cumulative indicator's value in the year's last submitted month that has one. An indicator
 * the year never reported keeps the `Đầu năm` it has, still the latest value known: so a run
 * repeated after an interruption, over tabs already cleared, changes nothing there.
 */
export function carriedStartValues(report: VillageReport, statuses: readonly MonthStatus[], indicators: readonly IndicatorSetting[]): Map<string, number> {
  const codes = indicators.filter((ind) => ind.kind === 'TY_LE').map((ind) => ind.code);
  const { latest } = latestValues(report, 12, codes, (m) => isSubmittedStatus(statuses[m - 1]));
  return new Map([...latest].map(([code, { value }]) => [code, value]));
}

/** What a month cell of a row becomes: blank, an unticked box, or undefined for a row that is not the add-on's. */
function clearedValue(code: string): unknown {
  if (code === STATUS_CODES.submitted) return false;
  const statusCodes: readonly string[] = Object.values(STATUS_CODES);
  return catalogueEntry(code) || statusCodes.includes(code) ? '' : undefined;
}

const MARK_COLOURS: ReadonlySet<string> = new Set([PALETTE.bad, PALETTE.near]);

/** One village tab for the new year; `indicators` are the applied ones the report was parsed with. */
export function planNewYearTab(input: NewYearTabInput, indicators: readonly IndicatorSetting[]): NewYearTabPlan {
  const { report } = input;
  const anchor = report.map.startCol >= 0 ? null : firstMonthCol(report.map);
  const widen = (grid: Grid, fill: unknown): unknown[][] => grid.map((row) => (anchor === null ? [...row] : [...row.slice(0, anchor), fill, ...row.slice(anchor)]));
  // What the tab holds once the column is in, and where everything then is.
  const current = widen(input.grid, '');
  const located = current.map((row) => [...row]);
  if (anchor !== null) located[report.map.headerRow][anchor] = START_LABEL;
  const map = locateVillageTab(located) as VillageTabMap;
  const monthCols = map.monthCols.filter((c) => c >= 0);

  const cells = new Map<number, Map<number, unknown>>();
  const put = (row: number, col: number, value: unknown) => {
    if (!cells.has(row)) cells.set(row, new Map());
    cells.get(row)?.set(col, value);
  };
  if (anchor !== null) put(map.headerRow, anchor, START_LABEL);
  const clearedRows: { row: number; code: string }[] = [];
  for (const [code, row] of map.rows) {
    const value = clearedValue(code);
    if (value === undefined) continue;
    clearedRows.push({ row, code });
    for (const col of monthCols) put(row, col, value);
  }
  // A tab with neither `Đầu năm` nor a month column has nowhere to put them.
  const carried = map.startCol >= 0 ? carriedStartValues(report, input.statuses, indicators) : new Map<string, number>();
  for (const [code, value] of carried) put(map.rows.get(code) as number, map.startCol, value);
  // A rectangle already as wanted (a run repeated over a tab it finished) is not written again.
  const writes = blocksOf(cells).filter((b) => b.values.some((row, i) => row.some((v, j) => current[b.row - 1 + i][b.column - 1 + j] !== v)));

  const notes = widen(input.notes, '').map((row) => row.map((n) => String(n ?? '')));
  const backgrounds = widen(input.backgrounds, '#ffffff').map((row) => row.map((b) => String(b ?? '')));
  const newNotes = notes.map((row) => [...row]);
  const newBackgrounds = backgrounds.map((row) => [...row]);
  for (const { row, code } of clearedRows) {
    // Kiểm tra số liệu's marks go too; the status rows' own colours are setup's to restore, and it runs next.
    const unmark = catalogueEntry(code) !== undefined;
    for (const col of monthCols) {
      newNotes[row][col] = withOwnNote(newNotes[row][col], null);
      if (unmark && MARK_COLOURS.has(newBackgrounds[row][col].toLowerCase())) newBackgrounds[row][col] = PALETTE.inputBg;
    }
  }
  return {
    insertStartBefore: anchor === null ? null : anchor + 1,
    writes,
    notes: changedBlock(notes, newNotes),
    backgrounds: changedBlock(backgrounds, newBackgrounds),
    carried: carried.size,
  };
}

/** Where `Đầu năm` goes in a tab made before it existed: before Tháng 1, or the first month column there is. */
function firstMonthCol(map: VillageTabMap): number | null {
  const cols = map.monthCols.filter((c) => c >= 0);
  return map.monthCols[0] >= 0 ? map.monthCols[0] : cols.length > 0 ? Math.min(...cols) : null;
}

/**
 * The cells as rectangles: each row's consecutive columns are a run, and rows with the same run one
 * under the other are one rectangle, so a tab's months are one setValues however many rows it has;
 * a row of a person's own between them splits it rather than being written over.
 */
function blocksOf(cells: ReadonlyMap<number, ReadonlyMap<number, unknown>>): CellBlock[] {
  const blocks: CellBlock[] = [];
  const openByRun = new Map<string, CellBlock>();
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const byCol = cells.get(row) as ReadonlyMap<number, unknown>;
    const cols = [...byCol.keys()].sort((a, b) => a - b);
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const run = `${cols[i]}:${cols[j]}`;
      const values = cols.slice(i, j + 1).map((c) => byCol.get(c));
      const open = openByRun.get(run);
      if (open && open.row + open.values.length === row + 1) open.values.push(values);
      else {
        const block = { row: row + 1, column: cols[i] + 1, values: [values] };
        blocks.push(block);
        openByRun.set(run, block);
      }
      i = j + 1;
    }
  }
  return blocks;
}

/** The smallest rectangle holding every cell that differs, with the new contents; null when none does. */
function changedBlock(before: readonly string[][], after: readonly string[][]): CellBlock | null {
  let box: { r0: number; c0: number; r1: number; c1: number } | null = null;
  after.forEach((row, r) => row.forEach((value, c) => {
    if (value === before[r][c]) return;
    box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
  }));
  const b = box as { r0: number; c0: number; r1: number; c1: number } | null;
  return b && { row: b.r0 + 1, column: b.c0 + 1, values: after.slice(b.r0, b.r1 + 1).map((row) => row.slice(b.c0, b.c1 + 1)) };
}

/** Months of the year not counted as submitted, by village (a village without a usable tab: all twelve). */
export function unsubmittedMonths(tabs: readonly { name: string; statuses: readonly MonthStatus[] | null }[]): VillageMonthList[] {
  return tabs.flatMap(({ name, statuses }) => {
    const months = MONTHS.filter((m) => !statuses || !isSubmittedStatus(statuses[m - 1]));
    return months.length > 0 ? [{ name, months }] : [];
  });
}

/** The first question: where to run it, and everything it keeps and clears. */
export function newYearConfirmText(year: number, spreadsheetName: string): string {
  return [
    `Chuẩn bị bảng tính năm ${year + 1} từ bảng tính "${spreadsheetName}" (năm ${year}).`,
    '',
    `Chỉ chạy trong BẢN SAO của bảng tính năm ${year} (Tệp → Tạo bản sao), không chạy trong bảng tính đang dùng: số liệu năm ${year} cần được giữ nguyên ở bảng tính cũ.`,
    '',
    'Trong bảng tính này, tiện ích sẽ:',
    `• giữ tab "${TAB_SETTINGS}" (Năm đổi thành ${year + 1}) và tab "${TAB_REGISTRY}";`,
    `• ghi số lũy kế của lần nộp cuối cùng năm ${year} vào cột "${START_LABEL}" của từng tab địa bàn;`,
    `• XÓA số liệu 12 tháng, dấu tích "Đã nộp", ngày nộp, ghi chú của các tab địa bàn, và các tab "${TAB_SUMMARY}", "${TAB_REPORT}", "${TAB_LOG}".`,
    '',
    'Tiếp tục?',
  ].join('\n');
}

/** The second question, only when some months of the year were never counted as submitted. */
export function unsubmittedConfirmText(year: number, unsubmitted: readonly VillageMonthList[]): string {
  const count = unsubmitted.reduce((n, v) => n + v.months.length, 0);
  return [
    `Năm ${year} còn ${count} báo cáo tháng chưa được tính là đã nộp (chưa nộp, cần sửa hoặc chờ xử lý): ${villageMonthsText(unsubmitted)}.`,
    '',
    `Bảng tính năm ${year + 1} sẽ không có các báo cáo này; chúng chỉ còn ở bảng tính năm ${year}. Vẫn bắt đầu năm ${year + 1}?`,
  ].join('\n');
}

/** The one line `Nhật ký` starts the year with: where this spreadsheet came from. */
export function newYearLogDetail(year: number, spreadsheetName: string, villages: number, carriedTabs: number): string {
  return `Bắt đầu năm ${year + 1} từ bảng tính "${spreadsheetName}" (năm ${year}): giữ "${TAB_SETTINGS}" và "${TAB_REGISTRY}" (${villages} địa bàn); ` +
    `"${START_LABEL}" lấy số lũy kế cuối năm ${year} ở ${carriedTabs} tab; đã xóa số liệu, dấu tích, ngày nộp, ghi chú 12 tháng và các tab "${TAB_SUMMARY}", "${TAB_REPORT}", "${TAB_LOG}" của năm ${year}.`;
}

/** The last dialog: what was done, and what only the office can do next. */
export function newYearDoneText(year: number, setupText: string): string {
  return [
    `Đã chuẩn bị xong bảng tính năm ${year + 1}.`,
    '',
    'Việc còn lại:',
    '• Chia sẻ bảng tính này (quyền Người chỉnh sửa) cho những người phụ trách các địa bàn, nếu lúc tạo bản sao chưa chọn chia sẻ với cùng những người đó.',
    '• Cài đặt → Bật nhắc tự động trong bảng tính này.',
    `• Trong bảng tính năm ${year}: Cài đặt → Tắt nhắc tự động, để không ai nhận nhắc việc từ cả hai bảng tính.`,
    '',
    `${NEW_YEAR_CAPTION} đã chạy "${SETUP_CAPTION}" cho năm ${year + 1}:`,
    setupText,
  ].join('\n');
}
