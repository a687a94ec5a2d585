/**
 * The rules (docs/validation.md, "The rules") for one month of a village tab. Errors block submission, warnings do not.
 *
 * Unsubmitted months: what is typed is still checked (a word or a negative in a count cell is wrong
 * whenever it is typed, and so is a value above its denominator), but blanks are fine until the box
 * is ticked, and the data-quality warnings only look at values that are there.
 */
import { isFutureMonth, type LocalDate } from '../shared/calendar';
import { denominatorDef, TEAM_SIZE_CODE } from '../config/catalogue';
import type { CountReading } from '../shared/cellValues';
import type { Finding, FindingLevel } from '../shared/findings';
import { shortLabel } from '../config/indicatorNames';
import type { Village } from '../config/registry';
import type { IndicatorSetting, Settings } from '../config/settings';
import { formatInt, formatPercent } from '../shared/text';
import type { VillageReport } from './monthReports';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export interface ValidationContext {
  /** As in `Danh sách`; used in messages ("Thôn 3, Tháng 5, ô E7: …"). */
  villageName: string;
  /** Registry row (denominators); undefined when the tab has no registry row. */
  village: Pick<Village, 'denominators'> | undefined;
  settings: Settings;
  /** Applied indicators. */
  indicators: IndicatorSetting[];
  /** Vietnam date (calendar.vnDateOf(now)). */
  today: LocalDate;
}

/** A rise is suspicious when it is both more than half again and more than this many units. */
const JUMP_RATIO = 0.5;
/** Far above any village's count: a larger figure is a typing slip (docs/validation.md). */
export const MAX_COUNT = 1_000_000;
const whenOf = (month: number) => (month === 0 ? 'đầu năm' : `Tháng ${month}`);
const JUMP_UNITS = 20;

interface EarlierCount {
  month: number;
  value: number;
}

/** Findings for one month of a parsed tab: errors block submission, warnings do not (docs/validation.md). */
export function validateMonth(report: VillageReport, month: number, ctx: ValidationContext): Finding[] {
  // The months before it are checked too, for their counts: a tab has twelve, so this stays cheap.
  return validateMonths(report, ctx)[month - 1] ?? [];
}

/**
 * validateMonth of every month of the tab (index month - 1) in one pass: labels are looked up once
 * per tab, and each indicator's latest earlier count is carried forward instead of searched for again.
 */
export function validateMonths(report: VillageReport, ctx: ValidationContext): Finding[][] {
  const labels = ctx.indicators.map(shortLabel);
  // A cumulative count starts the year where `Đầu năm` says (month 0 of the comparisons).
  const earlier: (EarlierCount | null)[] = ctx.indicators.map((ind) => {
    const start = ind.kind === 'TY_LE' ? report.startValues.get(ind.code)?.reading : undefined;
    return start?.kind === 'count' ? { month: 0, value: start.value } : null;
  });
  return report.months.map((current) => (current.present ? checkMonth(report, current.month, ctx, labels, earlier) : []));
}

/** Where a month's finding says it is: "Thôn 3, Tháng 5, ". */
const monthPrefix = (villageName: string, month: number) => `${villageName}, Tháng ${month}`;

/**
 * A finding's message as read inside its own tab and month ("ô E7: …", "còn trống …"), for the
 * month's `Ghi chú` and an email that already names the village and month.
 */
export function messageInMonth(message: string, villageName: string, month: number): string {
  const where = monthPrefix(villageName, month);
  return message.startsWith(`${where}, `) || message.startsWith(`${where}: `) ? message.slice(where.length + 2) : message;
}

/** A month's findings, each worded "Thôn 3, Tháng 5, ô E7: …". */
class MonthFindings {
  readonly list: Finding[] = [];

  constructor(
    private readonly sheet: string,
    private readonly villageName: string,
    private readonly month: number,
  ) {}

  add(level: FindingLevel, cell: string, text: string): void {
    const prefix = monthPrefix(this.villageName, this.month);
    const where = cell ? `${prefix}, ô ${cell}: ` : `${prefix}: `;
    this.list.push({ level, sheet: this.sheet, cell, message: where + text });
  }
}

/**
 * `labels[i]` is the short label of `ctx.indicators[i]` and `earlier[i]` its latest count before
 * `month`; each count of `month` is then recorded in `earlier`, for the month after. A plain loop
 * with nothing made per indicator: Tổng hợp runs this for 500 tabs × 12 months × every indicator.
 */
function checkMonth(report: VillageReport, month: number, ctx: ValidationContext, labels: readonly string[], earlier: (EarlierCount | null)[]): Finding[] {
  const current = report.months[month - 1];
  const findings = new MonthFindings(report.sheet, ctx.villageName, month);
  if (current.submitted && isFutureMonth(month, ctx.today, ctx.settings.year)) {
    findings.add('error', current.submittedCell, `chưa đến tháng ${month}/${ctx.settings.year} nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".`);
  }
  let registryWarned = false;
  for (let i = 0; i < ctx.indicators.length; i++) {
    const ind = ctx.indicators[i];
    const label = labels[i];
    const entry = current.values.get(ind.code);
    if (!entry) {
      if (current.submitted && report.missingRows.includes(ind.code)) {
        findings.add('error', '', `tab thiếu dòng "${label}" (mã ${ind.code}); chạy "${SETUP_CAPTION}" để thêm dòng rồi nhập số liệu.`);
      }
      continue;
    }
    const { cell, reading } = entry;
    if (reading.kind === 'invalid') {
      findings.add('error', cell, invalidText(label, reading));
      continue;
    }
    if (reading.kind === 'blank') {
      if (current.submitted) findings.add('error', cell, `${label} còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).`);
      continue;
    }
    const value = reading.value;
    if (value > MAX_COUNT) {
      findings.add('error', cell, `${label} (${formatInt(value)}) quá lớn: không số liệu nào của một địa bàn vượt ${formatInt(MAX_COUNT)}; hãy kiểm tra lại.`);
      continue;
    }
    if (ind.kind === 'TY_LE' && ind.denominator) {
      if (!ctx.village) {
        if (!registryWarned) findings.add('warning', '', `"${ctx.villageName}" không có trong tab "Danh sách" nên chưa có mẫu số để tính tỷ lệ.`);
        registryWarned = true;
      } else {
        const denominator = ctx.village.denominators[ind.denominator];
        if (denominator === undefined) {
          findings.add('warning', cell, `chưa có ${denominatorDef(ind.denominator).phrase} của ${ctx.villageName} trong tab "Danh sách" nên chưa tính được tỷ lệ ${label}.`);
        } else if (value > denominator) {
          findings.add('error', cell, `${label} (${formatInt(value)}) lớn hơn ${denominatorDef(ind.denominator).phrase} (${formatInt(denominator)}).`);
        }
      }
    }
    const previous = earlier[i];
    if (previous) {
      if (ind.kind === 'TY_LE' && value < previous.value) {
        findings.add('warning', cell, `${label} (${formatInt(value)}) thấp hơn ${whenOf(previous.month)} (${formatInt(previous.value)}); số lũy kế không giảm theo thời gian.`);
      }
      const rise = value - previous.value;
      if (rise > JUMP_UNITS && rise > previous.value * JUMP_RATIO) {
        const ratio = previous.value > 0 ? ` (+${formatPercent(rise / previous.value)})` : '';
        findings.add('warning', cell, `${label} tăng từ ${formatInt(previous.value)} (${whenOf(previous.month)}) lên ${formatInt(value)}${ratio}; hãy kiểm tra lại.`);
      }
      previous.month = month;
      previous.value = value;
    } else earlier[i] = { month, value };
    if (ind.code === TEAM_SIZE_CODE && (value < ctx.settings.teamMin || value > ctx.settings.teamMax)) {
      findings.add('warning', cell, `${label} (${formatInt(value)}) ngoài khoảng ${ctx.settings.teamMin}–${ctx.settings.teamMax} người theo kế hoạch.`);
    }
  }
  return findings.list;
}

/** Structural problems of a tab as a whole (not tied to a month), for Kiểm tra số liệu. */
export function validateTabLayout(report: VillageReport, ctx: Pick<ValidationContext, 'villageName' | 'indicators'>): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ level: 'warning', sheet: report.sheet, cell: '', message: `${ctx.villageName}: ${message}` });
  const missingMonths = report.months.filter((m) => !m.present).map((m) => m.month);
  if (missingMonths.length > 0) add(`không tìm thấy cột ${missingMonths.map((m) => `"Tháng ${m}"`).join(', ')} ở dòng tiêu đề.`);
  for (const code of report.missingRows) {
    const ind = ctx.indicators.find((i) => i.code === code);
    add(`tab thiếu dòng "${ind ? shortLabel(ind) : code}" (mã ${code}); chạy "${SETUP_CAPTION}" để thêm.`);
  }
  for (const [code, what] of [['DA_NOP', 'Đã nộp báo cáo'], ['NGAY_NOP', 'Ngày nộp']] as const) {
    if (!report.map.rows.has(code)) add(`tab thiếu dòng "${what}" (mã ${code}); chạy "${SETUP_CAPTION}" để thêm.`);
  }
  return findings;
}

function invalidText(label: string, reading: Extract<CountReading, { kind: 'invalid' }>): string {
  const ask = 'hãy nhập số nguyên ≥ 0.';
  switch (reading.reason) {
    case 'negative': return `${label} là số âm (${reading.shown}); ${ask}`;
    case 'decimal': return `${label} (${reading.shown}) không phải số nguyên; ${ask}`;
    case 'error': return `${label}: ô đang báo lỗi ${reading.shown}; ${ask}`;
    case 'date': return `${label}: ô đang là ngày tháng (${reading.shown}), không phải số; ${ask}`;
    case 'boolean': return `${label}: ô đang là giá trị ${reading.shown}, không phải số; ${ask}`;
    case 'text': return `${label}: "${reading.shown}" không phải số; ${ask}`;
  }
}

