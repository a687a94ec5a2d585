/**
 * Sample villages for the demo, the tests and the benchmarks: the plans' 40 "Tổ dân phố số N" of
 * An Hải and 16 "Thôn N" of Bạch Ngọc (3 for the neutral default), each with a made-up head, team
 * leader, example.com email, phone and plausible denominators. Not part of the add-on: a commune
 * types its own villages into `Danh sách`. Deterministic, so every run sees the same registry.
 */
import type { AppsScriptEmulator } from '../../emulator';
import type { DenominatorCode } from '../../src/core/config/catalogue';
import type { PresetId } from '../../src/core/config/presets';
import { registryRow, type Village } from '../../src/core/config/registry';
import { TAB_REGISTRY } from '../../src/core/workbook/tabNames';

export type SampleVillage = Omit<Village, 'row'>;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Ma', 'Triệu', 'Hà', 'Nông'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hải', 'Hằng', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc', 'Quỳnh', 'Sơn', 'Thảo', 'Tuấn', 'Vân', 'Yến', 'Khánh'];

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface VillageShape {
  prefix: string;
  count: number;
  households: [number, number];
  workerShare: number;
  slug: string;
  seed: number;
}

const SHAPES: Record<PresetId, VillageShape> = {
  'an-hai': { prefix: 'Tổ dân phố số ', count: 40, households: [280, 720], workerShare: 0.9, slug: 'tdp', seed: 2026_04 },
  'bach-ngoc': { prefix: 'Thôn ', count: 16, households: [90, 260], workerShare: 0.15, slug: 'thon', seed: 2026_01 },
  'mac-dinh': { prefix: 'Thôn ', count: 3, households: [100, 300], workerShare: 0.3, slug: 'thon', seed: 7 },
};

/** The sample `Danh sách` of a preset's commune (a fresh array each call). */
export function sampleVillages(id: PresetId): SampleVillage[] {
  const shape = SHAPES[id];
  const rnd = seededRandom(shape.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const person = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  return Array.from({ length: shape.count }, (_, i) => {
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
      name: `${shape.prefix}${n}`,
      head: person(),
      email: `${shape.slug}${n}@example.com`,
      phone: `09${String(Math.floor(10_000_000 + rnd() * 89_999_999))}`,
      teamLeader: person(),
      denominators,
    };
  });
}

/**
 * `user` pastes villages under the last row of `Danh sách` as plain values (a phone stays text in
 * its text-formatted column); setup is not run.
 */
export function pasteVillages(emu: AppsScriptEmulator, villages: readonly SampleVillage[], user: string): void {
  if (villages.length === 0) return;
  const rows = villages.map((v) => registryRow(v).map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell)));
  emu.run({ activeUser: user }, () => {
    const sheet = emu.spreadsheet.getSheetByName(TAB_REGISTRY);
    if (!sheet) throw new Error(`no ${TAB_REGISTRY}`);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows);
  });
}
