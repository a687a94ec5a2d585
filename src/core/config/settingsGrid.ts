/** `Cấu hình` as a grid: reading it by label and code, and laying it out for setup. */
import { CATALOGUE, DENOMINATOR_CODES, KINDS, catalogueEntry, type DenominatorCode } from './catalogue';
import { a1 } from '../shared/a1';
import { isTicked, readCount } from '../shared/cellValues';
import type { Finding } from '../shared/findings';
import { findHeaderRow, labelKey, type Grid } from '../shared/grid';
import {
  DEFAULT_SETTINGS,
  INDICATOR_TABLE_HEADERS,
  SETTING_FIELDS,
  TARGET_RULE,
  indicatorSetting,
  readTarget,
  readTextSetting,
  weightsWarning,
  type IndicatorSetting,
  type SettingField,
  type SettingKey,
  type Settings,
} from './settings';
import { TAB_SETTINGS } from '../workbook/tabNames';
import { normalizeName, tidyText } from '../shared/text';
import { SETUP_CAPTION } from '../shared/menuCaptions';
import { linesHeightPx, wrappedLines } from '../shared/textWidth';

export interface SettingsReading {
  settings: Settings;
  indicators: IndicatorSetting[];
  findings: Finding[];
}

const FIELD_BY_LABEL = new Map(SETTING_FIELDS.map((f) => [labelKey(f.label), f]));

/** Where a setting's value is: the cell right of its label (0-based grid positions). */
export interface SettingCell {
  field: SettingField;
  row: number;
  col: number;
}

/** The value cell of each setting found by its label above the indicator table (first one wins). */
export function locateSettingCells(grid: Grid): Map<SettingKey, SettingCell> {
  const cells = new Map<SettingKey, SettingCell>();
  const table = findHeaderRow(grid, INDICATOR_TABLE_HEADERS);
  const fieldRowsEnd = table ? table.row : grid.length;
  for (let r = 0; r < fieldRowsEnd; r++) {
    const row = grid[r];
    const c = row.findIndex((cell) => FIELD_BY_LABEL.has(labelKey(cell)));
    if (c < 0) continue;
    const field = FIELD_BY_LABEL.get(labelKey(row[c])) as SettingField;
    if (!cells.has(field.key)) cells.set(field.key, { field, row: r, col: c + 1 });
  }
  return cells;
}

export function readSettingsGrid(grid: Grid): SettingsReading {
  const findings: Finding[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const table = findHeaderRow(grid, INDICATOR_TABLE_HEADERS);
  const located = locateSettingCells(grid);

  for (const { field, row, col } of located.values()) {
    const parsed = parseField(field, grid[row][col], a1(row + 1, col + 1), findings);
    if (parsed !== undefined) (settings as Record<string, unknown>)[field.key] = parsed;
  }
  for (const field of SETTING_FIELDS) {
    if (!located.has(field.key)) {
      findings.push(warning('', `Thiếu dòng "${field.label}"; dùng giá trị mặc định. Chạy "${SETUP_CAPTION}" để thêm lại.`));
    }
  }
  if (settings.teamMin > settings.teamMax) {
    findings.push(warning('', `Số thành viên Tổ tối thiểu (${settings.teamMin}) lớn hơn tối đa (${settings.teamMax}).`));
  }
  const weights = weightsWarning(settings);
  const weightCell = located.get('weightResults');
  if (weights) findings.push(warning(weightCell ? a1(weightCell.row + 1, weightCell.col + 1) : '', weights));
  const indicators = table ? readIndicatorTable(grid, table, findings) : CATALOGUE.map((d) => indicatorSetting(d, { targetPercent: null, applied: true }));
  if (!table) findings.push(warning('', 'Không tìm thấy bảng chỉ tiêu (dòng tiêu đề "Mã | Chỉ tiêu | …"); dùng danh mục mặc định.'));
  return { settings, indicators, findings };
}

function parseField(field: SettingField, raw: unknown, cell: string, findings: Finding[]): unknown {
  if (field.type === 'text') return readTextSetting(field, raw);
  if (field.type === 'choice') {
    const choice = field.choices.find((c) => normalizeName(c) === normalizeName(raw));
    if (choice === undefined) {
      findings.push(warning(cell, `${field.label}: "${tidyText(raw)}" không hợp lệ, chọn một trong: ${field.choices.join(', ')}. Tạm dùng "${field.default}".`));
    }
    return choice;
  }
  const reading = readCount(raw);
  if (reading.kind === 'count' && reading.value >= field.min && reading.value <= field.max) return reading.value;
  const shown = reading.kind === 'invalid' ? reading.shown : reading.kind === 'count' ? String(reading.value) : 'để trống';
  findings.push(warning(cell, `${field.label}: "${shown}" không hợp lệ (cần số nguyên từ ${field.min} đến ${field.max}). Tạm dùng ${field.default}.`));
  return undefined;
}

/** The `Chỉ tiêu năm (%)` cell of each catalogue indicator of the table (0-based; the first row of a code wins, as reading does). */
export function locateTargetCells(grid: Grid): Map<string, { row: number; col: number }> {
  const cells = new Map<string, { row: number; col: number }>();
  const table = findHeaderRow(grid, INDICATOR_TABLE_HEADERS);
  if (!table) return cells;
  const [codeCol, , , , , targetCol] = INDICATOR_TABLE_HEADERS.map((label) => table.columns.get(labelKey(label)) as number);
  for (let r = table.row + 1; r < grid.length; r++) {
    const code = tableCode(grid[r][codeCol]);
    if (catalogueEntry(code) && !cells.has(code)) cells.set(code, { row: r, col: targetCol });
  }
  return cells;
}

const tableCode = (raw: unknown) => String(raw ?? '').trim().toUpperCase();

function readIndicatorTable(grid: Grid, table: { row: number; columns: Map<string, number> }, findings: Finding[]): IndicatorSetting[] {
  const col = (label: string) => table.columns.get(labelKey(label)) as number;
  const [codeCol, , , , denomCol, targetCol, appliedCol] = INDICATOR_TABLE_HEADERS.map(col);
  const labelCol = col('Chỉ tiêu');
  const byCode = new Map<string, IndicatorSetting>();
  for (let r = table.row + 1; r < grid.length; r++) {
    const code = tableCode(grid[r][codeCol]);
    if (code === '') continue;
    const def = catalogueEntry(code);
    if (!def) {
      findings.push(warning(a1(r + 1, codeCol + 1), `Mã chỉ tiêu "${code}" không có trong danh mục; bỏ qua dòng này.`));
      continue;
    }
    if (byCode.has(code)) continue;
    const label = tidyText(grid[r][labelCol]) || def.label;
    const target = readTarget(grid[r][targetCol]);
    if (!target.ok) {
      findings.push(warning(a1(r + 1, targetCol + 1), `Chỉ tiêu năm (%) của "${label}": "${target.shown}" không hợp lệ (${TARGET_RULE}). Tạm coi như chưa giao chỉ tiêu.`));
    }
    const denominator = String(grid[r][denomCol] ?? '').trim().toUpperCase();
    byCode.set(code, indicatorSetting(def, {
      label,
      denominator: def.denominator && (DENOMINATOR_CODES as readonly string[]).includes(denominator) ? (denominator as DenominatorCode) : def.denominator,
      targetPercent: target.ok ? target.value : null,
      applied: isTicked(grid[r][appliedCol]),
    }));
  }
  // Catalogue order, so every tab lists indicators the same way whatever order the table has.
  return CATALOGUE.filter((d) => byCode.has(d.code)).map((d) => byCode.get(d.code) as IndicatorSetting);
}

function warning(cell: string, message: string): Finding {
  return { level: 'warning', sheet: TAB_SETTINGS, cell, message };
}

/** What setup writes into a fresh `Cấu hình` (values only; the gas layer styles it). */
export interface SettingsLayout {
  rows: unknown[][];
  fieldRows: number[]; // 1-based rows of the label/value pairs
  tableHeaderRow: number;
  tableFirstRow: number;
  width: number;
}

export const SETTINGS_TITLE = 'CẤU HÌNH BÁO CÁO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG';

/** Width in pixels setup gives the `Giá trị` column. */
export const VALUE_COLUMN_WIDTH = 300;
const DEFAULT_ROW_HEIGHT = 21;
/** `Cấu hình` is written in Sheets' default 10 pt Arial. */
const SETTINGS_FONT = { size: 10, style: { family: 'Arial' } } as const;

/**
 * Row height (px) that shows a multi-line value whole, wrapped in the value column: a height set
 * by the add-on does not grow by itself when the text does, so setup and the sidebar set it again.
 */
export function multilineRowHeight(text: string): number {
  const lines = wrappedLines(text, VALUE_COLUMN_WIDTH, SETTINGS_FONT.size, SETTINGS_FONT.style);
  return Math.max(DEFAULT_ROW_HEIGHT, linesHeightPx(lines, SETTINGS_FONT.size));
}

export function settingsLayout(settings: Settings, indicators: readonly IndicatorSetting[]): SettingsLayout {
  const width = INDICATOR_TABLE_HEADERS.length;
  const pad = (cells: unknown[]) => [...cells, ...Array(width - cells.length).fill('')];
  const rows: unknown[][] = [
    pad([SETTINGS_TITLE]),
    pad(['Sửa giá trị ở cột "Giá trị". Không đổi chữ ở cột "Mục" và cột "Mã": tiện ích đọc bảng theo các chữ đó.']),
    pad(['Mục', 'Giá trị', 'Ghi chú']),
  ];
  const fieldRows: number[] = [];
  for (const field of SETTING_FIELDS) {
    fieldRows.push(rows.length + 1);
    rows.push(pad([field.label, settings[field.key], field.hint]));
  }
  rows.push(pad([]), pad(['DANH MỤC CHỈ TIÊU']));
  const tableHeaderRow = rows.length + 1;
  rows.push([...INDICATOR_TABLE_HEADERS]);
  for (const ind of indicators) rows.push(indicatorRow(ind));
  return { rows, fieldRows, tableHeaderRow, tableFirstRow: tableHeaderRow + 1, width };
}

export function indicatorRow(ind: IndicatorSetting): unknown[] {
  return [ind.code, ind.label, ind.unit, KINDS[ind.kind].label, ind.denominator ?? '', ind.targetPercent ?? '', ind.applied];
}
