/**
 * The three presets of SPEC §1. They only fill the settings and registry tabs; staff edit after.
 * Checked by test/core/presets.test.ts, not at run time.
 */
import { CATALOGUE, type DenominatorCode } from './catalogue';
import type { Village } from './registry';
import { DEFAULT_SETTINGS, indicatorSetting, type IndicatorSetting, type Settings } from './settings';

export const PRESET_IDS = ['an-hai', 'bach-ngoc', 'mac-dinh'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(value: unknown): value is PresetId {
  return (PRESET_IDS as readonly unknown[]).includes(value);
}

/** Reads a preset id from a caller (sidebar, script): `safeParse` never throws, `parse` does. */
export const presetIdSchema = {
  safeParse(value: unknown): { success: true; data: PresetId } | { success: false } {
    return isPresetId(value) ? { success: true, data: value } : { success: false };
  },
  parse(value: unknown): PresetId {
    if (!isPresetId(value)) throw new Error(`Mẫu cấu hình "${String(value)}" không có. Chọn một trong: ${PRESET_IDS.join(', ')}.`);
    return value;
  },
};

export type SampleVillage = Omit<Village, 'row'>;

export interface Preset {
  id: PresetId;
  title: string;
  settings: Settings;
  indicators: IndicatorSetting[];
  villages: SampleVillage[];
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

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Ma', 'Triệu', 'Hà', 'Nông'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hải', 'Hằng', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Tuấn', 'Vân', 'Yến', 'Khánh'];

/** Deterministic so the demo and tests see the same sample registry every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface VillageShape {
  households: [number, number];
  workerShare: number;
  slug: string;
}

function sampleVillages(prefix: string, count: number, shape: VillageShape, seed: number): SampleVillage[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const person = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const households = Math.round(shape.households[0] + rnd() * (shape.households[1] - shape.households[0]));
    const denominators: Record<DenominatorCode, number> = {
      SO_HO: households,
      DS_TRUONG_THANH: Math.round(households * (2.4 + rnd() * 0.5)),
      DS_TU_16: 0,
      HS_TRUNG_HOC: Math.round(households * (0.25 + rnd() * 0.2)),
      LD_DN_HTX: Math.round(households * shape.workerShare * (0.6 + rnd() * 0.8)),
    };
    denominators.DS_TU_16 = Math.round(denominators.DS_TRUONG_THANH * 1.06);
    return {
      name: `${prefix}${n}`,
      head: person(),
      email: `${shape.slug}${n}@example.com`,
      phone: `09${String(Math.floor(10_000_000 + rnd() * 89_999_999))}`,
      teamLeader: person(),
      denominators,
    };
  });
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
    },
    indicators: indicatorsFor({
      targets: { HS_KNS: 100, NTT_KNS: 80, NTT_VNEID: 80, LD_KNS: 80, HO_TUYEN_TRUYEN: 100, HO_SMART_HP: 100, CD16_VNEID: 100, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 100 },
      notApplied: [],
    }),
    villages: sampleVillages('Tổ dân phố số ', 40, { households: [280, 720], workerShare: 0.9, slug: 'tdp' }, 2026_04),
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
    },
    indicators: indicatorsFor({
      targets: { HS_KNS: 100, NTT_KNS: 70, NTT_VNEID: 70, LD_KNS: 80, HO_TUYEN_TRUYEN: 100, CD16_VNEID: 100, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 100 },
      notApplied: ['HO_SMART_HP', 'LUOT_SO_SUC_KHOE', 'LUOT_BUU_CHINH'],
    }),
    villages: sampleVillages('Thôn ', 16, { households: [90, 260], workerShare: 0.15, slug: 'thon' }, 2026_01),
  },
  'mac-dinh': {
    id: 'mac-dinh',
    title: 'Mặc định toàn quốc',
    settings: { ...DEFAULT_SETTINGS },
    indicators: indicatorsFor({
      targets: { HS_KNS: 100, NTT_KNS: 80, NTT_VNEID: 80, LD_KNS: 80, HO_TUYEN_TRUYEN: 100, CD16_VNEID: 100, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 100 },
      notApplied: ['HO_SMART_HP', 'LUOT_SO_SUC_KHOE', 'LUOT_BUU_CHINH'],
    }),
    villages: sampleVillages('Thôn ', 3, { households: [100, 300], workerShare: 0.3, slug: 'thon' }, 7),
  },
};

export function getPreset(id: PresetId): Preset {
  return PRESETS[id];
}
