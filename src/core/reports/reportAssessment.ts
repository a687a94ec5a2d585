/**
 * Sections III (Đánh giá chung: ưu điểm; tồn tại, hạn chế) and IV (Nhiệm vụ trọng tâm) of the
 * printed report, drawn from the data (docs/tabs.md, "Báo cáo"): what is on pace and what is
 * behind (the furthest behind first), who reported on time and who did not, the villages' own notes.
 * A village is named only for something it has to do.
 */
import type { AggregationSummary, VillageMonths } from '../assessment/aggregation';
import { isYearEnd, listNames, monthsText, namesWithMonths, percentText, teamsOutsideText } from './aggregationText';
import { dueDateOf, formatLocalDate, isPastDue, type LocalDate } from '../shared/calendar';
import { formatDecimal, formatInt } from '../shared/text';
import { shortLabel } from '../config/indicatorNames';
import { behindFurthestFirst, nextPeriodOf, overdueMissing, rateStandings, shortfallBy } from './reportFacts';
import { countPhrase, duringPeriod, phraseOf } from './reportText';
import { TEAM_NAME, vocabularyOf } from '../config/vocabulary';

/** Notes quoted in full up to this length; longer ones are cut at a word. */
const NOTE_CHARS = 160;
/** Notes quoted one by one; the rest are counted. */
const NOTES_QUOTED = 8;
/** Indicators named in a task: more would bury the ones that matter. */
const TASK_INDICATORS = 3;

const several = (summary: AggregationSummary) => summary.countedMonths.length > 1;

function whoText(summary: AggregationSummary, list: readonly VillageMonths[]): string {
  return several(summary) ? namesWithMonths(list, true) : listNames(list.map((v) => v.name));
}

const reportsIn = (list: readonly VillageMonths[]) => list.reduce((n, v) => n + v.months.length, 0);

/** III.1 Ưu điểm: each line a fact from the data; one neutral line when the data shows none yet. */
export function strengths(summary: AggregationSummary): string[] {
  const { village } = vocabularyOf(summary);
  const c = summary.completeness;
  const lines: string[] = [];
  if (c.onTime > 0) {
    if (c.onTime === c.expected) lines.push(`Tất cả ${summary.villageCount} ${village} nộp báo cáo đầy đủ, đúng hạn.`);
    else if (several(summary)) lines.push(`Có ${formatInt(c.onTime)}/${formatInt(c.expected)} báo cáo tháng được nộp đúng hạn.`);
    else lines.push(`Có ${c.onTime}/${summary.villageCount} ${village} nộp báo cáo đúng hạn.`);
  }
  const standings = rateStandings(summary);
  if (isYearEnd(summary)) {
    const met = standings.filter((s) => s.ind.evaluation === 'DAT');
    if (met.length > 0) lines.push(`Đạt chỉ tiêu năm ${summary.year}: ${met.map((s) => `${phraseOf(s.ind)} (${percentText(s.rate)})`).join('; ')}.`);
  } else {
    const achieved = standings.filter((s) => s.ind.evaluation === 'DA_DAT');
    const onPace = standings.filter((s) => s.ind.evaluation === 'DUNG_TIEN_DO');
    if (achieved.length > 0) lines.push(`Đã đạt chỉ tiêu năm: ${achieved.map((s) => `${phraseOf(s.ind)} (${percentText(s.rate)})`).join('; ')}.`);
    if (onPace.length > 0) lines.push(`Đúng hoặc vượt tiến độ kế hoạch: ${onPace.map((s) => `${phraseOf(s.ind)} (${percentText(s.rate)})`).join('; ')}.`);
  }
  const team = summary.teamSize;
  if (team && team.reporting === summary.villageCount && team.within === team.reporting) {
    lines.push(`Các Tổ đều có số thành viên theo quy định (${team.min}–${team.max} người).`);
  }
  const yearEnd = isYearEnd(summary);
  const counts = summary.indicators
    .filter((i) => i.kind === 'SO_LUONG')
    .map((i) => ({ ind: i, count: (yearEnd ? i.yearToDate : i.value) ?? 0 }))
    .filter((x) => x.count > 0);
  if (counts.length > 0) {
    const when = yearEnd ? `trong năm ${summary.year}` : duringPeriod(summary);
    lines.push(`Các ${TEAM_NAME} duy trì hoạt động hỗ trợ người dân; ${when} đã có ${counts.map((x) => countPhrase(x.ind, x.count)).join('; ')}.`);
  }
  return lines.length > 0 ? lines : ['Chưa đủ số liệu để đánh giá kết quả trong kỳ.'];
}

/** A village's note as quoted: one line, cut at a word after NOTE_CHARS. */
function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= NOTE_CHARS) return `“${line}”`;
  const cut = line.slice(0, NOTE_CHARS);
  return `“${cut.slice(0, Math.max(cut.lastIndexOf(' '), NOTE_CHARS / 2)).replace(/[\s,;.:]+$/, '')}…”`;
}

/** The villages' notes, `+ Thôn 3: “…”` (with the month when the period has several). */
export function noteLines(summary: AggregationSummary): string[] {
  const notes = summary.notes;
  const lines = notes.slice(0, NOTES_QUOTED).map((n) => `+ ${n.name}${several(summary) ? ` (${monthsText([n.month])})` : ''}: ${quoted(n.text)}`);
  if (notes.length > NOTES_QUOTED) lines.push(`+ Và ${notes.length - NOTES_QUOTED} ý kiến khác.`);
  return lines;
}

/** III.2 Tồn tại, hạn chế: what is behind, furthest first; reports late, missing or wrong; teams outside the rule; then the villages' own notes. */
export function shortcomings(summary: AggregationSummary, today: LocalDate): string[] {
  const { village } = vocabularyOf(summary);
  const c = summary.completeness;
  const lines: string[] = [];
  const behind = behindFurthestFirst(summary);
  const total = summary.indicators.filter((i) => i.kind === 'TY_LE').length;
  if (behind.length > 0) {
    const yearEnd = isYearEnd(summary);
    lines.push(yearEnd
      ? `- Còn ${behind.length}/${total} chỉ tiêu chưa đạt chỉ tiêu năm (thiếu nhiều nhất trước):`
      : `- Còn ${behind.length}/${total} chỉ tiêu chậm tiến độ kế hoạch (chậm nhiều nhất trước):`);
    for (const s of behind) {
      const name = shortLabel(s.ind);
      if (yearEnd) {
        lines.push(`+ ${name}: đạt ${percentText(s.rate)}, chỉ tiêu ${percentText(s.target)}, còn thiếu ${formatDecimal(s.gap)} điểm phần trăm.`);
      } else {
        const projected = s.ind.projectedPercent === null ? '' : `; dự kiến cuối năm ${percentText(s.ind.projectedPercent)} (chỉ tiêu ${percentText(s.target)})`;
        lines.push(`+ ${name}: đạt ${percentText(s.rate)}, kế hoạch đến kỳ ${percentText(s.line)}${projected}.`);
      }
    }
  }
  const overdue = overdueMissing(summary, today);
  if (c.lateVillages.length > 0) {
    lines.push(several(summary)
      ? `- Có ${c.late} báo cáo tháng nộp muộn: ${whoText(summary, c.lateVillages)}.`
      : `- Có ${c.late} ${village} nộp báo cáo muộn: ${whoText(summary, c.lateVillages)}.`);
  }
  if (overdue.length > 0) {
    lines.push(several(summary)
      ? `- Còn ${reportsIn(overdue)} báo cáo tháng quá hạn chưa nộp: ${whoText(summary, overdue)}.`
      : `- Còn ${overdue.length} ${village} chưa nộp báo cáo dù đã quá hạn (${summary.dueDate}): ${whoText(summary, overdue)}.`);
  }
  if (c.needsFixVillages.length > 0) {
    lines.push(`- Số liệu chưa hợp lệ, phải sửa lại: ${whoText(summary, c.needsFixVillages)}.`);
  }
  const team = summary.teamSize;
  if (team && team.outside.length > 0) {
    lines.push(`- Số thành viên Tổ chưa đúng quy định (${team.min}–${team.max} người): ${teamsOutsideText(team)}.`);
  }
  const notes = noteLines(summary);
  if (notes.length > 0) lines.push(`- Khó khăn, vướng mắc các ${village} nêu trong báo cáo:`, ...notes);
  return lines.length > 0 ? lines : ['- Trong kỳ không có tồn tại, hạn chế đáng kể.'];
}

/** IV's heading: `IV. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI` (quý tới; năm tới after December). */
export function nextTasksHeading(summary: AggregationSummary): string {
  return `IV. NHIỆM VỤ TRỌNG TÂM ${nextPeriodOf(summary).word.toLocaleUpperCase('vi')}`;
}

/** IV: tasks drawn from what is behind, numbered. */
export function nextTasks(summary: AggregationSummary, today: LocalDate): string[] {
  const { village } = vocabularyOf(summary);
  const next = nextPeriodOf(summary);
  const behind = behindFurthestFirst(summary);
  const tasks: string[] = [];
  if (next.endMonth === null) {
    if (behind.length > 0) {
      const items = behind.slice(0, TASK_INDICATORS).map((s) => {
        const short = shortfallBy(s.ind, 12);
        return short > 0 ? `${phraseOf(s.ind)} (còn thiếu khoảng ${formatInt(short)} ${s.ind.unit})` : phraseOf(s.ind);
      });
      tasks.push(`Tiếp tục thực hiện các chỉ tiêu năm ${summary.year} chưa đạt, đưa vào kế hoạch ${next.phrase}, trước hết: ${items.join('; ')}.`);
    }
    tasks.push(`Tổng kết hoạt động của các ${TEAM_NAME} năm ${summary.year}; biểu dương, khen thưởng các Tổ tiêu biểu.`);
    tasks.push(`Xây dựng kế hoạch hoạt động ${next.phrase}, lấy kết quả cuối năm ${summary.year} làm số liệu đầu năm.`);
  } else if (behind.length > 0) {
    const nextEnd = next.endMonth;
    const items = behind.slice(0, TASK_INDICATORS).map((s) => {
      const short = shortfallBy(s.ind, nextEnd);
      return short > 0 ? `${phraseOf(s.ind)} (cần thêm khoảng ${formatInt(short)} ${s.ind.unit} để đạt kế hoạch đến hết ${monthsText([nextEnd])})` : phraseOf(s.ind);
    });
    tasks.push(`Tập trung hướng dẫn người dân để đưa các chỉ tiêu chậm tiến độ về đúng kế hoạch, trước hết: ${items.join('; ')}.`);
  } else {
    const open = rateStandings(summary).filter((s) => s.ind.evaluation === 'DUNG_TIEN_DO');
    tasks.push(open.length > 0 ? 'Duy trì tiến độ, phấn đấu hoàn thành sớm các chỉ tiêu năm còn lại.' : 'Duy trì kết quả các chỉ tiêu đã đạt.');
  }
  const overdue = overdueMissing(summary, today);
  if (overdue.length > 0) tasks.push(`Đôn đốc ${whoText(summary, overdue)} hoàn thành, nộp báo cáo còn thiếu.`);
  const needsFix = summary.completeness.needsFixVillages;
  if (needsFix.length > 0) tasks.push(`Hướng dẫn ${whoText(summary, needsFix)} sửa số liệu chưa hợp lệ và nộp lại.`);
  if (next.endMonth !== null) {
    // The next period's reports still to come: a quarter's report is often written after its first month is due.
    const months = Array.from({ length: next.endMonth - summary.endMonth }, (_, i) => summary.endMonth + i + 1).filter((m) => !isPastDue(m, today, summary));
    if (months.length > 0) {
      const due = formatLocalDate(dueDateOf(months[0], summary));
      const when = months.length > 1 ? `${monthsText(months)} đúng hạn (báo cáo ${monthsText([months[0]])} hạn nộp ${due})` : `${monthsText(months)} đúng hạn (hạn nộp ${due})`;
      tasks.push(`Theo dõi, nhắc các ${village} nộp báo cáo ${when}.`);
    }
  }
  const team = summary.teamSize;
  if (team && team.outside.length > 0) {
    tasks.push(`Kiện toàn ${TEAM_NAME} của ${listNames(team.outside.map((t) => t.name))} cho đúng quy định (${team.min}–${team.max} người).`);
  }
  if (summary.notes.length > 0) tasks.push(`Xem xét, tháo gỡ các khó khăn, vướng mắc các ${village} đã nêu.`);
  tasks.push('Tiếp tục tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến và các ứng dụng số.');
  return tasks.map((task, i) => `${i + 1}. ${task}`);
}
