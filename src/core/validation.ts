/**
 * The rules of SPEC §5 for one month of a village tab. Errors block submission, warnings do not.
 *
 * Unsubmitted months: what is typed is still checked (a word or a negative in a count cell is wrong
 * whenever it is typed, and so is a value above its denominator), but blanks are fine until the box
 * is ticked, and the data-quality warnings only look at values that are there.
 */
import { isFutureMonth, type LocalDate } from './calendar';
import { denominatorDef } from './catalogue';
import type { CountReading } from './cellValues';
import type { Finding, FindingLevel } from './findings';
import { shortLabel } from './indicatorNames';
import type { Village } from './registry';
import type { IndicatorSetting, Settings } from './settings';
import { formatInt, formatPercent } from './text';
import type { VillageReport } from './villageReport';

export interface ValidationContext {
  /** As in `Danh sách`; used in messages ("Thôn 3, Tháng 5, ô E7: …"). */
  villageName: string;
  /** Registry row (denominators); undefined when the tab has no registry row. */
  village: Village | undefined;
  settings: Settings;
  /** Applied indicators. */
  indicators: IndicatorSetting[];
  /** Vietnam date (calendar.vnDateOf(now)). */
  today: LocalDate;
}

/** A rise is suspicious when it is both more than half again and more than this many units. */
const JUMP_RATIO = 0.5;
const JUMP_UNITS = 20;
const TEAM_SIZE_CODE = 'TV_TO';

/** Findings for one month of a parsed tab: errors block submission, warnings do not (SPEC §5). */
export function validateMonth(report: VillageReport, month: number, ctx: ValidationContext): Finding[] {
  const current = report.months[month - 1];
  if (!current || !current.present) return [];
  const findings: Finding[] = [];
  const where = (cell: string) => (cell ? `${ctx.villageName}, Tháng ${month}, ô ${cell}: ` : `${ctx.villageName}, Tháng ${month}: `);
  const add = (level: FindingLevel, cell: string, text: string) => findings.push({ level, sheet: report.sheet, cell, message: where(cell) + text });

  if (current.submitted && isFutureMonth(month, ctx.today, ctx.settings.year)) {
    add('error', current.submittedCell, `chưa đến tháng ${month}/${ctx.settings.year} nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".`);
  }
  let registryWarned = false;
  for (const ind of ctx.indicators) {
    const label = shortLabel(ind);
    const entry = current.values.get(ind.code);
    if (!entry) {
      if (current.submitted && report.missingRows.includes(ind.code)) {
        add('error', '', `tab thiếu dòng "${label}" (mã ${ind.code}); chạy "Khởi tạo / cập nhật bảng tính" để thêm dòng rồi nhập số liệu.`);
      }
      continue;
    }
    const { cell, reading } = entry;
    if (reading.kind === 'invalid') {
      add('error', cell, invalidText(label, reading));
      continue;
    }
    if (reading.kind === 'blank') {
      if (current.submitted) add('error', cell, `${label} còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).`);
      continue;
    }
    const value = reading.value;
    if (ind.kind === 'TY_LE' && ind.denominator) {
      const phrase = denominatorDef(ind.denominator).phrase;
      if (!ctx.village) {
        if (!registryWarned) add('warning', '', `"${ctx.villageName}" không có trong tab "Danh sách" nên chưa có mẫu số để tính tỷ lệ.`);
        registryWarned = true;
      } else {
        const denominator = ctx.village.denominators[ind.denominator];
        if (denominator === undefined) {
          add('warning', cell, `chưa có ${phrase} của ${ctx.villageName} trong tab "Danh sách" nên chưa tính được tỷ lệ ${label}.`);
        } else if (value > denominator) {
          add('error', cell, `${label} (${formatInt(value)}) lớn hơn ${phrase} (${formatInt(denominator)}).`);
        }
      }
    }
    const previous = latestEarlierCount(report, month, ind.code);
    if (previous) {
      if (ind.kind === 'TY_LE' && value < previous.value) {
        add('warning', cell, `${label} (${formatInt(value)}) thấp hơn Tháng ${previous.month} (${formatInt(previous.value)}); số lũy kế không giảm theo thời gian.`);
      }
      const rise = value - previous.value;
      if (rise > JUMP_UNITS && rise > previous.value * JUMP_RATIO) {
        const ratio = previous.value > 0 ? ` (+${formatPercent(rise / previous.value)})` : '';
        add('warning', cell, `${label} tăng từ ${formatInt(previous.value)} (Tháng ${previous.month}) lên ${formatInt(value)}${ratio}; hãy kiểm tra lại.`);
      }
    }
    if (ind.code === TEAM_SIZE_CODE && (value < ctx.settings.teamMin || value > ctx.settings.teamMax)) {
      add('warning', cell, `${label} (${formatInt(value)}) ngoài khoảng ${ctx.settings.teamMin}–${ctx.settings.teamMax} người theo kế hoạch.`);
    }
  }
  return findings;
}

/** Structural problems of a tab as a whole (not tied to a month), for Kiểm tra số liệu. */
export function validateTabLayout(report: VillageReport, ctx: Pick<ValidationContext, 'villageName' | 'indicators'>): Finding[] {
  const findings: Finding[] = [];
  const add = (message: string) => findings.push({ level: 'warning', sheet: report.sheet, cell: '', message: `${ctx.villageName}: ${message}` });
  const missingMonths = report.months.filter((m) => !m.present).map((m) => m.month);
  if (missingMonths.length > 0) add(`không tìm thấy cột ${missingMonths.map((m) => `"Tháng ${m}"`).join(', ')} ở dòng tiêu đề.`);
  for (const code of report.missingRows) {
    const ind = ctx.indicators.find((i) => i.code === code);
    add(`tab thiếu dòng "${ind ? shortLabel(ind) : code}" (mã ${code}); chạy "Khởi tạo / cập nhật bảng tính" để thêm.`);
  }
  for (const [code, what] of [['DA_NOP', 'Đã nộp báo cáo'], ['NGAY_NOP', 'Ngày nộp']] as const) {
    if (!report.map.rows.has(code)) add(`tab thiếu dòng "${what}" (mã ${code}); chạy "Khởi tạo / cập nhật bảng tính" để thêm.`);
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

/** The latest month before `month` holding a valid count for `code` (cumulative values compare to it). */
function latestEarlierCount(report: VillageReport, month: number, code: string): { month: number; value: number } | null {
  for (let m = month - 1; m >= 1; m--) {
    const reading = report.months[m - 1].values.get(code)?.reading;
    if (reading?.kind === 'count') return { month: m, value: reading.value };
  }
  return null;
}

