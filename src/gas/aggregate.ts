/**
 * Tổng hợp (docs/entry-points.md, "Callable without UI"): `aggregateMonth`, `aggregateQuarter` (callable) and the menu item
 * `aggregateReports`. Reads `Cấu hình`, `Danh sách` and each village tab once; writes only
 * `Tổng hợp`, `Báo cáo` and `Nhật ký`, under the document lock.
 */
import { aggregate, monthsBegun, type AggregationSummary } from '../core/assessment/aggregation';
import { aggregationLogDetail } from '../core/reports/aggregationText';
import { reportLayout } from '../core/reports/reportLayout';
import { summaryLayout } from '../core/reports/summaryLayout';
import { currentReportMonth, vnDateOf } from '../core/shared/calendar';
import { parsePeriodAnswer, periodLabel, type Period } from '../core/assessment/period';
import { TAB_SUMMARY } from '../core/workbook/tabNames';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { asOffice, menuCommand, officeEditors } from './office';
import { appliedIndicators, requireConfig, type WorkbookConfig } from './settingsSheet';
import { applyTabSpec } from './tabWriter';
import { readVillageTabs } from './villageTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TOAST_TITLE = 'Tổng hợp';
/** A whole number from `min` to `max`, also when it arrives as text ("5") from a prompt or a sidebar; else null. */
function wholeNumberIn(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** Tổng hợp for month 1–12 of the configured year. */
export function aggregateMonth(month: unknown): AggregationSummary {
  const parsed = wholeNumberIn(month, 1, 12);
  if (parsed === null) throw new Error(`Tháng "${String(month)}" không hợp lệ: nhập một số nguyên từ 1 đến 12.`);
  return asOffice((ss) => runAggregation(ss, { kind: 'month', month: parsed }));
}

/** Tổng hợp for quarter 1–4 of the configured year. */
export function aggregateQuarter(quarter: unknown): AggregationSummary {
  const parsed = wholeNumberIn(quarter, 1, 4);
  if (parsed === null) throw new Error(`Quý "${String(quarter)}" không hợp lệ: nhập một số nguyên từ 1 đến 4.`);
  return asOffice((ss) => runAggregation(ss, { kind: 'quarter', quarter: parsed }));
}

/** Menu "Tổng hợp": asks for the period (empty = the current report month). */
export function aggregateReports(): void {
  menuCommand(TOAST_TITLE, askAndAggregate);
}

function askAndAggregate(ss: Spreadsheet): void {
  const ui = SpreadsheetApp.getUi();
  const config = requireConfig(ss);
  const { settings } = config;
  const current = currentReportMonth(vnDateOf(new Date()), settings);
  const answer = ui.prompt(
    'Tổng hợp',
    `Tổng hợp kỳ nào? Gõ số tháng (1–12), quý (ví dụ "Quý II" hoặc "Q2") hoặc "Năm" (từ đầu năm ${settings.year} đến tháng ${current}).\nĐể trống: tháng ${current}/${settings.year}.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const parsed = parsePeriodAnswer(answer.getResponseText(), current, settings.year);
  if (!parsed.ok) {
    ui.alert('Tổng hợp', parsed.message, ui.ButtonSet.OK);
    return;
  }
  // A failure reaches the person through menuCommand's dialog.
  runAggregation(ss, parsed.period, config);
  ss.getSheetByName(TAB_SUMMARY)?.activate();
}

/** Toasts, lock, read, compute, write, log. `config` is passed when the caller already read it. */
function runAggregation(ss: Spreadsheet, period: Period, config?: WorkbookConfig): AggregationSummary {
  const known = config ?? requireConfig(ss);
  const now = new Date();
  // Before the toast and the reads: a period that has not begun is refused at once.
  monthsBegun(period, now, known.settings.year);
  ss.toast(`Đang tổng hợp ${periodLabel(period, known.settings.year)}…`, TOAST_TITLE, 10);
  const summary = withDocumentLock(() => aggregateIn(ss, period, now, known));
  const c = summary.completeness;
  ss.toast(`Xong ${summary.periodLabel}: ${c.submitted}/${c.expected} báo cáo đã nộp. Xem tab "Tổng hợp" và "Báo cáo".`, TOAST_TITLE, 10);
  return summary;
}

/** The work itself, for callers that hold the lock. */
export function aggregateIn(ss: Spreadsheet, period: Period, now: Date, config: WorkbookConfig): AggregationSummary {
  const { settings } = config;
  const indicators = appliedIndicators(config);
  const today = vnDateOf(now);
  const villages = readVillageTabs(ss, config, now);
  const summary = aggregate({ settings, indicators, villages, period, now });
  const office = officeEditors(ss, settings.officeEmail);
  applyTabSpec(ss, summaryLayout(summary, office).spec);
  applyTabSpec(ss, reportLayout(summary, today, office));
  appendLog(ss, [{ action: 'Tổng hợp', period: summary.periodLabel, detail: aggregationLogDetail(summary) }], now);
  return summary;
}
