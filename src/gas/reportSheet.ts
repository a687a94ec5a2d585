/**
 * The `Báo cáo` tab: the period's report laid out for A4 portrait. Apps Script cannot set the paper
 * size or margins of a print; the office picks A4, portrait, "Vừa với chiều rộng" in File > Print.
 */
import type { AggregationSummary } from '../core/assessment/aggregation';
import type { LocalDate } from '../core/shared/calendar';
import { reportLayout } from '../core/reports/reportLayout';
import { ownTabProtection } from '../core/workbook/ownProtection';
import { specFromModel } from '../core/workbook/specFromModel';
import { TAB_REPORT } from '../core/workbook/tabNames';
import { applyTabSpec } from './tabWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** After `Tổng hợp`. */
const POSITION = 3;

export function writeReportSheet(ss: Spreadsheet, summary: AggregationSummary, issuedOn: LocalDate, office: readonly string[]): Sheet {
  const spec = specFromModel(TAB_REPORT, POSITION, reportLayout(summary, issuedOn), [ownTabProtection(TAB_REPORT, office)], { hiddenGridlines: true });
  return applyTabSpec(ss, spec).sheet;
}
