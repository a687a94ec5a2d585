/** A village's tab: its layout for setup, and finding its parts by header labels and codes. */
import { a1 } from '../shared/a1';
import { findHeaderRow, labelKey, type Grid, type HeaderRow } from '../shared/grid';
import { KINDS } from '../config/catalogue';
import type { IndicatorSetting } from '../config/settings';
import { asCellText } from '../shared/text';

export const STATUS_CODES = { submitted: 'DA_NOP', submittedAt: 'NGAY_NOP', note: 'GHI_CHU', approvedAt: 'DA_DUYET' } as const;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const monthLabel = (month: number) => `Tháng ${month}`;

const HEADER = ['Mã', 'Chỉ tiêu', 'ĐVT'] as const;
/** Each cumulative indicator's value at the start of the year (docs/tabs.md, "Village tabs"). */
export const START_LABEL = 'Đầu năm';
/** How messages name the row a village tab is recognised by. */
export const HEADER_ROW_TEXT = 'dòng tiêu đề "Mã | Chỉ tiêu | Tháng 1…"';

const STATUS_ROWS: readonly { code: string; label: string }[] = [
  { code: STATUS_CODES.submitted, label: 'Đã nộp báo cáo (tích khi xong)' },
  { code: STATUS_CODES.submittedAt, label: 'Ngày nộp (tự động ghi)' },
  { code: STATUS_CODES.note, label: 'Ghi chú' },
  { code: STATUS_CODES.approvedAt, label: 'Đã duyệt (phòng VH-XH ghi)' },
];

/** Where things are in a village tab grid (0-based indexes into the grid). */
export interface VillageTabMap {
  headerRow: number;
  codeCol: number;
  /** Column of `Đầu năm`, or -1 in a tab made before it existed. */
  startCol: number;
  /** monthCols[m - 1] is the column of Tháng m, or -1 when that column is missing. */
  monthCols: number[];
  /** Row of each code found in the code column (first occurrence wins). */
  rows: Map<string, number>;
}

const MONTH_HEADER = /^tháng\s*(\d{1,2})$/;
const CODE_KEY = labelKey('Mã');
const CANONICAL_CODE = /^[A-Z0-9_]+$/;

export function locateVillageTab(grid: Grid): VillageTabMap | null {
  // Only the table the add-on wrote counts: its `Mã` starts its row. A look-alike header typed to
  // the right of other text (say beside the title) is not the table, whatever it claims.
  const startsRow = (h: HeaderRow) => h.keys.slice(0, h.columns.get(CODE_KEY)).every((key) => key === '');
  const header = findHeaderRow(grid, ['Mã', 'Chỉ tiêu'], startsRow);
  if (!header) return null;
  const codeCol = header.columns.get(CODE_KEY) as number;
  const monthCols: number[] = MONTHS.map(() => -1);
  header.keys.forEach((key, c) => {
    const m = MONTH_HEADER.exec(key);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && monthCols[Number(m[1]) - 1] < 0) monthCols[Number(m[1]) - 1] = c;
  });
  const rows = new Map<string, number>();
  for (let r = header.row + 1; r < grid.length; r++) {
    const cell = grid[r][codeCol];
    // Codes written by setup are already canonical: only what a person typed needs tidying.
    const code = typeof cell === 'string' && CANONICAL_CODE.test(cell) ? cell : String(cell ?? '').trim().toUpperCase();
    if (code !== '' && !rows.has(code)) rows.set(code, r);
  }
  return { headerRow: header.row, codeCol, startCol: header.keys.indexOf(labelKey(START_LABEL)), monthCols, rows };
}

/** A1 address of an indicator's (or status row's) cell for a month, or null when either is missing. */
export function monthCellA1(map: VillageTabMap, code: string, month: number): string | null {
  const row = map.rows.get(code);
  const col = map.monthCols[month - 1];
  return row === undefined || col === undefined || col < 0 ? null : a1(row + 1, col + 1);
}

export function villageTabTitle(villageName: string, year: number): string {
  return asCellText(`BÁO CÁO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG: ${villageName.toLocaleUpperCase('vi')} — NĂM ${year}`);
}

export const VILLAGE_TAB_HELP =
  'Ghi số liệu vào cột của tháng; để trống nếu chưa có số (0 là một số liệu). Xong tháng nào, tích ô "Đã nộp báo cáo" của tháng đó. Ô tô đỏ là ô cần sửa: lời nhắn ở dòng "Ghi chú" của tháng.';

export const START_COL = HEADER.length; // 0-based column of Đầu năm in a fresh tab
export const FIRST_MONTH_COL = START_COL + 1; // 0-based column of Tháng 1 in a fresh tab
export const WIDTH = FIRST_MONTH_COL + MONTHS.length;
/** `Mã` and `Chỉ tiêu` stay in view while the months scroll. */
export const FROZEN_COLUMNS = 2;

/** The label is the office's text from `Cấu hình`: it goes in as text, so `=…` never runs. */
export function indicatorRowLabels(ind: IndicatorSetting): unknown[] {
  return [ind.code, asCellText(`${ind.label} (${KINDS[ind.kind].suffix})`), ind.unit];
}

export function statusRowLabels(code: string): unknown[] {
  const row = STATUS_ROWS.find((s) => s.code === code);
  return [code, row?.label ?? code, ''];
}

/** A fresh tab: title, help, blank, header, indicator rows, status rows. 1-based rows returned. */
export interface VillageTabLayout {
  rows: unknown[][];
  headerRow: number;
  firstIndicatorRow: number;
  statusRow: Record<keyof typeof STATUS_CODES, number>;
}

export function villageTabLayout(villageName: string, year: number, indicators: readonly IndicatorSetting[]): VillageTabLayout {
  const pad = (cells: unknown[]) => [...cells, ...Array(WIDTH - cells.length).fill('')];
  const rows: unknown[][] = [pad([villageTabTitle(villageName, year)]), pad([VILLAGE_TAB_HELP]), pad([])];
  rows.push([...HEADER, START_LABEL, ...MONTHS.map(monthLabel)]);
  const headerRow = rows.length;
  for (const ind of indicators) rows.push(pad(indicatorRowLabels(ind)));
  const statusRow = { submitted: 0, submittedAt: 0, note: 0, approvedAt: 0 };
  for (const key of Object.keys(STATUS_CODES) as (keyof typeof STATUS_CODES)[]) {
    rows.push(pad(statusRowLabels(STATUS_CODES[key])));
    statusRow[key] = rows.length;
  }
  for (let m = 0; m < MONTHS.length; m++) rows[statusRow.submitted - 1][FIRST_MONTH_COL + m] = false;
  return { rows, headerRow, firstIndicatorRow: headerRow + 1, statusRow };
}

/** What a repair must add to an existing tab so it holds every applied indicator and status row. */
export interface VillageTabRepair {
  missingIndicators: IndicatorSetting[];
  missingStatus: string[];
  missingMonths: number[];
}

export function planVillageTabRepair(map: VillageTabMap, indicators: readonly IndicatorSetting[]): VillageTabRepair {
  return {
    missingIndicators: indicators.filter((i) => !map.rows.has(i.code)),
    missingStatus: Object.values(STATUS_CODES).filter((c) => !map.rows.has(c)),
    missingMonths: MONTHS.filter((m) => map.monthCols[m - 1] < 0),
  };
}

