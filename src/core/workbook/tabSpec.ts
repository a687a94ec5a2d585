/**
 * A tab the add-on owns, described as data (docs/tabs.md, "Declarative tabs"): what every cell it
 * owns should hold and look like, and the tab's structure. One interpreter (gas/tabWriter.ts) reads
 * what is there, `diffTab` compares, and only the differences are written, so a rerun with nothing
 * to change writes nothing. Cells the spec leaves `undefined` belong to people and are never touched.
 */
import type { Block, ChartModel, HorizontalAlign, VerticalAlign } from './sheetModel';

export type { Block } from './sheetModel';

/** A value written only into a blank cell: a fresh checkbox row gets `false`, a typed tick stays. */
export interface IfBlank {
  ifBlank: unknown;
}

/**
 * A cell's wanted value: a value, a value for a blank cell only, or `undefined` (not ours). A string
 * is written as text; it may already carry asCellText's leading apostrophe, which the cell does not show.
 */
export type OwnedValue = unknown | IfBlank | undefined;

export function isIfBlank(value: unknown): value is IfBlank {
  return typeof value === 'object' && value !== null && 'ifBlank' in value && !(value instanceof Date);
}

/** The formats the interpreter compares, each read and written as one 2-D array per tab. */
export interface FormatGrids {
  background: (string | null | undefined)[][];
  fontWeight: ('bold' | 'normal' | undefined)[][];
  fontStyle: ('italic' | 'normal' | undefined)[][];
  fontSize: (number | undefined)[][];
  fontColor: (string | undefined)[][];
  fontFamily: (string | undefined)[][];
  horizontalAlignment: (HorizontalAlign | undefined)[][];
  verticalAlignment: (VerticalAlign | undefined)[][];
  wrap: (boolean | undefined)[][];
  numberFormat: (string | undefined)[][];
}

export type FormatAttribute = keyof FormatGrids;

export const FORMAT_ATTRIBUTES: readonly FormatAttribute[] = [
  'background', 'fontWeight', 'fontStyle', 'fontSize', 'fontColor', 'fontFamily', 'horizontalAlignment', 'verticalAlignment', 'wrap', 'numberFormat',
];

/** Data-validation rules the add-on sets. A formula is written for the block's top-left cell. */
export type ValidationRule =
  | { kind: 'checkbox' }
  | { kind: 'formula'; formula: string; helpText: string }
  | { kind: 'list'; values: string[] }
  | { kind: 'numberBetween'; min: number; max: number; helpText: string };

export interface ValidationSpec {
  block: Block;
  rule: ValidationRule;
}

export interface ConditionalFormatSpec {
  formula: string;
  background: string;
  fontColor: string;
  ranges: Block[];
}

export interface ProtectionSpec {
  /** Null: the whole tab. */
  block: Block | null;
  /** Shown in Data > Protected ranges; the add-on finds its own protections by it. */
  description: string;
  editors: string[];
  /** Of a sheet protection: cells left out of it (Sheets' "except certain cells"). */
  unprotected?: Block[];
}

export interface StructureChange {
  /** 1-based row before which `count` blank rows go; coordinates in the spec are after the insert. */
  insertRowsBefore: number;
  count: number;
}

export interface TabSpec {
  name: string;
  /** 0-based index for a tab that has to be created. */
  position: number;
  /** Rows inserted before anything is compared (a repair adding an indicator above the status rows). */
  structure: StructureChange[];
  /** Rows × columns of `values` and of every format grid. */
  rows: number;
  width: number;
  values: OwnedValue[][];
  formats: Partial<FormatGrids>;
  merges: Block[];
  /** Whether merges not in `merges` are broken (a tab the add-on rewrites whole). */
  ownsAllMerges: boolean;
  /** Null: not ours (the tab keeps whatever freeze it has). */
  frozenRows: number | null;
  frozenColumns: number | null;
  /** Width of each column 1…n; undefined: not ours. */
  columnWidths: (number | undefined)[];
  rowHeights: { row: number; height: number }[];
  hiddenRows: number[];
  hiddenGridlines: boolean | null;
  validations: ValidationSpec[];
  /** Null: the tab's conditional formats are not ours. Otherwise rules whose formula contains `marker` are ours. */
  conditionalFormats: { marker: string; rules: ConditionalFormatSpec[] } | null;
  protections: ProtectionSpec[];
  /** Written with the content they frame: when the tab is new or a value inside them changed. */
  borders: Block[];
  rules: Block[];
  charts: ChartModel[];
  /** Whether content beyond rows × width is cleared (a tab the add-on rewrites whole). */
  ownsWholeTab: boolean;
}

/** A spec that owns nothing yet: planners fill in what their tab needs. */
export function emptyTabSpec(name: string, position: number, rows: number, width: number): TabSpec {
  return {
    name,
    position,
    structure: [],
    rows,
    width,
    values: Array.from({ length: rows }, () => Array<OwnedValue>(width).fill(undefined)),
    formats: {},
    merges: [],
    ownsAllMerges: false,
    frozenRows: null,
    frozenColumns: null,
    columnWidths: [],
    rowHeights: [],
    hiddenRows: [],
    hiddenGridlines: null,
    validations: [],
    conditionalFormats: null,
    protections: [],
    borders: [],
    rules: [],
    charts: [],
    ownsWholeTab: false,
  };
}
