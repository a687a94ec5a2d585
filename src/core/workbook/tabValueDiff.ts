/**
 * The values part of diffTab: what to write so every owned cell reads back as the spec says,
 * in as few rectangles as possible, never covering a cell that is not the spec's.
 */
import { isDate } from '../shared/cellValues';
import { asCellText } from '../shared/text';
import { isIfBlank, type TabSpec } from './tabSpec';
import type { TabState } from './tabState';

/** A rectangle of values from (row, col), each already in the form setValues takes. */
export interface ValueWrite {
  row: number;
  col: number;
  values: unknown[][];
}

interface CellWrite {
  input: unknown;
  differs: boolean;
}

/**
 * Row runs of owned cells, each from its first to its last differing cell; a run grows the
 * rectangle above it when every cell inside stays ours (rewriting a same value changes nothing),
 * so a dense tab is one setValues whatever changed.
 */
export function planValues(spec: TabSpec, state: TabState): { writes: ValueWrite[]; changed: { row: number; col: number }[] } {
  const cells = spec.values.map((row, r) => row.map((wanted, c) => cellWrite(wanted, state.values[r]?.[c] ?? '', spec.formats.numberFormat?.[r]?.[c] ?? state.formats.numberFormat?.[r]?.[c])));
  const writable = (r: number, c: number) => cells[r][c] !== null;
  const allWritable = (top: number, bottom: number, left: number, right: number) => {
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (!writable(r, c)) return false;
    return true;
  };
  type Rect = { top: number; bottom: number; left: number; right: number };
  /** Whether `b` can grow down to row r and across the run, every cell inside it still ours. */
  const extend = (b: Rect, run: { left: number; right: number }, r: number): boolean => {
    const [left, right] = [Math.min(b.left, run.left), Math.max(b.right, run.right)];
    const fits = allWritable(b.top, b.bottom, left, b.left - 1) && allWritable(b.top, b.bottom, b.right + 1, right) && allWritable(b.bottom + 1, r, left, right);
    if (fits) Object.assign(b, { bottom: r, left, right });
    return fits;
  };
  const blocks: Rect[] = [];
  let open: Rect[] = [];
  cells.forEach((row, r) => {
    const runs = differingRuns(row);
    if (runs.length === 0) return;
    const next: Rect[] = [];
    for (const run of runs) {
      const i = open.findIndex((b) => extend(b, run, r));
      next.push(i >= 0 ? open.splice(i, 1)[0] : { top: r, bottom: r, ...run });
    }
    blocks.push(...open);
    open = next;
  });
  blocks.push(...open);
  const writes = blocks.map((b) => ({
    row: b.top + 1,
    col: b.left + 1,
    values: cells.slice(b.top, b.bottom + 1).map((row) => row.slice(b.left, b.right + 1).map((cell) => (cell as CellWrite).input)),
  }));
  const changed = cells.flatMap((row, r) => row.flatMap((cell, c) => (cell?.differs ? [{ row: r + 1, col: c + 1 }] : [])));
  return { writes, changed };
}

/** Null: not ours to write (a person's cell, or an `ifBlank` cell someone filled). */
function cellWrite(wanted: unknown, read: unknown, numberFormat: unknown): CellWrite | null {
  if (wanted === undefined) return null;
  if (isIfBlank(wanted)) return read === '' ? cellWrite(wanted.ifBlank, read, numberFormat) : null;
  // A spec's string may already carry asCellText's apostrophe (layouts add it); the cell shows what follows.
  const shown = typeof wanted === 'string' && wanted.startsWith("'") ? wanted.slice(1) : wanted;
  return { input: valueInput(shown, numberFormat), differs: !readsBackAs(shown, read) };
}

/** Strings go in as text (a name like `=…` or `0912…` must stay what it is); a plain-text cell takes them as they are. */
function valueInput(shown: unknown, numberFormat: unknown): unknown {
  if (shown === null || shown === undefined) return '';
  if (typeof shown !== 'string' || numberFormat === '@') return shown;
  return asCellText(shown);
}

/** Whether a cell reading `read` already shows `wanted` once written. */
function readsBackAs(wanted: unknown, read: unknown): boolean {
  if (isDate(wanted)) return isDate(read) && read.getTime() === wanted.getTime();
  if (wanted === null || wanted === undefined) return read === '';
  if (typeof wanted === 'string' || typeof wanted === 'number' || typeof wanted === 'boolean') return read === wanted;
  return String(wanted) === String(read);
}

/** 0-based column spans of a row: each run of writable cells, trimmed to its differing cells. */
function differingRuns(row: readonly (CellWrite | null)[]): { left: number; right: number }[] {
  const runs: { left: number; right: number }[] = [];
  let first = -1;
  let last = -1;
  const close = () => {
    if (first >= 0) runs.push({ left: first, right: last });
    first = last = -1;
  };
  row.forEach((cell, c) => {
    if (cell === null) return close();
    if (cell.differs) {
      if (first < 0) first = c;
      last = c;
    }
  });
  close();
  return runs;
}
