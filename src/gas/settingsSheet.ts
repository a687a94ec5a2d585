/** `Cấu hình` and `Danh sách` read once per command (setup lays them out: core/workbook). */
import type { Finding } from '../core/shared/findings';
import type { Grid } from '../core/shared/grid';
import { readRegistryGrid, type RegistryReading, type Village } from '../core/config/registry';
import type { PresetId } from '../core/config/presets';
import type { IndicatorSetting, Settings } from '../core/config/settings';
import { readSettingsGrid } from '../core/config/settingsGrid';
import { TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { readGrid } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
  const registrySheet = ss.getSheetByName(TAB_REGISTRY);
  return configOf(readGrid(settingsSheet), registrySheet ? readGrid(registrySheet) : null);
}

/** The configuration two grids already read say (setup reads them anyway to plan both tabs). */
export function configOf(settingsGrid: Grid | null, registryGrid: Grid | null): WorkbookConfig | null {
  if (!settingsGrid) return null;
  const settings = readSettingsGrid(settingsGrid);
  const registry: RegistryReading = registryGrid ? readRegistryGrid(registryGrid) : { villages: [], findings: [] };
  return { ...settings, villages: registry.villages, findings: [...settings.findings, ...registry.findings] };
}

/**
 * For commands that count the villages (Tổng hợp, Kiểm tra số liệu): readConfig, or a Vietnamese
 * error saying what to do. Without `Danh sách` there would be no village to count, and a report of
 * 0/0 would look like a result.
 */
export function requireConfig(ss: Spreadsheet): WorkbookConfig {
  const settingsSheet = ss.getSheetByName(TAB_SETTINGS);
  if (!settingsSheet) throw new Error(missingTabMessage(TAB_SETTINGS));
  const registrySheet = ss.getSheetByName(TAB_REGISTRY);
  if (!registrySheet) throw new Error(missingTabMessage(TAB_REGISTRY));
  return configOf(readGrid(settingsSheet), readGrid(registrySheet)) as WorkbookConfig;
}

function missingTabMessage(tab: string): string {
  const what = tab === TAB_SETTINGS ? 'các cài đặt và danh mục chỉ tiêu' : 'danh sách các địa bàn';
  return `Không tìm thấy tab "${tab}" (${what}) nên chưa làm được việc này. Nếu tab vừa bị xóa hay đổi tên: khôi phục bằng Tệp → Lịch sử phiên bản, hoặc đặt lại đúng tên "${tab}". Nếu chưa từng có: chạy "${SETUP_CAPTION}" để tạo tab rồi điền vào đó.`;
}

/** Where the id of the preset last applied is kept: the picker shows it (core/config/sheetPreset.ts). */
const PRESET_KEY = 'settings.preset';

export function recordAppliedPreset(id: PresetId): void {
  PropertiesService.getDocumentProperties().setProperty(PRESET_KEY, id);
}

/** What was recorded, unchecked: a copied spreadsheet or an older version of the add-on may have none. */
export function recordedPreset(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(PRESET_KEY);
}
