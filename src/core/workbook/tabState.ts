/**
 * What the interpreter read from an existing tab, as plain data that diffTab compares with a
 * TabSpec. Coordinates are the tab's as read, before the spec's row inserts: diffTab shifts them.
 */
import { a1Range } from '../shared/a1';
import type { Block } from './sheetModel';
import type { FormatAttribute, StructureChange, ValidationRule } from './tabSpec';

/** A format grid as the getters return it; `undefined`: not known (a row inserted since the read). */
export type ReadGrid = readonly (readonly unknown[])[];

/** A cell's rule as plain data; `other` is a rule the add-on never sets. */
export type ValidationState = (ValidationRule & { allowInvalid: boolean }) | { kind: 'other' };

export interface ConditionalFormatState {
  /** The custom formula ('' for any other criteria); ownership is decided by it. */
  formula: string;
  /** Read only for the rules that are ours (null / [] for the others). */
  background: string | null;
  fontColor: string | null;
  ranges: Block[];
}

export interface ProtectionState {
  /** Null: the whole tab. */
  block: Block | null;
  description: string;
  /** Lower-cased; read only for the add-on's own protections ([] for the others). */
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  /** Of the add-on's own sheet protection ([] otherwise). */
  unprotected: Block[];
}

export interface ChartState {
  title: string;
  /** A1 notation of each range, in order. */
  ranges: string[];
}

export interface TabState {
  maxRows: number;
  maxColumns: number;
  /** The data range from A1 as getValues types it (Number, Boolean, Date, String, '' blank). */
  values: ReadGrid;
  /** One grid per attribute read, from A1; attributes the spec does not own are not read. */
  formats: Partial<Record<FormatAttribute, ReadGrid>>;
  merges: Block[];
  frozenRows: number;
  frozenColumns: number;
  /** Width of column i + 1, for the columns whose width the spec owns. */
  columnWidths: (number | undefined)[];
  /** Heights of the rows the spec sets. */
  rowHeights: { row: number; height: number }[];
  /** Of the rows the spec hides, those already hidden. */
  hiddenRows: number[];
  hiddenGridlines: boolean;
  /** Each cell's rule from A1 (null: none; undefined: not known); null when not read. */
  validations: readonly (readonly (ValidationState | null | undefined)[])[] | null;
  conditionalFormats: ConditionalFormatState[];
  protections: ProtectionState[];
  charts: ChartState[];
}

/**
 * What the getters return for a cell nobody formatted, which is every cell of a new tab (also what
 * the emulator reports). A different default in a real sheet only costs one more write, once.
 */
export const BLANK_CELL_FORMAT: Readonly<Record<FormatAttribute, unknown>> = {
  background: '#ffffff',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontColor: '#000000',
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  numberFormat: 'General',
};

/** A tab just created: blank, unformatted, nothing on it. */
export function blankTabState(rows: number, width: number): TabState {
  const grid = (value: unknown) => Array.from({ length: rows }, () => Array<unknown>(width).fill(value));
  const formats: Partial<Record<FormatAttribute, ReadGrid>> = {};
  for (const [attribute, value] of Object.entries(BLANK_CELL_FORMAT)) formats[attribute as FormatAttribute] = grid(value);
  return {
    maxRows: rows,
    maxColumns: width,
    values: [],
    formats,
    merges: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: [],
    rowHeights: [],
    hiddenRows: [],
    hiddenGridlines: false,
    validations: grid(null) as (ValidationState | null)[][],
    conditionalFormats: [],
    protections: [],
    charts: [],
  };
}

/** `B3:D7` or `B3` as a Block (the form getA1Notation gives). */
export function blockFromA1(a1: string): Block {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) throw new Error(`Not a cell range: ${a1}`);
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [row, col] = [Number(m[2]), column(m[1])];
  const [lastRow, lastCol] = m[3] ? [Number(m[4]), column(m[3])] : [row, col];
  return { row, col, numRows: lastRow - row + 1, numCols: lastCol - col + 1 };
}

export function a1OfBlock(b: Block): string {
  return a1Range(b.row, b.col, b.numRows, b.numCols);
}

/** The row a spec row was before the inserts (null: an inserted row). */
export function rowBeforeInserts(row: number, structure: readonly StructureChange[]): number | null {
  let r = row;
  for (let i = structure.length - 1; i >= 0; i--) {
    const { insertRowsBefore: at, count } = structure[i];
    if (r >= at + count) r -= count;
    else if (r >= at) return null;
  }
  return r;
}

/** The state as it will be once `count` blank rows are inserted before `at`: what was read moves down. */
export function stateAfterRowInsert(state: TabState, { insertRowsBefore: at, count }: StructureChange): TabState {
  const shiftRow = (row: number) => (row >= at ? row + count : row);
  const shiftBlock = (b: Block): Block => {
    if (b.row >= at) return { ...b, row: b.row + count };
    // A block the insert cuts through grows, as Sheets stretches merges and protected ranges.
    return b.row + b.numRows > at ? { ...b, numRows: b.numRows + count } : b;
  };
  const insertInto = <T>(grid: readonly (readonly T[])[], filler: T): T[][] => {
    const rows = grid.map((r) => [...r]);
    if (rows.length >= at - 1) rows.splice(at - 1, 0, ...Array.from({ length: count }, () => Array<T>(rows[0]?.length ?? 0).fill(filler)));
    return rows;
  };
  const formats: Partial<Record<FormatAttribute, ReadGrid>> = {};
  for (const [attribute, grid] of Object.entries(state.formats)) formats[attribute as FormatAttribute] = insertInto<unknown>(grid as ReadGrid, undefined);
  return {
    ...state,
    maxRows: state.maxRows + count,
    values: insertInto<unknown>(state.values, ''),
    formats,
    merges: state.merges.map(shiftBlock),
    frozenRows: at <= state.frozenRows ? state.frozenRows + count : state.frozenRows,
    rowHeights: state.rowHeights.map((h) => ({ row: shiftRow(h.row), height: h.height })),
    hiddenRows: state.hiddenRows.map(shiftRow),
    validations: state.validations && insertInto<ValidationState | null | undefined>(state.validations, undefined),
    conditionalFormats: state.conditionalFormats.map((rule) => ({ ...rule, ranges: rule.ranges.map(shiftBlock) })),
    protections: state.protections.map((p) => ({ ...p, block: p.block && shiftBlock(p.block), unprotected: p.unprotected.map(shiftBlock) })),
    charts: state.charts.map((chart) => ({ ...chart, ranges: chart.ranges.map((a1) => a1OfBlock(shiftBlock(blockFromA1(a1)))) })),
  };
}
