/**
 * The Bảng điều khiển: the current report month at a glance, as plain JSON-safe data (dates as
 * `dd/MM/yyyy HH:mm` strings) because it crosses google.script.run.
 */
import { aggregate, FuturePeriodError, type AssessedVillage } from './aggregation';
import { assessVillage } from './assessment';
import { currentReportMonth, dueDateOf, formatLocalDate, formatVnDateTime, vnDateOf } from './calendar';
import { errorsOf, type Finding } from './findings';
import { shortLabel } from './indicatorNames';
import type { Village } from './registry';
import type { IndicatorSetting, Settings } from './settings';
import { isOverdue, isSubmittedStatus, STATUS_LABELS, type MonthStatus } from './status';
import { formatInt, formatPercent, sameName } from './text';
import type { VillageReport } from './villageReport';

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
  /** Why the village needs attention: its first error, or a problem with its tab. */
  problem: string;
}

export type RateTone = 'good' | 'near' | 'bad' | 'none';

export interface DashboardRate {
  code: string;
  label: string;
  numeratorText: string;
  denominatorText: string;
  /** 0–1, or null when no village has both numbers yet. */
  ratio: number | null;
  percentText: string;
  targetPercent: number | null;
  tone: RateTone;
}

export interface DashboardCounts {
  total: number;
  submitted: number;
  DUNG_HAN: number;
  NOP_MUON: number;
  CHUA_NOP: number;
  CAN_SUA: number;
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
  /** Problems in `Cấu hình` / `Danh sách` worth a look (first few, with the total). */
  configMessages: string[];
  configProblems: number;
}

/** A village of the registry with its parsed tab (null when the tab is missing or unreadable). */
export interface VillageTab {
  name: string;
  report: VillageReport | null;
}

export interface DashboardInput {
  settings: Settings;
  /** Applied indicators. */
  indicators: IndicatorSetting[];
  villages: readonly Village[];
  tabs: readonly VillageTab[];
  configFindings: readonly Finding[];
  now: Date;
  /** Defaults to the month people are working on today (calendar.currentReportMonth). */
  month?: number;
}

/** Order of the village list: who needs a call first. */
const STATUS_ORDER: readonly MonthStatus[] = ['CAN_SUA', 'CHUA_NOP', 'NOP_MUON', 'DUNG_HAN'];
const SHOWN_CONFIG_MESSAGES = 5;

export function buildDashboard(input: DashboardInput): DashboardData {
  const { settings, now } = input;
  const today = vnDateOf(now);
  const month = input.month ?? currentReportMonth(today, settings);
  const assessed = input.villages.map((village): AssessedVillage & { findings: Finding[] } => {
    const report = input.tabs.find((t) => sameName(t.name, village.name))?.report ?? null;
    if (!report) return { village, report, assessments: [], findings: [] };
    const assessments = assessVillage(report, { villageName: village.name, village, settings, indicators: input.indicators, today }, now);
    return { village, report, assessments, findings: assessments[month - 1].findings };
  });
  const tabNames = new Set(input.tabs.map((t) => t.name));
  const villages = assessed.map((a) => dashboardVillage(a, tabNames, month, input));
  villages.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || Number(b.overdue) - Number(a.overdue));

  const counts: DashboardCounts = { total: villages.length, submitted: 0, DUNG_HAN: 0, NOP_MUON: 0, CHUA_NOP: 0, CAN_SUA: 0 };
  for (const v of villages) {
    counts[v.status]++;
    if (isSubmittedStatus(v.status)) counts.submitted++;
  }
  const configMessages = input.configFindings.map((f) => (f.cell ? `${f.sheet}!${f.cell}: ${f.message}` : `${f.sheet}: ${f.message}`));
  return {
    state: villages.length === 0 ? 'no-villages' : 'ready',
    unitName: settings.unitName,
    villageWord: settings.villageWord,
    month,
    period: `Tháng ${month}/${settings.year}`,
    dueDate: formatLocalDate(dueDateOf(month, settings)),
    generatedAt: formatVnDateTime(now),
    counts,
    completenessText: counts.total > 0 ? formatPercent(counts.submitted / counts.total) : '',
    villages,
    rates: villages.length === 0 ? [] : communeRates(input, assessed, month),
    configMessages: configMessages.slice(0, SHOWN_CONFIG_MESSAGES),
    configProblems: configMessages.length,
  };
}

/** A panel for a workbook setup has never run on: it only tells people how to start. */
export function notSetUpDashboard(now: Date): DashboardData {
  return {
    state: 'no-settings', unitName: '', villageWord: '', month: 0, period: '', dueDate: '', generatedAt: formatVnDateTime(now),
    counts: { total: 0, submitted: 0, DUNG_HAN: 0, NOP_MUON: 0, CHUA_NOP: 0, CAN_SUA: 0 }, completenessText: '',
    villages: [], rates: [], configMessages: [], configProblems: 0,
  };
}

/** TY_LE rates of the commune from Tổng hợp's own sums (Σ numerators ÷ Σ denominators). */
function communeRates(input: DashboardInput, villages: readonly AssessedVillage[], month: number): DashboardRate[] {
  let summary;
  try {
    summary = aggregate({ settings: input.settings, indicators: input.indicators, villages, period: { kind: 'month', month }, now: input.now });
  } catch (error) {
    if (error instanceof FuturePeriodError) return [];
    throw error;
  }
  return summary.indicators.filter((s) => s.kind === 'TY_LE').map((s) => {
    const ratio = s.ratePercent === null ? null : s.ratePercent / 100;
    const label = shortLabel(s);
    return {
      code: s.code,
      label,
      numeratorText: formatInt(s.value ?? 0),
      denominatorText: formatInt(s.denominator ?? 0),
      ratio,
      percentText: ratio === null ? 'chưa có số liệu' : formatPercent(ratio),
      targetPercent: s.targetPercent,
      tone: rateTone(s.ratePercent, s.targetPercent, s.met),
    };
  });
}

function dashboardVillage(a: AssessedVillage & { findings: Finding[] }, tabNames: ReadonlySet<string>, month: number, input: DashboardInput): DashboardVillage {
  const { village, report } = a;
  const contact = { name: village.name, head: village.head, phone: village.phone, tel: telLink(village.phone) };
  if (!report) {
    const hasTab = [...tabNames].some((t) => sameName(t, village.name));
    const problem = hasTab ? `Tab "${village.name}" không đúng mẫu (thiếu dòng tiêu đề "Mã | Chỉ tiêu | Tháng 1…").` : `Chưa có tab "${village.name}": chạy "Khởi tạo / cập nhật bảng tính".`;
    return { ...contact, status: 'CHUA_NOP', statusLabel: STATUS_LABELS.CHUA_NOP, overdue: isOverdue('CHUA_NOP', month, input.settings, input.now), submittedAt: '', problem };
  }
  const status = a.assessments[month - 1].status;
  const monthReport = report.months[month - 1];
  const errors = errorsOf(a.findings);
  return {
    ...contact,
    status,
    statusLabel: STATUS_LABELS[status],
    overdue: isOverdue(status, month, input.settings, input.now),
    submittedAt: monthReport.submitted && monthReport.submittedAt ? formatVnDateTime(monthReport.submittedAt) : '',
    problem: errors.length > 0 ? errors[0].message + (errors.length > 1 ? ` (và ${errors.length - 1} lỗi khác)` : '') : '',
  };
}

/** `0912 345 678`, `+84 912.345.678` → `tel:0912345678`, `tel:+84912345678`; '' when not a number. */
export function telLink(phone: string): string {
  const digits = phone.replace(/[\s.\-()]/g, '');
  return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : '';
}

/** How a commune rate stands against its target: reached, within 10 points, or further behind. */
export function rateTone(ratePercent: number | null, targetPercent: number | null, met: boolean | null): RateTone {
  if (ratePercent === null || targetPercent === null) return 'none';
  if (met) return 'good';
  return ratePercent >= targetPercent - 10 ? 'near' : 'bad';
}
