import type { Api } from '../api';
import { EmuObject, gasError } from '../guard';
import { columnToLetters, contains, intersects, OUT_OF_BOUNDS, rectToA1, straddles, type Rect } from './a1';
import { FORMAT_DEFAULTS, normalizeColor, putStored, type BorderEdge, type Cell, type CellFormat } from './cell';
import { EmuDataValidation } from './dataValidation';
import { displayValue } from './numberFormat';
import { EmuProtection } from './protection';
import type { EmuSheet } from './sheet';
import { interpretInput, readable, type CellValue } from './values';

type R = GoogleAppsScript.Spreadsheet.Range;
type FormatKey = Exclude<keyof CellFormat, 'borders'>;

const MERGE_CONFLICT = 'You must select all cells in a merged range to merge or unmerge them.';

/** Sheets refuses a merge across the freeze line (messages quoted from Apps Script logs in public repos). */
const MERGE_ACROSS_FREEZE = {
  row: "You can't merge frozen and non-frozen rows.",
  col: "You can't merge frozen and non-frozen columns.",
} as const;

/**
 * A cell holds at most 50,000 characters (docs.airbyte.com, Google Sheets destination limits); the
 * message is the one Apps Script and the Sheets API return, as logged in public repos.
 */
const MAX_CELL_CHARACTERS = 50_000;
const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

function assertFitsInCell(input: unknown): void {
  if (typeof input === 'string' && input.length > MAX_CELL_CHARACTERS) throw gasError(CELL_TOO_LONG);
}

/**
 * A fixed rectangle of a sheet (like Apps Script, it does not move when rows are inserted).
 * Every write is checked against the sheet's protections for the acting user.
 */
export class EmuRange extends EmuObject implements Api<R,
  | 'getValue' | 'getValues' | 'setValue' | 'setValues' | 'getDisplayValue' | 'getDisplayValues'
  | 'getFormula' | 'getFormulas' | 'setFormula' | 'setFormulas'
  | 'getNote' | 'getNotes' | 'setNote' | 'setNotes' | 'clearNote'
  | 'getBackground' | 'getBackgrounds' | 'setBackground' | 'setBackgrounds'
  | 'getFontWeight' | 'getFontWeights' | 'setFontWeight' | 'setFontWeights'
  | 'getFontColor' | 'getFontColors' | 'setFontColor' | 'setFontColors'
  | 'getFontSize' | 'getFontSizes' | 'setFontSize' | 'setFontSizes'
  | 'getFontStyle' | 'getFontStyles' | 'setFontStyle' | 'setFontStyles'
  | 'getFontFamily' | 'getFontFamilies' | 'setFontFamily' | 'setFontFamilies'
  | 'getHorizontalAlignment' | 'getHorizontalAlignments' | 'setHorizontalAlignment' | 'setHorizontalAlignments'
  | 'getVerticalAlignment' | 'getVerticalAlignments' | 'setVerticalAlignment' | 'setVerticalAlignments'
  | 'getWrap' | 'getWraps' | 'setWrap' | 'setWraps' | 'getWrapStrategy' | 'getWrapStrategies' | 'setWrapStrategy' | 'setWrapStrategies'
  | 'getNumberFormat' | 'getNumberFormats' | 'setNumberFormat' | 'setNumberFormats'
  | 'merge' | 'mergeAcross' | 'mergeVertically' | 'breakApart' | 'getMergedRanges' | 'isPartOfMerge' | 'setBorder'
  | 'setDataValidation' | 'setDataValidations' | 'getDataValidation' | 'getDataValidations' | 'clearDataValidations'
  | 'insertCheckboxes' | 'removeCheckboxes' | 'check' | 'uncheck' | 'isChecked' | 'protect'
  | 'getA1Notation' | 'getRow' | 'getRowIndex' | 'getColumn' | 'getLastRow' | 'getLastColumn' | 'getNumRows' | 'getNumColumns'
  | 'getHeight' | 'getWidth' | 'getSheet' | 'activate' | 'clear' | 'clearContent' | 'clearFormat' | 'offset' | 'getCell'
  | 'isBlank'> {
  constructor(
    readonly sheet: EmuSheet,
    readonly rect: Rect,
    /** Ranges obtained as "A:B" or "1:2" keep that notation. */
    private readonly shape?: 'cols' | 'rows',
  ) {
    super(sheet.counter, 'Range');
  }

  private get ss() {
    return this.sheet.ss;
  }

  private grid<T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numCols; c++) line.push(fn(this.sheet._cell(row + r, col + c), row + r, col + c));
      out.push(line);
    }
    return out;
  }

  private guard(): void {
    this.sheet._assertCanEdit(this.rect);
  }

  private each(fn: (cell: Cell, row: number, col: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(this.sheet._ensure(row + i, col + j), row + i, col + j, i, j);
  }

  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
      throw gasError(`The parameters (${Array.isArray(data) ? 'Object[]' : typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
    }
    const rows = data as unknown[][];
    if (rows.length !== this.rect.numRows) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.rect.numRows}.`);
    }
    const bad = rows.find((r) => r.length !== this.rect.numCols);
    if (bad) {
      throw gasError(`The number of columns in the data does not match the number of columns in the range. The data has ${bad.length} but the range has ${this.rect.numCols}.`);
    }
    return rows;
  }

  /** Writes a value the way a script's setValue does (typed interpretation, '@' kept as text). */
  _store(cell: Cell, input: unknown): void {
    putStored(cell, interpretInput(input, this.ss.locale, this.ss.timeZone, cell.format.numberFormat === '@'));
  }

  _storeExact(cell: Cell, value: CellValue): void {
    putStored(cell, { value });
  }

  private read(cell: Cell | undefined) {
    return cell ? readable(cell.value, (ms) => this.ss.env.date(ms)) : '';
  }

  getValue() { return this.read(this.sheet._cell(this.rect.row, this.rect.col)); }
  getValues() { return this.grid((c) => this.read(c)); }
  setValue(value: unknown) {
    this.guard();
    assertFitsInCell(value);
    this.each((cell) => this._store(cell, value));
    return this;
  }
  setValues(values: unknown[][]) { return this.storeAll(values, 'setValues', assertFitsInCell); }
  /** Checks every input before writing any, so a refused call leaves the range as it was. */
  private storeAll(data: unknown, method: string, checkInput?: (input: unknown) => void): this {
    const rows = this.checkShape(data, method);
    this.guard();
    if (checkInput) rows.forEach((line) => line.forEach(checkInput));
    this.each((cell, _r, _c, i, j) => this._store(cell, rows[i][j]));
    return this;
  }
  isBlank() {
    return this.grid((c) => !c || (c.value === '' && !c.formula)).every((r) => r.every(Boolean));
  }

  private display(cell: Cell | undefined): string {
    return cell ? displayValue(cell.value, cell.format.numberFormat, this.ss.locale, this.ss.timeZone) : '';
  }
  getDisplayValue() { return this.display(this.sheet._cell(this.rect.row, this.rect.col)); }
  getDisplayValues() { return this.grid((c) => this.display(c)); }

  getFormula() { return this.sheet._cell(this.rect.row, this.rect.col)?.formula ?? ''; }
  getFormulas() { return this.grid((c) => c?.formula ?? ''); }
  setFormula(formula: string) {
    this.guard();
    this.each((cell) => this._store(cell, formula));
    return this;
  }
  setFormulas(formulas: string[][]) { return this.storeAll(formulas, 'setFormulas'); }

  getNote() { return this.sheet._cell(this.rect.row, this.rect.col)?.note ?? ''; }
  getNotes() { return this.grid((c) => c?.note ?? ''); }
  private putNote(cell: Cell, note: unknown) {
    if (note === null || note === undefined || note === '') delete cell.note;
    else cell.note = String(note);
  }
  setNote(note: string | null) {
    this.guard();
    this.each((cell) => this.putNote(cell, note));
    return this;
  }
  setNotes(notes: unknown[][]) {
    const rows = this.checkShape(notes, 'setNotes');
    this.guard();
    this.each((cell, _r, _c, i, j) => this.putNote(cell, rows[i][j]));
    return this;
  }
  clearNote() { return this.setNote(null); }

  private getFmt<K extends FormatKey>(key: K): NonNullable<CellFormat[K]> {
    const c = this.sheet._cell(this.rect.row, this.rect.col);
    return (c?.format[key] ?? FORMAT_DEFAULTS[key]) as NonNullable<CellFormat[K]>;
  }
  private getFmts<K extends FormatKey>(key: K): NonNullable<CellFormat[K]>[][] {
    return this.grid((c) => (c?.format[key] ?? FORMAT_DEFAULTS[key]) as NonNullable<CellFormat[K]>);
  }
  private setFmt<K extends FormatKey>(key: K, value: CellFormat[K] | null | undefined): this {
    this.guard();
    this.each((cell) => putFormat(cell, key, value));
    return this;
  }
  private setFmts<K extends FormatKey>(key: K, values: unknown[][], method: string, map: (v: unknown) => CellFormat[K] | null): this {
    const rows = this.checkShape(values, method);
    this.guard();
    this.each((cell, _r, _c, i, j) => putFormat(cell, key, rows[i][j] === null || rows[i][j] === undefined ? null : map(rows[i][j])));
    return this;
  }

  getBackground() { return this.getFmt('background'); }
  getBackgrounds() { return this.getFmts('background'); }
  setBackground(color: string | null) { return this.setFmt('background', color ? normalizeColor(color) : null); }
  setBackgrounds(colors: string[][]) { return this.setFmts('background', colors, 'setBackgrounds', (v) => normalizeColor(String(v))); }

  getFontWeight() { return this.getFmt('fontWeight'); }
  getFontWeights() { return this.getFmts('fontWeight'); }
  setFontWeight(w: string | null) { return this.setFmt('fontWeight', w); }
  setFontWeights(w: unknown[][]) { return this.setFmts('fontWeight', w, 'setFontWeights', String); }

  getFontColor() { return this.getFmt('fontColor'); }
  getFontColors() { return this.getFmts('fontColor'); }
  setFontColor(color: string | null) { return this.setFmt('fontColor', color ? normalizeColor(color) : null); }
  setFontColors(colors: unknown[][]) { return this.setFmts('fontColor', colors, 'setFontColors', (v) => normalizeColor(String(v))); }

  getFontSize() { return this.getFmt('fontSize'); }
  getFontSizes() { return this.getFmts('fontSize'); }
  setFontSize(size: number) { return this.setFmt('fontSize', size); }
  setFontSizes(sizes: unknown[][]) { return this.setFmts('fontSize', sizes, 'setFontSizes', Number); }

  getFontStyle() { return this.getFmt('fontStyle'); }
  getFontStyles() { return this.getFmts('fontStyle'); }
  setFontStyle(style: string | null) { return this.setFmt('fontStyle', style); }
  setFontStyles(styles: unknown[][]) { return this.setFmts('fontStyle', styles, 'setFontStyles', String); }

  getFontFamily() { return this.getFmt('fontFamily'); }
  getFontFamilies() { return this.getFmts('fontFamily'); }
  setFontFamily(family: string | null) { return this.setFmt('fontFamily', family); }
  setFontFamilies(families: unknown[][]) { return this.setFmts('fontFamily', families, 'setFontFamilies', String); }

  getHorizontalAlignment() { return this.getFmt('horizontalAlignment'); }
  getHorizontalAlignments() { return this.getFmts('horizontalAlignment'); }
  setHorizontalAlignment(a: string | null) { return this.setFmt('horizontalAlignment', a === 'normal' ? null : a); }
  setHorizontalAlignments(a: unknown[][]) { return this.setFmts('horizontalAlignment', a, 'setHorizontalAlignments', String); }

  getVerticalAlignment() { return this.getFmt('verticalAlignment'); }
  getVerticalAlignments() { return this.getFmts('verticalAlignment'); }
  setVerticalAlignment(a: string | null) { return this.setFmt('verticalAlignment', a); }
  setVerticalAlignments(a: unknown[][]) { return this.setFmts('verticalAlignment', a, 'setVerticalAlignments', String); }

  getWrap() { return this.getFmt('wrapStrategy') === 'WRAP'; }
  getWraps() { return this.getFmts('wrapStrategy').map((r) => r.map((w) => w === 'WRAP')); }
  setWrap(isWrapEnabled: boolean) { return this.setFmt('wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW'); }
  setWraps(wraps: unknown[][]) { return this.setFmts('wrapStrategy', wraps, 'setWraps', (v) => (v ? 'WRAP' : 'OVERFLOW')); }
  getWrapStrategy() { return this.getFmt('wrapStrategy'); }
  getWrapStrategies() { return this.getFmts('wrapStrategy'); }
  setWrapStrategy(s: GoogleAppsScript.Spreadsheet.WrapStrategy) { return this.setFmt('wrapStrategy', String(s)); }
  setWrapStrategies(s: unknown[][]) { return this.setFmts('wrapStrategy', s, 'setWrapStrategies', String); }

  getNumberFormat() { return this.getFmt('numberFormat'); }
  getNumberFormats() { return this.getFmts('numberFormat'); }
  setNumberFormat(format: string) { return this.setFmt('numberFormat', format); }
  setNumberFormats(formats: unknown[][]) { return this.setFmts('numberFormat', formats, 'setNumberFormats', String); }

  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null,
    vertical: boolean | null, horizontal: boolean | null, color?: string | null, style?: GoogleAppsScript.Spreadsheet.BorderStyle | null) {
    this.guard();
    const edge: BorderEdge = { color: color ? normalizeColor(color) : '#000000', style: style ? String(style) : 'SOLID' };
    const { row, col, numRows, numCols } = this.rect;
    const apply = (cell: Cell, side: 'top' | 'left' | 'bottom' | 'right', on: boolean | null | undefined) => {
      if (on === null || on === undefined) return;
      const borders = { ...cell.format.borders };
      if (on) borders[side] = { ...edge };
      else delete borders[side];
      cell.format.borders = borders;
    };
    this.each((cell, r, c) => {
      apply(cell, 'top', r === row ? top : horizontal);
      apply(cell, 'bottom', r === row + numRows - 1 ? bottom : horizontal);
      apply(cell, 'left', c === col ? left : vertical);
      apply(cell, 'right', c === col + numCols - 1 ? right : vertical);
    });
    return this;
  }

  /** Drops the merges inside `rect`; one that only partly overlaps it is Sheets' merge error. */
  private unmerge(rect: Rect): void {
    if (this.sheet.merges.some((m) => intersects(m, rect) && !contains(rect, m))) throw gasError(MERGE_CONFLICT);
    this.sheet.merges = this.sheet.merges.filter((m) => !contains(rect, m));
  }
  private mergeRects(rects: Rect[]): this {
    this.guard();
    rects.filter((r) => r.numRows * r.numCols > 1).forEach((r) => this.assertClearOfFreezeLines(r));
    for (const rect of rects) {
      this.unmerge(rect);
      if (rect.numRows * rect.numCols === 1) continue;
      this.sheet.merges.push({ ...rect });
      // Merging keeps only the top-left value.
      new EmuRange(this.sheet, rect).grid((cell, r, c) => {
        if (cell && (r !== rect.row || c !== rect.col)) this._storeExact(cell, '');
      });
    }
    return this;
  }
  private assertClearOfFreezeLines(rect: Rect): void {
    if (straddles(rect, 'row', this.sheet.frozenRows)) throw gasError(MERGE_ACROSS_FREEZE.row);
    if (straddles(rect, 'col', this.sheet.frozenCols)) throw gasError(MERGE_ACROSS_FREEZE.col);
  }
  merge() { return this.mergeRects([this.rect]); }
  mergeAcross() {
    const { row, col, numRows, numCols } = this.rect;
    return this.mergeRects(Array.from({ length: numRows }, (_, i) => ({ row: row + i, col, numRows: 1, numCols })));
  }
  mergeVertically() {
    const { row, col, numRows, numCols } = this.rect;
    return this.mergeRects(Array.from({ length: numCols }, (_, j) => ({ row, col: col + j, numRows, numCols: 1 })));
  }
  breakApart() {
    this.guard();
    this.unmerge(this.rect);
    return this;
  }
  getMergedRanges() {
    return this.sheet.merges.filter((m) => intersects(m, this.rect)).map((m) => new EmuRange(this.sheet, { ...m }));
  }
  isPartOfMerge() {
    return this.sheet.merges.some((m) => intersects(m, this.rect));
  }

  setDataValidation(rule: EmuDataValidation | null) {
    this.guard();
    const anchored = rule?._anchoredAt(this.rect.row, this.rect.col);
    this.each((cell) => {
      if (anchored) cell.validation = anchored;
      else delete cell.validation;
    });
    return this;
  }
  setDataValidations(rules: (EmuDataValidation | null)[][]) {
    const rows = this.checkShape(rules, 'setDataValidations') as (EmuDataValidation | null)[][];
    this.guard();
    this.each((cell, r, c, i, j) => {
      const rule = rows[i][j];
      if (rule) cell.validation = rule._anchoredAt(r, c);
      else delete cell.validation;
    });
    return this;
  }
  getDataValidation() { return this.sheet._cell(this.rect.row, this.rect.col)?.validation ?? null; }
  getDataValidations() { return this.grid((c) => c?.validation ?? null); }
  clearDataValidations() { return this.setDataValidation(null); }

  /** Sets every cell to the unchecked value, as Sheets does. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown) {
    this.guard();
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const rule = new EmuDataValidation(this.counter, { criteria: 'CHECKBOX', values, helpText: '', allowInvalid: false });
    const unchecked = checkedValue === undefined ? false : uncheckedValue === undefined ? '' : uncheckedValue;
    this.each((cell) => {
      cell.validation = rule;
      this._store(cell, unchecked);
    });
    return this;
  }
  removeCheckboxes() {
    this.guard();
    this.each((cell) => {
      if (cell.validation?.spec.criteria !== 'CHECKBOX') return;
      delete cell.validation;
      this._storeExact(cell, '');
    });
    return this;
  }
  private setChecked(checked: boolean): this {
    this.guard();
    this.each((cell) => {
      const v = cell.validation;
      if (v?.spec.criteria !== 'CHECKBOX') return;
      const [on, off] = v.spec.values;
      this._store(cell, v.spec.values.length === 0 ? checked : checked ? on : off ?? '');
    });
    return this;
  }
  check() { return this.setChecked(true); }
  uncheck() { return this.setChecked(false); }
  isChecked() {
    const states = this.grid((cell) => {
      const v = cell?.validation;
      if (v?.spec.criteria !== 'CHECKBOX') return null;
      const on = v.spec.values.length ? v.spec.values[0] : true;
      return cell?.value === on || (typeof cell?.value !== 'boolean' && String(cell?.value) === String(on));
    }).flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s) => s)) return true;
    return states.every((s) => !s) ? false : null;
  }

  protect() {
    const p = new EmuProtection(this.sheet, 'RANGE', { ...this.rect });
    this.sheet.protections.push(p);
    return p;
  }

  getA1Notation() {
    const { row, col, numRows, numCols } = this.rect;
    if (this.shape === 'cols') return `${columnToLetters(col)}:${columnToLetters(col + numCols - 1)}`;
    if (this.shape === 'rows') return `${row}:${row + numRows - 1}`;
    return rectToA1(this.rect);
  }
  getRow() { return this.rect.row; }
  getRowIndex() { return this.rect.row; }
  getColumn() { return this.rect.col; }
  getLastRow() { return this.rect.row + this.rect.numRows - 1; }
  getLastColumn() { return this.rect.col + this.rect.numCols - 1; }
  getNumRows() { return this.rect.numRows; }
  getNumColumns() { return this.rect.numCols; }
  getHeight() { return this.rect.numRows; }
  getWidth() { return this.rect.numCols; }
  getSheet() { return this.sheet; }
  activate() {
    this.ss.activeSheet = this.sheet;
    this.ss.activeRange = this;
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }) {
    this.guard();
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    this.each((cell) => {
      if (all || o.contentsOnly) this._storeExact(cell, '');
      if (all || o.formatOnly) cell.format = {};
      if (all || o.validationsOnly) delete cell.validation;
      if (o.commentsOnly) delete cell.note;
    });
    return this;
  }
  clearContent() { return this.clear({ contentsOnly: true }); }
  clearFormat() { return this.clear({ formatOnly: true }); }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    return this.sheet._rangeAt(this.rect.row + rowOffset, this.rect.col + columnOffset, numRows ?? this.rect.numRows, numColumns ?? this.rect.numCols);
  }
  getCell(row: number, column: number) {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) throw gasError(OUT_OF_BOUNDS);
    return new EmuRange(this.sheet, { row: this.rect.row + row - 1, col: this.rect.col + column - 1, numRows: 1, numCols: 1 });
  }
}

/** A null or undefined format value removes the attribute, so the cell reports the default again. */
function putFormat<K extends FormatKey>(cell: Cell, key: K, value: CellFormat[K] | null | undefined): void {
  if (value === null || value === undefined) delete cell.format[key];
  else cell.format[key] = value;
}
