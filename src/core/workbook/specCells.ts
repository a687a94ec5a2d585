/** Claiming cells in a TabSpec: planners say which cells are the add-on's and what they hold. */
import type { Block, HorizontalAlign, VerticalAlign } from './sheetModel';
import type { FormatAttribute, OwnedValue, TabSpec } from './tabSpec';

/** Only the attributes given are claimed; the others stay as a person left them. */
export interface OwnedFormat {
  background?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fontFamily?: string;
  align?: HorizontalAlign;
  valign?: VerticalAlign;
  wrap?: boolean;
  numberFormat?: string;
}

const ATTRIBUTE_OF: Record<keyof OwnedFormat, FormatAttribute> = {
  background: 'background',
  bold: 'fontWeight',
  italic: 'fontStyle',
  fontSize: 'fontSize',
  fontColor: 'fontColor',
  fontFamily: 'fontFamily',
  align: 'horizontalAlignment',
  valign: 'verticalAlignment',
  wrap: 'wrap',
  numberFormat: 'numberFormat',
};

/** Grows the spec so (row, col), 1-based, is inside it. */
function reach(spec: TabSpec, row: number, col: number): void {
  if (col > spec.width) {
    for (const r of spec.values) r.push(...Array<OwnedValue>(col - spec.width).fill(undefined));
    for (const grid of Object.values(spec.formats)) for (const r of grid as unknown[][]) r.push(...Array(col - spec.width).fill(undefined));
    spec.width = col;
  }
  while (spec.rows < row) {
    spec.values.push(Array<OwnedValue>(spec.width).fill(undefined));
    for (const grid of Object.values(spec.formats)) (grid as unknown[][]).push(Array(spec.width).fill(undefined));
    spec.rows++;
  }
}

export function ownValue(spec: TabSpec, row: number, col: number, value: OwnedValue): void {
  reach(spec, row, col);
  spec.values[row - 1][col - 1] = value;
}

/** A row of values from (row, col) rightwards. */
export function ownRow(spec: TabSpec, row: number, col: number, values: readonly OwnedValue[]): void {
  values.forEach((value, i) => ownValue(spec, row, col + i, value));
}

/** Later claims win, as later calls would on a sheet. */
export function ownFormat(spec: TabSpec, block: Block, format: OwnedFormat): void {
  if (block.numRows < 1 || block.numCols < 1) return;
  reach(spec, block.row + block.numRows - 1, block.col + block.numCols - 1);
  for (const key of Object.keys(format) as (keyof OwnedFormat)[]) {
    if (format[key] === undefined) continue;
    const attribute = ATTRIBUTE_OF[key];
    const grids = spec.formats as Partial<Record<FormatAttribute, unknown[][]>>;
    const grid = (grids[attribute] ??= Array.from({ length: spec.rows }, () => Array<unknown>(spec.width).fill(undefined)));
    // Bold and italic are flags here, words in the grid.
    const value = key === 'bold' || key === 'italic' ? (format[key] ? key : 'normal') : format[key];
    for (let r = block.row; r < block.row + block.numRows; r++) {
      for (let c = block.col; c < block.col + block.numCols; c++) grid[r - 1][c - 1] = value;
    }
  }
}

export const block = (row: number, col: number, numRows = 1, numCols = 1): Block => ({ row, col, numRows, numCols });
