/**
 * The sentences of sections I, II and V of the printed report (`Báo cáo`, docs/tabs.md) and its
 * frame (heading, closing, nơi nhận), from an AggregationSummary. Every word that depends on the
 * commune comes from its vocabulary; indicators are named by their short names, never their codes.
 */
import type { AggregationSummary, IndicatorSummary } from '../assessment/aggregation';
import { isYearEnd, listNames, monthsText, percentOf, percentText, teamsOutsideText } from './aggregationText';
import { formatLocalDate, type LocalDate } from '../shared/calendar';
import { denominatorDef, TEAM_SIZE_CODE } from '../config/catalogue';
import { shortLabel } from '../config/indicatorNames';
import { periodPhrase, periodSubject, QUARTER_NAMES } from '../assessment/period';
import { isBehind } from '../assessment/progress';
import { TEAM_NAME, vocabularyOf } from '../config/vocabulary';
import { formatInt, lowerFirst } from '../shared/text';
import { behindFurthestFirst, rateStandings, ratesWithoutData } from './reportFacts';

/** Nghị định 30/2020: days below 10 and months 1, 2 take a leading zero (`ngày 05 tháng 02`). */
export function dateLine(place: string, date: LocalDate): string {
  const day = date.day < 10 ? `0${date.day}` : String(date.day);
  const month = date.month <= 2 ? `0${date.month}` : String(date.month);
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** An indicator inside a sentence: its short name, first letter lower case (`VNeID` stays as is). */
export function phraseOf(ind: Pick<IndicatorSummary, 'code' | 'label'>): string {
  return lowerFirst(shortLabel(ind));
}

/** `718 lượt hỗ trợ dịch vụ công trực tuyến` when the name starts with its unit, else `<name>: 12 <unit>`. */
export function countPhrase(ind: Pick<IndicatorSummary, 'code' | 'label' | 'unit'>, count: number): string {
  const phrase = phraseOf(ind);
  const unit = ind.unit.toLocaleLowerCase('vi');
  return phrase.startsWith(`${unit} `) ? `${formatInt(count)} ${phrase}` : `${phrase}: ${formatInt(count)} ${ind.unit}`;
}

export function subjectLine(summary: AggregationSummary): string {
  return `Kết quả hoạt động của ${TEAM_NAME} ${periodSubject(summary.period, summary.year)}`;
}

export function introSentence(summary: AggregationSummary): string {
  return `Ủy ban nhân dân ${vocabularyOf(summary).unit} báo cáo kết quả hoạt động của các ${TEAM_NAME} ${periodSubject(summary.period, summary.year)} như sau:`;
}

/** `quý II/2026 (tháng 4, 5, 6)`, `tháng 5/2026`. */
function periodWithMonths(summary: AggregationSummary): string {
  const phrase = periodPhrase(summary.period, summary.year);
  return summary.period.kind === 'quarter' ? `${phrase} (${monthsText(summary.months)})` : phrase;
}

/** `trong tháng 5/2026`, `trong quý II/2026 (tháng 4, 5, 6)`, `từ đầu năm 2026 đến hết tháng 5`: when things happened. */
export function duringPeriod(summary: AggregationSummary): string {
  return summary.period.kind === 'year' ? periodWithMonths(summary) : `trong ${periodWithMonths(summary)}`;
}

/** Section I: counts as of the report's date; the table beside it names the villages. */
export function completenessSentences(summary: AggregationSummary, today: LocalDate): string[] {
  const c = summary.completeness;
  const { village } = vocabularyOf(summary);
  const share = percentText(percentOf(c.submitted, c.expected));
  const asOf = `Đến ngày ${formatLocalDate(today)}`;
  const sentences: string[] = [];
  if (summary.countedMonths.length > 1) {
    const detail = c.submitted > 0 ? `, trong đó ${c.onTime} báo cáo đúng hạn, ${c.late} báo cáo nộp muộn` : '';
    sentences.push(`${asOf}, đã nhận ${formatInt(c.submitted)}/${formatInt(c.expected)} báo cáo tháng của ${summary.villageCount} ${village} ${duringPeriod(summary)}, đạt ${share}${detail}.`);
  } else if (c.submitted === 0) {
    sentences.push(`${asOf}, chưa có ${village} nào nộp báo cáo ${periodWithMonths(summary)}.`);
  } else {
    const detail = c.late === 0 ? ', tất cả đều đúng hạn' : `, trong đó ${c.onTime} ${village} nộp đúng hạn, ${c.late} ${village} nộp muộn`;
    sentences.push(`${asOf}, ${c.submitted}/${summary.villageCount} ${village} đã nộp báo cáo ${periodWithMonths(summary)} (${share})${detail}.`);
  }
  const unit = summary.countedMonths.length > 1 ? 'báo cáo' : village;
  if (c.needsFix > 0) sentences.push(`Có ${c.needsFix} ${unit} đã nộp nhưng số liệu chưa hợp lệ, phải sửa lại nên chưa được tính.`);
  if (c.pending > 0) sentences.push(`Có ${c.pending} ${unit} vừa nộp, đang chờ ghi nhận ngày nộp.`);
  if (c.missing > 0) {
    const due = summary.duePassed ? `đã quá hạn nộp ${summary.dueDate}` : `hạn nộp ${summary.dueDate}, chưa đến hạn`;
    sentences.push(`Còn ${c.missing} ${unit} chưa nộp (${due}).`);
  }
  return sentences;
}

/** What the figures of section II are, and as of which reports (not "up to the end of the month"). */
export function dataBasisSentence(summary: AggregationSummary): string {
  const { village } = vocabularyOf(summary);
  const last = monthsText([summary.endMonth]);
  const due = summary.countedMonths.length > 1 ? `hạn nộp báo cáo ${last} là ${summary.dueDate}` : `hạn nộp ${summary.dueDate}`;
  const basis = `Số liệu theo báo cáo ${monthsText(summary.countedMonths)} của các ${village} (${due}); các chỉ tiêu tỷ lệ tính theo số lũy kế trong báo cáo ${last}, ${village} chưa nộp ${last} tính theo báo cáo gần nhất; tỷ lệ chung tính trên tổng số đối tượng của các ${village} có đủ số liệu.`;
  if (isYearEnd(summary)) return basis;
  return `${basis} Kế hoạch đến kỳ là mức cần đạt đến hết ${last} nếu thực hiện đều từ mức đầu năm đến chỉ tiêu năm.`;
}

/**
 * Section II's verdict on the rate indicators: before December on pace ("đúng hoặc vượt tiến độ"),
 * at the year's end on the target; those behind named, the furthest behind first (their figures
 * are in the table below, and in III).
 */
export function rateSentence(summary: AggregationSummary): string | null {
  const standings = rateStandings(summary);
  const noData = ratesWithoutData(summary);
  const total = standings.length + noData.length;
  if (total === 0) return null;
  const yearEnd = isYearEnd(summary);
  const behind = behindFurthestFirst(summary);
  const parts: string[] = [];
  if (yearEnd) {
    const met = standings.filter((s) => s.ind.evaluation === 'DAT');
    parts.push(met.length > 0 ? `Năm ${summary.year} có ${met.length}/${total} chỉ tiêu đạt chỉ tiêu năm` : `Năm ${summary.year} chưa có chỉ tiêu nào đạt chỉ tiêu năm`);
    if (behind.length > 0) parts.push(`chưa đạt: ${behind.map((s) => phraseOf(s.ind)).join('; ')}`);
  } else {
    const onPace = standings.filter((s) => !isBehind(s.ind.evaluation));
    const achieved = standings.filter((s) => s.ind.evaluation === 'DA_DAT');
    parts.push(onPace.length > 0 ? `Có ${onPace.length}/${total} chỉ tiêu đúng hoặc vượt tiến độ kế hoạch` : `Chưa có chỉ tiêu nào đạt tiến độ kế hoạch`);
    if (achieved.length > 0) parts.push(`${achieved.length} chỉ tiêu đã đạt chỉ tiêu năm (${achieved.map((s) => `${phraseOf(s.ind)} ${percentText(s.rate)}`).join('; ')})`);
    if (behind.length > 0) parts.push(`chậm tiến độ: ${behind.map((s) => phraseOf(s.ind)).join('; ')}`);
  }
  if (noData.length > 0) parts.push(`chưa có số liệu: ${noData.map(phraseOf).join('; ')}`);
  return `${parts.join('; ')}.`;
}

/** `Số Tổ đủ thành viên theo quy định (3–5 người): 15/16 Tổ; …`: teams, never a sum of members. */
export function teamSizeSentence(summary: AggregationSummary): string | null {
  const team = summary.teamSize;
  if (!team) return null;
  const { village } = vocabularyOf(summary);
  if (team.reporting === 0) return `Chưa có ${village} nào báo cáo số thành viên Tổ.`;
  const parts = [`Số Tổ đủ thành viên theo quy định (${team.min}–${team.max} người): ${team.within}/${team.reporting} Tổ`];
  if (team.outside.length > 0) parts.push(`ngoài quy định: ${teamsOutsideText(team)}`);
  if (team.noData.length > 0) parts.push(`chưa báo cáo số thành viên: ${listNames(team.noData)}`);
  return `${parts.join('; ')}.`;
}

/** What else an official must know to read the rate table: current states, old figures, totals missing from `Danh sách`. */
export function rateNotes(summary: AggregationSummary): string[] {
  const { village } = vocabularyOf(summary);
  const sentences: string[] = [];
  for (const state of summary.indicators.filter((i) => i.kind === 'TRANG_THAI' && i.code !== TEAM_SIZE_CODE && i.value !== null)) {
    sentences.push(`${shortLabel(state)}: ${formatInt(state.value ?? 0)} ${state.unit} (${state.reporting} ${village} báo cáo).`);
  }
  const stale = summary.villages.filter((v) => v.latestMonth !== null && v.latestMonth !== summary.endMonth);
  if (stale.length > 0) {
    sentences.push(`Có ${stale.length} ${village} chưa nộp báo cáo ${monthsText([summary.endMonth])}, số liệu lũy kế lấy theo báo cáo gần nhất: ${listNames(stale.map((v) => `${v.name} (${monthsText([v.latestMonth as number])})`))}.`);
  }
  const never = summary.villages.filter((v) => v.latestMonth === null);
  if (never.length > 0 && never.length < summary.villageCount) {
    sentences.push(`Chưa có số liệu của ${never.length} ${village} chưa nộp báo cáo tháng nào: ${listNames(never.map((v) => v.name))}.`);
  }
  const missingTotals = new Map<string, Set<string>>();
  for (const ind of summary.indicators) {
    if (!ind.denominatorCode) continue;
    for (const name of ind.missingDenominator) {
      const set = missingTotals.get(name) ?? new Set<string>();
      set.add(denominatorDef(ind.denominatorCode).phrase);
      missingTotals.set(name, set);
    }
  }
  if (missingTotals.size > 0) {
    const items = [...missingTotals].map(([name, phrases]) => `${name} (${[...phrases].join(', ')})`);
    sentences.push(`Chưa tính vào tỷ lệ chung các ${village} chưa có tổng số đối tượng trong Danh sách: ${listNames(items)}.`);
  }
  return sentences;
}

/** The activity table's two count columns: the period, and the year so far (the whole year in December). */
export function activityColumns(summary: AggregationSummary): [string, string] {
  const { period } = summary;
  const own = period.kind === 'quarter' ? `Quý ${QUARTER_NAMES[period.quarter - 1]}` : period.kind === 'month' ? `Tháng ${period.month}` : 'Trong kỳ';
  return [own, isYearEnd(summary) ? `Cả năm ${summary.year}` : 'Lũy kế từ đầu năm'];
}

/** Section V: the office's own text, one paragraph a line; a neutral sentence when it wrote none. */
export function proposalParagraphs(summary: AggregationSummary): string[] {
  const lines = summary.proposals.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.length > 0 ? lines : [`Trong kỳ, Ủy ban nhân dân ${vocabularyOf(summary).unit} không có đề xuất, kiến nghị.`];
}

export function closingSentence(summary: AggregationSummary): string {
  return `Trên đây là báo cáo kết quả hoạt động của ${TEAM_NAME} ${periodSubject(summary.period, summary.year)} của Ủy ban nhân dân ${vocabularyOf(summary).unit}./.`;
}

/** `Nơi nhận` as Nghị định 30 lists it: `- …;` a line, the last `- ….` (the summary's names come bare). */
export function recipientLines(summary: Pick<AggregationSummary, 'recipients'>): string[] {
  const names = summary.recipients;
  return names.map((name, i) => `- ${name}${i === names.length - 1 ? '.' : ';'}`);
}
