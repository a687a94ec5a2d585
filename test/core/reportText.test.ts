/**
 * The printed report (`Báo cáo`) as an official reads it, on both presets, in May, December and
 * Quý II. Four villages with 100 of everything and `Đầu năm` 40 (so the plan for May is
 * 40 + (target − 40) × 5/12: 65% for a 100% target). What they report:
 *   V1  on time; every rate 66%, except HS_KNS 100 (year target reached), CD16_NGAN_HANG 40
 *       (furthest behind: 25 points), CD16_VNEID 55 (10 points), HO_TUYEN_TRUYEN 60 (5 points)
 *   V2  the same, late
 *   V3  April on time only; May missing (overdue on 25/05)
 *   V4  the same as V1, on time, with a note in GHI_CHU (and the add-on's own part after it)
 * December repeats the pattern in December (dated 30/12), Quý II in April to June (dated 25/07).
 */
import { aggregate, type AssessedVillage, type AggregationSummary, type MonthStatusOf } from '../../src/core/assessment/aggregation';
import type { MonthStatus } from '../../src/core/assessment/status';
import type { Period } from '../../src/core/assessment/period';
import { vnDateOf, vnInstant, type LocalDate } from '../../src/core/shared/calendar';
import { CATALOGUE, DENOMINATORS } from '../../src/core/config/catalogue';
import { getPreset, type PresetId } from '../../src/core/config/presets';
import type { Village } from '../../src/core/config/registry';
import type { Settings } from '../../src/core/config/settings';
import { OWN_NOTE_MARKER } from '../../src/core/entry/ownNotes';
import { parseVillageTab } from '../../src/core/entry/monthReports';
import { FIRST_MONTH_COL, START_COL, villageTabLayout } from '../../src/core/workbook/villageTabLayout';
import { reportLayout } from '../../src/core/reports/reportLayout';
import { completenessSentences, proposalParagraphs, rateSentence, recipientLines, teamSizeSentence } from '../../src/core/reports/reportText';
import { nextTasks, nextTasksHeading, shortcomings, strengths } from '../../src/core/reports/reportAssessment';
import { linesHeightPx, textWidthPx, wrappedLines } from '../../src/core/shared/textWidth';
import { vocabularyOf } from '../../src/core/config/vocabulary';

const DENS = { SO_HO: 100, DS_TRUONG_THANH: 100, DS_TU_16: 100, HS_TRUNG_HOC: 100, LD_DN_HTX: 100 };
const NOTE = 'Nhiều người cao tuổi chưa có điện thoại thông minh.';
const RATES: Record<string, number> = { HS_KNS: 100, CD16_NGAN_HANG: 40, CD16_VNEID: 55, HO_TUYEN_TRUYEN: 60 };

interface Scenario {
  summary: AggregationSummary;
  today: LocalDate;
  names: string[];
}

function scenario(id: PresetId, period: Period, now: Date, settings: Partial<Settings> = {}): Scenario {
  const preset = getPreset(id);
  const applied = preset.indicators.filter((i) => i.applied);
  const word = preset.settings.villageWord;
  const names = [1, 2, 3, 4].map((n) => `${word} ${n}`);
  const months = period.kind === 'quarter' ? [(period.quarter - 1) * 3 + 1, (period.quarter - 1) * 3 + 2, (period.quarter - 1) * 3 + 3] : period.kind === 'month' ? [period.month] : Array.from({ length: period.throughMonth }, (_, i) => i + 1);
  const last = months[months.length - 1];
  const valueOf = (code: string, kind: string) => (kind === 'TY_LE' ? RATES[code] ?? 66 : kind === 'TRANG_THAI' ? preset.settings.teamMin : 3);
  const villages: AssessedVillage[] = names.map((name, index) => {
    const village: Village = { name, head: '', email: '', phone: '', teamLeader: '', denominators: DENS, row: index + 5 };
    const layout = villageTabLayout(name, preset.settings.year, applied);
    const grid = layout.rows.map((r) => [...r]);
    const rowOf = (code: string) => grid.findIndex((r) => r[0] === code);
    const assessments: MonthStatusOf[] = [];
    const reported = index === 2 ? [months.length === 1 ? last - 1 : months[0]] : months;
    for (let m = 1; m <= 12; m++) {
      const status: MonthStatus = !reported.includes(m) ? 'CHUA_NOP' : index === 1 ? 'NOP_MUON' : 'DUNG_HAN';
      assessments.push({ month: m, status });
      if (status === 'CHUA_NOP') continue;
      for (const ind of applied) grid[rowOf(ind.code)][FIRST_MONTH_COL + m - 1] = valueOf(ind.code, ind.kind);
      grid[rowOf('DA_NOP')][FIRST_MONTH_COL + m - 1] = true;
    }
    for (const ind of applied.filter((i) => i.kind === 'TY_LE')) grid[rowOf(ind.code)][START_COL] = 40;
    if (index === 3) grid[rowOf('GHI_CHU')][FIRST_MONTH_COL + last - 1] = `${NOTE}\n\n${OWN_NOTE_MARKER} Đã nhận báo cáo.`;
    if (index === 0) grid[rowOf('GHI_CHU')][FIRST_MONTH_COL + last - 1] = `${OWN_NOTE_MARKER} Đã nhận báo cáo.`;
    return { village, report: parseVillageTab(name, grid, applied), assessments };
  });
  const summary = aggregate({ settings: { ...preset.settings, ...settings }, indicators: applied, villages, period, now });
  return { summary, today: vnDateOf(now), names };
}

const MAY = vnInstant(2026, 5, 25, 10);
const DECEMBER = vnInstant(2026, 12, 30, 10);
const JULY = vnInstant(2026, 7, 25, 10);
const NOVEMBER = vnInstant(2026, 11, 25, 10);

/** Every text the Báo cáo tab shows, the apostrophe that makes it text removed. */
function reportTexts(s: Scenario): string[] {
  return reportLayout(s.summary, s.today).values.flat().filter((v): v is string => typeof v === 'string' && v !== '').map((v) => v.replace(/^'/, ''));
}

const CODES = [...CATALOGUE.map((i) => i.code), ...DENOMINATORS.map((d) => d.code), 'DA_NOP', 'NGAY_NOP', 'GHI_CHU', 'DA_DUYET'];
const asWord = (word: string) => new RegExp(`(^|[^\\p{L}])(?:${word})([^\\p{L}]|$)`, 'iu');
const JARGON = [/mẫu số/i, /tử số/i, /Σ/, /÷/, /\(T\d/, /lũy kế đến hết/i, /Có 0\//];

describe.each([
  ['an-hai', 'tổ dân phố', 'phường', /thôn/],
  ['bach-ngoc', 'thôn', 'xã', /tổ dân phố|phường/],
] as const)('Báo cáo on %s', (id, village, commune, foreign) => {
  const may = scenario(id, { kind: 'month', month: 5 }, MAY);
  const december = scenario(id, { kind: 'month', month: 12 }, DECEMBER);
  const quarter = scenario(id, { kind: 'quarter', quarter: 2 }, JULY);

  it.each([['May', may], ['December', december], ['Quý II', quarter]] as const)('%s: the preset\'s own words; no codes, no jargon, no English', (_, s) => {
    const texts = reportTexts(s);
    const all = texts.join('\n');
    expect(all).toMatch(asWord(village));
    expect(all).toContain(`Ủy ban nhân dân ${commune} `);
    for (const text of texts) {
      expect(text).not.toMatch(asWord(foreign.source));
      for (const code of CODES) expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
      for (const jargon of JARGON) expect(text).not.toMatch(jargon);
      expect(text).not.toMatch(/\b(the|and|of|error|report|total|undefined|null|NaN)\b/i);
    }
    for (const heading of ['I. TÌNH HÌNH NỘP BÁO CÁO', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', '1. Ưu điểm', '2. Tồn tại, hạn chế', 'V. ĐỀ XUẤT, KIẾN NGHỊ']) {
      expect(texts).toContain(heading);
    }
    expect(texts.some((t) => t.startsWith('Nơi nhận:\n- '))).toBe(true);
  });

  it('May: pace words, not the year\'s verdict; on pace counted, the furthest behind named first', () => {
    const evaluations = reportLayout(may.summary, may.today).values.map((r) => String(r[9] ?? '').replace(/^'/, ''));
    expect(evaluations).toEqual(expect.arrayContaining(['Đã đạt', 'Đúng tiến độ', 'Chậm tiến độ']));
    expect(evaluations).not.toContain('Chưa đạt');
    expect(evaluations).not.toContain('Đạt');
    const rates = may.summary.indicators.filter((i) => i.kind === 'TY_LE').length;
    // HS_KNS reached; CD16_NGAN_HANG, CD16_VNEID, HO_TUYEN_TRUYEN behind; the rest (66% against a plan of at most 65%) on pace.
    expect(rateSentence(may.summary)).toBe(
      `Có ${rates - 3}/${rates} chỉ tiêu đúng hoặc vượt tiến độ kế hoạch; 1 chỉ tiêu đã đạt chỉ tiêu năm (học sinh trung học có kỹ năng số 100%); `
      + 'chậm tiến độ: công dân từ 16 tuổi có tài khoản ngân hàng số; công dân từ 16 tuổi có tài khoản VNeID; hộ được tuyên truyền về chuyển đổi số.',
    );
    const lines = shortcomings(may.summary, may.today);
    expect(lines[0]).toBe(`- Còn 3/${rates} chỉ tiêu chậm tiến độ kế hoạch (chậm nhiều nhất trước):`);
    expect(lines[1]).toBe('+ Công dân từ 16 tuổi có tài khoản ngân hàng số: đạt 40%, kế hoạch đến kỳ 65%; dự kiến cuối năm 40% (chỉ tiêu 100%).');
    expect(lines[2]).toMatch(/^\+ Công dân từ 16 tuổi có tài khoản VNeID: đạt 55%, kế hoạch đến kỳ 65%; dự kiến cuối năm 76%/);
    expect(lines[3]).toMatch(/^\+ Hộ được tuyên truyền về chuyển đổi số: đạt 60%/);
    expect(nextTasksHeading(may.summary)).toBe('IV. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI');
    // June's plan for a 100% target: 40 + 60 × 6/12 = 70% of 400 people = 280; 160 reached.
    expect(nextTasks(may.summary, may.today)[0]).toContain('công dân từ 16 tuổi có tài khoản ngân hàng số (cần thêm khoảng 120 người để đạt kế hoạch đến hết tháng 6)');
  });

  it('May: the date of the figures is what was reported by the due date, not "the end of May"', () => {
    const texts = reportTexts(may);
    expect(texts.some((t) => t.startsWith('Số liệu theo báo cáo tháng 5 của các ') && t.includes('(hạn nộp 20/05/2026)'))).toBe(true);
    expect(completenessSentences(may.summary, may.today)[0]).toBe(`Đến ngày 25/05/2026, 3/4 ${village} đã nộp báo cáo tháng 5/2026 (75%), trong đó 2 ${village} nộp đúng hạn, 1 ${village} nộp muộn.`);
  });

  it('names a village only for what it has to do: the late one, the missing one, the note', () => {
    const [v1, v2, v3, v4] = may.names;
    const lines = shortcomings(may.summary, may.today);
    expect(lines).toContain(`- Có 1 ${village} nộp báo cáo muộn: ${v2}.`);
    expect(lines).toContain(`- Còn 1 ${village} chưa nộp báo cáo dù đã quá hạn (20/05/2026): ${v3}.`);
    expect(lines).toContain(`+ ${v4}: “${NOTE}”`);
    expect(lines.join('\n')).not.toContain(OWN_NOTE_MARKER);
    expect(lines.join('\n')).not.toContain(`${v1}:`);
    const tasks = nextTasks(may.summary, may.today);
    const orders = tasks.filter((t) => t.includes('Đôn đốc') || t.includes('sửa số liệu'));
    expect(orders).toEqual([`2. Đôn đốc ${v3} hoàn thành, nộp báo cáo còn thiếu.`]);
    expect(tasks).toContain(`3. Theo dõi, nhắc các ${village} nộp báo cáo tháng 6 đúng hạn (hạn nộp 20/06/2026).`);
    expect(strengths(may.summary)).toContain(`Có 2/4 ${village} nộp báo cáo đúng hạn.`);
  });

  it('the team size line counts teams within the plan\'s size, never a sum of members or Chưa đạt', () => {
    const min = getPreset(id).settings.teamMin;
    const max = getPreset(id).settings.teamMax;
    expect(teamSizeSentence(may.summary)).toBe(`Số Tổ đủ thành viên theo quy định (${min}–${max} người): 4/4 Tổ.`);
    const teamRow = reportLayout(may.summary, may.today).values.find((r) => String(r[1]).includes('Số thành viên Tổ'));
    expect(teamRow).toBeUndefined();
  });

  it('December: the year\'s verdict (Đạt / Chưa đạt) and next year\'s tasks', () => {
    const values = reportLayout(december.summary, december.today).values;
    const header = values.find((r) => r[0] === "'STT" && r[1] === "'Chỉ tiêu");
    expect(header?.map((v) => String(v).replace(/^'/, '')).filter((v) => v !== '')).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện', 'Tổng số đối tượng', 'Tỷ lệ (%)', 'Chỉ tiêu năm (%)', 'Đánh giá']);
    const evaluations = values.map((r) => String(r[9] ?? '').replace(/^'/, ''));
    expect(evaluations).toEqual(expect.arrayContaining(['Đạt', 'Chưa đạt']));
    expect(evaluations).not.toContain('Chậm tiến độ');
    expect(evaluations).not.toContain('Đúng tiến độ');
    const rates = december.summary.indicators.filter((i) => i.kind === 'TY_LE');
    const met = rates.filter((i) => i.evaluation === 'DAT').length;
    expect(rateSentence(december.summary)).toMatch(new RegExp(`^Năm 2026 có ${met}/${rates.length} chỉ tiêu đạt chỉ tiêu năm; chưa đạt: công dân từ 16 tuổi có tài khoản ngân hàng số; `));
    expect(shortcomings(december.summary, december.today)[1]).toBe('+ Công dân từ 16 tuổi có tài khoản ngân hàng số: đạt 40%, chỉ tiêu 100%, còn thiếu 60 điểm phần trăm.');
    expect(nextTasksHeading(december.summary)).toBe('IV. NHIỆM VỤ TRỌNG TÂM NĂM TỚI');
    expect(nextTasks(december.summary, december.today)[0]).toMatch(/^1\. Tiếp tục thực hiện các chỉ tiêu năm 2026 chưa đạt, đưa vào kế hoạch năm 2027, trước hết: công dân từ 16 tuổi có tài khoản ngân hàng số \(còn thiếu khoảng 240 người\)/);
  });

  it('Quý II: months as "tháng 4, 5, 6", reports counted by the month, next quarter\'s tasks', () => {
    const [, v2, v3] = quarter.names;
    expect(completenessSentences(quarter.summary, quarter.today)[0]).toBe(`Đến ngày 25/07/2026, đã nhận 10/12 báo cáo tháng của 4 ${village} trong quý II/2026 (tháng 4, 5, 6), đạt 83,3%, trong đó 7 báo cáo đúng hạn, 3 báo cáo nộp muộn.`);
    const lines = shortcomings(quarter.summary, quarter.today);
    expect(lines).toContain(`- Có 3 báo cáo tháng nộp muộn: ${v2} (tháng 4, 5, 6).`);
    expect(lines).toContain(`- Còn 2 báo cáo tháng quá hạn chưa nộp: ${v3} (tháng 5, 6).`);
    expect(lines.some((l) => l.startsWith(`+ ${quarter.names[3]} (tháng 6): `))).toBe(true);
    expect(nextTasksHeading(quarter.summary)).toBe('IV. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI');
    // July's report was due on 20/07, before this report's date: the reminder is for August and September.
    expect(nextTasks(quarter.summary, quarter.today)).toContain(`3. Theo dõi, nhắc các ${village} nộp báo cáo tháng 8, 9 đúng hạn (báo cáo tháng 8 hạn nộp 20/08/2026).`);
  });

  it('Quý IV in November: still the pace, and the tasks are December\'s, not next year\'s', () => {
    const q4 = scenario(id, { kind: 'quarter', quarter: 4 }, NOVEMBER);
    const evaluations = reportLayout(q4.summary, q4.today).values.map((r) => String(r[9] ?? '').replace(/^'/, ''));
    expect(evaluations).toContain('Chậm tiến độ');
    expect(evaluations).not.toContain('Chưa đạt');
    expect(nextTasksHeading(q4.summary)).toBe('IV. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI');
    const tasks = nextTasks(q4.summary, q4.today);
    // December's plan for a 100% target is the target itself: 400 people; 160 reached.
    expect(tasks[0]).toContain('công dân từ 16 tuổi có tài khoản ngân hàng số (cần thêm khoảng 240 người để đạt kế hoạch đến hết tháng 12)');
    expect(tasks).toContain(`3. Theo dõi, nhắc các ${village} nộp báo cáo tháng 12 đúng hạn (hạn nộp 20/12/2026).`);
    expect(tasks.join('\n')).not.toMatch(/Tổng kết|năm 2027/);
    // In October the rest of the quarter is two months.
    const october = scenario(id, { kind: 'quarter', quarter: 4 }, vnInstant(2026, 10, 25, 10));
    expect(nextTasksHeading(october.summary)).toBe('IV. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI');
    expect(nextTasks(october.summary, october.today)).toContain(`2. Theo dõi, nhắc các ${village} nộp báo cáo tháng 11, 12 đúng hạn (báo cáo tháng 11 hạn nộp 20/11/2026).`);
  });

  it('Nơi nhận from Cấu hình, one dash each, the last line ending with a full stop; the signer from Cấu hình', () => {
    const preset = getPreset(id);
    const texts = reportTexts(may);
    const lines = recipientLines(may.summary);
    expect(lines.length).toBe(preset.settings.recipients.split('\n').length);
    expect(lines[0]).toMatch(/^- Sở Khoa học và Công nghệ (thành phố Hải Phòng|tỉnh Tuyên Quang) \(b\/c\);$/);
    expect(lines.at(-1)).toBe('- Lưu: VT, VHXH.');
    // One cell each for Nơi nhận and the signature, so a page break cannot part them.
    expect(texts).toContain(['Nơi nhận:', ...lines].join('\n'));
    expect(texts.at(-1)?.split('\n').at(-1)).toBe(preset.settings.signerName);
    // Dashes, bullets, blank lines and end marks typed in Cấu hình: one dash each, one end mark each.
    const typed = scenario(id, { kind: 'month', month: 5 }, MAY, { recipients: '- Sở Khoa học và Công nghệ (b/c);\n\n• Lưu: VT.' });
    expect(recipientLines(typed.summary)).toEqual(['- Sở Khoa học và Công nghệ (b/c);', '- Lưu: VT.']);
  });

  it('Đề xuất, kiến nghị: the office\'s own paragraphs; a neutral sentence when there are none', () => {
    expect(proposalParagraphs(may.summary)).toEqual([`Trong kỳ, Ủy ban nhân dân ${vocabularyOf(getPreset(id).settings).unit} không có đề xuất, kiến nghị.`]);
    const typed = scenario(id, { kind: 'month', month: 5 }, MAY, { proposals: 'Đề nghị hỗ trợ kinh phí.\n\n  Đề nghị mở lớp tập huấn.  ' });
    expect(proposalParagraphs(typed.summary)).toEqual(['Đề nghị hỗ trợ kinh phí.', 'Đề nghị mở lớp tập huấn.']);
    expect(reportTexts(typed)).toEqual(expect.arrayContaining(['Đề nghị hỗ trợ kinh phí.', 'Đề nghị mở lớp tập huấn.']));
  });
});

describe('Báo cáo of the year so far ("Năm")', () => {
  it('says "từ đầu năm … đến hết tháng 5", never "trong từ đầu năm"', () => {
    const s = scenario('bach-ngoc', { kind: 'year', throughMonth: 5 }, MAY);
    const texts = reportTexts(s);
    expect(texts.some((t) => t.startsWith('Đến ngày 25/05/2026, đã nhận ') && t.includes(' thôn từ đầu năm 2026 đến hết tháng 5, đạt '))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/trong từ/);
    expect(nextTasksHeading(s.summary)).toBe('IV. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI');
  });
});

describe('row heights of the printed report', () => {
  it('a line is a line; Vietnamese prose wraps at words as Times New Roman measures it', () => {
    expect(wrappedLines('Thôn 1', 100, 13)).toBe(1);
    expect(wrappedLines('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 370, 12, { bold: true })).toBe(1);
    expect(wrappedLines('a\nb', 100, 13)).toBe(2);
    // 115 characters at 13 pt: about 860 px in Times New Roman, so two lines of the 680 px page.
    const intro = 'Ủy ban nhân dân phường An Hải báo cáo kết quả hoạt động của các Tổ công nghệ số cộng đồng tháng 5 năm 2026 như sau:';
    expect(wrappedLines(intro, 680, 13)).toBe(2);
    expect(wrappedLines(intro, 1400, 13)).toBe(1);
    expect(wrappedLines('x'.repeat(100), 100, 13)).toBeGreaterThan(4);
    // Tổng hợp is in Arial, wider than Times New Roman letter for letter: the same text takes more room.
    expect(textWidthPx(intro, 13, { family: 'Arial' })).toBeGreaterThan(textWidthPx(intro, 13) * 1.05);
    expect(wrappedLines(intro, 760, 13)).toBe(2);
    expect(wrappedLines(intro, 760, 13, { family: 'Arial' })).toBe(2);
    expect(wrappedLines(intro, 950, 13)).toBe(1);
    expect(wrappedLines(intro, 950, 13, { family: 'Arial' })).toBe(2);
  });

  it('every paragraph row is as tall as its lines, and no taller (no blank gaps)', () => {
    const s = scenario('an-hai', { kind: 'month', month: 5 }, MAY);
    const model = reportLayout(s.summary, s.today);
    const paragraphs = model.rowHeights
      .map((h) => ({ height: h.height, text: String(model.values[h.row - 1][0]).replace(/^'/, ''), italic: model.formats.fontStyle?.[h.row - 1]?.[0] === 'italic' }))
      .filter((p) => p.text.length > 200 && !p.text.includes('\n'));
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const p of paragraphs) {
      // At least the lines its width fills, at most one more (a word that did not fit); the flat
      // 0.43 em a character used before gave a line or more too many: the blank gaps of issue 13.
      const filled = Math.ceil(textWidthPx(p.text, 13, { italic: p.italic }) / 672);
      expect(p.height).toBeGreaterThanOrEqual(linesHeightPx(filled, 13));
      expect(p.height).toBeLessThanOrEqual(linesHeightPx(filled + 1, 13));
    }
  });
});
