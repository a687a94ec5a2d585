/** A parsed village tab built from the real layout, for the core validation tests. */
import { a1 } from '../../src/core/shared/a1';
import { vnDateOf, vnInstant } from '../../src/core/shared/calendar';
import { getPreset } from '../../src/core/config/presets';
import { findVillage, type Village } from '../../src/core/config/registry';
import type { Settings } from '../../src/core/config/settings';
import type { ValidationContext } from '../../src/core/entry/validation';
import { parseVillageTab, type VillageReport } from '../../src/core/entry/monthReports';
import { FIRST_MONTH_COL, villageTabLayout } from '../../src/core/workbook/villageTabLayout';

export const preset = getPreset('bach-ngoc');
export const applied = preset.indicators.filter((i) => i.applied);
export const layout = villageTabLayout('Thôn 3', preset.settings.year, applied);

export const village: Village = {
  name: 'Thôn 3',
  head: 'Nguyễn Văn An',
  email: 'thon3@example.com',
  phone: '',
  teamLeader: '',
  denominators: { SO_HO: 200, DS_TRUONG_THANH: 1100, DS_TU_16: 1150, HS_TRUNG_HOC: 60, LD_DN_HTX: 30 },
  row: 7,
};

/** 15/06/2026 08:00 in Vietnam: Tháng 6 is the current month, Tháng 7 is in the future. */
export const NOW = new Date('2026-06-15T01:00:00Z');

/** 0-based grid row of a code in the fresh layout. */
export function rowOf(code: string): number {
  return layout.rows.findIndex((r) => r[0] === code);
}
export const colOf = (month: number) => FIRST_MONTH_COL + month - 1;
export const cellOf = (code: string, month: number) => a1(rowOf(code) + 1, colOf(month) + 1);

/** Plausible values: cumulative counts grow slowly, activity counts stay flat, team of four. */
export function baseValue(code: string, month: number): number {
  const ind = applied.find((i) => i.code === code);
  if (!ind) throw new Error(code);
  if (ind.kind === 'TY_LE') return 10 + month;
  if (ind.kind === 'TRANG_THAI') return 4;
  return 5;
}

/** Months 1–5 filled and ticked; the rest blank and unticked. */
export function baseGrid(): unknown[][] {
  const grid = layout.rows.map((r) => [...r]);
  // Submitted as the add-on leaves it: ticked and stamped (on the 10th, before the due date).
  for (let m = 1; m <= 5; m++) {
    fillMonth(grid, m, true);
    grid[rowOf('NGAY_NOP')][colOf(m)] = vnInstant(2026, m, 10, 9);
  }
  return grid;
}

export function fillMonth(grid: unknown[][], month: number, ticked: boolean): void {
  for (const ind of applied) grid[rowOf(ind.code)][colOf(month)] = baseValue(ind.code, month);
  grid[rowOf('DA_NOP')][colOf(month)] = ticked;
}

export function set(grid: unknown[][], code: string, month: number, value: unknown): void {
  grid[rowOf(code)][colOf(month)] = value;
}

export function parse(grid: unknown[][], tabName = 'Thôn 3'): VillageReport {
  const report = parseVillageTab(tabName, grid, applied);
  if (!report) throw new Error('layout not recognised');
  return report;
}

export function contextFor(tabName: string, villages: Village[] = [village], settings: Partial<Settings> = {}): ValidationContext {
  const found = findVillage(villages, tabName);
  return {
    villageName: found?.name ?? tabName,
    village: found,
    settings: { ...preset.settings, ...settings },
    indicators: applied,
    today: vnDateOf(NOW),
  };
}
