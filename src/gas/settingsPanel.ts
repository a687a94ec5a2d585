/** Server side of the Cài đặt sidebar: read the settings, save the edited ones, open the panel. */
import type { Finding } from '../core/shared/findings';
import { getPreset, PRESET_IDS, type PresetId } from '../core/config/presets';
import type { Settings } from '../core/config/settings';
import { describeChanges, planSettingsSave, type FieldErrors } from '../core/config/settingsForm';
import { formTargets, type FormTarget } from '../core/config/settingsFormLayout';
import { sheetPresetId } from '../core/config/sheetPreset';
import { TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { yearChangeRefusal, type StampedTab } from '../core/assessment/reportYear';
import { parseVillageTab } from '../core/entry/monthReports';
import type { Grid } from '../core/shared/grid';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { reminderTriggerInfo, type ReminderTriggerInfo } from './reminderTrigger';
import { configOf, readConfig, recordedPreset } from './settingsSheet';
import { asOffice, menuCommand } from './office';
import { actingUserEmail, readGrid, tabFinder } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';
import { invalidateConfigCache } from './configCache';

export interface SettingsPanelData {
  /** False until `Cấu hình` exists (setup or a preset creates it). */
  ready: boolean;
  values: Settings | null;
  /** The yearly target of each applied rate indicator, editable in the form. */
  targets: FormTarget[];
  findings: Finding[];
  villages: number;
  presets: { id: PresetId; title: string }[];
  /** The preset this sheet follows, or null when it follows none. */
  preset: PresetId | null;
  reminders: ReminderTriggerInfo;
  /** Where "Gửi thử" sends its previews. */
  user: string;
}

export type SaveSettingsResult =
  | { ok: true; summary: string; data: SettingsPanelData }
  | { ok: false; errors: FieldErrors; message: string };

export function getSettingsData(): SettingsPanelData {
  return asOffice(settingsData);
}

function settingsData(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingsPanelData {
  const config = readConfig(ss);
  return {
    ready: config !== null,
    values: config?.settings ?? null,
    targets: config ? formTargets(config.indicators) : [],
    findings: config?.findings ?? [],
    villages: config?.villages.length ?? 0,
    presets: PRESET_IDS.map((id) => ({ id, title: getPreset(id).title })),
    preset: config ? sheetPresetId(recordedPreset(), config.settings) : null,
    reminders: reminderTriggerInfo(config?.settings.reminderHour ?? null),
    user: actingUserEmail(),
  };
}

/**
 * Validates again (the browser is never trusted), then writes only the value cells that changed,
 * found by label, and logs old → new. `baseline` is what the form was loaded with.
 */
export function saveSettings(values: unknown, baseline?: unknown): SaveSettingsResult {
  return asOffice((ss) => saveSettingsIn(ss, values, baseline));
}

function saveSettingsIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, values: unknown, baseline: unknown): SaveSettingsResult {
  const outcome = withDocumentLock((): SaveSettingsResult | string => {
    const sheet = ss.getSheetByName(TAB_SETTINGS);
    if (!sheet) throw new Error(`Chưa có tab "${TAB_SETTINGS}". Hãy chạy "${SETUP_CAPTION}" hoặc chọn một mẫu cấu hình.`);
    const grid = readGrid(sheet);
    const plan = planSettingsSave(grid, values, baseline);
    if (!plan.ok) return { ok: false, errors: plan.errors, message: 'Chưa lưu: có ô chưa hợp lệ, xem thông báo cạnh từng ô.' };
    if (plan.missing.length > 0) {
      return {
        ok: false,
        errors: {},
        message: `Chưa lưu: tab "${TAB_SETTINGS}" không còn dòng ${plan.missing.map((l) => `"${l}"`).join(', ')}. Hãy chạy "${SETUP_CAPTION}" để thêm lại rồi lưu lại.`,
      };
    }
    const yearRefusal = plan.changes.some((c) => c.key === 'year') ? yearChangeRefusal(stampedTabs(ss, grid), plan.before, plan.settings) : null;
    if (yearRefusal) return { ok: false, errors: { year: `Các tab địa bàn đang có báo cáo năm ${plan.before.year}: xem thông báo bên dưới.` }, message: `Chưa lưu. ${yearRefusal}` };
    // Usually one or two cells, scattered between rows people may have added: one setValue each
    // touches nothing else, where a block setValues would rewrite the rows in between.
    for (const w of plan.writes) {
      sheet.getRange(w.row, w.column).setValue(w.value);
      if (w.rowHeight !== undefined) sheet.setRowHeight(w.row, w.rowHeight);
    }
    if (plan.changes.length === 0) return 'Không có gì thay đổi.';
    invalidateConfigCache();
    appendLog(ss, [{ action: 'Sửa cấu hình', detail: describeChanges(plan.changes) }]);
    return [`Đã lưu: ${describeChanges(plan.changes, true)}.`, ...plan.warnings].join(' ');
  });
  if (typeof outcome !== 'string') return outcome;
  return { ok: true, summary: outcome, data: settingsData(ss) };
}

/**
 * Each village tab's stamps, for a change of `Năm`: one getValues per tab, read only when `Năm`
 * changes (about 3 s at 500 villages by the emulator's cost model: docs/periods-and-status.md, "The year").
 */
function stampedTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settingsGrid: Grid): StampedTab[] {
  const registry = ss.getSheetByName(TAB_REGISTRY);
  const villages = configOf(settingsGrid, registry ? readGrid(registry) : null)?.villages ?? [];
  const findTab = tabFinder(ss, villages);
  return villages.map((village) => {
    const tab = findTab(village.name);
    return { name: village.name, report: tab ? parseVillageTab(tab.name, readGrid(tab.sheet), []) : null };
  });
}

export function showSettings(): void {
  menuCommand('Cài đặt', () => {
    const html = HtmlService.createHtmlOutputFromFile('settings').setTitle('Cài đặt');
    SpreadsheetApp.getUi().showSidebar(html);
  });
}
