/**
 * Progress to plan and the awards score (docs/periods-and-status.md, "Progress to plan", "Awards"),
 * against figures worked out by hand in the comments, on both presets, with and without `Đầu năm`,
 * in May (the pace words) and in December (the year's verdict).
 */
import { aggregate, type AssessedVillage, type AggregationSummary } from '../../src/core/assessment/aggregation';
import { rankTeams, scoreTeams, type AwardInput } from '../../src/core/assessment/awards';
import { evaluate, planToDate, projectedYearEnd } from '../../src/core/assessment/progress';
import { getPreset, type PresetId } from '../../src/core/config/presets';
import type { Village } from '../../src/core/config/registry';
import { parseVillageTab } from '../../src/core/entry/monthReports';
import { vnInstant } from '../../src/core/shared/calendar';
import { FIRST_MONTH_COL, START_COL, villageTabLayout } from '../../src/core/workbook/villageTabLayout';

const MAY = vnInstant(2026, 5, 25, 10); // May's report was due on 20/05
const DECEMBER = vnInstant(2026, 12, 28, 10); // December's on 20/12

interface Figures {
  /** Adults (DS_TRUONG_THANH) and secondary pupils (HS_TRUNG_HOC). */
  adults: number;
  pupils: number;
  /** NTT_KNS and HS_KNS at the start of the year (`Đầu năm`); omitted: the column is empty. */
  start?: { NTT_KNS: number; HS_KNS: number };
  /** NTT_KNS and HS_KNS in the period's month. */
  now: { NTT_KNS: number; HS_KNS: number };
}

/** A village of `preset` whose `month` is submitted on time with `figures`; every other figure 0. */
function villageWith(presetId: PresetId, name: string, month: number, figures: Figures): AssessedVillage {
  const preset = getPreset(presetId);
  const applied = preset.indicators.filter((i) => i.applied);
  const layout = villageTabLayout(name, 2026, applied);
  const grid = layout.rows.map((r) => [...r]);
  const rowOf = (code: string) => grid.findIndex((r) => r[0] === code);
  for (const ind of applied) grid[rowOf(ind.code)][FIRST_MONTH_COL + month - 1] = ind.code in figures.now ? figures.now[ind.code as 'NTT_KNS'] : 0;
  if (figures.start) for (const [code, value] of Object.entries(figures.start)) grid[rowOf(code)][START_COL] = value;
  grid[layout.statusRow.submitted - 1][FIRST_MONTH_COL + month - 1] = true;
  const village: Village = {
    name, head: '', email: '', phone: '', teamLeader: '', row: 5,
    denominators: { SO_HO: 100, DS_TRUONG_THANH: figures.adults, DS_TU_16: 100, HS_TRUNG_HOC: figures.pupils, LD_DN_HTX: 100 },
  };
  const assessments = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, status: i + 1 === month ? ('DUNG_HAN' as const) : ('CHUA_NOP' as const) }));
  return { village, report: parseVillageTab(name, grid, applied), assessments };
}

function summaryOf(presetId: PresetId, month: number, now: Date, villages: Figures[]): AggregationSummary {
  const preset = getPreset(presetId);
  return aggregate({
    settings: preset.settings,
    indicators: preset.indicators.filter((i) => i.applied),
    villages: villages.map((f, i) => villageWith(presetId, `${preset.settings.villageWord} ${i + 1}`, month, f)),
    period: { kind: 'month', month },
    now,
  });
}

const pick = (s: AggregationSummary, code: string) => {
  const ind = s.indicators.find((i) => i.code === code);
  if (!ind) throw new Error(code);
  return { rate: ind.ratePercent, baseline: ind.baselinePercent, plan: ind.planPercent, projected: ind.projectedPercent, evaluation: ind.evaluation };
};

describe('progress to plan, Bạch Ngọc (người trưởng thành có kỹ năng số: chỉ tiêu 70%; học sinh: 100%)', () => {
  // Two villages: 1.000 + 500 adults, 100 + 50 pupils.
  const may = (start?: (n: number) => Figures['start']): Figures[] => [
    { adults: 1000, pupils: 100, start: start?.(0), now: { NTT_KNS: 300, HS_KNS: 20 } },
    { adults: 500, pupils: 50, start: start?.(1), now: { NTT_KNS: 150, HS_KNS: 10 } },
  ];

  it('May without Đầu năm: the plan starts from 0', () => {
    const s = summaryOf('bach-ngoc', 5, MAY, may());
    // 450 ÷ 1.500 = 30%; plan 70 × 5/12 = 29,17%: on pace; year end 30 × 12/5 = 72%.
    const adults = pick(s, 'NTT_KNS');
    expect(adults).toMatchObject({ baseline: null, evaluation: 'DUNG_TIEN_DO' });
    expect([adults.rate, adults.plan, adults.projected].map((x) => Number(x?.toFixed(4)))).toEqual([30, 29.1667, 72]);
    // 30 ÷ 150 = 20%; plan 100 × 5/12 = 41,67%: behind; year end 20 × 12/5 = 48%.
    const pupils = pick(s, 'HS_KNS');
    expect(pupils.evaluation).toBe('CHAM_TIEN_DO');
    expect([pupils.rate, pupils.plan, pupils.projected].map((x) => Number(x?.toFixed(4)))).toEqual([20, 41.6667, 48]);
  });

  it('May with Đầu năm: the plan starts from the commune rate at the start of the year', () => {
    const s = summaryOf('bach-ngoc', 5, MAY, may((n) => (n === 0 ? { NTT_KNS: 200, HS_KNS: 10 } : { NTT_KNS: 100, HS_KNS: 5 })));
    // Baseline 300 ÷ 1.500 = 20%; plan 20 + (70 − 20) × 5/12 = 40,83%: the same 30% is now behind;
    // year end 20 + (30 − 20) × 12/5 = 44%.
    const adults = pick(s, 'NTT_KNS');
    expect(adults.evaluation).toBe('CHAM_TIEN_DO');
    expect([adults.baseline, adults.plan, adults.projected].map((x) => Number(x?.toFixed(4)))).toEqual([20, 40.8333, 44]);
    // Baseline 15 ÷ 150 = 10%; plan 10 + 90 × 5/12 = 47,5%; year end 10 + 10 × 12/5 = 34%.
    const pupils = pick(s, 'HS_KNS');
    expect([pupils.baseline, pupils.plan, pupils.projected].map((x) => Number(x?.toFixed(4)))).toEqual([10, 47.5, 34]);
  });

  it('each village is judged on its own line, from its own Đầu năm', () => {
    // Both villages are at 30%; Thôn 1 started at 20% (plan 40,83%), Thôn 2 has no start (plan 29,17%).
    const s = summaryOf('bach-ngoc', 5, MAY, may((n) => (n === 0 ? { NTT_KNS: 200, HS_KNS: 10 } : undefined)));
    expect(s.villages.map((v) => v.rates.NTT_KNS?.evaluation)).toEqual(['CHAM_TIEN_DO', 'DUNG_TIEN_DO']);
  });

  it('December without Đầu năm: the same verdicts, the plan the target', () => {
    const s = summaryOf('bach-ngoc', 12, DECEMBER, [
      { adults: 1000, pupils: 100, now: { NTT_KNS: 650, HS_KNS: 100 } },
      { adults: 500, pupils: 50, now: { NTT_KNS: 350, HS_KNS: 50 } },
    ]);
    // 1.000 ÷ 1.500 = 66,67% of 70%: Chưa đạt; pupils 150 ÷ 150 = 100%: Đạt.
    expect(pick(s, 'NTT_KNS')).toMatchObject({ baseline: null, plan: 70, evaluation: 'CHUA_DAT' });
    expect(pick(s, 'NTT_KNS').projected).toBeCloseTo(66.6667, 4);
    expect(pick(s, 'HS_KNS')).toMatchObject({ rate: 100, plan: 100, projected: 100, evaluation: 'DAT' });
  });

  it('December: Đạt / Chưa đạt against the year target, and the projection is the rate itself', () => {
    const s = summaryOf('bach-ngoc', 12, DECEMBER, [
      { adults: 1000, pupils: 100, start: { NTT_KNS: 200, HS_KNS: 10 }, now: { NTT_KNS: 700, HS_KNS: 99 } },
      { adults: 500, pupils: 50, now: { NTT_KNS: 350, HS_KNS: 50 } },
    ]);
    // 1.050 ÷ 1.500 = 70%: Đạt. Pupils 149 ÷ 150 = 99,33%: Chưa đạt. Plan to date = the target.
    expect(pick(s, 'NTT_KNS')).toMatchObject({ rate: 70, plan: 70, projected: 70, evaluation: 'DAT' });
    // Only the first village has Đầu năm: the second starts from 0, so the baseline is 200 ÷ 1.500.
    expect(pick(s, 'NTT_KNS').baseline).toBeCloseTo(13.3333, 4);
    expect(pick(s, 'HS_KNS')).toMatchObject({ plan: 100, evaluation: 'CHUA_DAT' });
    expect(pick(s, 'HS_KNS').projected).toBeCloseTo(99.3333, 4);
  });
});

describe('progress to plan, An Hải (người trưởng thành có kỹ năng số: chỉ tiêu 80%)', () => {
  const one = (now: number, start?: number): Figures[] => [{ adults: 2000, pupils: 100, start: start === undefined ? undefined : { NTT_KNS: start, HS_KNS: 0 }, now: { NTT_KNS: now, HS_KNS: 100 } }];

  it('May: 35% is on pace from 0 (plan 33,33%), behind from a 10% start (plan 39,17%)', () => {
    // 700 ÷ 2.000 = 35%; 80 × 5/12 = 33,33%; year end 35 × 12/5 = 84%.
    const fromZero = pick(summaryOf('an-hai', 5, MAY, one(700)), 'NTT_KNS');
    expect(fromZero.evaluation).toBe('DUNG_TIEN_DO');
    expect([fromZero.plan, fromZero.projected].map((x) => Number(x?.toFixed(4)))).toEqual([33.3333, 84]);
    // Start 200 ÷ 2.000 = 10%; 10 + 70 × 5/12 = 39,17%; year end 10 + 25 × 12/5 = 70%.
    const fromTen = pick(summaryOf('an-hai', 5, MAY, one(700, 200)), 'NTT_KNS');
    expect(fromTen.evaluation).toBe('CHAM_TIEN_DO');
    expect([fromTen.plan, fromTen.projected].map((x) => Number(x?.toFixed(4)))).toEqual([39.1667, 70]);
    // Every pupil trained in May: the year target is reached already.
    expect(pick(summaryOf('an-hai', 5, MAY, one(700)), 'HS_KNS').evaluation).toBe('DA_DAT');
  });

  it('December: 79,9% of an 80% target is Chưa đạt; 80% is Đạt; the plan is the target, the projection the rate', () => {
    // 1.598 ÷ 2.000 = 79,9%; baseline 10%: plan 10 + 70 × 12/12 = 80%; projection 10 + 69,9 × 1 = 79,9%.
    const short = pick(summaryOf('an-hai', 12, DECEMBER, one(1598, 200)), 'NTT_KNS');
    expect(short.evaluation).toBe('CHUA_DAT');
    expect([short.rate, short.baseline, short.plan, short.projected].map((x) => Number(x?.toFixed(4)))).toEqual([79.9, 10, 80, 79.9]);
    expect(pick(summaryOf('an-hai', 12, DECEMBER, one(1600)), 'NTT_KNS')).toMatchObject({ rate: 80, baseline: null, plan: 80, projected: 80, evaluation: 'DAT' });
  });
});

describe('progress formulas', () => {
  it('compare as shown: 29,17% shown meets a plan of 29,1667%', () => {
    expect(evaluate(29.17, 70, 0, 5)).toBe('DUNG_TIEN_DO');
    expect(evaluate(29.1, 70, 0, 5)).toBe('CHAM_TIEN_DO');
  });

  it('a projection stays within 0–100%', () => {
    expect(projectedYearEnd(0, 60, 3)).toBe(100); // 60 × 4 = 240%
    expect(projectedYearEnd(50, 20, 6)).toBe(0); // fell from 50% to 20%: 50 − 60
    expect(planToDate(30, 80, 6)).toBe(55);
  });
});

describe('awards score', () => {
  /** A team as the summary describes it: `onTimeMonths` of `dueMonths` on time. */
  const team = (name: string, achievementPercent: number | null, onTimeMonths: number, dueMonths: number, activityPer100: number | null): AwardInput => ({
    name, achievementPercent, onTimePercent: dueMonths > 0 ? (onTimeMonths / dueMonths) * 100 : null, dueMonths, everOnTime: onTimeMonths > 0, activityPer100,
  });

  it('score = 50% results + 30% timeliness + 20% activity relative to the best, worked by hand', () => {
    const [a, b] = scoreTeams([team('Thôn A', 80, 4, 5, 10), team('Thôn B', 60, 5, 5, 20)], { results: 50, timeliness: 30, activity: 20 });
    // A: 0,5 × 80 + 0,3 × 80 + 0,2 × 50 = 74. B: 0,5 × 60 + 0,3 × 100 + 0,2 × 100 = 80.
    expect([a.activityPercent, a.score, b.activityPercent, b.score]).toEqual([50, 74, 100, 80]);
  });

  it('a team never on time cannot top teams that were, even with better results and activity', () => {
    const ranked = rankTeams([
      team('Tổ dân phố số 19', 100, 0, 11, 50),
      team('Tổ dân phố số 2', 60, 11, 11, 5),
      team('Tổ dân phố số 3', 60, 11, 11, 5),
      team('Tổ dân phố số 4', 40, 1, 11, 0),
    ], { results: 50, timeliness: 30, activity: 20 });
    expect(ranked.map((r) => [r.rank, r.team.name])).toEqual([
      [1, 'Tổ dân phố số 2'], [1, 'Tổ dân phố số 3'], [3, 'Tổ dân phố số 4'], [4, 'Tổ dân phố số 19'],
    ]);
    expect(ranked[3].award).toMatchObject({ score: 70, neverOnTime: true });
  });

  it('a team whose on-time months wait for approval is not "never on time"', () => {
    // Approval in use: Thôn 2's four on-time months are not approved yet, so they count 0 of 5.
    const waiting = { ...team('Thôn 2', 90, 0, 5, 10), everOnTime: true };
    const ranked = rankTeams([team('Thôn 1', 50, 1, 5, 10), waiting], { results: 50, timeliness: 30, activity: 20 });
    expect(ranked.map((r) => [r.team.name, r.award.neverOnTime])).toEqual([['Thôn 2', false], ['Thôn 1', false]]);
  });

  it('with equal results, the team always on time ranks above the team never on time', () => {
    // Thôn 4 is twice as active and scores 65 against Thôn 1's 85 without the tier; with the office
    // putting all weight on activity it would score 100 against 50, and still rank second.
    const teams = [team('Thôn 4', 90, 0, 11, 20), team('Thôn 1', 90, 11, 11, 10)];
    expect(rankTeams(teams, { results: 50, timeliness: 30, activity: 20 }).map((r) => r.team.name)).toEqual(['Thôn 1', 'Thôn 4']);
    const byActivity = rankTeams(teams, { results: 0, timeliness: 0, activity: 100 });
    expect(byActivity.map((r) => [r.team.name, r.award.score])).toEqual([['Thôn 1', 50], ['Thôn 4', 100]]);
  });

  it('the office weights decide; all weights 0 falls back to 50/30/20; a missing household count is not held against a team', () => {
    const teams = [team('Thôn A', 100, 2, 4, 0), team('Thôn B', 50, 4, 4, 0)];
    expect(rankTeams(teams, { results: 100, timeliness: 0, activity: 0 }).map((r) => r.team.name)).toEqual(['Thôn A', 'Thôn B']);
    expect(rankTeams(teams, { results: 0, timeliness: 100, activity: 0 }).map((r) => r.team.name)).toEqual(['Thôn B', 'Thôn A']);
    expect(scoreTeams(teams, { results: 0, timeliness: 0, activity: 0 }).map((s) => s.score)).toEqual([65, 55]);
    // No households: results and timeliness alone, 50:30 → (50 × 80 + 30 × 100) ÷ 80.
    expect(scoreTeams([team('Thôn C', 80, 3, 3, null)], { results: 50, timeliness: 30, activity: 20 })[0].score).toBe(87.5);
  });
});
