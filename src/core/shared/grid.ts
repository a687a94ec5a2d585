/** Helpers for finding things in a `getValues()` grid by label rather than by position. */
import { normalizeName } from './text';

export type Grid = readonly (readonly unknown[])[];

/** The same header labels come back in every tab (500 village tabs per Tổng hợp): each is worked out once. */
const KNOWN_LABEL_KEYS = new Map<string, string>();
const KNOWN_LABEL_KEYS_MAX = 1000;

/** Label text before any parenthesised hint, normalised: `Năm (2026)` and `năm ` both give `năm`. */
export function labelKey(value: unknown): string {
  const text = String(value ?? '');
  let key = KNOWN_LABEL_KEYS.get(text);
  if (key === undefined) {
    const hint = text.indexOf('(');
    key = normalizeName(hint < 0 ? text : text.slice(0, hint));
    if (KNOWN_LABEL_KEYS.size >= KNOWN_LABEL_KEYS_MAX) KNOWN_LABEL_KEYS.clear();
    KNOWN_LABEL_KEYS.set(text, key);
  }
  return key;
}

export interface HeaderRow {
  row: number;
  /** Column of each wanted label, by its labelKey. */
  columns: Map<string, number>;
  /** labelKey of every cell of the row, so callers need not work them out again. */
  keys: string[];
}

/** First row holding every one of `labels` (compared by labelKey); maps each label to its column. */
export function findHeaderRow(grid: Grid, labels: readonly string[], accept: (header: HeaderRow) => boolean = () => true): HeaderRow | null {
  const wanted = labels.map(labelKey);
  for (let r = 0; r < grid.length; r++) {
    const keys = grid[r].map(labelKey);
    if (!wanted.every((w) => keys.includes(w))) continue;
    const columns = new Map<string, number>();
    keys.forEach((key, c) => {
      if (wanted.includes(key) && !columns.has(key)) columns.set(key, c);
    });
    const header = { row: r, columns, keys };
    if (accept(header)) return header;
  }
  return null;
}

