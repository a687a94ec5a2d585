/**
 * Realistic monthly reports for the demo: cumulative indicators that grow towards the plan's target,
 * activity counts, mostly punctual villages, some late, a few that never report, and the slips
 * people really make. Deterministic for a given seed.
 */
import { addDays, compareDates, dueDateOf, type LocalDate } from '../../src/core/shared/calendar';
import type { SampleVillage } from './sampleVillages';
import type { IndicatorSetting, Settings } from '../../src/core/config/settings';

export interface DemoSubmission {
  village: string;
  headEmail: string;
  month: number;
  /** Values to type, by indicator code (a string when the demo types it as people do, e.g. '1.234'). */
  values: Map<string, number | string>;
  /** When the head ticks "Đã nộp" (Vietnam date, at 09:00–21:00); null: typed but not submitted yet. */
  tickOn: LocalDate | null;
  tickHour: number;
  /** What the head writes in the month's `Ghi chú` (the difficulties the report quotes), or ''. */
  note: string;
}

/** Notes heads write in `GHI_CHU`, by village index (registry order) and month. */
const NOTES: readonly { village: number; month: number; text: string }[] = [
  { village: 2, month: 5, text: 'Nhiều người cao tuổi chưa có điện thoại thông minh, khó cài VNeID.' },
  { village: 5, month: 5, text: 'Sóng điện thoại yếu ở khu vực cuối xóm, tập huấn phải dời sang tháng sau.' },
  { village: 3, month: 6, text: 'Thành viên Tổ đi làm ăn xa 02 người, đang kiện toàn lại.' },
  { village: 6, month: 12, text: 'Đề nghị cấp thêm tài liệu hướng dẫn ngân hàng số.' },
];

const ACTIVITY_RANGES: Record<string, [number, number]> = {
  LUOT_DVCTT: [5, 40],
  LUOT_CAI_DAT: [10, 60],
  LUOT_SO_SUC_KHOE: [3, 30],
  LUOT_BUU_CHINH: [0, 15],
  SP_TMDT: [0, 3],
  BUOI_TUYEN_TRUYEN: [1, 6],
  BUOI_TAP_HUAN: [0, 3],
  BUOI_TAP_HUAN_TO: [0, 1],
};

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

type Habit = 'punctual' | 'late' | 'silent';

/**
 * Where each village stood on a cumulative indicator when the year began (30–60% of its people or
 * households): what the office types into `Đầu năm`, so the plan runs from there, not from 0.
 */
export function demoStartShares(villages: readonly SampleVillage[], indicators: readonly IndicatorSetting[], seed = 2026): Map<string, Map<string, number>> {
  const rnd = seededRandom(seed + 1);
  return new Map(villages.map((v) => [v.name, new Map(indicators.filter((i) => i.kind === 'TY_LE').map((i) => [i.code, 0.3 + rnd() * 0.3]))]));
}

/** `Đầu năm` of each village: its start share of the denominator, by indicator code. */
export function demoStartValues(villages: readonly SampleVillage[], indicators: readonly IndicatorSetting[], seed = 2026): Map<string, Map<string, number>> {
  const shares = demoStartShares(villages, indicators, seed);
  return new Map(villages.map((v) => [v.name, new Map([...(shares.get(v.name) ?? [])].map(([code, share]) => {
    const denominator = indicators.find((i) => i.code === code)?.denominator;
    return [code, Math.round((denominator ? v.denominators[denominator] ?? 0 : 0) * share)];
  }))]));
}

export function demoSubmissions(
  villages: readonly SampleVillage[],
  indicators: readonly IndicatorSetting[],
  settings: Settings,
  today: LocalDate,
  seed = 2026,
): DemoSubmission[] {
  const rnd = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lastMonth = today.year > settings.year ? 12 : today.year < settings.year ? 0 : today.month;
  const out: DemoSubmission[] = [];
  const startShares = demoStartShares(villages, indicators, seed);
  villages.forEach((village, index) => {
    const habit: Habit = index % 10 === 7 ? 'silent' : index % 5 === 3 ? 'late' : 'punctual';
    const team = index === 4 ? settings.teamMax + 2 : between(settings.teamMin, settings.teamMax);
    const start = startShares.get(village.name) as Map<string, number>;
    const cumulative = new Map<string, number>();
    for (let month = 1; month <= lastMonth; month++) {
      if (habit === 'silent' && month >= Math.max(2, lastMonth - 2)) break;
      const values = new Map<string, number | string>();
      for (const ind of indicators) {
        if (ind.kind === 'TY_LE') {
          const denominator = ind.denominator ? village.denominators[ind.denominator] ?? 0 : 0;
          const goal = Math.min(1, ((ind.targetPercent ?? 80) / 100) * (0.9 + rnd() * 0.3));
          const share = (start.get(ind.code) as number) + ((goal - (start.get(ind.code) as number)) * month) / 12;
          const value = Math.max(cumulative.get(ind.code) ?? 0, Math.min(denominator, Math.round(denominator * share)));
          cumulative.set(ind.code, value);
          values.set(ind.code, value);
        } else if (ind.kind === 'TRANG_THAI') {
          values.set(ind.code, team);
        } else {
          const [lo, hi] = ACTIVITY_RANGES[ind.code] ?? [0, 10];
          values.set(ind.code, between(lo, hi));
        }
      }
      if (index === 1 && month === lastMonth) {
        // A slip the add-on must catch: more people "with skills" than adults in the village.
        const adults = village.denominators.DS_TRUONG_THANH ?? 0;
        values.set('NTT_KNS', adults + 57);
      }
      // People type thousands with a dot: the add-on must read `1.234` as 1234.
      const big = [...values.entries()].find(([, v]) => typeof v === 'number' && v >= 1000);
      if (big && index % 3 === 0) values.set(big[0], (big[1] as number).toLocaleString('de-DE'));
      const due = dueDateOf(month, settings);
      const tickOn = habit === 'late' ? addDays(due, between(1, 9)) : addDays(due, -between(0, 9));
      out.push({
        village: village.name,
        headEmail: village.email,
        month,
        values,
        tickOn: compareDates(tickOn, today) <= 0 ? tickOn : null,
        tickHour: between(9, 21),
        note: NOTES.find((n) => n.village === index && n.month === month)?.text ?? '',
      });
    }
  });
  return out;
}
