/** The sentences of the printed report (`Báo cáo`), generated from an AggregationSummary. */
import type { AggregationSummary, IndicatorSummary } from '../assessment/aggregation';
import type { CompletenessNames } from './aggregationText';
import { indicatorResultText, listNames, percentOf, percentText, staleVillagesText, villageWordOf } from './aggregationText';
import type { LocalDate } from '../shared/calendar';
import { denominatorDef } from '../config/catalogue';
import { shortLabel } from '../config/indicatorNames';
import { periodPhrase, periodSubject } from '../assessment/period';
import { headTitle } from '../config/registry';
import { formatInt } from '../shared/text';

const TEAM = 'Tổ công nghệ số cộng đồng';

/** Nghị định 30/2020: days below 10 and months 1, 2 take a leading zero (`ngày 05 tháng 02`). */
export function dateLine(place: string, date: LocalDate): string {
  const day = date.day < 10 ? `0${date.day}` : String(date.day);
  const month = date.month <= 2 ? `0${date.month}` : String(date.month);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** The unit's name without its level (`Bạch Ngọc` of `Xã Bạch Ngọc`); null when it does not start with it. */
const bareUnitName = ({ unitName, level }: Pick<AggregationSummary, 'unitName' | 'level'>) => (unitName.startsWith(`${level} `) ? unitName.slice(level.length + 1) : null);

/** The place name of the date line: the setting, else the unit's name without `Xã`/`Phường`. */
export function placeOf(summary: Pick<AggregationSummary, 'placeName' | 'unitName' | 'level'>): string {
  return summary.placeName.trim() || (bareUnitName(summary) ?? summary.unitName);
}

/** `xã Bạch Ngọc`, as it reads inside a sentence. */
export function unitInSentence(summary: Pick<AggregationSummary, 'unitName' | 'level'>): string {
  const bare = bareUnitName(summary);
  return bare === null ? summary.unitName : `${summary.level.toLocaleLowerCase('vi')} ${bare}`;
}

/** An indicator inside a sentence: its short name, first letter lower case (`VNeID` stays as is). */
function phraseOf(ind: Pick<IndicatorSummary, 'code' | 'label'>): string {
  const name = shortLabel(ind);
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

export function subjectLine(summary: AggregationSummary): string {
  return `Kết quả hoạt động của ${TEAM} ${periodSubject(summary.period, summary.year)}`;
}

export function introSentence(summary: AggregationSummary): string {
  return `Ủy ban nhân dân ${unitInSentence(summary)} báo cáo kết quả hoạt động của các ${TEAM} ${periodSubject(summary.period, summary.year)} như sau:`;
}

/** `Trong tháng 5/2026, 14/16 thôn đã nộp báo cáo (87,5%), trong đó …`; `names` from completenessNames(summary). */
export function completenessSentences(summary: AggregationSummary, names: CompletenessNames): string[] {
  const c = summary.completeness;
  const word = villageWordOf(summary);
  const several = summary.countedMonths.length > 1;
  const share = percentText(percentOf(c.submitted, c.expected));
  const sentences: string[] = [];
  const period = periodPhrase(summary.period, summary.year);
  if (several) {
    sentences.push(`Trong ${period}, đã nhận ${formatInt(c.submitted)}/${formatInt(c.expected)} báo cáo tháng của ${summary.villageCount} ${word} (${share}), trong đó ${c.onTime} báo cáo đúng hạn, ${c.late} báo cáo nộp muộn${c.late ? ` (${names.late})` : ''}.`);
  } else {
    sentences.push(`Trong ${period}, ${c.submitted}/${summary.villageCount} ${word} đã nộp báo cáo (${share}), trong đó ${c.onTime} ${word} nộp đúng hạn, ${c.late} ${word} nộp muộn${c.late ? ` (${names.late})` : ''}.`);
  }
  if (c.missing > 0) {
    const due = summary.duePassed ? '' : ` (hạn nộp ${summary.dueDate}, chưa đến hạn)`;
    sentences.push(`Chưa nộp${due}: ${names.missing}.`);
  }
  if (c.needsFix > 0) {
    sentences.push(`Đã tích nộp nhưng số liệu còn lỗi, cần sửa: ${names.needsFix}.`);
  }
  if (c.pending > 0) {
    sentences.push(`Đã tích nộp, đang chờ tiện ích ghi ngày nộp (sẽ tính theo giờ đã tích): ${names.pending}.`);
  }
  return sentences;
}

export function rateSentences(summary: AggregationSummary): string[] {
  const word = villageWordOf(summary);
  const rates = summary.indicators.filter((i) => i.kind === 'TY_LE' && i.targetPercent !== null && i.ratePercent !== null);
  const sentences: string[] = [];
  if (rates.length > 0) {
    const met = rates.filter((i) => i.met);
    const short = rates.filter((i) => !i.met);
    const parts = [`Có ${met.length}/${rates.length} chỉ tiêu tỷ lệ đạt kế hoạch năm`];
    if (met.length > 0) parts.push(`đạt: ${met.map((i) => `${phraseOf(i)} (${percentText(i.ratePercent)})`).join('; ')}`);
    if (short.length > 0) parts.push(`chưa đạt: ${short.map((i) => `${phraseOf(i)} (${percentText(i.ratePercent)}, chỉ tiêu ${i.targetPercent}%)`).join('; ')}`);
    sentences.push(`${parts.join('; ')}.`);
  }
  for (const team of summary.indicators.filter((i) => i.kind === 'TRANG_THAI' && i.value !== null)) {
    const outside = team.outOfRange.length > 0 ? `; ${team.outOfRange.length} tổ ngoài khoảng ${summary.teamMin}–${summary.teamMax} thành viên: ${listNames(team.outOfRange)}` : '';
    sentences.push(`${shortLabel(team)}: ${indicatorResultText(team)} ở ${team.reporting} ${word}${outside}.`);
  }
  const stale = staleVillagesText(summary);
  if (stale.length > 0) sentences.push(`Số liệu lũy kế của ${stale.length} ${word} lấy theo tháng đã nộp gần nhất: ${listNames(stale)}.`);
  const missingDenominator = new Map<string, Set<string>>();
  for (const ind of summary.indicators) {
    if (!ind.denominatorCode) continue;
    for (const name of ind.missingDenominator) {
      const set = missingDenominator.get(name) ?? new Set<string>();
      set.add(denominatorDef(ind.denominatorCode).label.toLocaleLowerCase('vi'));
      missingDenominator.set(name, set);
    }
  }
  if (missingDenominator.size > 0) {
    const items = [...missingDenominator].map(([name, labels]) => `${name} (${[...labels].join(', ')})`);
    sentences.push(`Chưa tính vào tỷ lệ chung các ${word} chưa có mẫu số trong danh sách: ${listNames(items)}.`);
  }
  return sentences;
}

/** `Trong kỳ: lượt hỗ trợ … 1.234 lượt (từ đầu năm 4.567); …` */
export function activitySentence(summary: AggregationSummary): string | null {
  const counts = summary.indicators.filter((i) => i.kind === 'SO_LUONG' && i.value !== null);
  if (counts.length === 0) return null;
  const parts = counts.map((i) => `${phraseOf(i)}: ${indicatorResultText(i)}${i.yearToDate !== null && summary.countedMonths[0] !== 1 ? ` (từ đầu năm: ${formatInt(i.yearToDate)})` : ''}`);
  return `Kết quả hoạt động trong kỳ: ${parts.join('; ')}.`;
}

export function proposalSentences(summary: AggregationSummary): string[] {
  const c = summary.completeness;
  const sentences: string[] = [];
  const overdue = summary.duePassed ? c.missingVillages.map((v) => v.name) : [];
  const needsFix = c.needsFixVillages.map((v) => v.name);
  const laggards = [...new Set([...overdue, ...needsFix])];
  if (laggards.length > 0) {
    sentences.push(`Đề nghị ${headTitle(summary.villageWord)} và ${TEAM} ${listNames(laggards)} hoàn thành, sửa số liệu và nộp báo cáo ngay; các kỳ sau nộp đúng hạn.`);
  }
  const short = summary.indicators.filter((i) => i.kind === 'TY_LE' && i.met === false);
  if (short.length > 0) {
    sentences.push(`Các ${TEAM} tập trung hướng dẫn người dân để hoàn thành các chỉ tiêu chưa đạt, nhất là ${short.map((i) => phraseOf(i)).slice(0, 3).join('; ')}.`);
  }
  return sentences;
}

export function closingSentence(summary: AggregationSummary): string {
  return `Trên đây là báo cáo kết quả hoạt động của ${TEAM} ${periodSubject(summary.period, summary.year)} của Ủy ban nhân dân ${unitInSentence(summary)}./.`;
}
