/**
 * The rules of docs/validation.md, one tricky input per row: the exact level, cell and Vietnamese message.
 * Layout of the fixture tab (bach-ngoc indicators): Tháng 1 is column E … Tháng 7 is K (D is `Đầu năm`); rows:
 * HS_KNS 5, NTT_KNS 6, LD_KNS 8, TV_TO 13, LUOT_DVCTT 14, SP_TMDT 16, DA_NOP 20.
 * Months 1–5 are filled and ticked; Tháng 6 (current) and later are blank.
 */
import type { Village } from '../../src/core/config/registry';
import type { Settings } from '../../src/core/config/settings';
import { validateMonth } from '../../src/core/entry/validation';
import { baseGrid, cellOf, contextFor, fillMonth, parse, rowOf, set, village } from './villageFixture';

type Expected = [level: 'error' | 'warning', cell: string, message: string];

interface Case {
  title: string;
  month: number;
  edit?: (grid: unknown[][]) => void;
  tab?: string;
  villages?: Village[];
  settings?: Partial<Settings>;
  expected: Expected[];
}

const NOT_WHOLE = 'hãy nhập số nguyên ≥ 0.';
const LUOT = 'Lượt hỗ trợ dịch vụ công trực tuyến';
const NTT = 'Người trưởng thành có kỹ năng số';
const withDenominators = (denominators: Village['denominators']): Village[] => [{ ...village, denominators }];
const typed = (raw: unknown, month = 6) => (g: unknown[][]) => set(g, 'LUOT_DVCTT', month, raw);

const CASES: Case[] = [
  // Not a whole number ≥ 0: reported whether or not the month is submitted.
  { title: 'a word', month: 6, edit: typed('mười'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: "mười" không phải số; ${NOT_WHOLE}`]] },
  { title: 'a number with a unit', month: 6, edit: typed('5 người'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: "5 người" không phải số; ${NOT_WHOLE}`]] },
  { title: 'a negative number', month: 6, edit: typed(-3), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT} là số âm (-3); ${NOT_WHOLE}`]] },
  { title: 'a negative typed as text', month: 6, edit: typed('-1.200'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT} là số âm (-1.200); ${NOT_WHOLE}`]] },
  { title: 'a decimal number', month: 6, edit: typed(12.5), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT} (12,5) không phải số nguyên; ${NOT_WHOLE}`]] },
  { title: '12,5 typed as text', month: 6, edit: typed('12,5'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT} (12,5) không phải số nguyên; ${NOT_WHOLE}`]] },
  { title: '1,234 is a decimal in Vietnamese', month: 6, edit: typed('1,234'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT} (1,234) không phải số nguyên; ${NOT_WHOLE}`]] },
  { title: '#REF!', month: 6, edit: typed('#REF!'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: ô đang báo lỗi #REF!; ${NOT_WHOLE}`]] },
  { title: '#N/A', month: 6, edit: typed('#N/A'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: ô đang báo lỗi #N/A; ${NOT_WHOLE}`]] },
  { title: 'a date (1/5 turned into a date by Sheets)', month: 6, edit: typed(new Date('2026-04-30T17:00:00Z')), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: ô đang là ngày tháng (01/05/2026), không phải số; ${NOT_WHOLE}`]] },
  { title: 'a boolean', month: 6, edit: typed(true), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: ô đang là giá trị TRUE, không phải số; ${NOT_WHOLE}`]] },
  { title: 'a word in a submitted month', month: 5, edit: typed('năm', 5), expected: [['error', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT}: "năm" không phải số; ${NOT_WHOLE}`]] },

  // Forms people really type that are whole numbers (Tháng 1 has no previous month to compare to).
  { title: '1.234 is 1234', month: 1, edit: typed('1.234', 1), expected: [] },
  { title: '1 234 is 1234', month: 1, edit: typed('1 234', 1), expected: [] },
  { title: 'a no-break space as separator', month: 1, edit: typed('1\u00a0234', 1), expected: [] },
  { title: 'stray spaces around a number', month: 1, edit: typed(' 42 ', 1), expected: [] },
  { title: 'a leading plus', month: 1, edit: typed('+7', 1), expected: [] },
  { title: '0 is a value in a submitted month', month: 1, edit: typed(0, 1), expected: [] },
  { title: '"0" typed as text', month: 1, edit: typed('0', 1), expected: [] },

  // Blank is not zero.
  { title: 'blank in a submitted month', month: 5, edit: typed('', 5), expected: [['error', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT} còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).`]] },
  { title: 'only spaces in a submitted month', month: 5, edit: typed('   ', 5), expected: [['error', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT} còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).`]] },
  { title: 'blanks are fine until the month is ticked', month: 6, expected: [] },
  { title: 'partly filled, unticked month', month: 6, edit: typed(5), expected: [] },
  {
    title: 'a submitted month whose tab lacks an applied indicator row',
    month: 5,
    edit: (g) => { g[rowOf('SP_TMDT')][0] = ''; },
    expected: [['error', '', 'Thôn 3, Tháng 5: tab thiếu dòng "Sản phẩm lên sàn thương mại điện tử" (mã SP_TMDT); chạy "Khởi tạo / cập nhật bảng tính" để thêm dòng rồi nhập số liệu.']],
  },

  // A submitted future month.
  { title: 'ticking next month', month: 7, edit: (g) => fillMonth(g, 7, true), expected: [['error', 'K20', 'Thôn 3, Tháng 7, ô K20: chưa đến tháng 7/2026 nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".']] },
  { title: 'an "x" typed in the tick row of a future month', month: 7, edit: (g) => { fillMonth(g, 7, false); set(g, 'DA_NOP', 7, 'x'); }, expected: [['error', 'K20', 'Thôn 3, Tháng 7, ô K20: chưa đến tháng 7/2026 nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".']] },
  { title: 'a plan year that has not begun', month: 1, settings: { year: 2027 }, expected: [['error', 'E20', 'Thôn 3, Tháng 1, ô E20: chưa đến tháng 1/2027 nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".']] },
  { title: 'the current month may be submitted', month: 6, edit: (g) => fillMonth(g, 6, true), expected: [] },

  // A TY_LE numerator above its denominator.
  {
    title: 'the example of docs/validation.md: adults with digital skills above the adult population',
    month: 5,
    edit: (g) => { set(g, 'NTT_KNS', 4, 1200); set(g, 'NTT_KNS', 5, '1.250'); },
    expected: [['error', 'I6', `Thôn 3, Tháng 5, ô I6: ${NTT} (1.250) lớn hơn số người trưởng thành (1.100).`]],
  },
  { title: 'equal to the denominator is fine', month: 5, edit: (g) => { set(g, 'HS_KNS', 4, 50); set(g, 'HS_KNS', 5, 60); }, expected: [] },
  {
    title: 'above a zero denominator',
    month: 5,
    villages: withDenominators({ ...village.denominators, HS_TRUNG_HOC: 0 }),
    edit: (g) => { for (let m = 1; m <= 4; m++) set(g, 'HS_KNS', m, 1); set(g, 'HS_KNS', 5, 1); },
    expected: [['error', 'I5', 'Thôn 3, Tháng 5, ô I5: Học sinh trung học có kỹ năng số (1) lớn hơn số học sinh trung học (0).']],
  },
  { title: 'zero of a zero denominator is fine', month: 5, villages: withDenominators({ ...village.denominators, HS_TRUNG_HOC: 0 }), edit: (g) => { for (let m = 1; m <= 5; m++) set(g, 'HS_KNS', m, 0); }, expected: [] },
  { title: 'above the denominator in an unticked month', month: 6, edit: (g) => set(g, 'LD_KNS', 6, 31), expected: [['error', 'J8', 'Thôn 3, Tháng 6, ô J8: Người lao động DN, HTX có kỹ năng số (31) lớn hơn số lao động trong doanh nghiệp, hợp tác xã (30).']] },

  // A missing denominator.
  {
    title: 'registry cell blank for a TY_LE indicator with a value',
    month: 5,
    villages: withDenominators({ ...village.denominators, LD_DN_HTX: undefined }),
    expected: [['warning', 'I8', 'Thôn 3, Tháng 5, ô I8: chưa có số lao động trong doanh nghiệp, hợp tác xã của Thôn 3 trong tab "Danh sách" nên chưa tính được tỷ lệ Người lao động DN, HTX có kỹ năng số.']],
  },
  { title: 'no warning while the value is blank', month: 6, villages: withDenominators({ ...village.denominators, LD_DN_HTX: undefined }), expected: [] },
  { title: 'a tab with no registry row warns once per month', month: 5, villages: [], expected: [['warning', '', 'Thôn 3, Tháng 5: "Thôn 3" không có trong tab "Danh sách" nên chưa có mẫu số để tính tỷ lệ.']] },

  // Names match after NFC, trimming and case folding; messages use the registry's name.
  { title: 'tab name typed in NFD', month: 5, tab: 'Thôn 3'.normalize('NFD'), expected: [] },
  { title: 'tab name with stray spaces and lower case', month: 5, tab: ' thôn  3 ', expected: [] },
  { title: 'an NFD tab name in a message is the registry name', month: 6, tab: 'THÔN 3'.normalize('NFD'), edit: typed('?'), expected: [['error', 'J14', `Thôn 3, Tháng 6, ô J14: ${LUOT}: "?" không phải số; ${NOT_WHOLE}`]] },

  // Cumulative values should not fall.
  { title: 'a cumulative value lower than last month', month: 5, edit: (g) => set(g, 'NTT_KNS', 5, 10), expected: [['warning', 'I6', `Thôn 3, Tháng 5, ô I6: ${NTT} (10) thấp hơn Tháng 4 (14); số lũy kế không giảm theo thời gian.`]] },
  {
    title: 'compared to the latest earlier month with a value',
    month: 5,
    edit: (g) => { set(g, 'DA_NOP', 4, false); set(g, 'NTT_KNS', 4, ''); set(g, 'NTT_KNS', 5, 12); },
    expected: [['warning', 'I6', `Thôn 3, Tháng 5, ô I6: ${NTT} (12) thấp hơn Tháng 3 (13); số lũy kế không giảm theo thời gian.`]],
  },
  {
    title: 'an invalid earlier value is skipped',
    month: 5,
    edit: (g) => { set(g, 'NTT_KNS', 4, 'abc'); set(g, 'NTT_KNS', 5, 12); },
    expected: [['warning', 'I6', `Thôn 3, Tháng 5, ô I6: ${NTT} (12) thấp hơn Tháng 3 (13); số lũy kế không giảm theo thời gian.`]],
  },
  { title: 'monthly activity counts may fall', month: 5, edit: typed(1, 5), expected: [] },

  // Jumps above 50% and above 20 units.
  { title: 'a jump of an activity count', month: 5, edit: typed(40, 5), expected: [['warning', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT} tăng từ 5 (Tháng 4) lên 40 (+700%); hãy kiểm tra lại.`]] },
  { title: 'a jump of 21 units', month: 5, edit: typed(26, 5), expected: [['warning', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT} tăng từ 5 (Tháng 4) lên 26 (+420%); hãy kiểm tra lại.`]] },
  { title: 'a rise of exactly 20 units is fine', month: 5, edit: typed(25, 5), expected: [] },
  { title: 'a rise of 30% is fine however many units', month: 5, edit: (g) => { set(g, 'LUOT_DVCTT', 4, 1000); set(g, 'LUOT_DVCTT', 5, 1300); }, expected: [] },
  { title: 'a jump from zero', month: 5, edit: (g) => { set(g, 'LUOT_DVCTT', 4, 0); set(g, 'LUOT_DVCTT', 5, 25); }, expected: [['warning', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT} tăng từ 0 (Tháng 4) lên 25; hãy kiểm tra lại.`]] },
  { title: 'a jump of a cumulative value', month: 5, edit: (g) => set(g, 'NTT_KNS', 5, 100), expected: [['warning', 'I6', `Thôn 3, Tháng 5, ô I6: ${NTT} tăng từ 14 (Tháng 4) lên 100 (+614,3%); hãy kiểm tra lại.`]] },

  // Team size outside the configured range (bach-ngoc: 3–5).
  { title: 'team too large', month: 5, edit: (g) => set(g, 'TV_TO', 5, 6), expected: [['warning', 'I13', 'Thôn 3, Tháng 5, ô I13: Số thành viên Tổ (6) ngoài khoảng 3–5 người theo kế hoạch.']] },
  { title: 'team too small', month: 5, edit: (g) => set(g, 'TV_TO', 5, 2), expected: [['warning', 'I13', 'Thôn 3, Tháng 5, ô I13: Số thành viên Tổ (2) ngoài khoảng 3–5 người theo kế hoạch.']] },
  { title: 'team at the lower bound', month: 5, edit: (g) => set(g, 'TV_TO', 5, 3), expected: [] },
  { title: 'team at the upper bound', month: 5, edit: (g) => set(g, 'TV_TO', 5, 5), expected: [] },
  { title: 'team range from the settings', month: 5, settings: { teamMin: 5, teamMax: 8 }, expected: [['warning', 'I13', 'Thôn 3, Tháng 5, ô I13: Số thành viên Tổ (4) ngoài khoảng 5–8 người theo kế hoạch.']] },

  // Several problems at once come in row order, errors and warnings together.
  {
    title: 'several problems in one month',
    month: 5,
    edit: (g) => { set(g, 'NTT_KNS', 5, 'mười'); set(g, 'TV_TO', 5, 9); typed('', 5)(g); },
    expected: [
      ['error', 'I6', `Thôn 3, Tháng 5, ô I6: ${NTT}: "mười" không phải số; ${NOT_WHOLE}`],
      ['warning', 'I13', 'Thôn 3, Tháng 5, ô I13: Số thành viên Tổ (9) ngoài khoảng 3–5 người theo kế hoạch.'],
      ['error', 'I14', `Thôn 3, Tháng 5, ô I14: ${LUOT} còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).`],
    ],
  },
];

describe('validateMonth corpus (docs/validation.md)', () => {
  it('the fixture is where the comments say', () => {
    expect([cellOf('HS_KNS', 5), cellOf('NTT_KNS', 5), cellOf('LD_KNS', 6), cellOf('TV_TO', 5), cellOf('LUOT_DVCTT', 6), cellOf('DA_NOP', 7)]).toEqual(['I5', 'I6', 'J8', 'I13', 'J14', 'K20']);
  });

  it('the base tab has no findings in any month', () => {
    const report = parse(baseGrid());
    for (let m = 1; m <= 12; m++) expect(validateMonth(report, m, contextFor('Thôn 3'))).toEqual([]);
  });

  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const grid = baseGrid();
    c.edit?.(grid);
    const tab = c.tab ?? 'Thôn 3';
    const findings = validateMonth(parse(grid, tab), c.month, contextFor(tab, c.villages, c.settings));
    expect(findings.map((f) => [f.level, f.cell, f.message])).toEqual(c.expected);
    for (const f of findings) expect(f.sheet).toBe(tab);
  });
});
