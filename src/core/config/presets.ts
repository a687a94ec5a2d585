/**
 * The three presets (docs/indicators.md, "Presets"). They only fill the settings tab (the commune types its own villages
 * into `Danh sách`; the demo's sample villages are in scripts/demo/sampleVillages.ts); staff edit
 * every value after. Checked by test/core/presets.test.ts, not at run time.
 */
import { CATALOGUE } from './catalogue';
import { DEFAULT_SETTINGS, indicatorSetting, recipientsFor, type IndicatorSetting, type Settings } from './settings';

export const PRESET_IDS = ['an-hai', 'bach-ngoc', 'mac-dinh'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(value: unknown): value is PresetId {
  return (PRESET_IDS as readonly unknown[]).includes(value);
}

/** Reads a preset id from a caller (sidebar, script); anything else is refused with the ids there are. */
export const presetIdSchema = {
  parse(value: unknown): PresetId {
    if (!isPresetId(value)) throw new Error(`Mẫu cấu hình "${String(value)}" không có. Chọn một trong: ${PRESET_IDS.join(', ')}.`);
    return value;
  },
};

export interface Preset {
  id: PresetId;
  title: string;
  settings: Settings;
  indicators: IndicatorSetting[];
}

interface PlanTargets {
  targets: Partial<Record<string, number>>;
  notApplied: readonly string[];
}

function indicatorsFor(plan: PlanTargets): IndicatorSetting[] {
  return CATALOGUE.map((d) =>
    indicatorSetting(d, {
      targetPercent: d.kind === 'TY_LE' ? plan.targets[d.code] ?? null : null,
      applied: !plan.notApplied.includes(d.code),
    }),
  );
}

const PRESETS: Record<PresetId, Preset> = {
  'an-hai': {
    id: 'an-hai',
    title: 'Phường An Hải, TP Hải Phòng',
    settings: {
      ...DEFAULT_SETTINGS,
      unitName: 'Phường An Hải',
      level: 'Phường',
      province: 'Thành phố Hải Phòng',
      placeName: 'An Hải',
      villageWord: 'Tổ dân phố',
      teamMin: 5,
      teamMax: 8,
      signerName: 'Nguyễn Thế Đức',
      recipients: recipientsFor('Thành phố Hải Phòng', 'Phường'),
    },
    indicators: indicatorsFor({
      targets: { HS_KNS: 100, NTT_KNS: 80, NTT_VNEID: 80, LD_KNS: 80, HO_TUYEN_TRUYEN: 100, HO_SMART_HP: 100, CD16_VNEID: 100, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 100 },
      notApplied: [],
    }),
  },
  'bach-ngoc': {
    id: 'bach-ngoc',
    title: 'Xã Bạch Ngọc, tỉnh Tuyên Quang',
    settings: {
      ...DEFAULT_SETTINGS,
      unitName: 'Xã Bạch Ngọc',
      level: 'Xã',
      province: 'Tỉnh Tuyên Quang',
      placeName: 'Bạch Ngọc',
      villageWord: 'Thôn',
      teamMin: 3,
      teamMax: 5,
      signerName: 'Tô Văn Trường',
      recipients: recipientsFor('Tỉnh Tuyên Quang', 'Xã'),
    },
    indicators: indicatorsFor({
      targets: { HS_KNS: 100, NTT_KNS: 70, NTT_VNEID: 70, LD_KNS: 80, HO_TUYEN_TRUYEN: 100, CD16_VNEID: 100, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 100 },
      notApplied: ['HO_SMART_HP', 'LUOT_SO_SUC_KHOE', 'LUOT_BUU_CHINH'],
    }),
  },
  'mac-dinh': {
    id: 'mac-dinh',
    title: 'Mặc định toàn quốc',
    settings: { ...DEFAULT_SETTINGS },
    indicators: indicatorsFor({
      targets: { HS_KNS: 100, NTT_KNS: 80, NTT_VNEID: 80, LD_KNS: 80, HO_TUYEN_TRUYEN: 100, CD16_VNEID: 100, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 100 },
      notApplied: ['HO_SMART_HP', 'LUOT_SO_SUC_KHOE', 'LUOT_BUU_CHINH'],
    }),
  },
};

export function getPreset(id: PresetId): Preset {
  return PRESETS[id];
}
