/** Helpers for finding things in a `getValues()` grid by label rather than by position. */
import { normalizeName } from './text';

export type Grid = readonly (readonly unknown[])[];

/** Label text before any parenthesised hint, normalised: `Năm (2026)` and `năm ` both give `năm`. */
export function labelKey(value: unknown): string {
  return normalizeName(String(value ?? '').split('(')[0]);
}

export interface CellPos {
  row: number; // 0-based in the grid
  col: number; // 0-based in the grid
}

/** First row holding every one of `labels` (compared by labelKey); maps each label to its column. */
export function findHeaderRow(grid: Grid, labels: readonly string[]): { row: number; columns: Map<string, number> } | null {
  const wanted = labels.map(labelKey);
  for (let r = 0; r < grid.length; r++) {
    const columns = new Map<string, number>();
    grid[r].forEach((cell, c) => {
      const key = labelKey(cell);
      if (wanted.includes(key) && !columns.has(key)) columns.set(key, c);
    });
    if (wanted.every((w) => columns.has(w))) return { row: r, columns };
  }
  return null;
}

export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}
