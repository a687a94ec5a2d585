/**
 * `Cấu hình` as data (docs/tabs.md, "Cấu hình"). A fresh tab, or one a preset replaces, is claimed
 * whole; in an existing tab only labels, looks and rules are claimed, and a row the office lacks
 * (a setting, a catalogue indicator) is added with its default, so every value typed stays.
 */
import { findHeaderRow, labelKey, type Grid } from '../shared/grid';
import { PALETTE } from '../shared/palette';
import { INDICATOR_TABLE_HEADERS, SETTING_FIELDS, TARGET_PERCENT, recipientsFor, type IndicatorSetting, type SettingKey, type Settings } from '../config/settings';
import { SETTINGS_TITLE, VALUE_COLUMN_WIDTH, indicatorRow, locateSettingCells, multilineRowHeight, readSettingsGrid, settingsLayout } from '../config/settingsGrid';
import { TAB_SETTINGS } from './tabNames';
import { ownTabProtection } from './ownProtection';
import { block, ownFormat, ownRow } from './specCells';
import { HEADER_STYLE, TITLE_STYLE, claimTitleBlock } from './tabStyles';
import { emptyTabSpec, type TabSpec } from './tabSpec';

export interface SettingsTabInput {
  /** What the tab holds now, or null when there is none. */
  grid: Grid | null;
  /** `replace`: a preset the office confirmed overwrites every value; `keep`: values stay. */
  mode: 'keep' | 'replace';
  /** The values of a fresh or replaced tab, and the defaults of rows a repair adds. */
  settings: Settings;
  indicators: readonly IndicatorSetting[];
  office: readonly string[];
}

export interface SettingsTabPlan {
  spec: TabSpec;
  created: boolean;
  /** Labels of the rows a repair added. */
  added: string[];
}

const COLUMN_WIDTHS = [230, VALUE_COLUMN_WIDTH, 110, 110, 110, 110, 110];
const WIDTH = INDICATOR_TABLE_HEADERS.length;

export function planSettingsTab(input: SettingsTabInput): SettingsTabPlan {
  if (!input.grid || input.mode === 'replace') {
    const layout = settingsLayout(input.settings, input.indicators);
    const spec = emptyTabSpec(TAB_SETTINGS, 0, 0, 0);
    layout.rows.forEach((row, r) => ownRow(spec, r + 1, 1, row));
    spec.ownsWholeTab = true;
    claimLayout(spec, layout.rows, input.office);
    return { spec, created: !input.grid, added: [] };
  }
  const spec = emptyTabSpec(TAB_SETTINGS, 0, 0, 0);
  const { rows, added } = addMissingRows(spec, input.grid, input);
  claimLayout(spec, rows, input.office);
  return { spec, created: false, added };
}

/**
 * Missing settings go just above the indicator table (reading takes settings above it), missing
 * catalogue indicators at the end; returns the tab as it will be once they are in.
 */
function addMissingRows(spec: TabSpec, grid: Grid, input: SettingsTabInput): { rows: unknown[][]; added: string[] } {
  const rows = grid.map((row) => [...row]);
  const present = new Set<string>();
  grid.forEach((row) => row.forEach((cell) => present.add(labelKey(cell))));
  const reading = readSettingsGrid(grid);
  const missingFields = SETTING_FIELDS.filter((f) => !present.has(labelKey(f.label)));
  const missingIndicators = input.indicators.filter((d) => !reading.indicators.some((i) => i.code === d.code));
  if (missingFields.length > 0) {
    const tableRow = grid.findIndex((row) => labelKey(row[0]) === labelKey('Mã'));
    const at = tableRow > 0 ? tableRow : rows.length; // 0-based
    if (at < rows.length) spec.structure.push({ insertRowsBefore: at + 1, count: missingFields.length });
    const fieldRows = missingFields.map((f) => [f.label, addedValue(f.key, input.settings, reading.settings), f.hint]);
    rows.splice(at, 0, ...fieldRows);
    fieldRows.forEach((row, i) => ownRow(spec, at + i + 1, 1, row));
  }
  for (const ind of missingIndicators) {
    rows.push(indicatorRow(ind));
    ownRow(spec, rows.length, 1, indicatorRow(ind));
  }
  return { rows, added: [...missingIndicators.map((i) => i.code), ...missingFields.map((f) => f.label)] };
}

/**
 * The value of a row a repair adds: the default, but `Nơi nhận` is the commune's own (its province
 * and level as the tab says them), so a ward's report never goes to a "xã".
 */
function addedValue(key: SettingKey, defaults: Settings, found: Settings): unknown {
  return key === 'recipients' ? recipientsFor(found.province, found.level) : defaults[key];
}

/** Looks and rules, placed where the labels really are. */
function claimLayout(spec: TabSpec, rows: Grid, office: readonly string[]): void {
  spec.protections = [ownTabProtection(TAB_SETTINGS, office)];
  spec.columnWidths = [...COLUMN_WIDTHS];
  spec.frozenRows = 0;
  // The title block is claimed only where setup laid it out: a merge would swallow what a person put there.
  if (labelKey(rows[0]?.[0]) === labelKey(SETTINGS_TITLE)) {
    claimTitleBlock(spec, WIDTH);
    ownFormat(spec, block(3, 1, 1, 3), HEADER_STYLE);
  }
  for (const { field, row, col } of locateSettingCells(rows).values()) {
    ownFormat(spec, block(row + 1, col + 1), { background: PALETTE.settingValueBg, align: 'left' });
    ownFormat(spec, block(row + 1, col + 2), { fontColor: PALETTE.hint, italic: true });
    if (field.type === 'choice' && field.choices) spec.validations.push({ block: block(row + 1, col + 1), rule: { kind: 'list', values: [...field.choices] } });
    if (field.type === 'text' && field.multiline) {
      // Label, value and hint start on the first line of a tall row, the value wrapped within its column.
      ownFormat(spec, block(row + 1, col, 1, 3), { valign: 'top' });
      ownFormat(spec, block(row + 1, col + 1), { wrap: true });
      spec.rowHeights.push({ row: row + 1, height: multilineRowHeight(String(rows[row][col] ?? '')) });
    }
  }
  const table = findHeaderRow(rows, INDICATOR_TABLE_HEADERS);
  if (!table) return;
  const headerRow = table.row + 1;
  ownFormat(spec, block(headerRow - 1, 1), TITLE_STYLE);
  ownFormat(spec, block(headerRow, 1, 1, WIDTH), HEADER_STYLE);
  const count = rows.length - headerRow;
  if (count <= 0) return;
  const col = (label: string) => (table.columns.get(labelKey(label)) as number) + 1;
  const [codeCol, labelCol, , , , targetCol, appliedCol] = INDICATOR_TABLE_HEADERS.map(col);
  ownFormat(spec, block(headerRow + 1, codeCol, count, 1), { fontColor: PALETTE.codeFg });
  ownFormat(spec, block(headerRow + 1, labelCol, count, 1), { wrap: true });
  spec.validations.push({ block: block(headerRow + 1, appliedCol, count, 1), rule: { kind: 'checkbox' } });
  spec.validations.push({
    block: block(headerRow + 1, targetCol, count, 1),
    rule: { kind: 'numberBetween', min: TARGET_PERCENT.min, max: TARGET_PERCENT.max, helpText: `Chỉ tiêu năm tính bằng %, từ ${TARGET_PERCENT.min} đến ${TARGET_PERCENT.max}. Để trống nếu kế hoạch không giao.` },
  });
}
