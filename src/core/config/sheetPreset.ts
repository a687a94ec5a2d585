/**
 * Which preset a sheet follows, for the Cài đặt picker (docs/tabs.md, "Cấu hình"): the preset whose
 * `Tên đơn vị` the sheet has (a Bạch Ngọc sheet is Bạch Ngọc whatever was applied before), else the
 * one last applied to it (a commune that started from a preset and typed its own name), else none.
 */
import { sameName } from '../shared/text';
import { PRESET_IDS, getPreset, isPresetId, type PresetId } from './presets';
import type { Settings } from './settings';

export function sheetPresetId(recorded: unknown, settings: Pick<Settings, 'unitName'>): PresetId | null {
  const byName = PRESET_IDS.find((id) => sameName(getPreset(id).settings.unitName, settings.unitName));
  if (byName) return byName;
  return isPresetId(recorded) ? recorded : null;
}
