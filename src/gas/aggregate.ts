/**
 * Tổng hợp (docs/entry-points.md, "Callable without UI"): `aggregateMonth`, `aggregateQuarter` (callable) and the menu item
 * `aggregateReports`. Reads `Cấu hình`, `Danh sách` and each village tab once; writes only
 * `Tổng hợp`, `Báo cáo` and `Nhật ký`, under the document lock, so that a run stopped anywhere
 * leaves them honest (docs/tabs.md, "When Tổng hợp fails").
 */
import { aggregate, monthsBegun, type AggregationSummary } from '../core/assessment/aggregation';
import { yearConflict } from '../core/assessment/reportYear';
import { AGGREGATION_FAILED, aggregationFailureMessage, aggregationFailureState, aggregationLogDetail, aggregationNotice } from '../core/reports/aggregationText';
import { reportLayout } from '../core/reports/reportLayout';
import { summaryLayout } from '../core/reports/summaryLayout';
import { currentReportMonth, vnDateOf } from '../core/shared/calendar';
import { monthArgument, parsePeriodAnswer, periodLabel, periodPhrase, wholeNumberIn, type Period } from '../core/assessment/period';
import { isEmpty } from '../core/workbook/tabDiff';
import { TAB_REGISTRY, TAB_SUMMARY } from '../core/workbook/tabNames';
import { bestEffort, messageOf } from './failures';
import { BusyError, withDocumentLock } from './lock';
import { appendLog } from './log';
import { asOffice, menuCommand, officeEditors } from './office';
import { appliedIndicators } from '../core/config/settings';
import { requireConfig, type WorkbookConfig } from './settingsSheet';
import { applyUnderNotice, createTab, planTab, writeFirstCell } from './tabWriter';
import { readVillageTabs } from './villageTabs';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TOAST_TITLE = 'Tổng hợp';
/** Tổng hợp for month 1–12 of the configured year. */
export function aggregateMonth(month: unknown): AggregationSummary {
  const parsed = monthArgument(month);
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

/** `Cấu hình` and a `Danh sách` with villages in it, or a refusal saying what to do: never a report of 0/0. */
function countableConfig(ss: Spreadsheet): WorkbookConfig {
  const config = requireConfig(ss);
  if (config.villages.length === 0) throw new Error(`Tab "${TAB_REGISTRY}" chưa có địa bàn nào nên chưa có gì để tổng hợp: điền mỗi dòng một địa bàn rồi chạy "${SETUP_CAPTION}".`);
  return config;
}

function askAndAggregate(ss: Spreadsheet): void {
  const ui = SpreadsheetApp.getUi();
  const config = countableConfig(ss);
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
  bestEffort(() => ss.getSheetByName(TAB_SUMMARY)?.activate());
}

/**
 * Toasts, lock, read, compute, write, log. `config` is passed when the caller already read it.
 * Failures before this (the office check, reading the configuration) change nothing and reach the
 * official as the platform's message, as for every office command.
 */
function runAggregation(ss: Spreadsheet, period: Period, config?: WorkbookConfig): AggregationSummary {
  const known = config ?? countableConfig(ss);
  const now = new Date();
  // Before the toast and the reads: a period that has not begun is refused at once.
  monthsBegun(period, now, known.settings.year);
  bestEffort(() => ss.toast(`Đang tổng hợp ${periodLabel(period, known.settings.year)}…`, TOAST_TITLE, 10));
  const summary = lockedAggregation(ss, period, now, known);
  const c = summary.completeness;
  bestEffort(() => ss.toast(`Xong ${summary.periodLabel}: ${c.submitted}/${c.expected} báo cáo đã nộp. Xem tab "Tổng hợp" và "Báo cáo".`, TOAST_TITLE, 10));
  return summary;
}

/** Under the document lock. A failure to take it has written nothing, and is not logged: `Nhật ký` is written under the lock only. */
function lockedAggregation(ss: Spreadsheet, period: Period, now: Date, config: WorkbookConfig): AggregationSummary {
  const run: { locked: boolean; summary: AggregationSummary | null } = { locked: false, summary: null };
  try {
    return withDocumentLock(() => {
      run.locked = true;
      return (run.summary = aggregateIn(ss, period, now, config));
    });
  } catch (error) {
    // Only releasing the lock failed: the work is done, and the lock ends with the execution.
    if (run.summary) return run.summary;
    // Under the lock, aggregateIn has logged and explained the failure.
    if (run.locked || error instanceof BusyError) throw error;
    throw new Error(aggregationFailureMessage(periodPhrase(period, config.settings.year), { noticed: [], logged: false, error: messageOf(error) }));
  }
}

/** A run that decided, before its first write, not to compute: its reason is the whole message. */
class RefusedAggregation extends Error {}

/** How far a run got, for what a failure leaves (docs/tabs.md, "When Tổng hợp fails"). */
interface Progress {
  notice: string;
  /** Output tabs whose A1 shows the notice. */
  noticed: string[];
  /** A tab this run created that does not show the notice yet. */
  bare: { sheet: Sheet; name: string } | null;
  logged: boolean;
}

/**
 * The work itself, under the lock. Everything is read and computed before the first write; then
 * each output tab that changes gets the notice in A1, its writes, and after the `Nhật ký` line its
 * own A1 back, so a run stopped anywhere leaves each tab as it was, whole and new, or showing the
 * notice. A failure is logged and thrown with what it left.
 */
function aggregateIn(ss: Spreadsheet, period: Period, now: Date, config: WorkbookConfig): AggregationSummary {
  const progress: Progress = { notice: '', noticed: [], bare: null, logged: false };
  try {
    return writeAggregation(ss, period, now, config, progress);
  } catch (error) {
    if (error instanceof RefusedAggregation) throw error;
    throw reportFailure(ss, period, config.settings.year, now, progress, messageOf(error));
  }
}

function writeAggregation(ss: Spreadsheet, period: Period, now: Date, config: WorkbookConfig, progress: Progress): AggregationSummary {
  const { settings } = config;
  const indicators = appliedIndicators(config);
  const villages = readVillageTabs(ss, config, now);
  // Nothing is computed against a year the tabs do not hold (docs/periods-and-status.md, "The year").
  const conflict = yearConflict(villages.map((v) => ({ name: v.village.name, report: v.report })), settings);
  if (conflict) throw new RefusedAggregation(`Chưa tổng hợp: ${conflict}`);
  const summary = aggregate({ settings, indicators, villages, period, now });
  const office = officeEditors(ss, settings.officeEmail);
  const specs = [summaryLayout(summary, office).spec, reportLayout(summary, vnDateOf(now), office)];
  const entry = { action: 'Tổng hợp', period: summary.periodLabel, detail: aggregationLogDetail(summary) };
  const plans = specs.map((spec) => planTab(ss, spec)).filter((plan) => !isEmpty(plan.ops));

  progress.notice = aggregationNotice(summary);
  const sheets = plans.map((plan) => {
    const sheet = plan.sheet ?? createTab(ss, plan.spec);
    progress.bare = plan.sheet ? null : { sheet, name: plan.spec.name };
    writeFirstCell(sheet, progress.notice);
    progress.bare = null;
    progress.noticed.push(plan.spec.name);
    return sheet;
  });
  // The notices reach the spreadsheet before any other change does.
  if (plans.length > 0) SpreadsheetApp.flush();
  const firstCells = plans.map((plan, i) => applyUnderNotice(sheets[i], plan, progress.notice));
  appendLog(ss, [entry], now);
  progress.logged = true;
  sheets.forEach((sheet, i) => {
    writeFirstCell(sheet, firstCells[i]);
    progress.noticed.shift();
  });
  return summary;
}

/** Logs the failure (unless the run's own line is in) and returns the error to throw. */
function reportFailure(ss: Spreadsheet, period: Period, year: number, now: Date, progress: Progress, error: string): Error {
  const { bare } = progress;
  if (bare) {
    // A tab created empty: the notice says what it is waiting for.
    bestEffort(() => {
      writeFirstCell(bare.sheet, progress.notice);
      progress.noticed.push(bare.name);
    });
  }
  const failure = { noticed: progress.noticed, logged: progress.logged, error };
  if (!progress.logged) {
    const entry = { action: AGGREGATION_FAILED, period: periodLabel(period, year), detail: `${aggregationFailureState(failure)} Lỗi: ${error}` };
    bestEffort(() => appendLog(ss, [entry], now));
  }
  return new Error(aggregationFailureMessage(periodPhrase(period, year), failure));
}
