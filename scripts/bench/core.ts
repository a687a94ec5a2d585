/**
 * The pure part of Tổng hợp for 500 villages × 12 months (issue #4: under 50 ms): each village tab's
 * grid parsed (parseVillageTab), assessed (assessVillage), then aggregate(...) and the Tổng hợp /
 * Báo cáo layouts. Grids are built in memory the way getValues() returns them; figures are printed,
 * never asserted.
 */
import { aggregate, type AssessedVillage } from '../../src/core/assessment/aggregation';
import { assessVillage, type MonthAssessment } from '../../src/core/assessment/monthAssessment';
import { vnDateOf, vnInstant } from '../../src/core/shared/calendar';
import type { DenominatorCode } from '../../src/core/config/catalogue';
import { getPreset } from '../../src/core/config/presets';
import type { Village } from '../../src/core/config/registry';
import { reportLayout } from '../../src/core/reports/reportLayout';
import { summaryLayout } from '../../src/core/reports/summaryLayout';
import { formatInt } from '../../src/core/shared/text';
import { parseVillageTab, type VillageReport } from '../../src/core/entry/monthReports';
import { FIRST_MONTH_COL, MONTHS, villageTabLayout } from '../../src/core/workbook/villageTabLayout';

const VILLAGES = 500;
const RUNS = 9;
const WARM_UP_RUNS = 5;
const TARGET_MS = 50;
const preset = getPreset('bach-ngoc');
const applied = preset.indicators.filter((i) => i.applied);
const settings = preset.settings;
/** 28/12 of the plan's year: every month has begun, most reports are due. */
const NOW = vnInstant(settings.year, 12, 28, 9);

/** Deterministic, so every run (and every machine) times the same workbook. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** As a person or Sheets gives it: mostly numbers, sometimes typed text (`1.234`, ` 12 `), sometimes blank. */
function typed(value: number, random: () => number): unknown {
  const r = random();
  if (r < 0.02) return '';
  if (r < 0.08) return value >= 1000 ? formatInt(value) : ` ${value} `;
  if (r < 0.1) return `${value}`;
  return value;
}

interface CoreInput {
  village: Village;
  grid: unknown[][];
}

/**
 * One village: cumulative counts that grow towards their denominator (now and then dip, so a
 * warning appears), activity counts, a team of 3–5 (now and then 6); half the months ticked,
 * almost all with a stamp, some of them late; a tenth of the registry rows missing a denominator;
 * a word or a decimal here and there.
 */
function villageInput(index: number): CoreInput {
  const random = seededRandom(2026_0500 + index);
  const name = `Thôn ${index + 1}`;
  const households = 90 + Math.floor(random() * 400);
  const population: Record<DenominatorCode, number> = {
    SO_HO: households,
    DS_TRUONG_THANH: households * 3,
    DS_TU_16: households * 3 + 40,
    HS_TRUNG_HOC: Math.floor(households * 0.6),
    LD_DN_HTX: Math.floor(households * 0.2),
  };
  const denominators: Village['denominators'] = { ...population };
  if (index % 10 === 0) delete denominators.LD_DN_HTX;
  const village: Village = { name, head: 'Nguyễn Văn An', email: `thon${index + 1}@example.com`, phone: '', teamLeader: '', denominators, row: index + 5 };

  const layout = villageTabLayout(name, settings.year, applied);
  const grid = layout.rows.map((r) => [...r]);
  const cumulative = new Map(applied.map((ind) => [ind.code, ind.denominator ? Math.floor(population[ind.denominator] * (0.3 + random() * 0.3)) : 0]));
  for (const month of MONTHS) {
    const col = FIRST_MONTH_COL + month - 1;
    const submitted = random() < 0.5;
    const filled = submitted || random() < 0.3;
    applied.forEach((ind, k) => {
      if (!filled) return;
      let value: number;
      if (ind.kind === 'TY_LE') {
        const whole = ind.denominator ? population[ind.denominator] : 100;
        const previous = cumulative.get(ind.code) ?? 0;
        value = random() < 0.02 ? Math.max(0, previous - 2) : Math.min(whole, previous + Math.floor(random() * whole * 0.04));
        cumulative.set(ind.code, value);
      } else if (ind.kind === 'TRANG_THAI') {
        value = random() < 0.03 ? 6 : 3 + Math.floor(random() * 3); // now and then above the plan's 3–5
      } else {
        value = Math.floor(random() * 25);
      }
      const odd = random();
      grid[layout.firstIndicatorRow - 1 + k][col] = odd < 0.003 ? 'chưa có' : odd < 0.005 ? 2.5 : typed(value, random);
    });
    grid[layout.statusRow.submitted - 1][col] = submitted;
    if (submitted && random() < 0.95) grid[layout.statusRow.submittedAt - 1][col] = vnInstant(settings.year, month + (random() < 0.8 ? 0 : 1), 5 + Math.floor(random() * 20), 9);
    if (random() < 0.1) grid[layout.statusRow.note - 1][col] = '  Đã  họp  thôn ';
  }
  return { village, grid };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface StageTimes {
  parse: number;
  assess: number;
  aggregate: number;
  layouts: number;
  total: number;
}

/** One run of the whole pure part, each stage timed on its own. */
function runOnce(inputs: readonly CoreInput[]): StageTimes {
  const today = vnDateOf(NOW);
  const t0 = performance.now();
  const reports: (VillageReport | null)[] = inputs.map(({ village, grid }) => parseVillageTab(village.name, grid, applied));
  const t1 = performance.now();
  const assessed: AssessedVillage[] = inputs.map(({ village }, i) => {
    const report = reports[i];
    const assessments: MonthAssessment[] = report ? assessVillage(report, { villageName: village.name, village, settings, indicators: applied, today }) : [];
    return { village, report, assessments };
  });
  const t2 = performance.now();
  const summary = aggregate({ settings, indicators: applied, villages: assessed, period: { kind: 'year', throughMonth: 12 }, now: NOW });
  const t3 = performance.now();
  summaryLayout(summary);
  reportLayout(summary, today);
  const t4 = performance.now();
  return { parse: t1 - t0, assess: t2 - t1, aggregate: t3 - t2, layouts: t4 - t3, total: t4 - t0 };
}

export async function benchCore(): Promise<string[]> {
  const inputs = Array.from({ length: VILLAGES }, (_, i) => villageInput(i));
  // Node compiles hot code in the background, so the first runs measure the compiler (several
  // times over on a busy machine): they are reported apart and the median is of the runs after them.
  const cold = Array.from({ length: WARM_UP_RUNS }, () => runOnce(inputs));
  const runs = Array.from({ length: RUNS }, () => runOnce(inputs));
  const m = (stage: keyof StageTimes) => median(runs.map((r) => r[stage]));
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  const total = m('total');
  return [
    `Pure core of Tổng hợp, ${VILLAGES} villages × ${MONTHS.length} months (median of ${RUNS} runs, after ${WARM_UP_RUNS} warm-up runs):`,
    `  parseVillageTab   ${ms(m('parse'))}`,
    `  assessVillage     ${ms(m('assess'))}`,
    `  aggregate         ${ms(m('aggregate'))}`,
    `  layouts           ${ms(m('layouts'))}  (Tổng hợp + Báo cáo)`,
    `  total             ${ms(total)}  (target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'NOT met'})`,
    `  warm-up runs      ${cold.map((r) => r.total.toFixed(0)).join(', ')} ms (the first is a cold start, as every Apps Script execution is)`,
  ];
}
