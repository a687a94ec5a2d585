import type { Api } from '../api';
import { EmuObject, gasError, notEmulated } from '../guard';
import { OUT_OF_BOUNDS, parseA1, resolveA1, shiftForDelete, shiftForInsert, straddles, type Rect } from './a1';
import { cloneCell, normalizeColor, type Cell } from './cell';
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder } from './chart';
import { EmuConditionalFormatRule } from './conditionalFormat';
import { assertNotProtected, EmuProtection, PROTECTED_MESSAGE } from './protection';
import { EmuRange } from './range';
import type { EmuSpreadsheet } from './spreadsheet';

type Axis = 'row' | 'col';

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

/**
 * Sheets refuses a freeze line through a merged cell. The columns message is quoted from an Apps
 * Script execution log pasted in a public GitHub file; the rows message is its analogue (public
 * repos record "can't freeze rows which contain only part of a merged cell"; the tail is unconfirmed).
 */
const FREEZE_THROUGH_MERGE: Record<Axis, string> = {
  row: "Sorry, you can't freeze rows which contain only part of a merged cell. Try to break apart merged cells or freeze more rows to include the complete merged cells.",
  col: "Sorry, you can't freeze columns which contain only part of a merged cell. Try to break apart merged cells or freeze more columns to include the complete merged cells.",
};

/** Sheets caps sheet names at 100 characters (comment in hildogjr/KiCost#52); what it does past that is unknown. */
const MAX_SHEET_NAME_LENGTH = 100;

/** Refuses, as not emulated, a sheet name longer than Sheets allows. */
export function assertSheetNameLength(apiClass: string, method: string, name: string): void {
  if (name.length > MAX_SHEET_NAME_LENGTH) throw notEmulated(apiClass, `${method}(name longer than ${MAX_SHEET_NAME_LENGTH} characters)`);
}

/**
 * A grid sheet. Cells live in a sparse row-major array so inserting or deleting lines is a
 * splice that carries values, notes, formats and validations along; rectangles kept elsewhere
 * (merges, protections, conditional-format and chart ranges) are shifted explicitly.
 */
export class EmuSheet extends EmuObject implements Api<GoogleAppsScript.Spreadsheet.Sheet,
  | 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'activate' | 'getRange' | 'getDataRange'
  | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns'
  | 'insertRows' | 'insertRowsAfter' | 'insertRowsBefore' | 'insertRowAfter' | 'insertRowBefore'
  | 'insertColumns' | 'insertColumnsAfter' | 'insertColumnsBefore' | 'insertColumnAfter' | 'insertColumnBefore'
  | 'deleteRow' | 'deleteRows' | 'deleteColumn' | 'deleteColumns' | 'appendRow'
  | 'clear' | 'clearContents' | 'clearFormats' | 'clearNotes'
  | 'setFrozenRows' | 'setFrozenColumns' | 'getFrozenRows' | 'getFrozenColumns'
  | 'setColumnWidth' | 'setColumnWidths' | 'getColumnWidth' | 'setRowHeight' | 'setRowHeights' | 'getRowHeight'
  | 'hideRows' | 'showRows' | 'isRowHiddenByUser' | 'hideColumns' | 'showColumns' | 'isColumnHiddenByUser'
  | 'setTabColor' | 'getTabColor' | 'setHiddenGridlines' | 'hasHiddenGridlines' | 'autoResizeColumns' | 'autoResizeColumn'
  | 'protect' | 'getProtections' | 'setConditionalFormatRules' | 'getConditionalFormatRules' | 'clearConditionalFormatRules'
  | 'newChart' | 'insertChart' | 'getCharts' | 'removeChart' | 'updateChart'
  | 'showSheet' | 'hideSheet' | 'isSheetHidden' | 'getType'> {
  grid: (Cell | undefined)[][] = [];
  maxRows = 1000;
  maxCols = 26;
  colWidths: (number | undefined)[] = [];
  rowHeights: (number | undefined)[] = [];
  hiddenRows: boolean[] = [];
  hiddenCols: boolean[] = [];
  merges: Rect[] = [];
  protections: EmuProtection[] = [];
  cfRules: EmuConditionalFormatRule[] = [];
  charts: EmuEmbeddedChart[] = [];
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  hidden = false;
  gridlinesHidden = false;
  autoResized: number[] = [];

  constructor(
    readonly ss: EmuSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {
    super(ss.counter, 'Sheet');
  }

  _cell(row: number, col: number): Cell | undefined {
    return this.grid[row - 1]?.[col - 1];
  }

  _ensure(row: number, col: number): Cell {
    const line = (this.grid[row - 1] ??= []);
    return (line[col - 1] ??= { value: '', format: {} });
  }

  /** Throws Sheets' protection error if the acting user may not write any cell of `area`. */
  _assertCanEdit(area: Rect): void {
    assertNotProtected(this.protections, area, this.ss._actingUser());
  }

  /** Renaming, resizing, inserting and the like need edit rights on the whole sheet. */
  _assertStructure(): void {
    const user = this.ss._actingUser();
    if (this.protections.some((p) => p.type === 'SHEET' && !p.warningOnly && !p._allows(user))) throw gasError(PROTECTED_MESSAGE);
  }

  _rangeAt(row: number, col: number, numRows = 1, numCols = 1): EmuRange {
    if (row < 1) throw gasError('The starting row of the range is too small.');
    if (col < 1) throw gasError('The starting column of the range is too small.');
    if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw gasError('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxCols) throw gasError(OUT_OF_BOUNDS);
    return new EmuRange(this, { row, col, numRows, numCols });
  }

  _rangeA1(a1: string): EmuRange {
    const ref = parseA1(a1);
    const rect = resolveA1(ref, this.maxRows, this.maxCols);
    if (rect.row + rect.numRows - 1 > this.maxRows || rect.col + rect.numCols - 1 > this.maxCols) throw gasError('Range not found');
    const shape = ref.startRow === undefined && ref.endRow === undefined ? 'cols'
      : ref.startCol === undefined && ref.endCol === undefined ? 'rows' : undefined;
    return new EmuRange(this, rect, shape);
  }

  _lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) {
      if (this.grid[r - 1]?.some((c) => c && (c.value !== '' || c.formula))) return r;
    }
    return 0;
  }

  _lastCol(): number {
    let last = 0;
    for (const line of this.grid) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        const cell = line[c - 1];
        if (cell && (cell.value !== '' || cell.formula)) { last = c; break; }
      }
    }
    return last;
  }

  /** Inserts `count` blank lines at `at`; they take the formatting of line `template`. */
  private insertLines(axis: Axis, at: number, count: number, template: number): void {
    const max = axis === 'row' ? this.maxRows : this.maxCols;
    if (at < 1 || at > max + 1 || template < 1 || template > max) throw gasError(axis === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    if (count < 1) throw gasError(`The number of ${axis === 'row' ? 'rows' : 'columns'} to insert must be at least 1.`);
    this._assertStructure();
    const fresh = (c: Cell | undefined): Cell | undefined => (c ? { value: '', format: cloneCell(c).format } : undefined);
    if (axis === 'row') {
      while (this.grid.length < at - 1) this.grid.push([]);
      const src = this.grid[template - 1] ?? [];
      this.grid.splice(at - 1, 0, ...Array.from({ length: count }, () => src.map(fresh)));
      this.maxRows += count;
      splice(this.rowHeights, at, count);
      splice(this.hiddenRows, at, count);
      if (at <= this.frozenRows) this.frozenRows += count;
    } else {
      for (const line of this.grid) {
        if (!line) continue;
        while (line.length < at - 1) line.push(undefined);
        const src = line[template - 1];
        line.splice(at - 1, 0, ...Array.from({ length: count }, () => fresh(src)));
      }
      this.maxCols += count;
      splice(this.colWidths, at, count);
      splice(this.hiddenCols, at, count);
      if (at <= this.frozenCols) this.frozenCols += count;
    }
    this.shiftRects((r) => shiftForInsert(r, axis, at, count));
  }

  private deleteLines(axis: Axis, at: number, count: number): void {
    const max = axis === 'row' ? this.maxRows : this.maxCols;
    if (at < 1 || count < 1 || at + count - 1 > max) throw gasError(axis === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    if (count >= max) throw gasError(`You can't delete all the ${axis === 'row' ? 'rows' : 'columns'} on the sheet.`);
    this._assertStructure();
    this._assertCanEdit(axis === 'row' ? { row: at, col: 1, numRows: count, numCols: this.maxCols } : { row: 1, col: at, numRows: this.maxRows, numCols: count });
    if (axis === 'row') {
      this.grid.splice(at - 1, count);
      this.maxRows -= count;
      this.rowHeights.splice(at - 1, count);
      this.hiddenRows.splice(at - 1, count);
      this.frozenRows = Math.max(0, this.frozenRows - Math.max(0, Math.min(this.frozenRows, at + count - 1) - at + 1));
    } else {
      for (const line of this.grid) line?.splice(at - 1, count);
      this.maxCols -= count;
      this.colWidths.splice(at - 1, count);
      this.hiddenCols.splice(at - 1, count);
      this.frozenCols = Math.max(0, this.frozenCols - Math.max(0, Math.min(this.frozenCols, at + count - 1) - at + 1));
    }
    this.shiftRects((r) => shiftForDelete(r, axis, at, count));
  }

  private shiftRects(shift: (r: Rect) => Rect | null): void {
    this.merges = this.merges.map(shift).filter((r): r is Rect => r !== null && r.numRows * r.numCols > 1);
    for (const p of [...this.protections]) {
      p.unprotected = p.unprotected.map(shift).filter((r): r is Rect => r !== null);
      if (p.rect) {
        const moved = shift(p.rect);
        if (moved) p.rect = moved;
        else p._drop();
      }
    }
    const shiftRange = (r: EmuRange) => {
      if (r.sheet !== this) return r;
      const moved = shift(r.rect);
      return moved ? new EmuRange(this, moved) : null;
    };
    const shiftAll = (ranges: EmuRange[]) => ranges.map(shiftRange).filter((r): r is EmuRange => r !== null);
    this.cfRules = this.cfRules.map((rule) => new EmuConditionalFormatRule(this.counter, { ...rule.spec, ranges: shiftAll(rule.spec.ranges) }));
    for (const chart of this.charts) chart.spec.ranges = shiftAll(chart.spec.ranges);
  }

  getName() { return this.name; }
  setName(name: string) {
    this._assertStructure();
    const clash = this.ss.sheets.find((s) => s !== this && s.name.toLowerCase() === String(name).toLowerCase());
    if (clash) throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (!String(name).trim()) throw gasError('Sheet name cannot be empty.');
    assertSheetNameLength('Sheet', 'setName', String(name));
    this.name = String(name);
    return this;
  }
  getSheetId() { return this.sheetId; }
  getIndex() { return this.ss.sheets.indexOf(this) + 1; }
  getParent() { return this.ss; }
  getType() { return 'GRID'; }
  activate() {
    this.ss.activeSheet = this;
    this.ss.activeRange = new EmuRange(this, { row: 1, col: 1, numRows: 1, numCols: 1 });
    return this;
  }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number) {
    if (typeof a === 'string') return this._rangeA1(a);
    if (column === undefined) throw gasError('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return this._rangeAt(a, column, numRows ?? 1, numColumns ?? 1);
  }
  getDataRange() {
    return new EmuRange(this, { row: 1, col: 1, numRows: Math.max(1, this._lastRow()), numCols: Math.max(1, this._lastCol()) });
  }
  getLastRow() { return this._lastRow(); }
  getLastColumn() { return this._lastCol(); }
  getMaxRows() { return this.maxRows; }
  getMaxColumns() { return this.maxCols; }

  insertRows(rowIndex: number, numRows = 1) { this.insertLines('row', rowIndex, numRows, rowIndex); }
  insertRowsBefore(beforePosition: number, howMany: number) { this.insertLines('row', beforePosition, howMany, beforePosition); return this; }
  insertRowsAfter(afterPosition: number, howMany: number) { this.insertLines('row', afterPosition + 1, howMany, afterPosition); return this; }
  insertRowBefore(beforePosition: number) { return this.insertRowsBefore(beforePosition, 1); }
  insertRowAfter(afterPosition: number) { return this.insertRowsAfter(afterPosition, 1); }
  insertColumns(columnIndex: number, numColumns = 1) { this.insertLines('col', columnIndex, numColumns, columnIndex); }
  insertColumnsBefore(beforePosition: number, howMany: number) { this.insertLines('col', beforePosition, howMany, beforePosition); return this; }
  insertColumnsAfter(afterPosition: number, howMany: number) { this.insertLines('col', afterPosition + 1, howMany, afterPosition); return this; }
  insertColumnBefore(beforePosition: number) { return this.insertColumnsBefore(beforePosition, 1); }
  insertColumnAfter(afterPosition: number) { return this.insertColumnsAfter(afterPosition, 1); }
  deleteRow(rowPosition: number) { this.deleteLines('row', rowPosition, 1); return this; }
  deleteRows(rowPosition: number, howMany: number) { this.deleteLines('row', rowPosition, howMany); }
  deleteColumn(columnPosition: number) { this.deleteLines('col', columnPosition, 1); return this; }
  deleteColumns(columnPosition: number, howMany: number) { this.deleteLines('col', columnPosition, howMany); }

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]) {
    if (!Array.isArray(rowContents)) throw gasError("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this._lastRow() + 1;
    if (row > this.maxRows) this.insertLines('row', row, 1, row - 1);
    if (rowContents.length > this.maxCols) this.insertLines('col', this.maxCols + 1, rowContents.length - this.maxCols, this.maxCols);
    if (rowContents.length === 0) return this;
    new EmuRange(this, { row, col: 1, numRows: 1, numCols: rowContents.length }).setValues([rowContents]);
    return this;
  }

  private whole(): EmuRange {
    return new EmuRange(this, { row: 1, col: 1, numRows: this.maxRows, numCols: this.maxCols });
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) { this.whole().clear(options); return this; }
  clearContents() { this.whole().clearContent(); return this; }
  clearFormats() { this.whole().clearFormat(); return this; }
  clearNotes() { this.whole().clearNote(); return this; }

  setFrozenRows(rows: number) { this.assertCanFreeze('row', rows); this.frozenRows = rows; }
  setFrozenColumns(columns: number) { this.assertCanFreeze('col', columns); this.frozenCols = columns; }
  private assertCanFreeze(axis: Axis, count: number): void {
    this._assertStructure();
    if (this.merges.some((m) => straddles(m, axis, count))) throw gasError(FREEZE_THROUGH_MERGE[axis]);
  }
  getFrozenRows() { return this.frozenRows; }
  getFrozenColumns() { return this.frozenCols; }

  private lines(axis: Axis, start: number, count: number): number[] {
    const max = axis === 'row' ? this.maxRows : this.maxCols;
    if (start < 1 || count < 1 || start + count - 1 > max) throw gasError(OUT_OF_BOUNDS);
    return Array.from({ length: count }, (_, i) => start + i - 1);
  }
  setColumnWidth(columnPosition: number, width: number) { return this.setColumnWidths(columnPosition, 1, width); }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    this._assertStructure();
    for (const i of this.lines('col', startColumn, numColumns)) this.colWidths[i] = width;
    return this;
  }
  getColumnWidth(columnPosition: number) { return this.colWidths[this.lines('col', columnPosition, 1)[0]] ?? DEFAULT_COLUMN_WIDTH; }
  setRowHeight(rowPosition: number, height: number) { return this.setRowHeights(rowPosition, 1, height); }
  setRowHeights(startRow: number, numRows: number, height: number) {
    this._assertStructure();
    for (const i of this.lines('row', startRow, numRows)) this.rowHeights[i] = height;
    return this;
  }
  getRowHeight(rowPosition: number) { return this.rowHeights[this.lines('row', rowPosition, 1)[0]] ?? DEFAULT_ROW_HEIGHT; }

  private setHidden(axis: Axis, first: number | EmuRange, count: number | undefined, hidden: boolean): void {
    this._assertStructure();
    const [start, n] = first instanceof EmuRange
      ? axis === 'row' ? [first.rect.row, first.rect.numRows] : [first.rect.col, first.rect.numCols]
      : [first, count ?? 1];
    const target = axis === 'row' ? this.hiddenRows : this.hiddenCols;
    for (const i of this.lines(axis, start, n)) target[i] = hidden;
  }
  hideRows(rowIndex: number, numRows?: number) { this.setHidden('row', rowIndex, numRows, true); }
  showRows(rowIndex: number, numRows?: number) { this.setHidden('row', rowIndex, numRows, false); }
  isRowHiddenByUser(rowPosition: number) { return !!this.hiddenRows[this.lines('row', rowPosition, 1)[0]]; }
  hideColumns(columnIndex: number, numColumns?: number) { this.setHidden('col', columnIndex, numColumns, true); }
  showColumns(columnIndex: number, numColumns?: number) { this.setHidden('col', columnIndex, numColumns, false); }
  isColumnHiddenByUser(columnPosition: number) { return !!this.hiddenCols[this.lines('col', columnPosition, 1)[0]]; }

  setTabColor(color: string | null) { this._assertStructure(); this.tabColor = color ? normalizeColor(color) : null; return this; }
  getTabColor() { return this.tabColor; }
  setHiddenGridlines(hideGridlines: boolean) { this._assertStructure(); this.gridlinesHidden = !!hideGridlines; return this; }
  hasHiddenGridlines() { return this.gridlinesHidden; }
  /** Recorded only: there are no fonts to measure. */
  autoResizeColumns(startColumn: number, numColumns: number) {
    for (const i of this.lines('col', startColumn, numColumns)) this.autoResized.push(i + 1);
    return this;
  }
  autoResizeColumn(columnPosition: number) { return this.autoResizeColumns(columnPosition, 1); }

  /** Returns the existing sheet protection if there is one, as Apps Script does. */
  protect() {
    const existing = this.protections.find((p) => p.type === 'SHEET');
    if (existing) return existing;
    const p = new EmuProtection(this, 'SHEET', null);
    this.protections.unshift(p);
    return p;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
    return this.protections.filter((p) => p.type === String(type));
  }

  setConditionalFormatRules(rules: EmuConditionalFormatRule[]) {
    this._assertStructure();
    this.cfRules = [...rules];
  }
  getConditionalFormatRules() { return [...this.cfRules]; }
  clearConditionalFormatRules() { this._assertStructure(); this.cfRules = []; }

  newChart() {
    return new EmuEmbeddedChartBuilder(this.counter, { ranges: [], options: {}, position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 } });
  }
  insertChart(chart: EmuEmbeddedChart) {
    this._assertStructure();
    this.charts.push(new EmuEmbeddedChart(this.counter, { ...chart.spec, chartId: this.ss._nextId() }));
  }
  getCharts() { return [...this.charts]; }
  removeChart(chart: EmuEmbeddedChart) {
    this._assertStructure();
    this.charts = this.charts.filter((c) => c.spec.chartId !== chart.spec.chartId);
  }
  updateChart(chart: EmuEmbeddedChart) {
    this._assertStructure();
    const i = this.charts.findIndex((c) => c.spec.chartId === chart.spec.chartId);
    if (i < 0) throw gasError('The chart to update does not exist on this sheet.');
    this.charts[i] = new EmuEmbeddedChart(this.counter, { ...chart.spec });
  }

  showSheet() { this.hidden = false; return this; }
  hideSheet() {
    if (this.ss.sheets.filter((s) => !s.hidden && s !== this).length === 0) throw gasError("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }
  isSheetHidden() { return this.hidden; }
}

function splice<T>(arr: (T | undefined)[], at: number, count: number): void {
  if (arr.length >= at - 1) arr.splice(at - 1, 0, ...new Array<T | undefined>(count));
}
