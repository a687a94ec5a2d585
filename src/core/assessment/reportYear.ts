/**
 * One year per spreadsheet (docs/periods-and-status.md, "The year"). A month's `NGAY_NOP` stamp
 * counts for the year of `Cấu hình` only when it falls in that year; December's report, due in
 * January under "Tháng sau", may also be stamped in January of the next year. A stamp of another
 * year is another year's report: 2026's ticks left in a tab while `Năm` says 2027 are not 2027's.
 */
import { DUE_MONTH_NEXT, type Settings } from '../config/settings';
import { formatVnDate, vnDateOf } from '../shared/calendar';
import type { Finding } from '../shared/findings';
import { TAB_SETTINGS } from '../workbook/tabNames';
import type { MonthReport, VillageReport } from '../entry/monthReports';

export const NEW_YEAR_CAPTION = 'Năm mới';

type YearRule = Pick<Settings, 'year' | 'dueMonth'>;

export function isStampOfYear(stamp: Date, month: number, rule: YearRule): boolean {
  const day = vnDateOf(stamp);
  if (day.year === rule.year) return true;
  return month === 12 && rule.dueMonth === DUE_MONTH_NEXT && day.year === rule.year + 1 && day.month === 1;
}

/** The error on a month stamped in another year; null when its stamp (or its lack of one) is fine. */
export function otherYearFinding(report: VillageReport, villageName: string, month: MonthReport, rule: YearRule): Finding | null {
  const stamp = month.submitted ? month.submittedAt : null;
  if (!stamp || isStampOfYear(stamp, month.month, rule)) return null;
  const stampYear = vnDateOf(stamp).year;
  const what = `ngày nộp ${formatVnDate(stamp)} thuộc năm ${stampYear}, không phải năm ${rule.year} của bảng tính (ô "Năm" ở tab "${TAB_SETTINGS}"), nên tháng này không được tính là đã nộp.`;
  return { level: 'error', sheet: report.sheet, cell: month.submittedAtCell, message: `${villageName}, Tháng ${month.month}, ô ${month.submittedAtCell}: ${what} ${otherYearAdvice(stampYear, rule.year)}` };
}

/** What to do about reports of `stampYear` in the spreadsheet of `year`. */
function otherYearAdvice(stampYear: number, year: number): string {
  return stampYear < year
    ? `Tab còn báo cáo năm ${stampYear}: nếu ô "Năm" bị sửa nhầm, hãy sửa lại; muốn bắt đầu năm ${year}, dùng "${NEW_YEAR_CAPTION}" trong một bản sao của bảng tính năm ${stampYear}.`
    : `Báo cáo nộp sau khi hết năm ${year} không được tính cho năm này; báo cáo năm ${stampYear} ghi vào bảng tính năm ${stampYear}.`;
}

/** A village tab as read: its name in messages, and its parsed report (null when not recognised). */
export interface StampedTab {
  name: string;
  report: VillageReport | null;
}

/** Some months of one village. */
export interface VillageMonthList {
  name: string;
  months: number[];
}

interface StampedMonths extends VillageMonthList {
  /** The years the stamps of those months are in. */
  years: number[];
}

/** Months of each tab whose stamp passes `keep`, tabs without any left out. */
function stampedMonths(tabs: readonly StampedTab[], keep: (stamp: Date, month: number) => boolean): StampedMonths[] {
  return tabs.flatMap(({ name, report }) => {
    const kept = (report?.months ?? []).filter((m) => m.submitted && m.submittedAt && keep(m.submittedAt, m.month));
    const years = [...new Set(kept.map((m) => vnDateOf(m.submittedAt as Date).year))];
    return kept.length > 0 ? [{ name, months: kept.map((m) => m.month), years }] : [];
  });
}

/** The years of every listed stamp, in order. */
const yearsOf = (list: readonly StampedMonths[]): number[] => [...new Set(list.flatMap((t) => t.years))].sort((a, b) => a - b);

const SHOWN_TABS = 5;

/** `Thôn 1 (tháng 1–5, 7), Thôn 2 (tháng 1–12) và 14 địa bàn khác`. */
export function villageMonthsText(list: readonly VillageMonthList[]): string {
  const shown = list.slice(0, SHOWN_TABS).map((t) => `${t.name} (tháng ${monthRanges(t.months)})`).join(', ');
  return list.length > SHOWN_TABS ? `${shown} và ${list.length - SHOWN_TABS} địa bàn khác` : shown;
}

/** `1–5, 7`: consecutive months as one range. */
export function monthRanges(months: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < months.length; i++) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j] + 1) j++;
    parts.push(j > i ? `${months[i]}–${months[j]}` : String(months[i]));
    i = j;
  }
  return parts.join(', ');
}

/**
 * Whether `Năm` and the tabs disagree, so that nothing may be computed: some tab holds a stamp from
 * before the year (the year was moved on over last year's reports), or the tabs hold stamps and none
 * of them is of the year (it was moved back). A stray stamp after the year, in a workbook otherwise
 * of its year, is only that month's finding. Returns the explanation, or null.
 */
export function yearConflict(tabs: readonly StampedTab[], rule: YearRule): string | null {
  const earlier = stampedMonths(tabs, (stamp) => vnDateOf(stamp).year < rule.year);
  const ofYear = stampedMonths(tabs, (stamp, month) => isStampOfYear(stamp, month, rule));
  const later = stampedMonths(tabs, (stamp, month) => !isStampOfYear(stamp, month, rule) && vnDateOf(stamp).year > rule.year);
  const setting = `Năm trong tab "${TAB_SETTINGS}" là ${rule.year}`;
  if (earlier.length > 0) {
    const years = yearsOf(earlier);
    const last = years[years.length - 1];
    return `${setting} nhưng các tab địa bàn còn báo cáo đã nộp năm ${years.join(', ')}: ${villageMonthsText(earlier)}. Tính theo năm ${rule.year} thì mọi số liệu đều sai. ` +
      `Nếu ô "Năm" bị sửa nhầm, hãy sửa lại thành ${last}. Nếu muốn bắt đầu năm ${rule.year}: đặt lại Năm là ${last}, tạo bản sao bảng tính (Tệp → Tạo bản sao) rồi chọn "${NEW_YEAR_CAPTION}" trong bản sao.`;
  }
  if (later.length > 0 && ofYear.length === 0) {
    return `${setting} nhưng mọi ngày nộp trong các tab địa bàn đều thuộc năm ${yearsOf(later).join(', ')}: ${villageMonthsText(later)}. Hãy sửa ô "Năm" cho đúng năm của bảng tính này.`;
  }
  return null;
}

/**
 * Why `Năm` may not change from `from` to `to`: tabs hold reports `from`'s year counts that `to`'s
 * would not (docs/periods-and-status.md, "The year"). Null when the change takes no report away.
 */
export function yearChangeRefusal(tabs: readonly StampedTab[], from: YearRule, to: YearRule): string | null {
  if (from.year === to.year) return null;
  const leaving = stampedMonths(tabs, (stamp, month) => isStampOfYear(stamp, month, from) && !isStampOfYear(stamp, month, to));
  if (leaving.length === 0) return null;
  return `Không đổi Năm từ ${from.year} sang ${to.year} được: các tab địa bàn đang có báo cáo đã nộp năm ${from.year} (${villageMonthsText(leaving)}). ` +
    `Mỗi bảng tính chỉ dùng cho một năm. Để làm năm ${to.year}: tạo bản sao bảng tính này (Tệp → Tạo bản sao) rồi chọn "${NEW_YEAR_CAPTION}" trong bản sao; số liệu năm ${from.year} vẫn ở bảng tính này.`;
}

/** For setup: one line about a tab whose stamps are of another year, or null. */
export function tabYearFinding(tab: StampedTab, rule: YearRule): Finding | null {
  const other = stampedMonths([tab], (stamp, month) => !isStampOfYear(stamp, month, rule));
  if (other.length === 0) return null;
  return {
    level: 'warning',
    sheet: tab.name,
    cell: '',
    message: `${tab.name}: tháng ${monthRanges(other[0].months)} có ngày nộp năm ${other[0].years.join(', ')}, không phải năm ${rule.year} trong tab "${TAB_SETTINGS}", nên không được tính là đã nộp. ${otherYearAdvice(other[0].years[0], rule.year)}`,
  };
}

/** For Kiểm tra số liệu: yearConflict as a finding on `Cấu hình`, listed before the villages' own. */
export function yearConflictFinding(tabs: readonly StampedTab[], rule: YearRule): Finding | null {
  const conflict = yearConflict(tabs, rule);
  return conflict ? { level: 'error', sheet: TAB_SETTINGS, cell: '', message: conflict } : null;
}
