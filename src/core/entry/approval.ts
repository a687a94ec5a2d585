/**
 * Approval and locking (docs/periods-and-status.md, "Approval"): the office approves a village's
 * submitted, valid month by writing the date into its `DA_DUYET` cell, and that month's column
 * becomes office-only (core/workbook/villageTabSpec.ts `openInputBlocks`); "Mở khóa" clears the date
 * and opens the column again. Pure planning: which villages may be approved, and what is logged.
 */
import type { AssessedTab } from '../assessment/villageAssessment';
import { isApprovableStatus, STATUS_LABELS } from '../assessment/status';
import { periodLabel } from '../assessment/period';
import { formatVnDate } from '../shared/calendar';
import { errorsOf } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { isDate } from '../shared/cellValues';
import { SETUP_CAPTION } from '../shared/menuCaptions';
import { listNames } from '../reports/aggregationText';
import { tidyText } from '../shared/text';
import { locateVillageTab, MONTHS, STATUS_CODES } from '../workbook/villageTabLayout';

const APPROVE_ACTION = 'Duyệt báo cáo';
export const APPROVE_MONTH_ACTION = 'Duyệt báo cáo tháng';
const UNLOCK_ACTION = 'Mở khóa báo cáo';
export const APPROVAL_DATE_FORMAT = 'dd/MM/yyyy';

/** The months whose `DA_DUYET` cell holds a date in a tab as read (none for a new or unrecognised tab). */
export function approvedMonthsIn(grid: Grid | null): number[] {
  const map = grid && locateVillageTab(grid);
  const row = map?.rows.get(STATUS_CODES.approvedAt);
  if (!map || row === undefined) return [];
  return MONTHS.filter((m) => map.monthCols[m - 1] >= 0 && isDate(grid[row][map.monthCols[m - 1]]));
}

/** Why a village's month cannot be approved now, or null when it can. */
export function approvalRefusal(tab: AssessedTab, month: number): string | null {
  const { report } = tab;
  if (!report) return tab.tabName === null ? 'chưa có tab' : 'tab không đúng mẫu';
  if (!report.map.rows.has(STATUS_CODES.approvedAt)) return `tab chưa có dòng "Đã duyệt": chạy "${SETUP_CAPTION}"`;
  const { status, findings } = tab.assessments[month - 1];
  if (isApprovableStatus(status)) return null;
  if (status === 'DA_DUYET') return `đã duyệt ngày ${formatVnDate(report.months[month - 1].approvedAt as Date)}`;
  if (status === 'CAN_SUA') return `cần sửa: ${errorsOf(findings)[0]?.message ?? 'số liệu có lỗi'}`;
  if (status === 'CHO_XU_LY') return 'chờ xử lý (đã tích "Đã nộp", tiện ích chưa ghi ngày nộp)';
  return 'chưa nộp';
}

/** What approving a month found: who can be approved now, who already was, who cannot be and why. */
export interface MonthApprovalPlan {
  approve: AssessedTab[];
  alreadyApproved: string[];
  refused: { name: string; reason: string }[];
}

export function planMonthApproval(tabs: readonly AssessedTab[], month: number): MonthApprovalPlan {
  const plan: MonthApprovalPlan = { approve: [], alreadyApproved: [], refused: [] };
  for (const tab of tabs) {
    const reason = approvalRefusal(tab, month);
    if (reason === null) plan.approve.push(tab);
    else if (tab.assessments[month - 1]?.status === 'DA_DUYET') plan.alreadyApproved.push(tab.village.name);
    else plan.refused.push({ name: tab.village.name, reason });
  }
  return plan;
}

/** The Nhật ký line of one approval: the month's timeliness and its stamp, as approved. */
export function approvalLogEntry(tab: AssessedTab, month: number, year: number) {
  const report = tab.report?.months[month - 1];
  const stamp = report?.submittedAt ? `, nộp ngày ${formatVnDate(report.submittedAt)}` : '';
  return { action: APPROVE_ACTION, village: tab.village.name, period: periodLabel({ kind: 'month', month }, year), detail: `${STATUS_LABELS[tab.assessments[month - 1].status]}${stamp}.` };
}

/** Plain data for a dialog and google.script.run: no dates. */
export interface ApprovalResult {
  month: number;
  period: string;
  /** Villages approved by this run. */
  approved: string[];
  alreadyApproved: number;
  refused: { name: string; reason: string }[];
  /** Approvable villages the time budget left for another run. */
  remaining: number;
  message: string;
}

export function approvalResult(month: number, year: number, plan: MonthApprovalPlan, approved: readonly string[]): ApprovalResult {
  const period = periodLabel({ kind: 'month', month }, year);
  const remaining = plan.approve.length - approved.length;
  const parts = [`Đã duyệt ${approved.length} báo cáo ${period}.`];
  if (plan.alreadyApproved.length > 0) parts.push(`${plan.alreadyApproved.length} báo cáo đã được duyệt từ trước.`);
  if (remaining > 0) parts.push(`Còn ${remaining} báo cáo chưa kịp duyệt trong lượt này: hãy bấm duyệt tháng ${month} lần nữa để duyệt tiếp.`);
  // Cut after 30: at 500 villages the full list would outgrow a dialog and a cell of Nhật ký.
  if (plan.refused.length > 0) parts.push(`Chưa duyệt được ${plan.refused.length}: ${listNames(plan.refused.map((r) => `${r.name} (${r.reason})`))}.`);
  return { month, period, approved: [...approved], alreadyApproved: plan.alreadyApproved.length, refused: plan.refused, remaining, message: parts.join(' ') };
}

/** The Nhật ký line of approving a whole month: how many, and who was left out and why. */
export function monthApprovalLogEntry(result: ApprovalResult) {
  return { action: APPROVE_MONTH_ACTION, period: result.period, detail: result.message };
}

/** The reason typed for a "Mở khóa", or an error: a reopened month must say why. */
export function unlockReason(reason: unknown): string {
  const text = tidyText(reason);
  if (text === '') throw new Error('Hãy ghi lý do mở khóa: lý do được ghi vào Nhật ký.');
  return text;
}

/** Why a village's month cannot be unlocked, or null when it can (it holds an approval date). */
export function unlockRefusal(tab: AssessedTab, month: number): string | null {
  const { report } = tab;
  if (!report) return tab.tabName === null ? `Chưa có tab "${tab.village.name}".` : `Tab "${tab.tabName}" không đúng mẫu.`;
  return report.months[month - 1].approvedAt ? null : `${tab.village.name}: tháng ${month} chưa được duyệt nên không cần mở khóa.`;
}

export function unlockLogEntry(tab: AssessedTab, month: number, year: number, reason: string) {
  const approvedAt = tab.report?.months[month - 1].approvedAt;
  const approved = approvedAt ? ` (đã duyệt ngày ${formatVnDate(approvedAt)})` : '';
  return { action: UNLOCK_ACTION, village: tab.village.name, period: periodLabel({ kind: 'month', month }, year), detail: `Lý do: ${reason}${approved}.` };
}
