/** Tổng hợp's pure core: aggregation rules, the period prompt, and the two tab layouts. */
import fc from 'fast-check';
import { aggregate, FuturePeriodError, type AssessedVillage, type AggregationSummary, type MonthStatusOf } from '../../src/core/assessment/aggregation';
import { vnInstant } from '../../src/core/shared/calendar';
import { parsePeriodAnswer, type Period } from '../../src/core/assessment/period';
import { getPreset } from '../../src/core/config/presets';
import type { Village } from '../../src/core/config/registry';
import { dateLine } from '../../src/core/reports/reportText';
import { REPORT_WIDTH_PX, reportLayout } from '../../src/core/reports/reportLayout';
import type { TabSpec } from '../../src/core/workbook/tabSpec';
import type { MonthStatus } from '../../src/core/assessment/status';
import { summaryLayout } from '../../src/core/reports/summaryLayout';
import { parseVillageTab } from '../../src/core/entry/monthReports';
import { FIRST_MONTH_COL, villageTabLayout } from '../../src/core/workbook/villageTabLayout';

const preset = getPreset('bach-ngoc');
const settings = preset.settings;
const applied = preset.indicators.filter((i) => i.applied);
/** 25/05/2026 10:00 in Vietnam: May's due date (20/05) has passed; June has not begun. */
const NOW = vnInstant(2026, 5, 25, 10);

type MonthData = { values: Record<string, unknown>; status: MonthStatus };

function village(name: string, denominators: Village['denominators']): Village {
  return { name, head: '', email: '', phone: '', teamLeader: '', denominators, row: 5 };
}

/** A village whose months hold `values` (anything not given is 0) with the statuses given. */
function assessed(v: Village, months: Record<number, MonthData>): AssessedVillage {
  const layout = villageTabLayout(v.name, settings.year, applied);
  const grid = layout.rows.map((r) => [...r]);
  const assessments: MonthStatusOf[] = [];
  for (let m = 1; m <= 12; m++) {
    const data = months[m];
    assessments.push({ month: m, status: data?.status ?? 'CHUA_NOP' });
    if (!data) continue;
    for (const ind of applied) grid[grid.findIndex((r) => r[0] === ind.code)][FIRST_MONTH_COL + m - 1] = data.values[ind.code] ?? 0;
    grid[layout.statusRow.submitted - 1][FIRST_MONTH_COL + m - 1] = data.status !== 'CHUA_NOP';
  }
  return { village: v, report: parseVillageTab(v.name, grid, applied), assessments };
}

const run = (villages: AssessedVillage[], period: Period = { kind: 'month', month: 5 }, now = NOW) =>
  aggregate({ settings, indicators: applied, villages, period, now });
const ind = (s: AggregationSummary, code: string) => s.indicators.find((i) => i.code === code)!;
const DENS = { SO_HO: 100, DS_TRUONG_THANH: 100, DS_TU_16: 100, HS_TRUNG_HOC: 100, LD_DN_HTX: 100 };

describe('aggregate', () => {
  it('a commune rate is Σ numerators ÷ Σ denominators, not the mean of village rates', () => {
    const small = assessed(village('Thôn 1', { ...DENS, HS_TRUNG_HOC: 1 }), { 5: { values: { HS_KNS: 1 }, status: 'DUNG_HAN' } });
    const big = assessed(village('Thôn 2', { ...DENS, HS_TRUNG_HOC: 100 }), { 5: { values: { HS_KNS: 50 }, status: 'DUNG_HAN' } });
    const hs = ind(run([small, big]), 'HS_KNS');
    expect([hs.value, hs.denominator]).toEqual([51, 101]);
    expect(hs.ratePercent).toBeCloseTo(5100 / 101, 10); // 50,5%, where the mean of rates would say 75%
  });

  it('only submitted months count: Cần sửa and unticked months fall back to the last submitted month (stale)', () => {
    const v = assessed(village('Thôn 1', DENS), {
      3: { values: { HS_KNS: 30, LUOT_DVCTT: 4 }, status: 'NOP_MUON' },
      4: { values: { HS_KNS: 40, LUOT_DVCTT: 5 }, status: 'CAN_SUA' },
      5: { values: { HS_KNS: 50, LUOT_DVCTT: 6 }, status: 'CHUA_NOP' },
    });
    const s = run([v]);
    expect(ind(s, 'HS_KNS')).toMatchObject({ value: 30, stale: [{ name: 'Thôn 1', month: 3 }] });
    expect(ind(s, 'LUOT_DVCTT')).toMatchObject({ value: null, yearToDate: 4, noData: ['Thôn 1'] });
    expect(s.villages[0]).toMatchObject({ latestMonth: 3, statuses: ['CHUA_NOP'] });
    expect(s.completeness).toMatchObject({ expected: 1, submitted: 0, missing: 1, needsFix: 0 });
  });

  it('a past period ignores later months', () => {
    const v = assessed(village('Thôn 1', DENS), {
      3: { values: { HS_KNS: 30, TV_TO: 4 }, status: 'DUNG_HAN' },
      5: { values: { HS_KNS: 50, TV_TO: 5 }, status: 'DUNG_HAN' },
    });
    const s = run([v], { kind: 'month', month: 3 });
    expect([ind(s, 'HS_KNS').value, ind(s, 'TV_TO').value, ind(s, 'HS_KNS').stale]).toEqual([30, 4, []]);
  });

  it('a village without a denominator is left out of the rate and named; its matrix cell has no rate', () => {
    const v1 = assessed(village('Thôn 1', DENS), { 5: { values: { HS_KNS: 80 }, status: 'DUNG_HAN' } });
    const v2 = assessed(village('Thôn 2', { SO_HO: 10 }), { 5: { values: { HS_KNS: 7 }, status: 'DUNG_HAN' } });
    const s = run([v1, v2]);
    expect(ind(s, 'HS_KNS')).toMatchObject({ value: 80, denominator: 100, ratePercent: 80, reporting: 1, missingDenominator: ['Thôn 2'] });
    expect(s.villages[1].rates.HS_KNS).toEqual({ value: 7, month: 5, denominator: null, ratePercent: null, evaluation: null });
  });

  it('a total of 0 (no enterprise workers) is no rate to reach: left out of the results, said so in the matrix', () => {
    const full = Object.fromEntries(applied.filter((i) => i.kind === 'TY_LE').map((i) => [i.code, i.code === 'LD_KNS' ? 0 : 100]));
    const s = run([assessed(village('Thôn 1', { ...DENS, LD_DN_HTX: 0 }), { 5: { values: full, status: 'DUNG_HAN' } })]);
    // Seven rates at 100% of their targets; LD_KNS has no one to count and is not held against the team.
    expect(s.villages[0].achievementPercent).toBe(100);
    const grid = summaryLayout(s).spec.values;
    expect(grid.some((r) => r.includes("'không có đối tượng"))).toBe(true);
  });

  it('SO_LUONG sums the period and the year so far; a quarter expects villages × months begun', () => {
    const v = assessed(village('Thôn 1', DENS), {
      1: { values: { LUOT_DVCTT: 1 }, status: 'DUNG_HAN' },
      4: { values: { LUOT_DVCTT: 10 }, status: 'DUNG_HAN' },
      5: { values: { LUOT_DVCTT: 100 }, status: 'NOP_MUON' },
    });
    const other = assessed(village('Thôn 2', DENS), {});
    const s = run([v, other], { kind: 'quarter', quarter: 2 });
    expect(s.countedMonths).toEqual([4, 5]);
    expect(ind(s, 'LUOT_DVCTT')).toMatchObject({ value: 110, yearToDate: 111, reporting: 1, noData: ['Thôn 2'] });
    expect(s.completeness).toMatchObject({ expected: 4, submitted: 2, onTime: 1, late: 1, missing: 2 });
    expect(s.completeness.missingVillages).toEqual([{ name: 'Thôn 2', months: [4, 5] }]);
    const year = run([v, other], { kind: 'year', throughMonth: 5 });
    expect([year.periodLabel, ind(year, 'LUOT_DVCTT').value]).toEqual(['Năm 2026 (đến tháng 5)', 111]);
  });

  it('a period that has not begun is refused', () => {
    expect(() => run([], { kind: 'quarter', quarter: 3 })).toThrow(FuturePeriodError);
    expect(() => run([], { kind: 'month', month: 6 })).toThrow('Tháng 6/2026 chưa bắt đầu');
  });

  it('a registered village without a tab counts as not submitted', () => {
    const s = run([{ village: village('Thôn 9', DENS), report: null, assessments: [] }]);
    expect(s.villagesWithoutTab).toEqual(['Thôn 9']);
    expect(s.completeness).toMatchObject({ expected: 1, missing: 1 });
    expect(s.villages[0]).toMatchObject({ hasTab: false, latestMonth: null, achievementPercent: 0 });
  });

  it('ranking: the composite score, a never-on-time team after every team that was on time; equal scores share a rank', () => {
    const full = Object.fromEntries(applied.filter((i) => i.kind === 'TY_LE').map((i) => [i.code, 100]));
    const half = Object.fromEntries(applied.filter((i) => i.kind === 'TY_LE').map((i) => [i.code, 50]));
    const a = assessed(village('Thôn A', DENS), { 5: { values: full, status: 'NOP_MUON' } });
    const b = assessed(village('Thôn B', DENS), { 4: { values: full, status: 'DUNG_HAN' }, 5: { values: full, status: 'DUNG_HAN' } });
    const c = assessed(village('Thôn C', DENS), { 5: { values: full, status: 'NOP_MUON' } });
    const d = assessed(village('Thôn D', DENS), { 5: { values: half, status: 'DUNG_HAN' } });
    const s = run([a, b, c, d]);
    // No activity anywhere: every team's activity is 0% of the best (0), and still weighs.
    // Thôn D: 50% against targets 100, 70, 70, 80, 100, 100, 100, 100.
    const dResults = ([0.5, 50 / 70, 50 / 70, 0.625, 0.5, 0.5, 0.5, 0.5].reduce((x, y) => x + y, 0) / 8) * 100;
    expect(s.ranking.map((r) => [r.rank, r.name])).toEqual([[1, 'Thôn B'], [2, 'Thôn D'], [3, 'Thôn A'], [3, 'Thôn C']]);
    expect(s.ranking[0]).toMatchObject({ achievementPercent: 100, onTimeMonths: 2, dueMonths: 5, onTimePercent: 40, activityPercent: 0, neverOnTime: false });
    expect(s.ranking[0].score).toBeCloseTo(0.5 * 100 + 0.3 * 40, 10);
    expect(s.ranking[1].achievementPercent).toBeCloseTo(dResults, 10);
    expect(s.ranking[1].score).toBeCloseTo(0.5 * dResults + 0.3 * 20, 10);
    // Thôn A scores 50, above Thôn D's 33,7, but was never on time.
    expect(s.ranking[2]).toMatchObject({ score: 50, neverOnTime: true });
  });


  it('property: completeness adds up and a rate is always Σ÷Σ of the villages that have both', () => {
    const statusArb = fc.constantFrom<MonthStatus>('CHUA_NOP', 'DUNG_HAN', 'NOP_MUON', 'CAN_SUA');
    const villageArb = fc.record({ den: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }), share: fc.double({ min: 0, max: 1, noNaN: true }), statuses: fc.array(statusArb, { minLength: 5, maxLength: 5 }) });
    fc.assert(
      fc.property(fc.array(villageArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (specs, month) => {
        const villages = specs.map((spec, i) => {
          const months: Record<number, MonthData> = {};
          spec.statuses.forEach((status, k) => {
            months[k + 1] = { values: { HS_KNS: Math.floor(spec.share * (spec.den ?? 100)) }, status };
          });
          return assessed(village(`Thôn ${i + 1}`, spec.den === undefined ? {} : { HS_TRUNG_HOC: spec.den }), months);
        });
        const s = run(villages, { kind: 'month', month });
        const c = s.completeness;
        expect(c.submitted + c.needsFix + c.missing).toBe(c.expected);
        expect(c.onTime + c.late).toBe(c.submitted);
        let num = 0;
        let den = 0;
        specs.forEach((spec) => {
          const last = [...spec.statuses.slice(0, month).entries()].reverse().find(([, st]) => st === 'DUNG_HAN' || st === 'NOP_MUON');
          if (last && spec.den !== undefined) {
            num += Math.floor(spec.share * spec.den);
            den += spec.den;
          }
        });
        const hs = ind(s, 'HS_KNS');
        expect(hs.value).toBe(den > 0 ? num : null);
        expect(hs.ratePercent === null ? null : hs.ratePercent).toBe(den > 0 ? (num / den) * 100 : null);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parsePeriodAnswer', () => {
  it.each([
    ['', { kind: 'month', month: 5 }],
    ['7', { kind: 'month', month: 7 }],
    [' Tháng 3 ', { kind: 'month', month: 3 }],
    ['T12', { kind: 'month', month: 12 }],
    ['5/2026', { kind: 'month', month: 5 }],
    ['Quý II', { kind: 'quarter', quarter: 2 }],
    ['quý iv', { kind: 'quarter', quarter: 4 }],
    ['Q2', { kind: 'quarter', quarter: 2 }],
    ['quy 3', { kind: 'quarter', quarter: 3 }],
    ['Năm', { kind: 'year', throughMonth: 5 }],
    ['cả năm 2026', { kind: 'year', throughMonth: 5 }],
    ['Quý II'.normalize('NFD'), { kind: 'quarter', quarter: 2 }],
  ])('%j', (text, period) => {
    expect(parsePeriodAnswer(text, 5, 2026)).toEqual({ ok: true, period });
  });

  it.each([
    ['13', '"13" không phải một tháng (1–12).'],
    ['5/2025', '"5/2025": bảng tính này theo dõi năm 2026 (xem tab Cấu hình).'],
    ['Quý V', 'Không hiểu kỳ "Quý V".'],
  ])('%j is explained', (text, start) => {
    const answer = parsePeriodAnswer(text, 5, 2026);
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.message).toContain(start.replace(/\.$/, ''));
  });
});

function checkModel(model: TabSpec): void {
  const rows = model.values.length;
  for (const grid of [model.values, ...Object.values(model.formats)]) {
    expect(grid).toHaveLength(rows);
    for (const row of grid) expect(row).toHaveLength(model.width);
  }
  const inside = (b: { row: number; col: number; numRows: number; numCols: number }) => b.row >= 1 && b.col >= 1 && b.row + b.numRows - 1 <= rows && b.col + b.numCols - 1 <= model.width;
  for (const b of [...model.merges, ...model.borders, ...model.rules]) expect(inside(b)).toBe(true);
  const cells = new Set<string>();
  for (const m of model.merges) {
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.col; c < m.col + m.numCols; c++) {
        expect(cells.has(`${r}:${c}`)).toBe(false);
        cells.add(`${r}:${c}`);
      }
    }
  }
}

describe('layouts', () => {
  const x = '=IMPORTXML("x")';
  const summary = run([
    assessed(village(x, DENS), { 5: { values: { HS_KNS: 90, LUOT_DVCTT: 3 }, status: 'DUNG_HAN' } }),
    assessed(village('Thôn 2', DENS), {}),
  ]);

  it('Tổng hợp: rectangular, every string written as text, a chart over the TY_LE rows', () => {
    const { spec: model, rows } = summaryLayout(summary);
    checkModel(model);
    for (const v of model.values.flat()) if (typeof v === 'string' && v !== '') expect(v.startsWith("'")).toBe(true);
    expect(model.values.flat()).toContain(`'${x}`);
    expect(model.charts).toHaveLength(1);
    const tyLe = applied.filter((i) => i.kind === 'TY_LE').length;
    // Categories: the short names in `Chỉ tiêu` (column 2); series: rate, plan to date, year target.
    expect(model.charts[0].ranges[0]).toEqual({ row: rows.rateHeader, col: 2, numRows: tyLe + 1, numCols: 1 });
    // 90% in May against 100: the plan by May is 41,7%, the year-end projection 216% kept at 100.
    expect(model.values[rows.rateHeader].slice(0, 9)).toEqual(["'HS_KNS", expect.any(String), 90, 100, 90, 41.7, 100, 100, "'Đúng tiến độ"]);
  });

  it('Báo cáo: A4 width, a height for every row, Times New Roman', () => {
    const model = reportLayout(summary, { year: 2026, month: 5, day: 25 });
    checkModel(model);
    expect(REPORT_WIDTH_PX).toBe(680);
    expect(model.columnWidths.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(680);
    expect(new Set(model.rowHeights.map((h) => h.row)).size).toBe(model.values.length);
    expect(new Set(model.formats.fontFamily?.flat())).toEqual(new Set(['Times New Roman']));
    const long = model.rowHeights.find((h) => String(model.values[h.row - 1][0]).startsWith("'Đến ngày 25/05/2026"));
    expect(long?.height).toBeGreaterThanOrEqual(20);
  });

  it('the date line follows Nghị định 30 (leading zero for days below 10 and months 1, 2)', () => {
    expect(dateLine('Bạch Ngọc', { year: 2026, month: 2, day: 5 })).toBe('Bạch Ngọc, ngày 05 tháng 02 năm 2026');
    expect(dateLine('An Hải', { year: 2026, month: 11, day: 25 })).toBe('An Hải, ngày 25 tháng 11 năm 2026');
  });
});
