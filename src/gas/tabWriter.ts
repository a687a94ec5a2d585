/**
 * The one interpreter of declarative tabs: read what the tab holds, diff it with the spec, write
 * only the differences. Setup, Tổng hợp and Báo cáo write tab contents through here alone.
 */
import type { Grid } from '../core/shared/grid';
import type { Block } from '../core/workbook/sheetModel';
import { diffTab, opsCount, type FormatWrite, type ProtectionOp, type TabOps } from '../core/workbook/tabDiff';
import type { FormatAttribute, TabSpec } from '../core/workbook/tabSpec';
import { restrictNewProtection } from './protections';
import { barChart, conditionalFormatRule, dataValidation } from './specObjects';
import { readTab, type TabHandles } from './tabReader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ApplyOptions {
  /** The tab's getDataRange().getValues(), when the caller read it to plan the spec. */
  values?: Grid;
  /** The tab, when the caller already has it. */
  sheet?: Sheet;
}

export interface AppliedTab {
  sheet: Sheet;
  created: boolean;
  /** Operations written (0: the tab already was what the spec says). */
  writes: number;
}

export function applyTabSpec(ss: Spreadsheet, spec: TabSpec, options: ApplyOptions = {}): AppliedTab {
  const existing = options.sheet ?? ss.getSheetByName(spec.name);
  const reading = existing ? readTab(existing, spec, options.values) : null;
  const ops = diffTab(spec, reading?.state ?? null);
  const sheet = existing ?? ss.insertSheet(spec.name, Math.min(spec.position, ss.getNumSheets()));
  execute(sheet, ops, reading?.handles ?? { conditionalFormats: [], protections: [], charts: [] });
  return { sheet, created: !existing, writes: opsCount(ops) };
}

/**
 * In this order because Sheets refuses a freeze line through a merge and a merge across a freeze
 * line (stale merges go before the freeze changes, new ones after), merging keeps only the top-left
 * value (values after merges), and how text goes in depends on the cell's number format (formats
 * before values). Protections last, so they never stand in the way of the writes before them.
 */
function execute(sheet: Sheet, ops: TabOps, handles: TabHandles): void {
  const range = (b: Block) => sheet.getRange(b.row, b.col, b.numRows, b.numCols);
  for (const change of ops.insertRows) sheet.insertRowsBefore(change.insertRowsBefore, change.count);
  if (ops.ensureSize) ensureSize(sheet, ops.ensureSize.rows, ops.ensureSize.columns);
  for (const b of ops.clearTail) range(b).clear();
  for (const b of ops.breakMerges) range(b).breakApart();
  if (ops.frozenRows !== null) sheet.setFrozenRows(ops.frozenRows);
  if (ops.frozenColumns !== null) sheet.setFrozenColumns(ops.frozenColumns);
  for (const m of ops.merges) {
    if (m.across) range(m).mergeAcross();
    else range(m).merge();
  }
  if (ops.clearValidations) range(ops.clearValidations).clearDataValidations();
  for (const write of ops.formats) writeFormat(range(write.block), write);
  for (const write of ops.values) sheet.getRange(write.row, write.col, write.values.length, write.values[0].length).setValues(write.values);
  for (const v of ops.validations) range(v.block).setDataValidation(dataValidation(v.rule));
  const solid = SpreadsheetApp.BorderStyle.SOLID;
  if (ops.clearBorders) range(ops.clearBorders).setBorder(false, false, false, false, false, false);
  for (const b of ops.borders) range(b).setBorder(true, true, true, true, true, true, '#000000', solid);
  for (const b of ops.rules) range(b).setBorder(true, null, null, null, null, null, '#000000', solid);
  for (const run of ops.columnWidths) sheet.setColumnWidths(run.at, run.count, run.size);
  for (const run of ops.rowHeights) sheet.setRowHeights(run.at, run.count, run.size);
  for (const run of ops.hideRows) sheet.hideRows(run.at, run.count);
  if (ops.hiddenGridlines !== null) sheet.setHiddenGridlines(ops.hiddenGridlines);
  if (ops.conditionalFormats) {
    const kept = ops.conditionalFormats.keep.map((i) => handles.conditionalFormats[i]);
    sheet.setConditionalFormatRules([...kept, ...ops.conditionalFormats.add.map((rule) => conditionalFormatRule(rule, rule.ranges.map(range)))]);
  }
  if (ops.charts) {
    for (const i of ops.charts.remove) sheet.removeChart(handles.charts[i]);
    for (const chart of ops.charts.add) sheet.insertChart(barChart(sheet, chart, chart.ranges.map(range)));
  }
  for (const op of ops.protections) applyProtection(sheet, op, handles, range);
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** A grid as a setter's parameter type: the diff built it from the spec's typed grids and read values. */
type GridOf<K extends keyof Range> = Range[K] extends (grid: infer G) => Range ? G : never;

// Apps Script takes null in these grids (reset to the default); for some, the typings only say string.
const FORMAT_SETTERS: Record<FormatAttribute, (range: Range, grid: unknown[][]) => void> = {
  background: (r, g) => r.setBackgrounds(g as GridOf<'setBackgrounds'>),
  fontWeight: (r, g) => r.setFontWeights(g as GridOf<'setFontWeights'>),
  fontStyle: (r, g) => r.setFontStyles(g as GridOf<'setFontStyles'>),
  fontSize: (r, g) => r.setFontSizes(g as GridOf<'setFontSizes'>),
  fontColor: (r, g) => r.setFontColors(g as GridOf<'setFontColors'>),
  fontFamily: (r, g) => r.setFontFamilies(g as GridOf<'setFontFamilies'>),
  horizontalAlignment: (r, g) => r.setHorizontalAlignments(g as GridOf<'setHorizontalAlignments'>),
  verticalAlignment: (r, g) => r.setVerticalAlignments(g as GridOf<'setVerticalAlignments'>),
  wrap: (r, g) => r.setWraps(g as GridOf<'setWraps'>),
  numberFormat: (r, g) => r.setNumberFormats(g as GridOf<'setNumberFormats'>),
};

function writeFormat(range: Range, write: FormatWrite): void {
  FORMAT_SETTERS[write.attribute](range, write.grid);
}

function applyProtection(sheet: Sheet, op: ProtectionOp, handles: TabHandles, range: (b: Block) => Range): void {
  switch (op.kind) {
    case 'create': {
      const protection = op.protection.block ? range(op.protection.block).protect() : sheet.protect();
      restrictNewProtection(protection.setDescription(op.protection.description), op.protection.editors);
      return;
    }
    case 'takeOver':
      restrictNewProtection(handles.protections[op.index].setDescription(op.protection.description), op.protection.editors);
      return;
    case 'update': {
      const protection = handles.protections[op.index];
      if (op.warningOnlyOff) protection.setWarningOnly(false);
      if (op.addEditors.length > 0) protection.addEditors(op.addEditors);
      if (op.removeEditors.length > 0) protection.removeEditors(op.removeEditors);
      if (op.domainEditOff) protection.setDomainEdit(false);
      return;
    }
    case 'remove':
      handles.protections[op.index].remove();
  }
}
