/**
 * The year (docs/periods-and-status.md, "The year") and Năm mới's plan for one tab
 * (src/core/workbook/newYear.ts), on the real village-tab layout of villageFixture.
 */
import { assessVillage } from '../../src/core/assessment/monthAssessment';
import { isStampOfYear, yearChangeRefusal, yearConflict, type StampedTab } from '../../src/core/assessment/reportYear';
import { describeSettingsTab } from '../../src/core/config/settingsForm';
import { DUE_MONTH_NEXT, DUE_MONTH_SAME } from '../../src/core/config/settings';
import { a1 } from '../../src/core/shared/a1';
import { vnInstant } from '../../src/core/shared/calendar';
import { PALETTE } from '../../src/core/shared/palette';
import { OWN_NOTE_MARKER } from '../../src/core/entry/ownNotes';
import { carriedStartValues, planNewYearTab, unsubmittedMonths, type CellBlock } from '../../src/core/workbook/newYear';
import { locateVillageTab, START_LABEL } from '../../src/core/workbook/villageTabLayout';
import { applied, baseGrid, baseValue, cellOf, colOf, contextFor, parse, preset, rowOf, set } from './villageFixture';

const rule = (year: number, dueMonth: string = DUE_MONTH_SAME) => ({ year, dueMonth: dueMonth as typeof DUE_MONTH_SAME });
const tab = (grid: unknown[][], name = 'Thôn 3'): StampedTab => ({ name, report: parse(grid, name) });
const statusesOf = (grid: unknown[][], year = 2026) => assessVillage(parse(grid), contextFor('Thôn 3', undefined, { year })).map((m) => m.status);

describe('stamps belong to the year of Cấu hình', () => {
  it('counts a stamp of the year, and December\'s in January only when it falls due then', () => {
    expect(isStampOfYear(vnInstant(2026, 3, 10), 3, rule(2026))).toBe(true);
    expect(isStampOfYear(vnInstant(2026, 1, 10), 1, rule(2027))).toBe(false);
    expect(isStampOfYear(vnInstant(2027, 1, 15), 12, rule(2026, DUE_MONTH_NEXT))).toBe(true);
    expect(isStampOfYear(vnInstant(2027, 1, 3), 12, rule(2026, DUE_MONTH_SAME))).toBe(false);
    expect(isStampOfYear(vnInstant(2027, 1, 3), 11, rule(2026, DUE_MONTH_NEXT))).toBe(false);
    expect(isStampOfYear(vnInstant(2027, 2, 1), 12, rule(2026, DUE_MONTH_NEXT))).toBe(false);
    // Vietnam time: 31/12/2026 23:30 there is still 2026, although it is already 2027 nowhere else yet.
    expect(isStampOfYear(vnInstant(2026, 12, 31, 23, 30), 12, rule(2026))).toBe(true);
  });

  it('does not count January 2026\'s ticks as January 2027 when Năm says 2027', () => {
    const grid = baseGrid(); // months 1–5 ticked and stamped in 2026, on time for 2026
    const months = assessVillage(parse(grid), contextFor('Thôn 3', undefined, { year: 2027 }));
    expect(months.slice(0, 5).map((m) => m.status)).toEqual(['CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP', 'CHUA_NOP']);
    const finding = months[0].findings.find((f) => f.cell === cellOf('NGAY_NOP', 1));
    expect(finding?.level).toBe('error');
    expect(finding?.message).toMatch(/^Thôn 3, Tháng 1, ô \w+\d+: ngày nộp 10\/01\/2026 thuộc năm 2026, không phải năm 2027 .*"Năm mới"/);
    // The same tab read for its own year is untouched by the rule.
    expect(statusesOf(grid).slice(0, 5)).toEqual(['DUNG_HAN', 'DUNG_HAN', 'DUNG_HAN', 'DUNG_HAN', 'DUNG_HAN']);
  });
});

describe('yearConflict', () => {
  it('says so when the tabs hold reports of an earlier year than Năm, naming where', () => {
    const message = yearConflict([tab(baseGrid()), tab(baseGrid(), 'Thôn 4')], rule(2027));
    expect(message).toContain('Năm trong tab "Cấu hình" là 2027 nhưng các tab địa bàn còn báo cáo đã nộp năm 2026: Thôn 3 (tháng 1–5), Thôn 4 (tháng 1–5).');
    expect(message).toContain('sửa lại thành 2026');
    expect(message).toContain('"Năm mới"');
  });

  it('says so when every stamp is after the year (Năm moved back)', () => {
    expect(yearConflict([tab(baseGrid())], rule(2025))).toContain('đều thuộc năm 2026');
  });

  it('leaves a year\'s workbook with a stray stamp of the next year to that month\'s finding', () => {
    const grid = baseGrid();
    set(grid, 'DA_NOP', 6, true);
    set(grid, 'NGAY_NOP', 6, vnInstant(2027, 1, 3, 9));
    expect(yearConflict([tab(grid)], rule(2026))).toBeNull();
    expect(statusesOf(grid)[5]).toBe('CHUA_NOP');
  });

  it('finds nothing in tabs with no stamps', () => {
    expect(yearConflict([{ name: 'Thôn 3', report: null }], rule(2027))).toBeNull();
  });
});

describe('yearChangeRefusal', () => {
  it('refuses to move Năm off the year the tabs hold, pointing to Năm mới', () => {
    const refusal = yearChangeRefusal([tab(baseGrid())], rule(2026), rule(2027));
    expect(refusal).toMatch(/^Không đổi Năm từ 2026 sang 2027 được: các tab địa bàn đang có báo cáo đã nộp năm 2026 \(Thôn 3 \(tháng 1–5\)\)/);
    expect(refusal).toContain('Tệp → Tạo bản sao) rồi chọn "Năm mới" trong bản sao');
  });

  it('lets Năm change while no report would leave its year, and be put back after a mistake', () => {
    expect(yearChangeRefusal([{ name: 'Thôn 3', report: null }], rule(2026), rule(2027))).toBeNull();
    expect(yearChangeRefusal([tab(baseGrid())], rule(2027), rule(2026))).toBeNull();
  });
});

/** Values a plan writes, by A1 address. */
function written(blocks: readonly CellBlock[]): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const b of blocks) b.values.forEach((row, i) => row.forEach((v, j) => cells.set(a1(b.row + i, b.column + j), v)));
  return cells;
}

const blankLike = (grid: unknown[][], fill: string) => grid.map((row) => row.map(() => fill));

describe('planNewYearTab', () => {
  const TY_LE = applied.filter((i) => i.kind === 'TY_LE');

  it('carries each cumulative value of the last submitted month into Đầu năm and clears the months', () => {
    const grid = baseGrid();
    set(grid, 'HS_KNS', 6, 99); // typed in June, never submitted: not carried
    set(grid, 'GHI_CHU', 2, 'Họp tổ ngày 5');
    const plan = planNewYearTab({ report: parse(grid), statuses: statusesOf(grid), grid, notes: blankLike(grid, ''), backgrounds: blankLike(grid, '#ffffff') }, applied);
    expect(plan.insertStartBefore).toBeNull();
    expect(plan.carried).toBe(TY_LE.length);
    const cells = written(plan.writes);
    const startCol = colOf(1) - 1;
    for (const ind of TY_LE) expect(cells.get(a1(rowOf(ind.code) + 1, startCol + 1))).toBe(baseValue(ind.code, 5));
    expect(cells.get(a1(rowOf('TV_TO') + 1, startCol + 1))).toBeUndefined(); // not cumulative
    for (let m = 1; m <= 12; m++) {
      expect(cells.get(cellOf('HS_KNS', m))).toBe('');
      expect(cells.get(cellOf('DA_NOP', m))).toBe(false);
      expect(cells.get(cellOf('NGAY_NOP', m))).toBe('');
      expect(cells.get(cellOf('GHI_CHU', m))).toBe('');
    }
    // Labels are never written, and the months are one rectangle with the rows under them.
    expect(cells.has(a1(rowOf('HS_KNS') + 1, 1))).toBe(false);
    expect(plan.writes.length).toBeLessThanOrEqual(2);
  });

  it('removes the add-on\'s notes and marks, keeping what a person wrote', () => {
    const grid = baseGrid();
    const notes = blankLike(grid, '');
    const backgrounds = blankLike(grid, '#ffffff');
    notes[rowOf('HS_KNS')][colOf(2)] = `Số của trường THCS\n\n${OWN_NOTE_MARKER} • Thôn 3, Tháng 2: …`;
    notes[rowOf('DA_NOP')][colOf(3)] = `${OWN_NOTE_MARKER} Chưa nộp được báo cáo, cần sửa: …`;
    backgrounds[rowOf('HS_KNS')][colOf(2)] = PALETTE.bad;
    backgrounds[rowOf('TV_TO')][colOf(4)] = '#00ff00'; // a person's own colour
    const plan = planNewYearTab({ report: parse(grid), statuses: statusesOf(grid), grid, notes, backgrounds }, applied);
    const newNotes = written(plan.notes ? [plan.notes] : []);
    expect(newNotes.get(cellOf('HS_KNS', 2))).toBe('Số của trường THCS');
    expect(newNotes.get(cellOf('DA_NOP', 3))).toBe('');
    const newBackgrounds = written(plan.backgrounds ? [plan.backgrounds] : []);
    expect(newBackgrounds.get(cellOf('HS_KNS', 2))).toBe(PALETTE.inputBg);
    expect(newBackgrounds.get(cellOf('TV_TO', 4)) ?? '#00ff00').toBe('#00ff00');
  });

  it('inserts Đầu năm before Tháng 1 in a tab made before that column existed', () => {
    const withStart = baseGrid();
    const startCol = colOf(1) - 1;
    const grid = withStart.map((row) => [...row.slice(0, startCol), ...row.slice(startCol + 1)]); // as tabs were made before
    expect(locateVillageTab(grid)?.startCol).toBe(-1);
    const report = parse(grid);
    const plan = planNewYearTab({ report, statuses: statusesOf(grid), grid, notes: blankLike(grid, ''), backgrounds: blankLike(grid, '#ffffff') }, applied);
    expect(plan.insertStartBefore).toBe(startCol + 1);
    const cells = written(plan.writes);
    expect(cells.get(a1(4, startCol + 1))).toBe(START_LABEL);
    expect(cells.get(a1(rowOf('HS_KNS') + 1, startCol + 1))).toBe(baseValue('HS_KNS', 5));
    // Addresses are those of the tab with the column in.
    expect(cells.get(cellOf('NGAY_NOP', 1))).toBe('');
  });

  it('splits its rectangles around a row of a person\'s own, and leaves that row alone', () => {
    const grid = baseGrid();
    const own = rowOf('DA_NOP');
    grid.splice(own, 0, grid[own].map((_, c) => (c === 0 ? 'Ghi riêng' : c === colOf(1) ? 'giữ nguyên' : '')));
    const plan = planNewYearTab({ report: parse(grid), statuses: statusesOf(grid), grid, notes: blankLike(grid, ''), backgrounds: blankLike(grid, '#ffffff') }, applied);
    expect(written(plan.writes).has(a1(own + 1, colOf(1) + 1))).toBe(false);
  });

  it('leaves alone a tab whose month columns are all gone: nothing to clear, nowhere to carry', () => {
    const grid = baseGrid().map((row) => row.slice(0, colOf(1) - 1));
    const plan = planNewYearTab({ report: parse(grid), statuses: statusesOf(grid), grid, notes: blankLike(grid, ''), backgrounds: blankLike(grid, '#ffffff') }, applied);
    expect(plan).toEqual({ insertStartBefore: null, writes: [], notes: null, backgrounds: null, carried: 0 });
  });

  it('repeated over a tab it already cleared, writes nothing and keeps Đầu năm', () => {
    const grid = baseGrid();
    const first = planNewYearTab({ report: parse(grid), statuses: statusesOf(grid), grid, notes: blankLike(grid, ''), backgrounds: blankLike(grid, '#ffffff') }, applied);
    const cleared = grid.map((row) => [...row]);
    for (const [cell, value] of written(first.writes)) {
      const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
      cleared[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = value;
    }
    const again = planNewYearTab({ report: parse(cleared), statuses: statusesOf(cleared), grid: cleared, notes: blankLike(grid, ''), backgrounds: blankLike(grid, '#ffffff') }, applied);
    expect(again.writes).toEqual([]);
    expect(again.carried).toBe(0);
    expect(carriedStartValues(parse(cleared), statusesOf(cleared), applied).size).toBe(0);
  });
});

describe('unsubmittedMonths', () => {
  it('lists months not counted as submitted, and every month of a village without a usable tab', () => {
    const grid = baseGrid();
    expect(unsubmittedMonths([{ name: 'Thôn 3', statuses: statusesOf(grid) }, { name: 'Thôn 9', statuses: null }])).toEqual([
      { name: 'Thôn 3', months: [6, 7, 8, 9, 10, 11, 12] },
      { name: 'Thôn 9', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    ]);
  });
});

describe('describeSettingsTab', () => {
  it('writes every setting and each indicator\'s target and Áp dụng, so a preset\'s overwrite can be typed back', () => {
    const indicators = preset.indicators.map((i) => (i.code === 'HS_KNS' ? { ...i, targetPercent: 95, applied: false } : i));
    const line = describeSettingsTab({ settings: { ...preset.settings, officeEmail: 'vhxh@example.gov.vn' }, indicators });
    expect(line).toContain('Năm: 2026');
    expect(line).toContain('Email phòng VH-XH: vhxh@example.gov.vn');
    expect(line).toMatch(/HS_KNS "[^"]+" — Mẫu số: HS_TRUNG_HOC, Chỉ tiêu năm: 95%, Áp dụng: không/);
    expect(line.split('\n')).toHaveLength(1);
  });
});
