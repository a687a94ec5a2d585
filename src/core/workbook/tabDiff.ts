/**
 * The writes that make a tab what its TabSpec says, given what was read from it: nothing the tab
 * already shows is written again, and a cell the spec leaves `undefined` is never in a write.
 */
import { OWN_PROTECTION_PREFIX } from './ownProtection';
import type { Block, ChartModel } from './sheetModel';
import {
  FORMAT_ATTRIBUTES,
  type ConditionalFormatSpec,
  type FormatAttribute,
  type ProtectionSpec,
  type StructureChange,
  type TabSpec,
  type ValidationRule,
  type ValidationSpec,
} from './tabSpec';
import { planValues, type ValueWrite } from './tabValueDiff';
import { BLANK_CELL_FORMAT, a1OfBlock, blankTabState, stateAfterRowInsert, type ProtectionState, type TabState, type ValidationState } from './tabState';

/** One attribute over a rectangle; cells the spec does not own get back what was read. */
export interface FormatWrite {
  attribute: FormatAttribute;
  block: Block;
  grid: unknown[][];
}

/** `across`: one-row merges of the same columns on consecutive rows, one mergeAcross() call. */
export type MergeRun = Block & { across: boolean };

export interface SizeRun {
  at: number;
  count: number;
  size: number;
}

export interface RowRun {
  at: number;
  count: number;
}

/** `index`: position in TabState.protections (the reader keeps the Protection objects in that order). */
export type ProtectionOp =
  | { kind: 'create'; protection: ProtectionSpec }
  /** The tab's sheet protection under another description: renamed, emptied, given the editors. */
  | { kind: 'takeOver'; index: number; protection: ProtectionSpec }
  | { kind: 'update'; index: number; addEditors: string[]; removeEditors: string[]; warningOnlyOff: boolean; domainEditOff: boolean }
  | { kind: 'unprotect'; index: number; blocks: Block[] }
  | { kind: 'remove'; index: number };

/** Writes, in the order the writer runs them. */
export interface TabOps {
  create: { position: number } | null;
  insertRows: StructureChange[];
  /** At least this many rows and columns (for a new tab the writer checks what it got). */
  ensureSize: { rows: number; columns: number } | null;
  /** Content, formats and validations cleared beyond the spec's rows × width (ownsWholeTab). */
  clearTail: Block[];
  breakMerges: Block[];
  frozenRows: number | null;
  frozenColumns: number | null;
  merges: MergeRun[];
  clearValidations: Block | null;
  formats: FormatWrite[];
  values: ValueWrite[];
  validations: ValidationSpec[];
  clearBorders: Block | null;
  borders: Block[];
  rules: Block[];
  columnWidths: SizeRun[];
  rowHeights: SizeRun[];
  hideRows: RowRun[];
  hiddenGridlines: boolean | null;
  /** The rules kept (indices of TabState.conditionalFormats, in order), then ours. */
  conditionalFormats: { keep: number[]; add: ConditionalFormatSpec[] } | null;
  /** Indices of TabState.charts removed, then the charts inserted. */
  charts: { remove: number[]; add: ChartModel[] } | null;
  protections: ProtectionOp[];
}

export function diffTab(spec: TabSpec, read: TabState | null): TabOps {
  const state = read ? spec.structure.reduce(stateAfterRowInsert, read) : blankTabState(spec.rows, spec.width);
  const isNew = read === null;
  const values = planValues(spec, state);
  const touched = (b: Block) => isNew || values.changed.some((cell) => inBlock(b, cell.row, cell.col));
  const redraw = { borders: spec.borders.filter(touched), rules: spec.rules.filter(touched) };
  const redrawAll = spec.ownsWholeTab && !isNew && redraw.borders.length + redraw.rules.length > 0;
  const merges = planMerges(spec, state);
  const validations = planValidations(spec, state);
  return {
    create: isNew ? { position: spec.position } : null,
    insertRows: isNew ? [] : [...spec.structure],
    ensureSize: isNew || state.maxRows < spec.rows || state.maxColumns < spec.width ? { rows: spec.rows, columns: spec.width } : null,
    clearTail: spec.ownsWholeTab ? tailBlocks(spec, state) : [],
    breakMerges: merges.breaks,
    frozenRows: spec.frozenRows === null || state.frozenRows === spec.frozenRows ? null : spec.frozenRows,
    frozenColumns: spec.frozenColumns === null || state.frozenColumns === spec.frozenColumns ? null : spec.frozenColumns,
    merges: mergeRuns(merges.adds),
    clearValidations: validations.clear,
    formats: FORMAT_ATTRIBUTES.flatMap((attribute) => planFormat(spec, state, attribute)),
    values: values.writes,
    validations: validations.writes,
    clearBorders: redrawAll ? { row: 1, col: 1, numRows: spec.rows, numCols: spec.width } : null,
    borders: redrawAll ? [...spec.borders] : redraw.borders,
    rules: redrawAll ? [...spec.rules] : redraw.rules,
    columnWidths: sizeRuns(spec.columnWidths.flatMap((size, i) => (size === undefined || state.columnWidths[i] === size ? [] : [{ at: i + 1, size }]))),
    rowHeights: sizeRuns(spec.rowHeights.filter((h) => state.rowHeights.find((s) => s.row === h.row)?.height !== h.height).map((h) => ({ at: h.row, size: h.height }))),
    hideRows: sizeRuns(spec.hiddenRows.filter((row) => !state.hiddenRows.includes(row)).map((row) => ({ at: row, size: 0 }))).map(({ at, count }) => ({ at, count })),
    hiddenGridlines: spec.hiddenGridlines === null || spec.hiddenGridlines === state.hiddenGridlines ? null : spec.hiddenGridlines,
    conditionalFormats: planConditionalFormats(spec, state),
    charts: planCharts(spec, state),
    protections: planProtections(spec.protections, state.protections),
  };
}

/** How many operations a plan holds (each is one service call, or a few: see gas/tabWriter.ts). */
export function opsCount(ops: TabOps): number {
  const single = [ops.create, ops.ensureSize, ops.frozenRows, ops.frozenColumns, ops.clearValidations, ops.clearBorders, ops.hiddenGridlines, ops.conditionalFormats];
  const lists = [ops.insertRows, ops.clearTail, ops.breakMerges, ops.merges, ops.formats, ops.values, ops.validations, ops.borders, ops.rules, ops.columnWidths, ops.rowHeights, ops.hideRows, ops.protections];
  const charts = ops.charts ? ops.charts.remove.length + ops.charts.add.length : 0;
  return single.filter((op) => op !== null).length + lists.reduce((sum, list) => sum + list.length, 0) + charts;
}

export function isEmpty(ops: TabOps): boolean {
  return opsCount(ops) === 0;
}

// ---- formats ----

/** One rectangle around the owned cells that differ; the others inside it keep what they show. */
function planFormat(spec: TabSpec, state: TabState, attribute: FormatAttribute): FormatWrite[] {
  const wanted = spec.formats[attribute];
  if (!wanted) return [];
  const read = state.formats[attribute];
  let [top, bottom, left, right] = [Infinity, -1, Infinity, -1];
  wanted.forEach((row, r) => row.forEach((value, c) => {
    if (value === undefined || sameFormat(attribute, value, read?.[r]?.[c])) return;
    [top, bottom, left, right] = [Math.min(top, r), Math.max(bottom, r), Math.min(left, c), Math.max(right, c)];
  }));
  if (bottom < 0) return [];
  const grid: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: unknown[] = [];
    for (let c = left; c <= right; c++) {
      const value = wanted[r]?.[c];
      line.push(value === undefined ? keptFormat(attribute, read?.[r]?.[c]) : value);
    }
    grid.push(line);
  }
  return [{ attribute, block: { row: top + 1, col: left + 1, numRows: bottom - top + 1, numCols: right - left + 1 }, grid }];
}

/** Sheets reports colours in lower case and font names as it spells them: text compares ignoring case. */
function sameFormat(attribute: FormatAttribute, wanted: unknown, read: unknown): boolean {
  const w = attribute === 'background' ? (wanted ?? BLANK_CELL_FORMAT.background) : wanted;
  return read !== undefined && (typeof w === 'string' && typeof read === 'string' ? w.toLowerCase() === read.toLowerCase() : w === read);
}

/**
 * What to write back into a cell that is not ours: what it showed. Sheets reports "no fill" as
 * white and an unset alignment as `general…`, which the setters do not take: null resets them.
 */
function keptFormat(attribute: FormatAttribute, read: unknown): unknown {
  if (read === undefined) return null;
  if (attribute === 'background' && colorKey(read) === BLANK_CELL_FORMAT.background) return null;
  if (attribute === 'horizontalAlignment' && String(read).startsWith('general')) return null;
  return read;
}

/** Sheets reports colours as lower-case #rrggbb. */
const colorKey = (color: unknown) => String(color).toLowerCase();

// ---- whole tabs ----

/** What lies below and right of the spec's area, when something is there. */
function tailBlocks(spec: TabSpec, state: TabState): Block[] {
  const grids = [state.values, ...Object.values(state.formats), ...(state.validations ? [state.validations] : [])];
  const rows = Math.max(spec.rows, ...grids.map((g) => g.length));
  const cols = Math.max(spec.width, ...grids.map((g) => g[0]?.length ?? 0));
  const below = { row: spec.rows + 1, col: 1, numRows: rows - spec.rows, numCols: cols };
  const right = { row: 1, col: spec.width + 1, numRows: spec.rows, numCols: cols - spec.width };
  return [below, right].filter((b) => b.numRows > 0 && b.numCols > 0 && !isBlankArea(state, b));
}

function isBlankArea(state: TabState, b: Block): boolean {
  for (let r = b.row - 1; r < b.row - 1 + b.numRows; r++) {
    for (let c = b.col - 1; c < b.col - 1 + b.numCols; c++) {
      if ((state.values[r]?.[c] ?? '') !== '' || (state.validations?.[r]?.[c] ?? null) !== null) return false;
      for (const attribute of FORMAT_ATTRIBUTES) {
        const read = state.formats[attribute]?.[r]?.[c];
        if (read !== undefined && !sameFormat(attribute, BLANK_CELL_FORMAT[attribute], read)) return false;
      }
    }
  }
  return true;
}

// ---- merges ----

function planMerges(spec: TabSpec, state: TabState): { adds: Block[]; breaks: Block[] } {
  // Merging keeps only the top-left value: never merge over another cell a person filled.
  const personFilled = (m: Block) => {
    for (let r = m.row - 1; r < m.row - 1 + m.numRows; r++) {
      for (let c = m.col - 1; c < m.col - 1 + m.numCols; c++) {
        if ((r !== m.row - 1 || c !== m.col - 1) && spec.values[r]?.[c] === undefined && (state.values[r]?.[c] ?? '') !== '') return true;
      }
    }
    return false;
  };
  const wanted = spec.merges.filter((m) => m.numRows * m.numCols > 1 && !personFilled(m));
  const adds = wanted.filter((w) => !state.merges.some((m) => sameBlock(m, w)));
  // A merge in the way of a wanted one goes even on a tab whose other merges are people's.
  const breaks = state.merges.filter((m) => !wanted.some((w) => sameBlock(m, w)) && (spec.ownsAllMerges || wanted.some((w) => intersects(m, w))));
  return { adds, breaks };
}

function mergeRuns(merges: readonly Block[]): MergeRun[] {
  const out: MergeRun[] = [];
  const sorted = [...merges].sort((a, b) => a.col - b.col || a.numCols - b.numCols || a.row - b.row);
  for (const m of sorted) {
    const last = out[out.length - 1];
    const continues = last && m.numRows === 1 && (last.across || last.numRows === 1) && last.col === m.col && last.numCols === m.numCols && last.row + last.numRows === m.row;
    if (continues) {
      last.numRows++;
      last.across = true;
    } else out.push({ ...m, across: false });
  }
  return out;
}

// ---- validations ----

function planValidations(spec: TabSpec, state: TabState): { clear: Block | null; writes: ValidationSpec[] } {
  const read = state.validations ?? [];
  const cellRule = (r: number, c: number) => (read[r - 1] === undefined ? null : read[r - 1][c - 1]);
  const differs = ({ block: b, rule }: ValidationSpec) => {
    for (let r = b.row; r < b.row + b.numRows; r++) for (let c = b.col; c < b.col + b.numCols; c++) if (!sameValidation(rule, cellRule(r, c))) return true;
    return false;
  };
  const stale = spec.ownsWholeTab ? read.flatMap((row, r) => row.flatMap((rule, c) => (rule !== null && !spec.validations.some((v) => inBlock(v.block, r + 1, c + 1)) ? [{ row: r + 1, col: c + 1 }] : []))) : [];
  const [rows, cols] = [stale.map((s) => s.row), stale.map((s) => s.col)];
  const [row, col] = [Math.min(...rows), Math.min(...cols)];
  const clear = stale.length > 0 ? { row, col, numRows: Math.max(...rows) - row + 1, numCols: Math.max(...cols) - col + 1 } : null;
  const writes = spec.validations.filter((v) => differs(v) || (clear !== null && intersects(clear, v.block)));
  return { clear, writes };
}

/** What the writer sets for a rule: every rule but the checkbox refuses invalid input. */
function sameValidation(wanted: ValidationRule, read: ValidationState | null | undefined): boolean {
  if (!read || read.kind === 'other' || read.kind !== wanted.kind || read.allowInvalid !== (wanted.kind === 'checkbox')) return false;
  switch (wanted.kind) {
    case 'checkbox':
      return true;
    case 'formula':
      return read.kind === 'formula' && read.formula === wanted.formula && read.helpText === wanted.helpText;
    case 'list':
      return read.kind === 'list' && read.values.join('\n') === wanted.values.join('\n');
    case 'numberBetween':
      return read.kind === 'numberBetween' && read.min === wanted.min && read.max === wanted.max && read.helpText === wanted.helpText;
  }
}

// ---- conditional formats ----

function planConditionalFormats(spec: TabSpec, state: TabState): TabOps['conditionalFormats'] {
  if (!spec.conditionalFormats) return null;
  const { marker, rules } = spec.conditionalFormats;
  const unmarked = rules.find((rule) => !rule.formula.includes(marker));
  // It would be taken for someone else's on the next run and stacked again.
  if (unmarked) throw new Error(`Conditional format ${unmarked.formula} lacks its marker ${marker}`);
  const isOurs = (formula: string) => formula.includes(marker);
  const ours = state.conditionalFormats.filter((rule) => isOurs(rule.formula));
  const same = ours.length === rules.length && ours.every((rule, i) => {
    const w = rules[i];
    return rule.formula === w.formula && colorKey(rule.background) === colorKey(w.background) && colorKey(rule.fontColor) === colorKey(w.fontColor)
      && rule.ranges.length === w.ranges.length && rule.ranges.every((b, j) => sameBlock(b, w.ranges[j]));
  });
  if (same) return null;
  return { keep: state.conditionalFormats.flatMap((rule, i) => (isOurs(rule.formula) ? [] : [i])), add: [...rules] };
}

// ---- charts ----

function planCharts(spec: TabSpec, state: TabState): TabOps['charts'] {
  if (!spec.ownsWholeTab && spec.charts.length === 0) return null;
  const same = state.charts.length === spec.charts.length && state.charts.every((chart, i) => {
    const w = spec.charts[i];
    return chart.title === w.title && chart.ranges.join(',') === w.ranges.map(a1OfBlock).join(',');
  });
  return same ? null : { remove: state.charts.map((_, i) => i), add: [...spec.charts] };
}

// ---- protections ----

/**
 * Each wanted protection is found by its description (a sheet protection: the tab's only one) and
 * brought to the wanted editors; the add-on's other protections on the tab are stale.
 */
function planProtections(wanted: readonly ProtectionSpec[], read: readonly ProtectionState[]): ProtectionOp[] {
  const ops: ProtectionOp[] = [];
  const used = new Set<number>();
  for (const protection of wanted) {
    const index = read.findIndex((p, i) => !used.has(i) && (protection.block === null ? p.block === null : p.description === protection.description));
    if (index < 0) {
      ops.push({ kind: 'create', protection });
      continue;
    }
    used.add(index);
    const current = read[index];
    if (current.description !== protection.description) ops.push({ kind: 'takeOver', index, protection });
    else if (protection.block && current.block && !sameBlock(protection.block, current.block)) ops.push({ kind: 'remove', index }, { kind: 'create', protection });
    else {
      const update = editorsUpdate(index, current, protection.editors);
      if (update) ops.push(update);
      const unprotected = protection.unprotected ?? [];
      const same = unprotected.length === current.unprotected.length && unprotected.every((b, i) => sameBlock(b, current.unprotected[i]));
      if (!same) ops.push({ kind: 'unprotect', index, blocks: unprotected });
    }
  }
  read.forEach((p, index) => {
    if (!used.has(index) && p.description.startsWith(OWN_PROTECTION_PREFIX)) ops.push({ kind: 'remove', index });
  });
  return ops;
}

function editorsUpdate(index: number, current: ProtectionState, editors: readonly string[]): ProtectionOp | null {
  const wanted = [...new Set(editors.map((e) => e.toLowerCase()))];
  const addEditors = wanted.filter((e) => !current.editors.includes(e));
  const removeEditors = current.editors.filter((e) => !wanted.includes(e));
  if (addEditors.length + removeEditors.length === 0 && !current.warningOnly && !current.domainEdit) return null;
  return { kind: 'update', index, addEditors, removeEditors, warningOnlyOff: current.warningOnly, domainEditOff: current.domainEdit };
}

// ---- blocks and runs ----

/** Consecutive positions of the same size, so each run is one call. */
function sizeRuns(items: readonly { at: number; size: number }[]): SizeRun[] {
  const out: SizeRun[] = [];
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    const last = out[out.length - 1];
    if (last && last.at + last.count === item.at && last.size === item.size) last.count++;
    else out.push({ at: item.at, count: 1, size: item.size });
  }
  return out;
}

function sameBlock(a: Block, b: Block): boolean {
  return a.row === b.row && a.col === b.col && a.numRows === b.numRows && a.numCols === b.numCols;
}

function intersects(a: Block, b: Block): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

function inBlock(b: Block, row: number, col: number): boolean {
  return row >= b.row && row < b.row + b.numRows && col >= b.col && col < b.col + b.numCols;
}
