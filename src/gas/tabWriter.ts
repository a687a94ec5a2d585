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
import { FORMAT_METHODS, readTab, type TabHandles, type TabReading } from './tabReader';
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

/** What a tab holds and the writes that make it what its spec says, before any is made. */
export interface TabPlan {
  spec: TabSpec;
  /** Null: the tab is missing (createTab makes it). */
  sheet: Sheet | null;
  reading: TabReading | null;
  ops: TabOps;
}

const NO_HANDLES: TabHandles = { conditionalFormats: [], protections: [], charts: [] };

export function planTab(ss: Spreadsheet, spec: TabSpec, options: ApplyOptions = {}): TabPlan {
  const sheet = options.sheet ?? ss.getSheetByName(spec.name);
  const reading = sheet ? readTab(sheet, spec, options.values) : null;
  return { spec, sheet, reading, ops: diffTab(spec, reading?.state ?? null) };
}

export function createTab(ss: Spreadsheet, spec: TabSpec): Sheet {
  return ss.insertSheet(spec.name, Math.min(spec.position, ss.getNumSheets()));
}

export function applyTabSpec(ss: Spreadsheet, spec: TabSpec, options: ApplyOptions = {}): AppliedTab {
  const plan = planTab(ss, spec, options);
  const sheet = plan.sheet ?? createTab(ss, spec);
  execute(sheet, plan.ops, plan.reading?.handles ?? NO_HANDLES);
  return { sheet, created: !plan.sheet, writes: opsCount(plan.ops) };
}

/*
 * A whole tab written under a notice, so that a run stopped part-way cannot pass for a finished
 * one (docs/tabs.md, "When Tổng hợp fails"): the caller writes the notice into A1 (writeFirstCell)
 * before anything else changes, applyUnderNotice makes every planned write with A1 kept at the
 * notice, and the caller gives A1 its planned value last.
 */

export function writeFirstCell(sheet: Sheet, value: unknown): void {
  sheet.getRange(1, 1).setValue(value);
}

/** Returns A1's value as the plan writes it. */
export function applyUnderNotice(sheet: Sheet, plan: TabPlan, notice: string): unknown {
  const read = plan.reading?.state ?? null;
  // Planned against the tab as it shows the notice, A1's own value is among the writes when A1 is ours.
  const shown = read && { ...read, values: [[notice, ...(read.values[0] ?? []).slice(1)], ...read.values.slice(1)] };
  const ops = diffTab(plan.spec, shown);
  const first = ops.values.find((write) => write.row === 1 && write.col === 1);
  if (!first) throw new Error(`Ô A1 của tab "${plan.spec.name}" không do tiện ích ghi nên không đặt được dòng báo đang cập nhật.`);
  const planned = first.values[0][0];
  first.values[0][0] = notice;
  execute(sheet, ops, plan.reading?.handles ?? NO_HANDLES);
  return planned;
}

/**
 * In this order because Sheets refuses a freeze line through a merge and a merge across a freeze
 * line (stale merges go before the freeze changes, new ones after), merging keeps only the top-left
 * value (values after merges), and how text goes in depends on the cell's number format (formats
 * before values). Borders cannot be read back: they are drawn when a value they frame changes, so
 * they go before the values, and a run stopped between the two leaves values that still differ and
 * make the next run draw them again. Protections last, so they never stand in the way of the
 * writes before them.
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
  const solid = SpreadsheetApp.BorderStyle.SOLID;
  if (ops.clearBorders) range(ops.clearBorders).setBorder(false, false, false, false, false, false);
  for (const b of ops.borders) range(b).setBorder(true, true, true, true, true, true, '#000000', solid);
  for (const b of ops.rules) range(b).setBorder(true, null, null, null, null, null, '#000000', solid);
  for (const write of ops.values) sheet.getRange(write.row, write.col, write.values.length, write.values[0].length).setValues(write.values);
  for (const v of ops.validations) range(v.block).setDataValidation(dataValidation(v.rule));
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
      if (op.protection.unprotected?.length) protection.setUnprotectedRanges(op.protection.unprotected.map(range));
      return;
    }
    case 'takeOver': {
      const protection = handles.protections[op.index];
      restrictNewProtection(protection.setDescription(op.protection.description), op.protection.editors);
      protection.setUnprotectedRanges((op.protection.unprotected ?? []).map(range));
      return;
    }
    case 'unprotect':
      handles.protections[op.index].setUnprotectedRanges(op.blocks.map(range));
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
