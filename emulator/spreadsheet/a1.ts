import { gasError } from '../guard';

/** A 1-based rectangle of cells. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A parsed A1 reference; a missing row/column bound means "to the edge of the sheet". */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export const OUT_OF_BOUNDS = 'The coordinates of the range are outside the dimensions of the sheet.';

export function columnToLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

export function parseA1(a1: string): A1Ref {
  let ref = a1.trim();
  const out: A1Ref = {};
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    let name = ref.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
    out.sheetName = name;
    ref = ref.slice(bang + 1);
  }
  const [a, b, extra] = ref.split(':');
  const pa = CELL.exec(a ?? '');
  const pb = b === undefined ? pa : CELL.exec(b);
  if (extra !== undefined || !pa || !pb || (!pa[1] && !pa[2]) || (!pb[1] && !pb[2])) throw gasError('Range not found');
  // "A1" and "A:A" and "1:1" all have the same shape: a missing part spans the sheet.
  if (b === undefined && (!pa[1] || !pa[2])) throw gasError('Range not found');
  const [c1, r1, c2, r2] = [pa[1], pa[2], pb[1], pb[2]];
  if (c1) out.startCol = lettersToColumn(c1);
  if (r1) out.startRow = Number(r1);
  if (c2) out.endCol = lettersToColumn(c2);
  if (r2) out.endRow = Number(r2);
  // Open-ended rows ("A2:B") need columns at both ends; "2:B3" is not a reference.
  if (!c1 !== !c2) throw gasError('Range not found');
  if (out.startRow === 0 || out.endRow === 0) throw gasError('Range not found');
  return out;
}

export function resolveA1(ref: A1Ref, maxRows: number, maxCols: number): Rect {
  const r1 = ref.startRow ?? 1;
  const r2 = ref.endRow ?? (ref.startRow !== undefined && ref.endCol === undefined ? ref.startRow : maxRows);
  const c1 = ref.startCol ?? 1;
  const c2 = ref.endCol ?? maxCols;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

export function rectToA1(r: Rect): string {
  const start = `${columnToLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col
    && inner.row + inner.numRows <= outer.row + outer.numRows && inner.col + inner.numCols <= outer.col + outer.numCols;
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

/** Whether the line after row (or column) `line` cuts through `r`, leaving parts of it on both sides. */
export function straddles(r: Rect, axis: 'row' | 'col', line: number): boolean {
  const [start, len] = axis === 'row' ? [r.row, r.numRows] : [r.col, r.numCols];
  return line >= start && line < start + len - 1;
}

/** Rows (or columns) inserted: `count` new lines start at `at`; lines at or after `at` move. */
export function shiftForInsert(r: Rect, axis: 'row' | 'col', at: number, count: number): Rect {
  const [start, len] = axis === 'row' ? ['row', 'numRows'] as const : ['col', 'numCols'] as const;
  const out = { ...r };
  if (r[start] >= at) out[start] += count;
  else if (r[start] + r[len] - 1 >= at) out[len] += count;
  return out;
}

/** Lines `at`..`at+count-1` deleted; a rectangle entirely inside them disappears (null). */
export function shiftForDelete(r: Rect, axis: 'row' | 'col', at: number, count: number): Rect | null {
  const [start, len] = axis === 'row' ? ['row', 'numRows'] as const : ['col', 'numCols'] as const;
  const s = r[start];
  const e = s + r[len] - 1;
  const de = at + count - 1;
  if (e < at) return { ...r };
  if (s > de) return { ...r, [start]: s - count };
  const overlap = Math.min(e, de) - Math.max(s, at) + 1;
  const remaining = r[len] - overlap;
  if (remaining <= 0) return null;
  return { ...r, [start]: s < at ? s : at, [len]: remaining };
}
