/** A village tab's grid → twelve month reports, every value keeping its cell address. */
import { a1 } from './a1';
import { isDate, readCount, type CountReading } from './cellValues';
import type { Grid } from './grid';
import type { IndicatorSetting } from './settings';
import { normalizeName, tidyText } from './text';
import { MONTHS, STATUS_CODES, locateVillageTab, type VillageTabMap } from './villageTab';

export interface CellReading {
  /** A1 address in the village tab. */
  cell: string;
  raw: unknown;
  reading: CountReading;
}

export interface MonthReport {
  month: number;
  /** False when the tab has no column for this month. */
  present: boolean;
  /** Applied indicators found in the tab, by code. */
  values: Map<string, CellReading>;
  submitted: boolean;
  submittedCell: string;
  submittedAt: Date | null;
  submittedAtCell: string;
  note: string;
}

export interface VillageReport {
  sheet: string;
  map: VillageTabMap;
  months: MonthReport[]; // index month - 1
  /** Applied indicators with no row in the tab. */
  missingRows: string[];
}

const TICKED = new Set(['true', 'x', 'có', 'đã nộp', '✓', '1']);

export function isTicked(value: unknown): boolean {
  return value === true || TICKED.has(normalizeName(value));
}

export function parseVillageTab(sheet: string, grid: Grid, indicators: readonly IndicatorSetting[]): VillageReport | null {
  const map = locateVillageTab(grid);
  if (!map) return null;
  const rowOf = (code: string) => map.rows.get(code);
  const cellAt = (r: number | undefined, c: number) => (r === undefined || c < 0 ? '' : grid[r]?.[c] ?? '');
  const months = MONTHS.map((month): MonthReport => {
    const col = map.monthCols[month - 1];
    const values = new Map<string, CellReading>();
    if (col >= 0) {
      for (const ind of indicators) {
        const r = rowOf(ind.code);
        if (r === undefined) continue;
        const raw = cellAt(r, col);
        values.set(ind.code, { cell: a1(r + 1, col + 1), raw, reading: readCount(raw) });
      }
    }
    const submittedRow = rowOf(STATUS_CODES.submitted);
    const stampRow = rowOf(STATUS_CODES.submittedAt);
    const stamp = cellAt(stampRow, col);
    return {
      month,
      present: col >= 0,
      values,
      submitted: col >= 0 && isTicked(cellAt(submittedRow, col)),
      submittedCell: submittedRow === undefined || col < 0 ? '' : a1(submittedRow + 1, col + 1),
      submittedAt: isDate(stamp) ? stamp : null,
      submittedAtCell: stampRow === undefined || col < 0 ? '' : a1(stampRow + 1, col + 1),
      note: tidyText(cellAt(rowOf(STATUS_CODES.note), col)),
    };
  });
  return { sheet, map, months, missingRows: indicators.filter((i) => !map.rows.has(i.code)).map((i) => i.code) };
}

/** The numeric value of an indicator in a month, or null when blank or invalid. */
export function countOf(report: MonthReport, code: string): number | null {
  const v = report.values.get(code);
  return v && v.reading.kind === 'count' ? v.reading.value : null;
}
