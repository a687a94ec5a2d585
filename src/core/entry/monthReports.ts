/** A village tab's grid → twelve month reports, every value keeping its cell address. */
import { a1 } from '../shared/a1';
import { isDate, isTicked, readCount, type CountReading } from '../shared/cellValues';
import type { Grid } from '../shared/grid';
import type { IndicatorSetting } from '../config/settings';
import { tidyLines } from '../shared/text';
import { MONTHS, STATUS_CODES, locateVillageTab, type VillageTabMap } from '../workbook/villageTabLayout';

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
  values: ReadonlyMap<string, CellReading>;
  submitted: boolean;
  submittedCell: string;
  submittedAt: Date | null;
  submittedAtCell: string;
  /** The `Ghi chú` cell, tidied: a person's text, then the add-on's part (ownNotes.ts). */
  note: string;
  noteCell: string;
  /** When the office approved the month (`DA_DUYET`, docs/periods-and-status.md, "Approval"); null: not approved. */
  approvedAt: Date | null;
  approvedAtCell: string;
}

export interface VillageReport {
  sheet: string;
  map: VillageTabMap;
  months: MonthReport[]; // index month - 1
  /** The `Đầu năm` column by indicator code; empty in a tab made before that column existed. */
  startValues: ReadonlyMap<string, CellReading>;
  /** Applied indicators with no row in the tab. */
  missingRows: string[];
}

export function parseVillageTab(sheet: string, grid: Grid, indicators: readonly IndicatorSetting[]): VillageReport | null {
  const map = locateVillageTab(grid);
  if (!map) return null;
  // Rows are found once per tab, not once per month.
  const positions = new Map<string, number>();
  const rows: number[] = [];
  for (const ind of indicators) {
    const row = map.rows.get(ind.code);
    if (row === undefined || positions.has(ind.code)) continue;
    positions.set(ind.code, rows.length);
    rows.push(row);
  }
  const submittedRow = map.rows.get(STATUS_CODES.submitted);
  const stampRow = map.rows.get(STATUS_CODES.submittedAt);
  const noteRow = map.rows.get(STATUS_CODES.note);
  const approvalRow = map.rows.get(STATUS_CODES.approvedAt);
  const cellAt = (r: number | undefined, c: number) => (r === undefined || c < 0 ? '' : grid[r]?.[c] ?? '');
  const readingsOf = (col: number) => col < 0 ? NO_READINGS : new MonthReadings(positions, rows.map((row) => {
    const raw = cellAt(row, col);
    return { cell: cellName(row, col), raw, reading: readCount(raw) };
  }));
  const months = MONTHS.map((month): MonthReport => {
    const col = map.monthCols[month - 1];
    const values = readingsOf(col);
    const stamp = cellAt(stampRow, col);
    return {
      month,
      present: col >= 0,
      values,
      submitted: col >= 0 && isTicked(cellAt(submittedRow, col)),
      submittedCell: submittedRow === undefined || col < 0 ? '' : a1(submittedRow + 1, col + 1),
      submittedAt: isDate(stamp) ? stamp : null,
      submittedAtCell: stampRow === undefined || col < 0 ? '' : a1(stampRow + 1, col + 1),
      note: tidyLines(cellAt(noteRow, col)),
      noteCell: noteRow === undefined || col < 0 ? '' : a1(noteRow + 1, col + 1),
      approvedAt: approvalOf(cellAt(approvalRow, col)),
      approvedAtCell: approvalRow === undefined || col < 0 ? '' : a1(approvalRow + 1, col + 1),
    };
  });
  return { sheet, map, months, startValues: readingsOf(map.startCol), missingRows: indicators.filter((i) => !map.rows.has(i.code)).map((i) => i.code) };
}

/** Only a date approves: the office writes one, and anything else in the cell proves nothing. */
function approvalOf(cell: unknown): Date | null {
  return isDate(cell) ? cell : null;
}

/** A1 names of grid cells, shared by every tab: 500 tabs × 12 months ask for the same few hundred. */
const CELL_NAMES: string[][] = [];

function cellName(row: number, col: number): string {
  const names = (CELL_NAMES[row] ??= []);
  return (names[col] ??= a1(row + 1, col + 1));
}

/**
 * A month's readings by indicator code, read-only. The months of a tab share one index of codes, so
 * a tab holds twelve small arrays rather than twelve hash tables: Tổng hợp keeps 500 tabs in memory
 * at once, and the tables were a large share of what parsing them allocated.
 */
class MonthReadings implements ReadonlyMap<string, CellReading> {
  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly readings: readonly CellReading[],
  ) {}

  get size(): number {
    return this.positions.size;
  }

  get(code: string): CellReading | undefined {
    const i = this.positions.get(code);
    return i === undefined ? undefined : this.readings[i];
  }

  has(code: string): boolean {
    return this.positions.has(code);
  }

  forEach(callback: (reading: CellReading, code: string, map: ReadonlyMap<string, CellReading>) => void, thisArg?: unknown): void {
    this.positions.forEach((i, code) => callback.call(thisArg, this.readings[i], code, this));
  }

  keys(): MapIterator<string> {
    return this.positions.keys();
  }

  values(): MapIterator<CellReading> {
    return this.asMap().values();
  }

  entries(): MapIterator<[string, CellReading]> {
    return this.asMap().entries();
  }

  [Symbol.iterator](): MapIterator<[string, CellReading]> {
    return this.entries();
  }

  private asMap(): Map<string, CellReading> {
    return new Map(Array.from(this.positions, ([code, i]) => [code, this.readings[i]]));
  }
}

/** A month with no column in the tab. */
const NO_READINGS: ReadonlyMap<string, CellReading> = new Map();

/** The numeric value of an indicator in a month, or null when blank or invalid. */
export function countOf(report: MonthReport, code: string): number | null {
  const v = report.values.get(code);
  return v && v.reading.kind === 'count' ? v.reading.value : null;
}
