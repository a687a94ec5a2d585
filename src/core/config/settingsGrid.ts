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
  TARGET_PERCENT,
  indicatorSetting,
  type IndicatorSetting,
  type SettingField,
  type SettingKey,
  type Settings,
} from './settings';
import { TAB_SETTINGS } from '../workbook/tabNames';
import { normalizeName, tidyText } from '../shared/text';
import { SETUP_CAPTION } from '../shared/menuCaptions';

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
  const indicators = table ? readIndicatorTable(grid, table, findings) : CATALOGUE.map((d) => indicatorSetting(d, { targetPercent: null, applied: true }));
  if (!table) findings.push(warning('', 'Không tìm thấy bảng chỉ tiêu (dòng tiêu đề "Mã | Chỉ tiêu | …"); dùng danh mục mặc định.'));
  return { settings, indicators, findings };
}

function parseField(field: SettingField, raw: unknown, cell: string, findings: Finding[]): unknown {
  if (field.type === 'text') return tidyText(raw);
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

function readIndicatorTable(grid: Grid, table: { row: number; columns: Map<string, number> }, findings: Finding[]): IndicatorSetting[] {
  const col = (label: string) => table.columns.get(labelKey(label)) as number;
  const [codeCol, , , , denomCol, targetCol, appliedCol] = INDICATOR_TABLE_HEADERS.map(col);
  const labelCol = col('Chỉ tiêu');
  const byCode = new Map<string, IndicatorSetting>();
  for (let r = table.row + 1; r < grid.length; r++) {
    const code = String(grid[r][codeCol] ?? '').trim().toUpperCase();
    if (code === '') continue;
    const def = catalogueEntry(code);
    if (!def) {
      findings.push(warning(a1(r + 1, codeCol + 1), `Mã chỉ tiêu "${code}" không có trong danh mục; bỏ qua dòng này.`));
      continue;
    }
    if (byCode.has(code)) continue;
    const target = readCount(grid[r][targetCol]);
    const targetOk = target.kind === 'count' && target.value >= TARGET_PERCENT.min && target.value <= TARGET_PERCENT.max;
    if (target.kind === 'invalid' || (target.kind === 'count' && !targetOk)) {
      findings.push(warning(a1(r + 1, targetCol + 1), `Chỉ tiêu năm của ${code} phải là số từ ${TARGET_PERCENT.min} đến ${TARGET_PERCENT.max}.`));
    }
    const denominator = String(grid[r][denomCol] ?? '').trim().toUpperCase();
    byCode.set(code, indicatorSetting(def, {
      label: tidyText(grid[r][labelCol]) || def.label,
      denominator: def.denominator && (DENOMINATOR_CODES as readonly string[]).includes(denominator) ? (denominator as DenominatorCode) : def.denominator,
      targetPercent: targetOk ? target.value : null,
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
