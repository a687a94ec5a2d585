/**
 * The one interpreter of declarative tabs: read what the tab holds, diff it with the spec, write
 * only the differences. Setup, Tổng hợp and Báo cáo write tab contents through here alone.
 */
import type { Grid } from '../core/shared/grid';
import type { Block } from '../core/workbook/sheetModel';
import { diffTab, opsCount, type FormatWrite, type ProtectionOp, type TabOps } from '../core/workbook/tabDiff';
import type { TabSpec } from '../core/workbook/tabSpec';
import { restrictNewProtection } from './protections';
import { barChart, conditionalFormatRule, dataValidation } from './specObjects';
import { FORMAT_METHODS, readTab, type TabHandles } from './tabReader';
import { ensureSize } from './workbook';

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

// Apps Script takes null in these grids (reset to the default); for some, the typings only say string.
function writeFormat(range: Range, write: FormatWrite): void {
  (range as unknown as Record<string, (grid: unknown[][]) => Range>)[`set${FORMAT_METHODS[write.attribute]}`](write.grid);
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
