/** A village's month status (docs/periods-and-status.md, "Month statuses"), used by Tổng hợp, reminders and the dashboard. */
import { isOnTime, isPastDue, vnDateOf } from '../shared/calendar';
import type { Settings } from '../config/settings';
import type { MonthReport } from '../entry/monthReports';
import { isStampOfYear } from './reportYear';

export type MonthStatus = 'CHUA_NOP' | 'CHO_XU_LY' | 'DUNG_HAN' | 'NOP_MUON' | 'CAN_SUA' | 'DA_DUYET';

export const STATUS_LABELS: Record<MonthStatus, string> = {
  CHUA_NOP: 'Chưa nộp',
  CHO_XU_LY: 'Chờ xử lý',
  DUNG_HAN: 'Đúng hạn',
  NOP_MUON: 'Nộp muộn',
  CAN_SUA: 'Cần sửa',
  DA_DUYET: 'Đã duyệt',
};

type DueRule = Pick<Settings, 'year' | 'dueDay' | 'dueMonth'>;

/**
 * `hasErrors` is whether the month's data has validation errors now. A tick with no stamp is one the
 * add-on has not processed yet (docs/periods-and-status.md, "Chờ xử lý"): it is neither late nor on
 * time until it is stamped with the moment it was ticked. An approved month whose figures the office
 * has since made wrong is `Cần sửa`: errors outrank the approval.
 */
export function monthStatus(report: MonthReport, hasErrors: boolean, rule: DueRule): MonthStatus {
  if (!report.submitted) return 'CHUA_NOP';
  if (!report.submittedAt) return 'CHO_XU_LY';
  // Another year's report, not this year's (docs/periods-and-status.md, "The year").
  if (!isStampOfYear(report.submittedAt, report.month, rule)) return 'CHUA_NOP';
  if (hasErrors) return 'CAN_SUA';
  if (report.approvedAt) return 'DA_DUYET';
  return isOnTime(report.submittedAt, report.month, rule) ? 'DUNG_HAN' : 'NOP_MUON';
}

export function isSubmittedStatus(status: MonthStatus): boolean {
  return status === 'DUNG_HAN' || status === 'NOP_MUON' || status === 'DA_DUYET';
}

/** Submitted and valid, not yet approved: what the office may approve. */
export function isApprovableStatus(status: MonthStatus): boolean {
  return status === 'DUNG_HAN' || status === 'NOP_MUON';
}

/** On time, approved or not: an approval keeps the NGAY_NOP stamp, so the ranking still knows. */
export function wasOnTime(status: MonthStatus, report: MonthReport, rule: DueRule): boolean {
  if (status === 'DA_DUYET') return report.submittedAt !== null && isOnTime(report.submittedAt, report.month, rule);
  return status === 'DUNG_HAN';
}

/** Due date is past (Vietnam time) and the month is not submitted. */
export function isOverdue(status: MonthStatus, month: number, rule: DueRule, now: Date): boolean {
  if (status !== 'CHUA_NOP' && status !== 'CAN_SUA') return false;
  return isPastDue(month, vnDateOf(now), rule);
}
