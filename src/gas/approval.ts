/**
 * Duyệt báo cáo and Mở khóa (docs/periods-and-status.md, "Approval"): `approveMonth` (callable, and
 * the menu item `approveReports`), `approveVillageMonth` and `unlockVillageMonth` (the dashboard).
 * Office only, under the document lock; reads the village tabs, plans in core/entry/approval, writes
 * the `DA_DUYET` dates and the protections, logs every approval and unlock in `Nhật ký`.
 */
import {
  APPROVAL_DATE_FORMAT,
  APPROVE_MONTH_ACTION,
  approvalLogEntry,
  approvalRefusal,
  approvalResult,
  approvedMonthsIn,
  monthApprovalLogEntry,
  planMonthApproval,
  unlockLogEntry,
  unlockReason,
  unlockRefusal,
  type ApprovalResult,
} from '../core/entry/approval';
import { parsePeriodAnswer, periodLabel, monthArgument } from '../core/assessment/period';
import { findVillage } from '../core/config/registry';
import { currentReportMonth, vnDateOf } from '../core/shared/calendar';
import { tidyText } from '../core/shared/text';
import type { VillageReport } from '../core/entry/monthReports';
import type { Grid } from '../core/shared/grid';
import { openInputBlocks } from '../core/workbook/villageTabSpec';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';
import { messageOf } from './failures';
import { withDocumentLock } from './lock';
import { appendLog, type LogEntry } from './log';
import { asOffice, menuCommand } from './office';
import { sheetProtectionOf } from './protections';
import { requireConfig, type WorkbookConfig } from './settingsSheet';
import { readVillageTabs, type VillageTabRead } from './villageTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A tab approvalRefusal or unlockRefusal has let through: found, read and recognised. */
type RecognisedTab = VillageTabRead & { sheet: GoogleAppsScript.Spreadsheet.Sheet; report: VillageReport; grid: Grid; tabName: string };

const MENU_TITLE = 'Duyệt báo cáo tháng';
/**
 * A run starts no new village after this (docs/periods-and-status.md, "Approval"), telling the
 * official to run it again for the rest; each tab costs a protection read and one change of its
 * exempt cells, so 500 villages normally fit in one run.
 */
const APPROVAL_BUDGET_MS = 3.5 * 60 * 1000;

/** Approves every village whose report of `month` is submitted and valid. */
export function approveMonth(month: unknown): ApprovalResult {
  const startedAt = Date.now();
  const parsed = monthArgument(month);
  return asOffice((ss) => withDocumentLock(() => approveMonthIn(ss, parsed, startedAt)));
}

/** Menu "Duyệt báo cáo tháng…": asks for the month (empty = the current report month). */
export function approveReports(): void {
  menuCommand(MENU_TITLE, (ss) => {
    const startedAt = Date.now();
    const ui = SpreadsheetApp.getUi();
    const { settings } = requireConfig(ss);
    const current = currentReportMonth(vnDateOf(new Date()), settings);
    const answer = ui.prompt(
      MENU_TITLE,
      `Duyệt báo cáo tháng nào? Gõ số tháng (1–12). Để trống: tháng ${current}/${settings.year}.\nChỉ duyệt các báo cáo đã nộp và không có lỗi; số liệu tháng đã duyệt chỉ phòng VH-XH sửa được.`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const parsed = parsePeriodAnswer(answer.getResponseText(), current, settings.year);
    if (!parsed.ok || parsed.period.kind !== 'month') {
      ui.alert(MENU_TITLE, parsed.ok ? 'Mỗi lần chỉ duyệt một tháng: gõ số tháng, ví dụ 5.' : parsed.message, ui.ButtonSet.OK);
      return;
    }
    const month = parsed.period.month;
    const result = withDocumentLock(() => approveMonthIn(ss, month, startedAt));
    ui.alert(MENU_TITLE, result.message, ui.ButtonSet.OK);
  });
}

/** The dashboard's "Duyệt": one village's month. */
export function approveVillageMonth(village: unknown, month: unknown): string {
  const parsed = monthArgument(month);
  return asOffice((ss) =>
    withDocumentLock(() => {
      const { config, tab, now } = readVillage(ss, village);
      const period = periodLabel({ kind: 'month', month: parsed }, config.settings.year);
      const refusal = approvalRefusal(tab, parsed);
      if (refusal !== null) throw new Error(`Chưa duyệt được báo cáo ${period} của ${tab.village.name}: ${refusal}.`);
      approveTab(tab as RecognisedTab, parsed, now);
      appendLog(ss, [approvalLogEntry(tab, parsed, config.settings.year)], now);
      return `Đã duyệt báo cáo ${period} của ${tab.village.name}.`;
    }),
  );
}

/** The dashboard's "Mở khóa": reopens one village's approved month; the reason goes to Nhật ký. */
export function unlockVillageMonth(village: unknown, month: unknown, reason: unknown): string {
  const parsed = monthArgument(month);
  const why = unlockReason(reason);
  return asOffice((ss) =>
    withDocumentLock(() => {
      const { config, tab, now } = readVillage(ss, village);
      const refusal = unlockRefusal(tab, parsed);
      if (refusal !== null) throw new Error(refusal);
      const recognised = tab as RecognisedTab;
      const { sheet, report, grid } = recognised;
      // The date goes first: a run stopped before the protection leaves the month locked but not
      // approved, which setup opens again, never approved but open.
      sheet.getRange(report.months[parsed - 1].approvedAtCell).setValue('');
      lockApprovedMonths(recognised, approvedMonthsIn(grid).filter((m) => m !== parsed));
      appendLog(ss, [unlockLogEntry(tab, parsed, config.settings.year, why)], now);
      return `Đã mở khóa báo cáo ${periodLabel({ kind: 'month', month: parsed }, config.settings.year)} của ${tab.village.name}: số liệu tháng này lại sửa được.`;
    }),
  );
}

function readVillage(ss: Spreadsheet, name: unknown): { config: WorkbookConfig; tab: VillageTabRead; now: Date } {
  const config = requireConfig(ss);
  const village = findVillage(config.villages, tidyText(name));
  if (!village) throw new Error(`Không có địa bàn "${tidyText(name)}" trong tab Danh sách.`);
  const now = new Date();
  return { config, tab: readVillageTabs(ss, config, now, { villages: [village] })[0], now };
}

/**
 * Approves within the time budget; what the budget leaves is approved by the next run, which finds
 * those villages still waiting. A failure part-way logs the approvals already made, then reports.
 */
function approveMonthIn(ss: Spreadsheet, month: number, startedAt: number): ApprovalResult {
  const now = new Date();
  const config = requireConfig(ss);
  const { year } = config.settings;
  const tabs = readVillageTabs(ss, config, now);
  const plan = planMonthApproval(tabs, month);
  const approved: string[] = [];
  const entries: LogEntry[] = [];
  try {
    for (const tab of plan.approve) {
      if (Date.now() - startedAt > APPROVAL_BUDGET_MS) break;
      approveTab(tab as RecognisedTab, month, now);
      approved.push(tab.village.name);
      entries.push(approvalLogEntry(tab, month, year));
    }
  } catch (error) {
    const message = `Duyệt báo cáo ${periodLabel({ kind: 'month', month }, year)} dừng giữa chừng vì Google báo lỗi. Đã duyệt ${approved.length} báo cáo (đã ghi Nhật ký); chạy lại để duyệt tiếp. (Lỗi: ${messageOf(error)})`;
    appendLog(ss, [...entries, { action: `${APPROVE_MONTH_ACTION} không thành công`, period: periodLabel({ kind: 'month', month }, year), detail: message }], now);
    throw new Error(message);
  }
  const result = approvalResult(month, year, plan, approved);
  appendLog(ss, [...entries, monthApprovalLogEntry(result)], now);
  return result;
}

/**
 * The protection first, then the date: a run stopped between them leaves the month locked but not
 * yet approved, and the next run approves it; the other order could leave it approved but open.
 */
function approveTab(tab: RecognisedTab, month: number, now: Date): void {
  const { sheet, report, grid } = tab;
  lockApprovedMonths(tab, [...approvedMonthsIn(grid), month]);
  sheet.getRange(report.months[month - 1].approvedAtCell).setNumberFormat(APPROVAL_DATE_FORMAT).setValue(now);
}

/** Leaves exactly `months` out of the cells the head may edit (core/workbook/villageTabSpec.ts openInputBlocks). */
function lockApprovedMonths(tab: RecognisedTab, months: readonly number[]): void {
  const { sheet, report } = tab;
  const protection = sheetProtectionOf(sheet);
  if (!protection) throw new Error(`Tab "${tab.tabName}" chưa được bảo vệ: chạy "${SETUP_CAPTION}" rồi duyệt lại.`);
  protection.setUnprotectedRanges(openInputBlocks(report.map, months).map((b) => sheet.getRange(b.row, b.col, b.numRows, b.numCols)));
}
