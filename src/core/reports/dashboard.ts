/**
 * The Bảng điều khiển: the current report month at a glance, as plain JSON-safe data (dates as
 * `dd/MM/yyyy HH:mm` strings) because it crosses google.script.run.
 */
import { automationLines, type AutomationFact, type AutomationLine } from '../automation/automation';
import { aggregate, FuturePeriodError, type IndicatorSummary } from '../assessment/aggregation';
import type { AssessedTab } from '../assessment/villageAssessment';
import { currentReportMonth, dueDateOf, formatLocalDate, formatVnDate, formatVnDateTime, vnDateOf } from '../shared/calendar';
import { approvalRefusal } from '../entry/approval';
import { errorsOf, type Finding } from '../shared/findings';
import { shortLabel } from '../config/indicatorNames';
import { periodLabel } from '../assessment/period';
import type { IndicatorSetting, Settings } from '../config/settings';
import { isOverdue, isSubmittedStatus, STATUS_LABELS, type MonthStatus } from '../assessment/status';
import { capitalizeFirst, formatInt, formatPercent } from '../shared/text';
import { vocabularyOf } from '../config/vocabulary';
import { EVALUATION_TONES, evaluationLabel, paceExplanation, percentText, teamSizeDetails, teamSizeLine, type EvaluationTone } from './aggregationText';
import { SETUP_CAPTION } from '../shared/menuCaptions';
import { HEADER_ROW_TEXT } from '../workbook/villageTabLayout';

export interface DashboardVillage {
  name: string;
  status: MonthStatus;
  statusLabel: string;
  /** Not submitted (or needing a fix) after the due date. */
  overdue: boolean;
  head: string;
  phone: string;
  /** `tel:` link for the phone, '' when the registry has no usable number. */
  tel: string;
  submittedAt: string;
  /** dd/MM/yyyy when the office approved the month, else ''. */
  approvedAt: string;
  /** Submitted and valid, not yet approved (the "Duyệt" button). */
  canApprove: boolean;
  /** Approved (the "Mở khóa" button). */
  canUnlock: boolean;
  /** Why the village needs attention: its first error, or a problem with its tab. */
  problem: string;
}

export interface DashboardRate {
  code: string;
  label: string;
  /** `1.234/1.443 người`. */
  figuresText: string;
  /** 0–100, or null when no village has both numbers yet. */
  ratePercent: number | null;
  percentText: string;
  targetPercent: number | null;
  /** `Kế hoạch đến kỳ`: where the plan says the rate should be by now, and as shown (`37,5%`). */
  planPercent: number | null;
  planText: string;
  /** `Kế hoạch đến tháng 6: 50% · dự kiến cuối năm: 51,6%`; '' without a target or a rate. */
  paceText: string;
  /** `Đúng tiến độ`…, as Tổng hợp's `Đánh giá`; '' when there is nothing to judge. */
  evaluationText: string;
  tone: EvaluationTone | 'none';
}

export interface DashboardCounts {
  total: number;
  submitted: number;
  DUNG_HAN: number;
  NOP_MUON: number;
  CHUA_NOP: number;
  CHO_XU_LY: number;
  CAN_SUA: number;
  DA_DUYET: number;
  /** Villages the office may approve now ("Duyệt cả tháng"). */
  approvable: number;
}

export interface DashboardData {
  state: 'ready' | 'no-settings' | 'no-villages';
  unitName: string;
  villageWord: string;
  month: number;
  period: string;
  dueDate: string;
  generatedAt: string;
  counts: DashboardCounts;
  completenessText: string;
  villages: DashboardVillage[];
  rates: DashboardRate[];
  /** What `Kế hoạch đến kỳ` and `Dự kiến cuối năm` mean; '' without rates. */
  paceNote: string;
  /** `Số Tổ đủ thành viên: 15/16 (quy định 3–5 người).` and the teams outside the range; null when TV_TO is not applied. */
  teamSize: { line: string; details: string[] } | null;
  /** Problems in `Cấu hình` / `Danh sách` worth a look (first few, with the total). */
  configMessages: string[];
  configProblems: number;
  /** The two triggers: who runs them and when each last worked. */
  automation: AutomationLine[];
  /** A setup that continues in follow-up executions, and how far it got. */
  setupUnderWay: string | null;
}

export interface DashboardInput {
  settings: Settings;
  /** Applied indicators. */
  indicators: IndicatorSetting[];
  /** Registry order, each with its tab assessed (assessment/villageAssessment.assessVillageTab). */
  villages: readonly AssessedTab[];
  configFindings: readonly Finding[];
  automation: readonly AutomationFact[];
  setupUnderWay: string | null;
  now: Date;
  /** Defaults to the month people are working on today (calendar.currentReportMonth). */
  month?: number;
}

/** Order of the village list: who needs a call first. */
const STATUS_ORDER: readonly MonthStatus[] = ['CAN_SUA', 'CHUA_NOP', 'CHO_XU_LY', 'NOP_MUON', 'DUNG_HAN', 'DA_DUYET'];
const NO_COUNTS: Readonly<DashboardCounts> = { total: 0, submitted: 0, DUNG_HAN: 0, NOP_MUON: 0, CHUA_NOP: 0, CHO_XU_LY: 0, CAN_SUA: 0, DA_DUYET: 0, approvable: 0 };
const SHOWN_CONFIG_MESSAGES = 5;
const PENDING_PROBLEM = 'Đã tích "Đã nộp" nhưng tiện ích chưa ghi ngày nộp (bảng tính đang bận hoặc gặp lỗi); sẽ tự xử lý lại sớm, thường trong vài phút, chậm nhất ở lần Kiểm tra số liệu hoặc lần nhắc việc hằng ngày tới, với giờ tích ban đầu.';

export function buildDashboard(input: DashboardInput): DashboardData {
  const { settings, now } = input;
  const today = vnDateOf(now);
  const month = input.month ?? currentReportMonth(today, settings);
  const villages = input.villages.map((a) => dashboardVillage(a, month, input));
  villages.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || Number(b.overdue) - Number(a.overdue));

  const counts: DashboardCounts = { ...NO_COUNTS, total: villages.length };
  for (const v of villages) {
    counts[v.status]++;
    if (isSubmittedStatus(v.status)) counts.submitted++;
    if (v.canApprove) counts.approvable++;
  }
  const configMessages = input.configFindings.map((f) => (f.cell ? `${f.sheet}!${f.cell}: ${f.message}` : `${f.sheet}: ${f.message}`));
  const progress = villages.length === 0 ? null : communeProgress(input, month);
  return {
    state: villages.length === 0 ? 'no-villages' : 'ready',
    unitName: settings.unitName,
    villageWord: settings.villageWord,
    month,
    period: periodLabel({ kind: 'month', month }, settings.year),
    dueDate: formatLocalDate(dueDateOf(month, settings)),
    generatedAt: formatVnDateTime(now),
    counts,
    completenessText: counts.total > 0 ? formatPercent(counts.submitted / counts.total) : '',
    villages,
    rates: progress?.rates ?? [],
    paceNote: progress && progress.rates.length > 0 ? paceExplanation(month) : '',
    teamSize: progress?.teamSize ?? null,
    configMessages: configMessages.slice(0, SHOWN_CONFIG_MESSAGES),
    configProblems: configMessages.length,
    automation: automationLines(input.automation),
    setupUnderWay: input.setupUnderWay,
  };
}

/** A panel for a workbook setup has never run on: it only tells people how to start. */
export function notSetUpDashboard(now: Date, setupUnderWay: string | null): DashboardData {
  return {
    state: 'no-settings', unitName: '', villageWord: '', month: 0, period: '', dueDate: '', generatedAt: formatVnDateTime(now),
    counts: { ...NO_COUNTS }, completenessText: '',
    villages: [], rates: [], paceNote: '', teamSize: null, configMessages: [], configProblems: 0, automation: [], setupUnderWay,
  };
}

/** The commune's rates against the plan and its team sizes, from Tổng hợp's own summary of the month. */
function communeProgress(input: DashboardInput, month: number): Pick<DashboardData, 'rates' | 'teamSize'> | null {
  let summary;
  try {
    summary = aggregate({ settings: input.settings, indicators: input.indicators, villages: input.villages, period: { kind: 'month', month }, now: input.now });
  } catch (error) {
    if (error instanceof FuturePeriodError) return null;
    throw error;
  }
  const words = vocabularyOf(input.settings);
  const team = summary.teamSize;
  return {
    rates: summary.indicators.filter((s) => s.kind === 'TY_LE').map((s) => dashboardRate(s, month)),
    teamSize: team ? { line: teamSizeLine(team, words), details: teamSizeDetails(team, words) } : null,
  };
}

function dashboardRate(s: IndicatorSummary, month: number): DashboardRate {
  const pace = [
    s.planPercent === null ? '' : `kế hoạch đến tháng ${month}: ${percentText(s.planPercent)}`,
    s.projectedPercent === null || s.planPercent === null ? '' : `dự kiến cuối năm: ${percentText(s.projectedPercent)}`,
  ].filter((part) => part !== '');
  return {
    code: s.code,
    label: shortLabel(s),
    figuresText: `${formatInt(s.value ?? 0)}/${formatInt(s.denominator ?? 0)} ${s.unit}`,
    ratePercent: s.ratePercent,
    percentText: s.ratePercent === null ? 'chưa có số liệu' : percentText(s.ratePercent),
    targetPercent: s.targetPercent,
    planPercent: s.planPercent,
    planText: s.planPercent === null ? '' : percentText(s.planPercent),
    paceText: pace.length > 0 ? capitalizeFirst(pace.join(' · ')) : '',
    evaluationText: evaluationLabel(s),
    tone: s.evaluation === null ? 'none' : EVALUATION_TONES[s.evaluation],
  };
}

function dashboardVillage(a: AssessedTab, month: number, input: DashboardInput): DashboardVillage {
  const { village, report } = a;
  const contact = { name: village.name, head: village.head, phone: village.phone, tel: telLink(village.phone) };
  if (!report) {
    const problem = a.tabName !== null ? `Tab "${village.name}" không đúng mẫu (thiếu ${HEADER_ROW_TEXT}).` : `Chưa có tab "${village.name}": chạy "${SETUP_CAPTION}".`;
    const none = { submittedAt: '', approvedAt: '', canApprove: false, canUnlock: false };
    return { ...contact, ...none, status: 'CHUA_NOP', statusLabel: STATUS_LABELS.CHUA_NOP, overdue: isOverdue('CHUA_NOP', month, input.settings, input.now), problem };
  }
  const { status, findings } = a.assessments[month - 1];
  const monthReport = report.months[month - 1];
  const errors = errorsOf(findings);
  return {
    ...contact,
    status,
    statusLabel: STATUS_LABELS[status],
    overdue: isOverdue(status, month, input.settings, input.now),
    submittedAt: monthReport.submitted && monthReport.submittedAt ? formatVnDateTime(monthReport.submittedAt) : '',
    approvedAt: monthReport.approvedAt ? formatVnDate(monthReport.approvedAt) : '',
    canApprove: approvalRefusal(a, month) === null,
    canUnlock: monthReport.approvedAt !== null,
    problem: status === 'CHO_XU_LY' ? PENDING_PROBLEM : errors.length > 0 ? errors[0].message + (errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác)` : '') : '',
  };
}

/** `0912 345 678`, `+84 912.345.678` → `tel:0912345678`, `tel:+84912345678`; '' when not a number. */
export function telLink(phone: string): string {
  const digits = phone.replace(/[\s.\-()]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : '';
}
