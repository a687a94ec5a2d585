/** The `Tổng hợp` layout: what an official reads, placed by label, coloured by the summary's own verdicts. */
import { aggregate, type AssessedVillage, type MonthStatusOf } from '../../src/core/assessment/aggregation';
import { catalogueEntry } from '../../src/core/config/catalogue';
import { getPreset } from '../../src/core/config/presets';
import type { Village } from '../../src/core/config/registry';
import type { IndicatorSetting, Settings } from '../../src/core/config/settings';
import type { Period } from '../../src/core/assessment/period';
import type { MonthStatus } from '../../src/core/assessment/status';
import { COUNT_TABLE_HEADERS, RANKING_HEADERS, RATE_TABLE_HEADERS, summaryLayout } from '../../src/core/reports/summaryLayout';
import { parseVillageTab } from '../../src/core/entry/monthReports';
import { linesHeightPx } from '../../src/core/shared/textWidth';
import { PALETTE } from '../../src/core/shared/palette';
import { vnInstant } from '../../src/core/shared/calendar';
import { FIRST_MONTH_COL, villageTabLayout } from '../../src/core/workbook/villageTabLayout';
import type { TabSpec } from '../../src/core/workbook/tabSpec';

const bachNgoc = getPreset('bach-ngoc');
const applied = bachNgoc.indicators.filter((i) => i.applied);
/** 25/05/2026 10:00 in Vietnam: May's report fell due on 20/05. */
const MAY = vnInstant(2026, 5, 25, 10);
const DENS = { SO_HO: 100, DS_TRUONG_THANH: 100, DS_TU_16: 100, HS_TRUNG_HOC: 100, LD_DN_HTX: 100 };

/** Every month up to `last` submitted with the given status; TY_LE values as given (else 0), counts 2, a team of `team`. */
function assessed(name: string, last: number, rates: Record<string, number>, opts: { status?: MonthStatus; team?: number; households?: number | null } = {}): AssessedVillage {
  const denominators = { ...DENS, SO_HO: opts.households === null ? undefined : opts.households ?? 100 };
  const village: Village = { name, head: '', email: '', phone: '', teamLeader: '', denominators, row: 5 };
  const layout = villageTabLayout(name, 2026, applied);
  const grid = layout.rows.map((r) => [...r]);
  const assessments: MonthStatusOf[] = [];
  for (let m = 1; m <= 12; m++) {
    const status: MonthStatus = m <= last ? opts.status ?? 'DUNG_HAN' : 'CHUA_NOP';
    assessments.push({ month: m, status });
    if (m > last) continue;
    for (const ind of applied) {
      const value = ind.kind === 'TY_LE' ? rates[ind.code] ?? 0 : ind.kind === 'TRANG_THAI' ? opts.team ?? 4 : 2;
      grid[grid.findIndex((r) => r[0] === ind.code)][FIRST_MONTH_COL + m - 1] = value;
    }
    grid[layout.statusRow.submitted - 1][FIRST_MONTH_COL + m - 1] = true;
  }
  return { village, report: parseVillageTab(name, grid, applied), assessments };
}

function layoutOf(villages: AssessedVillage[], opts: { settings?: Partial<Settings>; indicators?: IndicatorSetting[]; period?: Period; now?: Date } = {}) {
  const settings = { ...bachNgoc.settings, ...opts.settings };
  const summary = aggregate({ settings, indicators: opts.indicators ?? applied, villages, period: opts.period ?? { kind: 'month', month: 5 }, now: opts.now ?? MAY });
  return { summary, ...summaryLayout(summary) };
}

/** Cell text as shown (the layout writes text with a leading apostrophe). */
const shown = (v: unknown) => (typeof v === 'string' ? v.replace(/^'/, '') : v);
const texts = (spec: TabSpec) => spec.values.flat().filter((v): v is string => typeof v === 'string' && v !== '').map((v) => v.replace(/^'/, ''));
/** 1-based row of the first cell of column `col` below row `after` that shows `text`. */
const rowWith = (spec: TabSpec, col: number, text: string, after = 0) => spec.values.findIndex((r, i) => i >= after && shown(r[col - 1]) === text) + 1;

const targets = (t: Record<string, number>) => applied.map((i) => (i.code in t ? { ...i, targetPercent: t[i.code] } : i));

describe('Tổng hợp layout', () => {
  // Two villages of 100 each: HS_KNS 30% (target 100, plan by May 41,7%) is behind; NTT_KNS 40% with a
  // 60% target (plan 25%) is on pace; HO_TUYEN_TRUYEN 90% has reached a 90% target.
  const rates = { HS_KNS: 30, NTT_KNS: 40, HO_TUYEN_TRUYEN: 90 };
  const { summary, spec, rows } = layoutOf([assessed('Thôn 1', 5, rates), assessed('Thôn 2', 5, rates, { team: 7 })], { indicators: targets({ NTT_KNS: 60, HO_TUYEN_TRUYEN: 90 }) });
  const rateCodes = applied.filter((i) => i.kind === 'TY_LE').map((i) => i.code);
  const countCodes = applied.filter((i) => i.kind === 'SO_LUONG').map((i) => i.code);

  it('the rate table has the nine columns of the plan, one row per rate indicator, short names, no team size', () => {
    expect(spec.values[rows.rateHeader - 1].slice(0, RATE_TABLE_HEADERS.length).map(shown)).toEqual([...RATE_TABLE_HEADERS]);
    const body = spec.values.slice(rows.rateHeader, rows.rateHeader + rateCodes.length);
    expect(body.map((r) => shown(r[0]))).toEqual(rateCodes);
    expect(shown(body[0][1])).toBe(catalogueEntry('HS_KNS')?.short);
    // HS_KNS: 60/200 = 30%; plan 100 × 5/12 = 41,7%; projection 30 × 12/5 = 72%.
    expect(body[0].slice(2, 9).map(shown)).toEqual([60, 200, 30, 41.7, 100, 72, 'Chậm tiến độ']);
    expect(shown(spec.values[rows.rateHeader + rateCodes.length]?.[0])).not.toBe('TV_TO');
    expect(spec.values.some((r) => shown(r[0]) === 'TV_TO')).toBe(false);
  });

  it('colours Đánh giá: reached green, on pace light green, behind red', () => {
    const evaluationCol = RATE_TABLE_HEADERS.indexOf('Đánh giá');
    const cell = (code: string) => {
      const row = rowWith(spec, 1, code) - 1;
      return [shown(spec.values[row][evaluationCol]), spec.formats.background?.[row][evaluationCol]];
    };
    expect(cell('HO_TUYEN_TRUYEN')).toEqual(['Đã đạt', PALETTE.good]);
    expect(cell('NTT_KNS')).toEqual(['Đúng tiến độ', PALETTE.onPace]);
    expect(cell('HS_KNS')).toEqual(['Chậm tiến độ', PALETTE.bad]);
  });

  it('in December the verdict is the year\'s: Đạt or Chưa đạt', () => {
    const december = layoutOf([assessed('Thôn 1', 12, rates)], { indicators: targets({ NTT_KNS: 60, HO_TUYEN_TRUYEN: 90 }), period: { kind: 'month', month: 12 }, now: vnInstant(2026, 12, 25, 10) });
    const col = RATE_TABLE_HEADERS.indexOf('Đánh giá');
    const verdict = (code: string) => shown(december.spec.values[rowWith(december.spec, 1, code) - 1][col]);
    expect([verdict('HO_TUYEN_TRUYEN'), verdict('NTT_KNS')]).toEqual(['Đạt', 'Chưa đạt']);
    expect(december.spec.formats.background?.[rowWith(december.spec, 1, 'NTT_KNS') - 1][col]).toBe(PALETTE.bad);
  });

  it('a chart of rate, plan to date and year target per indicator, labelled by short names, in a row of its own', () => {
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts[0];
    const n = rateCodes.length + 1;
    expect(chart.ranges).toEqual([
      { row: rows.rateHeader, col: 2, numRows: n, numCols: 1 },
      { row: rows.rateHeader, col: 5, numRows: n, numCols: 3 },
    ]);
    expect(spec.values[rows.rateHeader - 1].slice(4, 7).map(shown)).toEqual(['Tỷ lệ (%)', 'Kế hoạch đến kỳ (%)', 'Chỉ tiêu năm (%)']);
    expect(chart.colors).toEqual([PALETTE.chartRate, PALETTE.chartPlan, PALETTE.chartTarget]);
    expect(chart.anchorRow).toBe(rows.chartRow);
    expect(spec.rowHeights.find((h) => h.row === rows.chartRow)?.height).toBeGreaterThan(chart.height);
    expect(spec.values[(rows.chartRow ?? 0) - 1].every((v) => v === '')).toBe(true);
  });

  it('the team line counts teams, not people, and names those outside the range with their size', () => {
    expect(shown(spec.values[(rows.teamLine ?? 0) - 1][1])).toBe('Số Tổ đủ thành viên: 1/2 (quy định 3–5 người).');
    expect(texts(spec)).toContain('Chưa đủ hoặc vượt quy định: Thôn 2 (7 người).');
  });

  it('counts have their own table: the period and the year so far, no Đánh giá', () => {
    const header = rows.countHeader ?? 0;
    expect(spec.values[header - 1].slice(0, COUNT_TABLE_HEADERS.length).map(shown)).toEqual([...COUNT_TABLE_HEADERS]);
    const body = spec.values.slice(header, header + countCodes.length);
    expect(body.map((r) => shown(r[0]))).toEqual(countCodes);
    // Two villages × 2 in May; × 5 months from January.
    expect(body[0].slice(2, 6).map(shown)).toEqual([catalogueEntry(countCodes[0])?.unit, 4, 20, '']);
  });

  it('the matrix names indicators by short label, with no code row', () => {
    const header = spec.values[rows.matrixHeader - 1].map(shown);
    expect(header.slice(4, 4 + rateCodes.length)).toEqual(rateCodes.map((c) => catalogueEntry(c)?.short));
    expect(spec.values[rows.matrixHeader - 2].every((v) => !rateCodes.includes(String(shown(v))))).toBe(true);
  });

  it('the ranking shows the score and each of its parts, and says how the score is made', () => {
    const header = spec.values[rows.rankingHeader - 1].map(shown);
    expect(header.slice(0, RANKING_HEADERS.length)).toEqual(['Hạng', 'Tên thôn', ...RANKING_HEADERS.slice(2)]);
    // Both villages alike, so they share rank 1. Results: (30/100 + 40/60 + 90/90 + five rates at 0) ÷ 8 = 24,6%;
    // on time 5/5; activity: 6 counts × 2 × 5 months = 60 per 100 households, the best → 100%.
    // Score: 0,5 × 24,58 + 0,3 × 100 + 0,2 × 100 = 62,3.
    expect(summary.ranking.map((r) => r.rank)).toEqual([1, 1]);
    expect(spec.values[rows.rankingHeader].slice(0, 7).map(shown)).toEqual([1, 'Thôn 1', 62.3, 24.6, '5/5', 60, 100]);
    const explanation = texts(spec).find((t) => t.startsWith('Điểm'));
    expect(explanation).toMatch(/^Điểm \(thang 100\) = 50% kết quả chỉ tiêu \+ 30% nộp đúng hạn \+ 20% hoạt động /);
    expect(texts(spec)).toContain('Tổ chưa lần nào nộp đúng hạn xếp sau các Tổ đã có tháng nộp đúng hạn. Phần nào chưa có số liệu (như chưa có số hộ trong tab Danh sách) thì không tính vào điểm của thôn đó.');
  });

  it('the weights come from Cấu hình; a team never on time is marked; no households is said in words', () => {
    const late = layoutOf([assessed('Thôn 1', 5, rates), assessed('Thôn 2', 5, rates, { status: 'NOP_MUON', households: null })], { settings: { weightResults: 6, weightTimeliness: 2, weightActivity: 2 } });
    expect(texts(late.spec).find((t) => t.startsWith('Điểm'))).toMatch(/^Điểm \(thang 100\) = 60% kết quả chỉ tiêu \+ 20% nộp đúng hạn \+ 20% hoạt động /);
    const row = rowWith(late.spec, 2, 'Thôn 2', late.rows.rankingHeader) - 1;
    expect(row).toBe(late.spec.values.length - 1);
    expect(late.spec.values[row].slice(4, 6).map(shown)).toEqual(['0/5', 'chưa có số hộ']);
    expect(late.spec.formats.background?.[row][4]).toBe(PALETTE.bad);
  });

  it('a note is as tall as its lines in Arial, the tab\'s font; a note of one line keeps the row\'s own height', () => {
    // 171 characters of italic 10 pt Arial: 1022 px, more than the 1012 px inside the merged note (Times: 914 px).
    const twoLines = rowWith(spec, 2, 'Tổ chưa lần nào nộp đúng hạn xếp sau các Tổ đã có tháng nộp đúng hạn. Phần nào chưa có số liệu (như chưa có số hộ trong tab Danh sách) thì không tính vào điểm của thôn đó.');
    expect(spec.rowHeights.find((h) => h.row === twoLines)?.height).toBe(linesHeightPx(2, 10));
    const oneLine = rowWith(spec, 2, texts(spec).find((t) => t.startsWith('Màu theo tiến độ')) ?? '');
    expect(oneLine).toBeGreaterThan(0);
    expect(spec.rowHeights.some((h) => h.row === oneLine)).toBe(false);
  });

  it('explains Kế hoạch đến kỳ and Dự kiến cuối năm in plain words, without maths jargon', () => {
    const all = texts(spec).join('\n');
    expect(all).toContain('Kế hoạch đến kỳ: mức cần đạt đến hết tháng 5');
    expect(all).toContain('Dự kiến cuối năm: tỷ lệ sẽ đạt vào tháng 12');
    expect(all).not.toMatch(/Σ|tử số|mẫu số|Mẫu số/);
  });

  it('a ward reads its own words, never "thôn", and codes stay in the Mã column', () => {
    const anHai = getPreset('an-hai').settings;
    const ward = layoutOf([assessed('Tổ dân phố số 1', 5, rates), assessed('Tổ dân phố số 2', 4, rates, { team: 9 })], { settings: anHai, period: { kind: 'quarter', quarter: 2 } });
    const words = texts(ward.spec);
    expect(words.filter((t) => /(^|[^\p{L}])thôn([^\p{L}]|$)/iu.test(t))).toEqual([]);
    expect(words).toContain('Tên tổ dân phố');
    expect(words.some((t) => t.includes('TOÀN PHƯỜNG'))).toBe(true);
    const code = new RegExp(applied.map((i) => i.code).join('|'));
    expect(ward.spec.values.flatMap((row) => row.slice(1)).filter((v) => code.test(String(v)))).toEqual([]);
    // A quarter lists its months as an official writes them.
    expect(words.join('\n')).not.toMatch(/\bT\d/);
    expect(words.some((t) => t.includes('tháng 4, 5'))).toBe(true);
  });
});
