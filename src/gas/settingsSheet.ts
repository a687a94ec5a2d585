/** `Cấu hình` and `Danh sách` in the spreadsheet: read once, created or repaired by setup. */
import type { Finding } from '../core/shared/findings';
import { labelKey } from '../core/shared/grid';
import { PALETTE } from '../core/shared/palette';
import type { Preset } from '../core/config/presets';
import { readRegistryGrid, registryLayout, registryRow, type RegistryReading, type Village } from '../core/config/registry';
import { SETTING_FIELDS, type IndicatorSetting, type Settings } from '../core/config/settings';
import { indicatorRow, readSettingsGrid, settingsLayout } from '../core/config/settingsGrid';
import { TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { styleHeader, styleHint, styleTitle } from './styles';
import { readGrid, writeRows } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface WorkbookConfig {
  settings: Settings;
  indicators: IndicatorSetting[];
  villages: Village[];
  findings: Finding[];
}

/** Settings and registry: two `getValues()` calls in all. Null when setup has never run. */
export function readConfig(ss: Spreadsheet): WorkbookConfig | null {
  const settingsSheet = ss.getSheetByName(TAB_SETTINGS);
  if (!settingsSheet) return null;
  const settings = readSettingsGrid(readGrid(settingsSheet));
  const registrySheet = ss.getSheetByName(TAB_REGISTRY);
  const registry: RegistryReading = registrySheet ? readRegistryGrid(readGrid(registrySheet)) : { villages: [], findings: [] };
  return { ...settings, villages: registry.villages, findings: [...settings.findings, ...registry.findings] };
}

/** For commands that cannot run before setup: readConfig, or a Vietnamese error saying what to do. */
export function requireConfig(ss: Spreadsheet): WorkbookConfig {
  const config = readConfig(ss);
  if (!config) throw new Error('Bảng tính chưa được khởi tạo: chạy "Khởi tạo / cập nhật bảng tính" trước.');
  return config;
}

export function appliedIndicators(config: Pick<WorkbookConfig, 'indicators'>): IndicatorSetting[] {
  return config.indicators.filter((i) => i.applied);
}

/** Writes a whole fresh `Cấu hình` (used by applyPreset, which asks before overwriting). */
export function writeSettingsSheet(ss: Spreadsheet, settings: Settings, indicators: readonly IndicatorSetting[]): Sheet {
  const sheet = ss.getSheetByName(TAB_SETTINGS) ?? ss.insertSheet(TAB_SETTINGS, 0);
  const layout = settingsLayout(settings, indicators);
  sheet.clear();
  sheet.clearNotes();
  writeRows(sheet, 1, layout.rows);
  styleTitle(sheet.getRange(1, 1));
  styleHint(sheet.getRange(2, 1, 1, layout.width).merge());
  styleHeader(sheet.getRange(3, 1, 1, 3));
  sheet.getRange(layout.fieldRows[0], 2, layout.fieldRows.length, 1).setBackground('#fffde7').setHorizontalAlignment('left');
  sheet.getRange(layout.fieldRows[0], 3, layout.fieldRows.length, 1).setFontColor(PALETTE.hint).setFontStyle('italic');
  styleTitle(sheet.getRange(layout.tableHeaderRow - 1, 1));
  styleHeader(sheet.getRange(layout.tableHeaderRow, 1, 1, layout.width));
  if (indicators.length > 0) {
    sheet.getRange(layout.tableFirstRow, 1, indicators.length, 1).setFontColor(PALETTE.codeFg);
    sheet.getRange(layout.tableFirstRow, 2, indicators.length, 1).setWrap(true);
    sheet.getRange(layout.tableFirstRow, layout.width, indicators.length, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.getRange(layout.tableFirstRow, layout.width - 1, indicators.length, 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireNumberBetween(0, 100)
        .setAllowInvalid(false)
        .setHelpText('Chỉ tiêu năm tính bằng %, từ 0 đến 100. Để trống nếu kế hoạch không giao.')
        .build(),
    );
  }
  for (const field of SETTING_FIELDS) {
    if (field.type !== 'choice' || !field.choices) continue;
    const row = layout.fieldRows[SETTING_FIELDS.indexOf(field)];
    sheet.getRange(row, 2).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList([...field.choices], true).setAllowInvalid(false).build());
  }
  sheet.setColumnWidth(1, 230);
  sheet.setColumnWidth(2, 300);
  sheet.setColumnWidths(3, 5, 110);
  sheet.setFrozenRows(0);
  return sheet;
}

/**
 * Adds what a hand-edited `Cấu hình` lacks (a settings row, an indicator of the catalogue), leaving
 * every value a person typed where it was. Returns the labels it added.
 */
export function repairSettingsSheet(sheet: Sheet, defaults: Pick<Preset, 'settings' | 'indicators'>): string[] {
  const grid = readGrid(sheet);
  const reading = readSettingsGrid(grid);
  const present = new Set<string>();
  grid.forEach((row) => row.forEach((cell) => present.add(labelKey(cell))));
  const added: string[] = [];
  const missingFields = SETTING_FIELDS.filter((f) => !present.has(labelKey(f.label)));
  const missingIndicators = defaults.indicators.filter((d) => !reading.indicators.some((i) => i.code === d.code));
  if (missingIndicators.length > 0) {
    writeRows(sheet, sheet.getLastRow() + 1, missingIndicators.map(indicatorRow));
    added.push(...missingIndicators.map((i) => i.code));
  }
  if (missingFields.length > 0) {
    // Above the indicator table, so reading (which takes settings above the table) still sees them.
    const tableRow = grid.findIndex((row) => labelKey(row[0]) === labelKey('Mã'));
    const at = tableRow > 0 ? tableRow : sheet.getLastRow() + 1;
    sheet.insertRowsBefore(at, missingFields.length);
    writeRows(sheet, at, missingFields.map((f) => [f.label, defaults.settings[f.key], f.hint]));
    added.push(...missingFields.map((f) => f.label));
  }
  return added;
}

export function writeRegistrySheet(ss: Spreadsheet, villages: readonly Omit<Village, 'row'>[], villageWord: string): Sheet {
  const sheet = ss.insertSheet(TAB_REGISTRY, Math.min(1, ss.getSheets().length));
  const layout = registryLayout(villages, villageWord);
  writeRows(sheet, 1, layout.rows);
  styleTitle(sheet.getRange(1, 1));
  styleHint(sheet.getRange(2, 1, 1, layout.width).merge());
  styleHeader(sheet.getRange(layout.headerRow, 1, 1, layout.width));
  sheet.hideRows(layout.codeRow);
  // No frozen column: the help row's merge spans the table, and Sheets refuses a merge across a freeze line.
  sheet.setFrozenRows(layout.headerRow);
  sheet.setColumnWidth(1, 170);
  sheet.setColumnWidths(2, 4, 160);
  sheet.setColumnWidths(6, layout.width - 5, 110);
  const dataRows = Math.max(villages.length, 1) + 200;
  sheet.getRange(layout.firstDataRow, 4, dataRows, 1).setNumberFormat('@');
  sheet.getRange(layout.firstDataRow, 6, dataRows, layout.width - 5).setNumberFormat('#,##0').setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireFormulaSatisfied(`=OR(ISBLANK(F${layout.firstDataRow}),AND(ISNUMBER(F${layout.firstDataRow}),F${layout.firstDataRow}>=0,F${layout.firstDataRow}=INT(F${layout.firstDataRow})))`)
      .setAllowInvalid(false)
      .setHelpText('Nhập số nguyên ≥ 0 (mẫu số để tính tỷ lệ).')
      .build(),
  );
  return sheet;
}

/** Appends registry rows for villages not yet listed (used when a preset brings sample villages). */
export function appendRegistryRows(sheet: Sheet, villages: readonly Omit<Village, 'row'>[]): void {
  writeRows(sheet, sheet.getLastRow() + 1, villages.map(registryRow));
}
