/** The `Tổng hợp` tab: rewritten whole by each Tổng hợp run, editable by the office only. */
import type { AggregationSummary } from '../core/assessment/aggregation';
import { summaryLayout } from '../core/reports/summaryLayout';
import { TAB_SUMMARY } from '../core/workbook/tabNames';
import { protectOwnTab } from './protections';
import { ownTab, writeSheetModel } from './sheetModelWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** After `Cấu hình` and `Danh sách`. */
const POSITION = 2;

export function writeSummarySheet(ss: Spreadsheet, summary: AggregationSummary, office: readonly string[]): Sheet {
  const sheet = ownTab(ss, TAB_SUMMARY, POSITION);
  writeSheetModel(sheet, summaryLayout(summary).model);
  protectOwnTab(sheet, TAB_SUMMARY, office);
  return sheet;
}
