/**
 * Tổng hợp through the built bundle, on both presets, with a hand-computed scenario. Today is
 * 25/05/2026 (due date 20/05 has passed). Besides the preset's villages, the registry gets a village
 * named `=IMPORTXML("x")` (X). What the villages report (denominators SO_HO, DS_TRUONG_THANH,
 * DS_TU_16, HS_TRUNG_HOC, LD_DN_HTX):
 *   V1  100/250/260/40/20   April on time, May on time
 *   V2  200/500/520/80/40   May late (22/05)
 *   V3  100/200/210/50/10   April on time only → stale for May
 *   V4  150/300/320/—/30    May on time; no HS_TRUNG_HOC → left out of HS_KNS
 *   V5  100/200/210/40/20   May ticked, but HS_KNS is "abc" → Cần sửa, counts for nothing
 *   X    50/100/110/20/10   May on time (stamped on the due date itself)
 * Every other village reports nothing.
 */
import type { AggregationSummary, IndicatorSummary } from '../../src/core/assessment/aggregation';
import { vnInstant } from '../../src/core/shared/calendar';
import { getPreset, type PresetId } from '../../src/core/config/presets';
import { locateVillageTab, monthCellA1 } from '../../src/core/workbook/villageTabLayout';
import type { SheetSnapshot } from '../../emulator';
import { catalogueEntry } from '../../src/core/config/catalogue';
import { PALETTE } from '../../src/core/shared/palette';
import { OFFICE, sampleVillages, sheetSnapshot, workbookWithPreset, type TestWorkbook } from './harness';

const NOW = new Date('2026-05-25T03:00:00Z'); // 25/05/2026 10:00 in Vietnam
const X = '=IMPORTXML("x")';

type Values = Record<string, unknown>;
const base = (v: Partial<Record<string, number | string>>): Values => ({ LUOT_SO_SUC_KHOE: 0, LUOT_BUU_CHINH: 0, BUOI_TAP_HUAN_TO: 0, ...v });

const V1_APRIL = base({ HS_KNS: 30, NTT_KNS: 200, NTT_VNEID: 150, LD_KNS: 16, HO_TUYEN_TRUYEN: 100, HO_SMART_HP: 90, CD16_VNEID: 260, CD16_NGAN_HANG: 200, HO_CONG_DAN_SO: 80, TV_TO: 4, LUOT_DVCTT: 6, LUOT_CAI_DAT: 10, SP_TMDT: 1, BUOI_TUYEN_TRUYEN: 2, BUOI_TAP_HUAN: 1 });
const V1_MAY = { ...V1_APRIL, HS_KNS: 40, LUOT_DVCTT: 10, LUOT_CAI_DAT: 20 };
const V2_MAY = base({ HS_KNS: 60, NTT_KNS: 300, NTT_VNEID: 300, LD_KNS: 30, HO_TUYEN_TRUYEN: 200, HO_SMART_HP: 150, CD16_VNEID: 500, CD16_NGAN_HANG: 400, HO_CONG_DAN_SO: 150, TV_TO: 5, LUOT_DVCTT: 5, LUOT_CAI_DAT: 15, SP_TMDT: 0, BUOI_TUYEN_TRUYEN: 1, BUOI_TAP_HUAN: 1 });
const V3_APRIL = base({ HS_KNS: 30, NTT_KNS: 100, NTT_VNEID: 100, LD_KNS: 5, HO_TUYEN_TRUYEN: 100, HO_SMART_HP: 80, CD16_VNEID: 200, CD16_NGAN_HANG: 150, HO_CONG_DAN_SO: 70, TV_TO: 3, LUOT_DVCTT: 7, LUOT_CAI_DAT: 9, SP_TMDT: 2, BUOI_TUYEN_TRUYEN: 1, BUOI_TAP_HUAN: 0 });
const V4_MAY = base({ HS_KNS: 20, NTT_KNS: 240, NTT_VNEID: 210, LD_KNS: 24, HO_TUYEN_TRUYEN: 150, HO_SMART_HP: 120, CD16_VNEID: 320, CD16_NGAN_HANG: 300, HO_CONG_DAN_SO: 120, TV_TO: 6, LUOT_DVCTT: 3, LUOT_CAI_DAT: 4, SP_TMDT: 0, BUOI_TUYEN_TRUYEN: 2, BUOI_TAP_HUAN: 2 });
const V5_MAY = { ...V1_APRIL, HS_KNS: 'abc' };
const X_MAY = base({ HS_KNS: 20, NTT_KNS: 80, NTT_VNEID: 70, LD_KNS: 8, HO_TUYEN_TRUYEN: 50, HO_SMART_HP: 40, CD16_VNEID: 110, CD16_NGAN_HANG: 100, HO_CONG_DAN_SO: 50, TV_TO: 4, LUOT_DVCTT: 1, LUOT_CAI_DAT: 2, SP_TMDT: 0, BUOI_TUYEN_TRUYEN: 1, BUOI_TAP_HUAN: 1 });

interface Scenario {
  wb: TestWorkbook;
  names: string[]; // V1…V5
  villageTabs: string[];
}

function registryRowOf(wb: TestWorkbook, name: string): number {
  return wb.emu.rawGrid('Danh sách').findIndex((r) => r[0] === name) + 1;
}

function fillMonth(wb: TestWorkbook, tab: string, month: number, values: Values, stamp: Date): void {
  const map = locateVillageTab(wb.emu.rawGrid(tab));
  if (!map) throw new Error(`no layout in ${tab}`);
  const cell = (code: string) => monthCellA1(map, code, month);
  for (const [code, value] of Object.entries(values)) {
    const at = cell(code);
    if (at) wb.emu.rawSet(tab, at, value);
  }
  wb.emu.rawSet(tab, cell('DA_NOP') as string, true);
  wb.emu.rawSet(tab, cell('NGAY_NOP') as string, stamp);
}

function scenario(id: PresetId): Scenario {
  const villages = sampleVillages(id);
  const wb = workbookWithPreset(id, { now: NOW, editors: [...villages.map((v) => v.email), 'x@example.com'] });
  const names = villages.slice(0, 5).map((v) => v.name);
  const xRow = registryRowOf(wb, villages.at(-1)!.name) + 1;
  wb.emu.rawSet('Danh sách', `A${xRow}:C${xRow}`, [[X, 'Người X', 'x@example.com']]);
  wb.call('setupWorkbook');
  const denominators: unknown[][] = [[100, 250, 260, 40, 20], [200, 500, 520, 80, 40], [100, 200, 210, 50, 10], [150, 300, 320, '', 30], [100, 200, 210, 40, 20]];
  names.forEach((name, i) => {
    const row = registryRowOf(wb, name);
    wb.emu.rawSet('Danh sách', `F${row}:J${row}`, [denominators[i]]);
  });
  wb.emu.rawSet('Danh sách', `F${xRow}:J${xRow}`, [[50, 100, 110, 20, 10]]);
  fillMonth(wb, names[0], 4, V1_APRIL, vnInstant(2026, 4, 15, 9));
  fillMonth(wb, names[0], 5, V1_MAY, vnInstant(2026, 5, 15, 9));
  fillMonth(wb, names[1], 5, V2_MAY, vnInstant(2026, 5, 22, 9));
  fillMonth(wb, names[2], 4, V3_APRIL, vnInstant(2026, 4, 18, 9));
  fillMonth(wb, names[3], 5, V4_MAY, vnInstant(2026, 5, 19, 9));
  fillMonth(wb, names[4], 5, V5_MAY, vnInstant(2026, 5, 18, 9));
  fillMonth(wb, X, 5, X_MAY, vnInstant(2026, 5, 20, 23, 30));
  return { wb, names, villageTabs: [...villages.map((v) => v.name), X] };
}

const short = (code: string) => catalogueEntry(code)?.short;
const byCode = (s: AggregationSummary, code: string) => s.indicators.find((i) => i.code === code) as IndicatorSummary;
const WRITTEN = ['Tổng hợp', 'Báo cáo', 'Nhật ký'];

describe.each([
  ['bach-ngoc', 16, 'thôn'],
  ['an-hai', 40, 'tổ dân phố'],
] as const)('Tổng hợp on %s', (id, villageCount, word) => {
  let sc: Scenario;
  beforeAll(() => {
    sc = scenario(id);
  });

  it('aggregateMonth(5): completeness counts reports; only submitted months count', () => {
    const summary = sc.wb.call<AggregationSummary>('aggregateMonth', [5]);
    const [v1, v2, v3, , v5] = sc.names;
    expect(summary.periodLabel).toBe('Tháng 5/2026');
    expect(summary.villageCount).toBe(villageCount + 1);
    expect(summary.completeness).toMatchObject({ expected: villageCount + 1, submitted: 4, onTime: 3, late: 1, needsFix: 1, missing: villageCount + 1 - 5 });
    expect(summary.completeness.lateVillages).toEqual([{ name: v2, months: [5] }]);
    expect(summary.completeness.needsFixVillages).toEqual([{ name: v5, months: [5] }]);
    expect(summary.completeness.missingVillages.map((v) => v.name)).toContain(v3);
    expect(summary.completeness.missingVillages.map((v) => v.name)).not.toContain(X);
    expect(summary.villages.find((v) => v.name === v1)?.statuses).toEqual(['DUNG_HAN']);
    expect(summary.villages.find((v) => v.name === X)?.statuses).toEqual(['DUNG_HAN']);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary); // plain data, no Date
  });

  it('aggregateMonth(5): commune rates are Σ numerators ÷ Σ denominators, stale and missing denominators named', () => {
    const summary = sc.wb.call<AggregationSummary>('aggregateMonth', [5]);
    const [v1, , v3, v4] = sc.names;
    // HS_KNS: V1 40/40, V2 60/80, V3 30/50 (April), X 20/20; V4 has no HS_TRUNG_HOC.
    const hs = byCode(summary, 'HS_KNS');
    expect([hs.value, hs.denominator, hs.reporting]).toEqual([150, 190, 4]);
    expect(hs.ratePercent).toBeCloseTo((150 / 190) * 100, 9);
    expect(hs.missingDenominator).toEqual([v4]);
    expect(hs.stale).toEqual([{ name: v3, month: 4 }]);
    expect(hs.noData).toHaveLength(villageCount + 1 - 5);
    // NTT_KNS: 200+300+100+240+80 = 920 of 250+500+200+300+100 = 1350 → 68,1% (target 70 or 80).
    const ntt = byCode(summary, 'NTT_KNS');
    expect([ntt.value, ntt.denominator]).toEqual([920, 1350]);
    // HO_TUYEN_TRUYEN: 100+200+100+150+50 of 100+200+100+150+50 → 100% → Đạt.
    const ho = byCode(summary, 'HO_TUYEN_TRUYEN');
    expect([ho.value, ho.denominator, ho.ratePercent, ho.evaluation]).toEqual([600, 600, 100, 'DA_DAT']);
    // CD16_VNEID: 1390 / 1420.
    expect([byCode(summary, 'CD16_VNEID').value, byCode(summary, 'CD16_VNEID').denominator]).toEqual([1390, 1420]);
    // TV_TO: latest values 4 + 5 + 3 (April) + 6 + 4.
    const team = byCode(summary, 'TV_TO');
    expect(team.value).toBe(22);
    expect(team.outOfRange).toEqual(id === 'bach-ngoc' ? [v4] : [v1, v3, X]);
    // LUOT_DVCTT: May 10 + 5 + 3 + 1; from January: + V1 April 6 + V3 April 7.
    const dvc = byCode(summary, 'LUOT_DVCTT');
    expect([dvc.value, dvc.yearToDate, dvc.reporting]).toEqual([19, 32, 4]);
    if (id === 'an-hai') {
      const smart = byCode(summary, 'HO_SMART_HP'); // 90+150+80+120+40 of 600
      expect([smart.value, smart.denominator, smart.ratePercent]).toEqual([480, 600, 80]);
    } else {
      expect(summary.indicators.some((i) => i.code === 'HO_SMART_HP')).toBe(false);
    }
    expect(summary.indicators.map((i) => i.kind)).toEqual([...summary.indicators.map((i) => i.kind)].sort((a, b) => ['TY_LE', 'TRANG_THAI', 'SO_LUONG'].indexOf(a) - ['TY_LE', 'TRANG_THAI', 'SO_LUONG'].indexOf(b)));
    // Village matrix: V1's own rate; V4's HS_KNS value without a denominator.
    const village = (name: string) => summary.villages.find((v) => v.name === name);
    expect(village(v1)?.rates.HS_KNS).toEqual({ value: 40, month: 5, denominator: 40, ratePercent: 100, evaluation: 'DA_DAT' });
    expect(village(v4)?.rates.HS_KNS).toEqual({ value: 20, month: 5, denominator: null, ratePercent: null, evaluation: null });
    expect(village(v3)?.latestMonth).toBe(4);
  });

  it('aggregateQuarter(2): April and May count (June has not begun)', () => {
    const summary = sc.wb.call<AggregationSummary>('aggregateQuarter', [2]);
    expect(summary.periodLabel).toBe('Quý II/2026');
    expect(summary.countedMonths).toEqual([4, 5]);
    const n = villageCount + 1;
    expect(summary.completeness).toMatchObject({ expected: 2 * n, submitted: 6, onTime: 5, late: 1, needsFix: 1, missing: 2 * n - 7 });
    const dvc = byCode(summary, 'LUOT_DVCTT');
    expect([dvc.value, dvc.yearToDate]).toEqual([32, 32]);
    expect(summary.completeness.missingVillages.find((v) => v.name === sc.names[0])).toBeUndefined();
    expect(summary.completeness.missingVillages.find((v) => v.name === sc.names[2])).toEqual({ name: sc.names[2], months: [5] });
  });

  it('writes only Tổng hợp, Báo cáo and Nhật ký; every other tab is unchanged cell for cell; one read per village tab', () => {
    const { wb } = sc;
    // Positions shift when the first run inserts Tổng hợp and Báo cáo; nothing else may change.
    const others = () => wb.emu.model().sheets.filter((s) => !WRITTEN.includes(s.name)).map(({ index: _index, ...rest }) => rest);
    const before = others();
    wb.emu.calls.reset();
    wb.call('aggregateMonth', [5]);
    const after = others();
    expect(after).toEqual(before);
    for (const tab of sc.villageTabs) expect(after.some((s) => s.name === tab)).toBe(true);
    // Cấu hình, Danh sách, each village tab, and Tổng hợp and Báo cáo read once to write only differences.
    expect(wb.emu.calls.get('Range.getValues')).toBe(4 + sc.villageTabs.length);
    expect(wb.emu.calls.get('Range.getValue')).toBe(0);
  });

  it('the Tổng hợp tab: header, completeness block, rate table against the plan, chart, team line, counts, matrix, ranking; protected', () => {
    const { wb } = sc;
    wb.call('aggregateMonth', [5]);
    const grid = wb.emu.rawGrid('Tổng hợp');
    const rowOf = (label: string, col = 0, after = -1) => grid.findIndex((r, i) => i > after && r[col] === label);
    const cellsOf = (code: string) => grid[rowOf(code)];
    expect(String(grid[0][0])).toContain('TỔNG HỢP BÁO CÁO');
    expect(grid[1][0]).toBe('Tháng 5/2026');
    expect(String(grid[2][0])).toMatch(/^Cập nhật lúc 25\/05\/2026 10:00/);
    const n = villageCount + 1;
    expect(grid[rowOf('Đã nộp')].slice(2, 4)).toEqual([4, Math.round((4 / n) * 1000) / 10]);
    expect(grid[rowOf('Đúng hạn')][2]).toBe(3);
    expect(grid[rowOf('Nộp muộn')].slice(1, 3)).toEqual([sc.names[1], 1]);
    expect(grid[rowOf('Cần sửa')].slice(1, 3)).toEqual([sc.names[4], 1]);
    expect(String(grid[rowOf('Chưa nộp')][1])).toContain(sc.names[2]);

    // Rate table: no `Đầu năm`, so the plan runs from 0 to the target: 5/12 of it by May. Every
    // projection from one month's figures passes 100% and stays at 100.
    const header = grid.findIndex((r) => r[0] === 'Mã' && r[1] === 'Chỉ tiêu');
    expect(grid[header].slice(0, 9)).toEqual(['Mã', 'Chỉ tiêu', 'Thực hiện', 'Tổng số đối tượng', 'Tỷ lệ (%)', 'Kế hoạch đến kỳ (%)', 'Chỉ tiêu năm (%)', 'Dự kiến cuối năm (%)', 'Đánh giá']);
    expect(cellsOf('HS_KNS').slice(1, 9)).toEqual([short('HS_KNS'), 150, 190, 78.9, 41.7, 100, 100, 'Đúng tiến độ']);
    expect(cellsOf('HO_TUYEN_TRUYEN').slice(2, 9)).toEqual([600, 600, 100, 41.7, 100, 100, 'Đã đạt']);
    // NTT_KNS 920/1350 = 68,1% against 70 (plan 29,2) or 80 (plan 33,3).
    expect(cellsOf('NTT_KNS').slice(4, 9)).toEqual([68.1, id === 'bach-ngoc' ? 29.2 : 33.3, id === 'bach-ngoc' ? 70 : 80, 100, 'Đúng tiến độ']);
    const tyLe = getPreset(id).indicators.filter((i) => i.applied && i.kind === 'TY_LE').length;
    expect(grid.slice(header + 1, header + 1 + tyLe).every((r) => getPreset(id).indicators.some((i) => i.code === r[0] && i.kind === 'TY_LE'))).toBe(true);
    expect(rowOf('TV_TO')).toBe(-1);

    // Team size: teams, not people. Sizes 4, 5, 3 (April), 6, 4 against 3–5 (bach-ngoc) or 5–8 (an-hai).
    const teamLine = grid.find((r) => String(r[1]).startsWith('Số Tổ đủ thành viên'));
    expect(teamLine?.[1]).toBe(id === 'bach-ngoc' ? 'Số Tổ đủ thành viên: 4/5 (quy định 3–5 người).' : 'Số Tổ đủ thành viên: 2/5 (quy định 5–8 người).');
    const outside = grid.find((r) => String(r[1]).startsWith('Chưa đủ hoặc vượt quy định'))?.[1];
    expect(String(outside)).toMatch(id === 'bach-ngoc' ? `Chưa đủ hoặc vượt quy định: ${sc.names[3]} (6 người).` : `Chưa đủ hoặc vượt quy định: ${sc.names[0]} (4 người), ${sc.names[2]} (3 người), ${X} (4 người).`);

    // Counts: the month and the year so far (May 10 + 5 + 3 + 1; from January + V1 April 6 + V3 April 7).
    const countHeader = rowOf('Mã', 0, header);
    expect(grid[countHeader].slice(0, 5)).toEqual(['Mã', 'Hoạt động', 'Đơn vị tính', 'Trong kỳ', 'Lũy kế từ đầu năm']);
    expect(cellsOf('LUOT_DVCTT').slice(1, 6)).toEqual([short('LUOT_DVCTT'), 'lượt', 19, 32, '']);

    const sheet = sheetSnapshot(wb.emu, 'Tổng hợp') as SheetSnapshot;
    const cell = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
    const evaluationCol = 9;
    expect(cell(rowOf('HO_TUYEN_TRUYEN') + 1, evaluationCol)?.format.background).toBe(PALETTE.good);
    expect(cell(rowOf('HS_KNS') + 1, evaluationCol)?.format.background).toBe(PALETTE.onPace);
    // The IMPORTXML village is text everywhere, never a formula.
    const xCells = sheet.cells.filter((c) => String(c.value).includes('IMPORTXML'));
    expect(xCells.length).toBeGreaterThan(1);
    for (const c of xCells) expect(c.formula).toBeUndefined();

    // Matrix, columns found by short name, coloured by each village's pace in May (no Đầu năm: plan = target × 5/12):
    // V1 HS_KNS 100% reached (green); V2 HS_KNS 75% ≥ 41,7% and NTT_KNS 60% ≥ 29,2% (70) or 33,3% (80): on pace (light green).
    const matrixHeader = rowOf('STT');
    const colOf = (code: string) => grid[matrixHeader].indexOf(short(code)) + 1;
    const rowOfVillage = (name: string) => rowOf(name, 1, matrixHeader) + 1;
    expect(grid[matrixHeader - 1].some((v) => v === 'HS_KNS')).toBe(false);
    expect(cell(rowOfVillage(sc.names[0]), colOf('HS_KNS'))?.value).toBe(100);
    expect(cell(rowOfVillage(sc.names[0]), colOf('HS_KNS'))?.format.background).toBe(PALETTE.good);
    expect(cell(rowOfVillage(sc.names[1]), colOf('HS_KNS'))?.format.background).toBe(PALETTE.onPace);
    expect(cell(rowOfVillage(sc.names[1]), colOf('NTT_KNS'))?.value).toBe(60);
    expect(cell(rowOfVillage(sc.names[1]), colOf('NTT_KNS'))?.format.background).toBe(PALETTE.onPace);
    expect(cell(rowOfVillage(sc.names[2]), colOf('HS_KNS'))?.format.fontStyle).toBe('italic'); // April's value
    expect(cell(rowOfVillage(sc.names[0]), colOf('HS_KNS'))?.format.fontStyle).toBe('normal');
    expect(cell(rowOfVillage(sc.names[3]), colOf('HS_KNS'))?.value).toBe('thiếu tổng số');

    // Chart: short names as categories; rate, plan to date and year target as the series; in its own row under the table.
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart.chartType).toBe('BAR');
    expect(chart.ranges).toEqual([`B${header + 1}:B${header + 1 + tyLe}`, `E${header + 1}:G${header + 1 + tyLe}`]);
    expect(chart.position).toMatchObject({ anchorRow: header + 2 + tyLe, anchorColumn: 2 });
    expect(sheet.rowHeights[header + 2 + tyLe]).toBeGreaterThan(Number(chart.options.height));
    expect(chart.options.colors).toEqual([PALETTE.chartRate, PALETTE.chartPlan, PALETTE.chartTarget]);

    // Ranking by score = 50% results + 30% on time + 20% activity per 100 households (best: V1, 54 per 100).
    // V1: results (1 + 1 + NTT_VNEID 0,6/t + 1 + 1 + [0,9 Smart HP] + 1 + 200/260 + 0,8) ÷ 8 or 9, on time 2/5.
    // X: results 98,9% / 95,4% (as before), on time 1/5, 5 activities per 50 households = 10 → 18,5%.
    // V4: results 96,3% / 92,7%, on time 1/5, 11 per 150 households = 7,3 → 13,6%.
    const rankingHeader = rowOf('Hạng');
    expect(grid[rankingHeader].slice(0, 7)).toEqual(['Hạng', `Tên ${word}`, 'Điểm', 'Kết quả chỉ tiêu (%)', 'Nộp đúng hạn (số tháng)', 'Hoạt động trên 100 hộ', 'Hoạt động so với nơi cao nhất (%)']);
    const ranked = grid.slice(rankingHeader + 1, rankingHeader + 4).map((r) => r.slice(0, 7));
    expect(ranked).toEqual(id === 'bach-ngoc'
      ? [[1, sc.names[0], 78.4, 92.8, '2/5', 54, 100], [2, X, 59.1, 98.9, '1/5', 10, 18.5], [3, sc.names[3], 56.8, 96.3, '1/5', 7.3, 13.6]]
      : [[1, sc.names[0], 77.7, 91.3, '2/5', 54, 100], [2, X, 57.4, 95.4, '1/5', 10, 18.5], [3, sc.names[3], 55, 92.7, '1/5', 7.3, 13.6]]);
    // V2 reported in May, late: never on time, so after every team that was, its cell red.
    const v2 = rowOf(sc.names[1], 1, rankingHeader);
    expect(v2).toBeGreaterThan(rowOf(sc.names[2], 1, rankingHeader));
    expect(grid[v2][4]).toBe('0/5');
    expect(cell(v2 + 1, 5)?.format.background).toBe(PALETTE.bad);
    expect(grid.length - rankingHeader - 1).toBe(n);
    expect(grid.some((r) => String(r[1]).startsWith('Điểm (thang 100) = 50% kết quả chỉ tiêu + 30% nộp đúng hạn + 20% hoạt động'))).toBe(true);
    // Protected for the office only.
    const protection = sheet.protections.find((p) => p.type === 'SHEET');
    expect(protection?.editors).toContain(OFFICE);
    expect(protection?.editors).not.toContain(sampleVillages(id)[0].email);
  });

  it('Tổng hợp speaks the preset\'s words and keeps codes in the Mã column', () => {
    const { wb } = sc;
    wb.call('aggregateQuarter', [2]);
    const grid = wb.emu.rawGrid('Tổng hợp');
    const texts = grid.flat().filter((v): v is string => typeof v === 'string' && v !== '');
    if (id === 'an-hai') expect(texts.filter((t) => /(^|[^\p{L}])thôn([^\p{L}]|$)/iu.test(t))).toEqual([]);
    const codes = new RegExp(getPreset(id).indicators.map((i) => i.code).join('|'));
    expect(grid.flatMap((r) => r.slice(1)).filter((v) => codes.test(String(v)))).toEqual([]);
    expect(texts.filter((t) => /Σ|tử số|mẫu số|\bT\d/i.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes(`${sc.names[2]} (tháng 5)`))).toBe(true);
  });

  it('a second run rewrites the tab (one chart, no stacked protections, same content)', () => {
    const { wb } = sc;
    wb.call('aggregateMonth', [5]);
    const first = sheetSnapshot(wb.emu, 'Tổng hợp');
    wb.call('aggregateMonth', [5]);
    const second = sheetSnapshot(wb.emu, 'Tổng hợp') as SheetSnapshot;
    expect(second.charts).toHaveLength(1);
    expect(second.protections).toHaveLength(1);
    expect(second.cells).toEqual(first?.cells);
    expect(second.merges).toEqual(first?.merges);
  });

  it('the Báo cáo tab: Nghị định 30 heading, sections I–V, nơi nhận from Cấu hình, signature, no codes', () => {
    const { wb } = sc;
    wb.call('aggregateMonth', [5]);
    const texts = wb.emu.rawGrid('Báo cáo').flat().filter((v) => v !== '').map(String);
    const preset = getPreset(id);
    expect(texts.slice(0, 4)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', preset.settings.unitName.toLocaleUpperCase('vi'), 'Độc lập - Tự do - Hạnh phúc']);
    expect(texts).toContain('Số: …/BC-UBND');
    expect(texts).toContain(`${preset.settings.placeName}, ngày 25 tháng 5 năm 2026`);
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toContain('Kết quả hoạt động của Tổ công nghệ số cộng đồng tháng 5 năm 2026');
    const n = villageCount + 1;
    const share = String(Math.round((4 / n) * 1000) / 10).replace('.', ',');
    expect(texts.some((t) => t.startsWith(`Đến ngày 25/05/2026, 4/${n} ${word} đã nộp báo cáo tháng 5/2026 (${share}%), trong đó 3 ${word} nộp đúng hạn, 1 ${word} nộp muộn`))).toBe(true);
    for (const heading of ['I. TÌNH HÌNH NỘP BÁO CÁO', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI', 'V. ĐỀ XUẤT, KIẾN NGHỊ']) expect(texts).toContain(heading);
    // `Nơi nhận` from Cấu hình and the signature block (a cell may hold several lines of it).
    const has = (text: string) => texts.some((t) => t.includes(text));
    expect(has('Nơi nhận:')).toBe(true);
    expect(has(preset.settings.recipients.split('\n')[0].replace(/;$/, ''))).toBe(true);
    for (const line of ['TM. ỦY BAN NHÂN DÂN', preset.settings.signerTitle, preset.settings.signerName]) expect(has(line)).toBe(true);
    const codes = new RegExp(preset.indicators.map((i) => i.code).join('|'));
    expect(texts.filter((t) => codes.test(t))).toEqual([]);
    const sheet = sheetSnapshot(wb.emu, 'Báo cáo') as SheetSnapshot;
    const widths = Object.values(sheet.columnWidths).reduce((a, b) => a + b, 0);
    expect(widths).toBeGreaterThanOrEqual(660);
    expect(widths).toBeLessThanOrEqual(700);
    expect(sheet.cells.every((c) => c.format.fontFamily === 'Times New Roman')).toBe(true);
    expect(sheet.gridlinesHidden).toBe(true);
    // Heading blocks side by side; paragraphs merged across the page one row at a time.
    const lastColumn = String.fromCharCode(64 + Math.max(...Object.keys(sheet.columnWidths).map(Number)));
    expect(sheet.merges.filter((m) => /^[A-Z]+1:[A-Z]+1$/.test(m))).toHaveLength(2);
    for (const m of sheet.merges) expect(new Set(m.match(/\d+/g)).size).toBe(1);
    expect(sheet.merges.filter((m) => new RegExp(`^A\\d+:${lastColumn}\\d+$`).test(m)).length).toBeGreaterThan(8);
    expect(sheet.cells.filter((c) => String(c.value).includes('IMPORTXML')).every((c) => c.formula === undefined)).toBe(true);
  });

  it('logs one row, toasts at start and end, and holds the document lock', () => {
    const { wb } = sc;
    const logBefore = wb.emu.rawGrid('Nhật ký').length;
    const toastsBefore = wb.emu.ui.toasts.length;
    wb.call('aggregateMonth', [5]);
    const log = wb.emu.rawGrid('Nhật ký').slice(logBefore);
    expect(log).toHaveLength(1);
    expect(log[0].slice(1, 5)).toEqual([OFFICE, 'Tổng hợp', '', 'Tháng 5/2026']);
    expect(String(log[0][5])).toMatch(/^Đã nộp 4\/\d+ /);
    expect(wb.emu.ui.toasts.length - toastsBefore).toBe(2);
    wb.emu.locks.holdDocumentLock(true);
    expect(() => wb.call('aggregateMonth', [5])).toThrow(/đang được/);
    wb.emu.locks.holdDocumentLock(false);
  });
});

describe('Tổng hợp entry points', () => {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW });

  it('reject a bad month or quarter in Vietnamese, and a period that has not begun', () => {
    expect(() => wb.call('aggregateMonth', [13])).toThrow('Tháng "13" không hợp lệ: nhập một số nguyên từ 1 đến 12.');
    expect(() => wb.call('aggregateMonth', ['năm'])).toThrow(/không hợp lệ/);
    expect(() => wb.call('aggregateQuarter', [0])).toThrow('Quý "0" không hợp lệ: nhập một số nguyên từ 1 đến 4.');
    expect(() => wb.call('aggregateMonth', [7])).toThrow('Tháng 7/2026 chưa bắt đầu nên chưa có báo cáo nào để tổng hợp.');
    expect(wb.call<AggregationSummary>('aggregateMonth', ['4']).periodLabel).toBe('Tháng 4/2026');
  });

  it('menu: empty answer is the current report month; "Quý II", "Năm" work; nonsense is explained', () => {
    wb.emu.ui.queueResponse({ button: 'OK', text: '' });
    wb.call('aggregateReports');
    expect(wb.emu.rawGrid('Tổng hợp')[1][0]).toBe('Tháng 5/2026');
    wb.emu.ui.queueResponse({ button: 'OK', text: 'Quý II' });
    wb.call('aggregateReports');
    expect(wb.emu.rawGrid('Tổng hợp')[1][0]).toBe('Quý II/2026');
    wb.emu.ui.queueResponse({ button: 'OK', text: 'Năm' });
    wb.call('aggregateReports');
    expect(wb.emu.rawGrid('Tổng hợp')[1][0]).toBe('Năm 2026 (đến tháng 5)');
    wb.emu.ui.queueResponse({ button: 'OK', text: 'tuần sau' });
    wb.call('aggregateReports');
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toMatch(/^Không hiểu kỳ "tuần sau"/);
    expect(wb.emu.rawGrid('Tổng hợp')[1][0]).toBe('Năm 2026 (đến tháng 5)');
    wb.emu.ui.queueResponse({ button: 'CANCEL' });
    const logBefore = wb.emu.rawGrid('Nhật ký').length;
    wb.call('aggregateReports');
    expect(wb.emu.rawGrid('Nhật ký').length).toBe(logBefore);
  });
});
