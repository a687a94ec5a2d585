/**
 * What a reminder run did, in words: one `Nhật ký` row per village reminded, skipped, failed or
 * deferred (and per digest), and the summary shown after "Gửi nhắc ngay".
 */
import { formatLocalDate } from '../shared/calendar';
import { periodLabel } from '../assessment/period';
import type { Village } from '../config/registry';
import type { Settings } from '../config/settings';
import { vocabularyOf, type VocabularySettings } from '../config/vocabulary';
import { STEP_BEFORE, STEP_DUE } from './ladder';
import { dateOfDayNumber, shortKey, type UnloggedSend } from './ledger';
import { dueStanding } from './messages';
import type { PlannedSkip, RecipientEmail, ReminderPlan, SkipReason } from './plan';

/** `outOfTime`: the run's time budget was spent (docs/limits.md), rather than the mail quota. */
export type Delivery = { result: 'sent' } | { result: 'failed'; error: string } | { result: 'deferred'; outOfTime?: boolean };

export interface RunDeliveries {
  /** Parallel to plan.emails; shorter when the run stopped half-way (the rest was not tried). */
  heads: readonly Delivery[];
  /** Null when there is no digest or it was not tried. */
  digest: Delivery | null;
}

/** Same shape as a `Nhật ký` entry (gas/log.ts). */
export interface RunLogEntry {
  action: string;
  village: string;
  period: string;
  detail: string;
}

/** Plain data: crosses google.script.run and shows in the alert. */
export interface ReminderRunReport {
  date: string;
  sent: string[];
  skipped: string[];
  failed: string[];
  deferred: string[];
}

export const ACTIONS = {
  sent: 'Gửi nhắc',
  digest: 'Gửi tổng hợp nhắc việc',
  skipped: 'Bỏ qua nhắc',
  failed: 'Lỗi gửi nhắc',
  deferred: 'Hoãn gửi nhắc (hết hạn mức email)',
} as const;

const OUT_OF_TIME = 'Hoãn gửi nhắc (hết thời gian chạy)';
const actionOf = (d: Delivery) => (d.result === 'deferred' && d.outOfTime ? OUT_OF_TIME : ACTIONS[d.result]);
const deferredWhy = (d: Delivery) => (d.result === 'deferred' ? (d.outOfTime ? ' (hết thời gian chạy)' : ' (hết hạn mức email hôm nay)') : '');

/** `Kỳ` column of `Nhật ký`, as the other commands write it. */
const logPeriod = (month: number, year: number) => periodLabel({ kind: 'month', month }, year);

export function stepLabel(step: number, maxReminders: number): string {
  if (step === STEP_BEFORE) return 'nhắc trước hạn';
  if (step === STEP_DUE) return 'nhắc đến hạn';
  return `nhắc quá hạn lần ${step - STEP_DUE}/${maxReminders}`;
}

type OutcomeSettings = Pick<Settings, 'year' | 'maxReminders'> & VocabularySettings;

function skipDetail(skip: PlannedSkip, village: string): string {
  const texts: Record<SkipReason, string> = {
    NO_EMAIL: 'chưa có email trong tab "Danh sách"',
    INVALID_EMAIL: `email "${skip.email}" không hợp lệ`,
    NO_TAB: `không tìm thấy tab của ${village} hoặc tab không đúng mẫu`,
    ALREADY_SENT_TODAY: 'đã gửi hôm nay',
    NO_OFFICE_EMAIL: 'chưa có "Email phòng VH-XH" trong tab "Cấu hình"',
  };
  return texts[skip.reason];
}

export function describeRun(plan: ReminderPlan, deliveries: RunDeliveries, settings: OutcomeSettings): { log: RunLogEntry[]; report: ReminderRunReport } {
  const village = vocabularyOf(settings).village;
  const log: RunLogEntry[] = [];
  const report: ReminderRunReport = { date: formatLocalDate(plan.today), sent: [], skipped: [], failed: [], deferred: [] };
  const names = (email: RecipientEmail) => [...new Set(email.items.map((i) => i.village.name))].join(', ');

  if (plan.digest && deliveries.digest) {
    const d = deliveries.digest;
    const period = [...new Set(plan.digest.months.map((m) => logPeriod(m.month, m.year)))].join(', ');
    const what = `bản tổng hợp (${plan.digest.villages.length} ${village} chưa hoàn thành báo cáo) tới ${plan.digest.to}`;
    const failed = d.result === 'failed' ? `${what}: ${d.error}` : '';
    const detail = d.result === 'sent' ? `Đã gửi ${what}` : failed || `${what}; gửi ở lần chạy sau`;
    log.push({ action: d.result === 'sent' ? ACTIONS.digest : actionOf(d), village: '', period, detail });
    report[d.result].push(d.result === 'sent' ? `Phòng VH-XH: ${what}` : failed || what + deferredWhy(d));
  }

  deliveries.heads.forEach((d, n) => {
    const email = plan.emails[n];
    for (const item of email.items) {
      const period = logPeriod(item.month, item.year);
      const standing = `${stepLabel(item.step, settings.maxReminders)}, ${item.status === 'CAN_SUA' ? 'cần sửa, ' : ''}${dueStanding(item.daysLate)} → ${email.to}`;
      const detail = d.result === 'failed' ? `${email.to}: ${d.error}` : d.result === 'sent' ? standing : `${standing}; gửi ở lần chạy sau`;
      log.push({ action: actionOf(d), village: item.village.name, period, detail });
    }
    const line = `${names(email)} → ${email.to}`;
    report[d.result].push(d.result === 'failed' ? `${line}: ${d.error}` : line + deferredWhy(d));
  });

  for (const skip of plan.skips) {
    const period = logPeriod(skip.month, settings.year);
    const who = skip.village || 'Bản tổng hợp cho phòng VH-XH';
    const detail = skipDetail(skip, village);
    log.push({ action: ACTIONS.skipped, village: skip.village, period, detail: skip.village ? detail : `${who}: ${detail}` });
    report.skipped.push(`${who}: ${detail}`);
  }
  return { log, report };
}

/**
 * `Nhật ký` rows, written late, for sends an earlier run made but could not log; village and
 * recipient as the registry has them now.
 */
export function backlogRows(unlogged: { sends: readonly UnloggedSend[]; digestOn: number | null }, villages: readonly Village[], settings: Pick<Settings, 'maxReminders' | 'officeEmail'> & VocabularySettings): RunLogEntry[] {
  const byKey = new Map(villages.map((v) => [shortKey(v.name), v]));
  const late = (on: number) => `gửi ngày ${formatLocalDate(dateOfDayNumber(on))}, ghi bù`;
  const rows = unlogged.sends.map((s): RunLogEntry => {
    const village = byKey.get(s.village);
    const to = village ? village.email : `${vocabularyOf(settings).village} không còn trong "Danh sách"`;
    return { action: ACTIONS.sent, village: village?.name ?? '', period: logPeriod(s.month % 100, Math.floor(s.month / 100)), detail: `${stepLabel(s.step, settings.maxReminders)} → ${to} (${late(s.on)})` };
  });
  if (unlogged.digestOn !== null) rows.unshift({ action: ACTIONS.digest, village: '', period: '', detail: `Đã gửi bản tổng hợp tới ${settings.officeEmail} (${late(unlogged.digestOn)})` });
  return rows;
}

/** The alert after "Gửi nhắc ngay". */
export function runSummaryText(report: ReminderRunReport): string {
  const total = report.sent.length + report.skipped.length + report.failed.length + report.deferred.length;
  if (total === 0) return `Ngày ${report.date}: không có báo cáo nào cần nhắc.`;
  const section = (title: string, lines: readonly string[]) => (lines.length ? [`${title} (${lines.length}):`, ...lines.slice(0, 15).map((l) => `• ${l}`), ...(lines.length > 15 ? [`… và ${lines.length - 15} mục khác (xem tab "Nhật ký").`] : []), ''] : []);
  return [
    `Ngày ${report.date}:`,
    '',
    ...section('Đã gửi', report.sent),
    ...section('Hoãn, sẽ gửi ở lần chạy sau', report.deferred),
    ...section('Gửi lỗi', report.failed),
    ...section('Bỏ qua', report.skipped),
  ]
    .join('\n')
    .trim();
}
