/** The `Tổng hợp` tab: rewritten whole by each Tổng hợp run, editable by the office only. */
import type { AggregationSummary } from '../core/assessment/aggregation';
import { summaryLayout } from '../core/reports/summaryLayout';
import { ownTabProtection } from '../core/workbook/ownProtection';
import { specFromModel } from '../core/workbook/specFromModel';
import { TAB_SUMMARY } from '../core/workbook/tabNames';
import { applyTabSpec } from './tabWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** After `Cấu hình` and `Danh sách`. */
const POSITION = 2;

export function writeSummarySheet(ss: Spreadsheet, summary: AggregationSummary, office: readonly string[]): Sheet {
  const model = summaryLayout(summary).model;
  return applyTabSpec(ss, specFromModel(TAB_SUMMARY, POSITION, model, [ownTabProtection(TAB_SUMMARY, office)])).sheet;
}
