/**
 * Writes a core SheetModel into a tab the add-on owns, replacing everything in it: one setValues
 * and one call per format array, so the number of calls does not grow with the villages.
 */
import type { Block, ChartModel, SheetModel } from '../core/workbook/sheetModel';
import { writeRows } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The tab, created at `position` (0-based) when missing. */
export function ownTab(ss: Spreadsheet, name: string, position: number): Sheet {
  return ss.getSheetByName(name) ?? ss.insertSheet(name, Math.min(position, ss.getNumSheets()));
}

export function writeSheetModel(sheet: Sheet, model: SheetModel): void {
  clearTab(sheet);
  const rows = model.values.length;
  if (rows === 0) return;
  writeRows(sheet, 1, model.values);
  const f = model.formats;
  sheet
    .getRange(1, 1, rows, model.width)
    .setFontFamily(model.fontFamily)
    // Apps Script takes null for "no fill"; the typings only say string.
    .setBackgrounds(f.backgrounds as string[][])
    .setFontWeights(f.fontWeights)
    .setFontStyles(f.fontStyles)
    .setFontSizes(f.fontSizes)
    .setFontColors(f.fontColors)
    .setHorizontalAlignments(f.horizontalAlignments)
    .setVerticalAlignments(f.verticalAlignments)
    .setWraps(f.wraps)
    .setNumberFormats(f.numberFormats);
  for (const m of mergeRuns(model.merges)) {
    const range = rangeOf(sheet, m);
    if (m.numRows > 1 && m.across) range.mergeAcross();
    else range.merge();
  }
  const solid = SpreadsheetApp.BorderStyle.SOLID;
  for (const b of model.borders) rangeOf(sheet, b).setBorder(true, true, true, true, true, true, '#000000', solid);
  for (const r of model.rules) rangeOf(sheet, r).setBorder(true, null, null, null, null, null, '#000000', solid);
  for (const run of runs(model.columnWidths.map((width, i) => ({ at: i + 1, size: width })))) sheet.setColumnWidths(run.at, run.count, run.size);
  for (const run of runs(model.rowHeights.map((h) => ({ at: h.row, size: h.height })))) sheet.setRowHeights(run.at, run.count, run.size);
  if (model.frozenRows > 0) sheet.setFrozenRows(model.frozenRows);
  for (const chart of model.charts) insertBarChart(sheet, chart);
}

/** Charts, merges, values, formats and frozen rows of the previous run go; the tab stays. */
function clearTab(sheet: Sheet): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
  sheet.clear();
  if (sheet.getFrozenRows() > 0) sheet.setFrozenRows(0);
}

function rangeOf(sheet: Sheet, b: Block): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(b.row, b.col, b.numRows, b.numCols);
}

/** Consecutive positions with the same size, so each run is one call. */
function runs(items: readonly { at: number; size: number }[]): { at: number; count: number; size: number }[] {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const out: { at: number; count: number; size: number }[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && last.at + last.count === item.at && last.size === item.size) last.count++;
    else out.push({ at: item.at, count: 1, size: item.size });
  }
  return out;
}

/** One-row merges of the same columns on consecutive rows become one mergeAcross() call. */
function mergeRuns(merges: readonly Block[]): (Block & { across: boolean })[] {
  const out: (Block & { across: boolean })[] = [];
  const sorted = [...merges].sort((a, b) => a.col - b.col || a.numCols - b.numCols || a.row - b.row);
  for (const m of sorted) {
    const last = out[out.length - 1];
    const extends_ = last && m.numRows === 1 && (last.across || last.numRows === 1) && last.col === m.col && last.numCols === m.numCols && last.row + last.numRows === m.row;
    if (extends_) {
      last.numRows++;
      last.across = true;
    } else out.push({ ...m, across: false });
  }
  return out;
}

function insertBarChart(sheet: Sheet, chart: ChartModel): void {
  let builder = sheet.newChart();
  for (const block of chart.ranges) builder = builder.addRange(rangeOf(sheet, block));
  const bar = builder
    .asBarChart()
    .setTitle(chart.title)
    .setColors(chart.colors)
    .setLegendPosition(Charts.Position.BOTTOM)
    .setXAxisTitle(chart.axisTitle)
    .setNumHeaders(1)
    .setOption('hAxis.viewWindow.min', 0)
    .setOption('width', chart.width)
    .setOption('height', chart.height)
    .setPosition(chart.anchorRow, chart.anchorCol, 0, 0);
  sheet.insertChart(bar.build());
}
