import { CATALOGUE } from '../../src/core/config/catalogue';
import { planMarks } from '../../src/core/entry/cellMarks';
import { renderCheckDialog } from '../../src/core/entry/checkResult';
import { monthsNeedingWork, planEdit, tickCellRect } from '../../src/core/entry/editPlan';
import { OWN_NOTE_MARKER, needsFixNote, rejectedNote, splitMonthNote, splitNote, submittedValuesNote, withOwnMonthNote, withOwnNote } from '../../src/core/entry/ownNotes';
import { PENDING_NOTE } from '../../src/core/entry/pendingEdits';
import { validateMonth } from '../../src/core/entry/validation';
import { indicatorRowLabels, villageTabLayout } from '../../src/core/workbook/villageTabLayout';
import { baseGrid, colOf, contextFor, parse, rowOf, set } from './villageFixture';

describe('own notes', () => {
  it('a month\'s Ghi chú: what the head typed after the add-on\'s message is theirs too, and stays', () => {
    const errors = [{ level: 'error' as const, sheet: 'Thôn 3', cell: 'E7', message: 'ô E7: "mười" không phải số.' }];
    for (const ours of [rejectedNote(errors), needsFixNote(errors)]) {
      const typedAfter = `${withOwnMonthNote('Họp dân 2 buổi', ours)}\nĐã sửa lại ô E7`;
      expect(splitMonthNote(typedAfter)).toEqual({ person: 'Họp dân 2 buổi\n\nĐã sửa lại ô E7', own: ours });
      // The month submitted cleanly: the message goes, both of the head's texts stay.
      expect(withOwnMonthNote(typedAfter, null)).toBe('Họp dân 2 buổi\n\nĐã sửa lại ô E7');
    }
    expect(withOwnMonthNote(withOwnMonthNote('', rejectedNote(errors)), null)).toBe('');
  });

  it('replace and remove only the add-on part, keeping what a person wrote', () => {
    const mine = withOwnNote('Hỏi lại anh Sơn', 'lỗi A');
    expect(mine).toBe(`Hỏi lại anh Sơn\n\n${OWN_NOTE_MARKER} lỗi A`);
    expect(splitNote(mine)).toEqual({ person: 'Hỏi lại anh Sơn', own: 'lỗi A' });
    expect(withOwnNote(mine, 'lỗi B')).toBe(`Hỏi lại anh Sơn\n\n${OWN_NOTE_MARKER} lỗi B`);
    expect(withOwnNote(mine, null)).toBe('Hỏi lại anh Sơn');
    expect(withOwnNote('', null)).toBe('');
    expect(withOwnNote('', 'x')).toBe(`${OWN_NOTE_MARKER} x`);
  });
});

describe('planEdit', () => {
  const report = () => {
    const grid = baseGrid(); // months 1–5 ticked; only month 1 keeps its stamp
    for (const m of [2, 3, 4, 5]) set(grid, 'NGAY_NOP', m, '');
    set(grid, 'NGAY_NOP', 6, new Date('2026-06-10T00:00:00Z')); // stamped, then unticked
    return parse(grid);
  };
  it('classifies each month of the edited block', () => {
    // Tick row (20) across Tháng 1 (E) … Tháng 6 (J).
    expect(planEdit(report(), { row: 20, column: 5, numRows: 1, numColumns: 6 })).toEqual([
      { kind: 'recheck', month: 1 }, { kind: 'submit', month: 2 }, { kind: 'submit', month: 3 },
      { kind: 'submit', month: 4 }, { kind: 'submit', month: 5 }, { kind: 'retract', month: 6 },
    ]);
    // A data cell of a submitted month, of an unsubmitted month, the note row, the title.
    expect(planEdit(report(), { row: 14, column: 5, numRows: 1, numColumns: 1 })).toEqual([{ kind: 'recheck', month: 1 }]);
    expect(planEdit(report(), { row: 14, column: 11, numRows: 1, numColumns: 1 })).toEqual([]);
    expect(planEdit(report(), { row: 22, column: 5, numRows: 1, numColumns: 1 })).toEqual([]);
    expect(planEdit(report(), { row: 1, column: 1, numRows: 1, numColumns: 16 })).toEqual([]);
  });

  it('says before the lock which months need work: any edited checkbox, and data of submitted months', () => {
    const grid = baseGrid();
    set(grid, 'DA_NOP', 7, false); // an unticked, unstamped month: its checkbox edit still needs the lock
    const r = parse(grid);
    expect(monthsNeedingWork(r, { row: 20, column: 11, numRows: 1, numColumns: 1 })).toEqual([7]);
    expect(monthsNeedingWork(r, { row: 14, column: 5, numRows: 1, numColumns: 1 })).toEqual([1]);
    // A number typed in an unsubmitted month, a note, the title: nothing.
    expect(monthsNeedingWork(r, { row: 14, column: 11, numRows: 1, numColumns: 1 })).toEqual([]);
    expect(monthsNeedingWork(r, { row: 22, column: 5, numRows: 1, numColumns: 1 })).toEqual([]);
    expect(monthsNeedingWork(r, { row: 1, column: 1, numRows: 1, numColumns: 16 })).toEqual([]);
    // A retry replays the edit of one checkbox.
    expect(tickCellRect(r, 7)).toEqual({ row: 20, column: 11, numRows: 1, numColumns: 1 });
    expect(planEdit(report(), tickCellRect(report(), 6))).toEqual([{ kind: 'retract', month: 6 }]);
  });
});

describe('planMarks', () => {
  /** The grid after the plan's block is written into it. */
  const written = (grid: string[][], block: string[][] | null | undefined, at: { row: number; column: number }) => {
    const next = grid.map((r) => [...r]);
    block?.forEach((r, i) => r.forEach((v, j) => (next[at.row + i][at.column + j] = v)));
    return next;
  };

  it('marks, keeps a person\'s note and colour, and restores only its own marks', () => {
    const grid = baseGrid();
    set(grid, 'LUOT_DVCTT', 5, 'abc'); // I14, in a submitted month: the checkbox I20 gets the summary
    const report = parse(grid);
    const findings = report.months.map((m) => validateMonth(report, m.month, contextFor('Thôn 3')));
    const notes = grid.map((r) => r.map(() => ''));
    const backgrounds = grid.map((r) => r.map(() => '#ffffff'));
    notes[13][8] = 'Số của chị Lan';
    notes[4][4] = `${OWN_NOTE_MARKER} • cũ`; // E5: an old mark whose problem is gone
    backgrounds[4][4] = '#ffc7ce';
    notes[5][4] = `${OWN_NOTE_MARKER} • cũ`; // E6: old mark on a cell a person recoloured
    backgrounds[5][4] = '#00ff00';
    const plan = planMarks(report, findings, notes, backgrounds);
    expect(plan && [plan.row, plan.column, plan.numRows, plan.numColumns]).toEqual([4, 4, 16, 5]);
    const newNotes = written(notes, plan?.notes, plan ?? { row: 0, column: 0 });
    const newBackgrounds = written(backgrounds, plan?.backgrounds, plan ?? { row: 0, column: 0 });
    expect(newNotes[13][8]).toBe(`Số của chị Lan\n\n${OWN_NOTE_MARKER} • Thôn 3, Tháng 5, ô I14: Lượt hỗ trợ dịch vụ công trực tuyến: "abc" không phải số; hãy nhập số nguyên ≥ 0.`);
    expect(newBackgrounds[13][8]).toBe('#ffc7ce');
    expect(newNotes[19][8].startsWith(`${OWN_NOTE_MARKER} Cần sửa`)).toBe(true);
    expect(newBackgrounds[19][8]).toBe('#ffc7ce');
    expect([newNotes[4][4], newBackgrounds[4][4]]).toEqual(['', '#ffffff']);
    expect([newNotes[5][4], newBackgrounds[5][4]]).toEqual(['', '#00ff00']);
    expect(planMarks(report, findings, newNotes, newBackgrounds)).toBeNull();
  });

  it('gives a cleared mark back its row\'s colour: the tick row, the stamp row, or an input cell', () => {
    const grid = baseGrid();
    const report = parse(grid);
    const findings = report.months.map((m) => validateMonth(report, m.month, contextFor('Thôn 3')));
    const notes = grid.map((r) => r.map(() => ''));
    const backgrounds = grid.map((r) => r.map(() => '#ffffff'));
    for (const code of ['DA_NOP', 'NGAY_NOP', 'TV_TO']) {
      notes[rowOf(code)][colOf(7)] = `${OWN_NOTE_MARKER} • cũ`;
      backgrounds[rowOf(code)][colOf(7)] = '#FFEB9C'; // the warning colour, whatever its letter case
    }
    const plan = planMarks(report, findings, notes, backgrounds);
    const after = written(backgrounds, plan?.backgrounds, plan ?? { row: 0, column: 0 });
    expect(['DA_NOP', 'NGAY_NOP', 'TV_TO'].map((code) => after[rowOf(code)][colOf(7)])).toEqual(['#e2efda', '#eeeeee', '#ffffff']);
    expect(plan?.notes?.every((r) => r.every((n) => n === ''))).toBe(true);
  });

  it('leaves the note of a refused tick to the next tick, and the figures kept at submission and the "being handled" note alone', () => {
    const grid = baseGrid();
    const report = parse(grid);
    const notes = grid.map((r) => r.map(() => ''));
    notes[rowOf('DA_NOP')][colOf(7)] = `${OWN_NOTE_MARKER} Chưa nộp được báo cáo, cần sửa:\n• …`;
    notes[rowOf('NGAY_NOP')][colOf(5)] = withOwnNote('', submittedValuesNote(new Map([['TV_TO', '4']])));
    notes[rowOf('DA_NOP')][colOf(6)] = withOwnNote('', PENDING_NOTE);
    expect(planMarks(report, report.months.map(() => []), notes, grid.map((r) => r.map(() => '#ffffff')))).toBeNull();
  });
});

describe('renderCheckDialog', () => {
  it('escapes names and messages and links each cell', () => {
    const html = renderCheckDialog({
      checkedAt: '10/05/2026 08:00',
      villages: [{ village: '<b>Thôn "A"</b>', sheet: '<b>Thôn "A"</b>', errors: 1, warnings: 0, statuses: [], findings: [{ level: 'error', sheet: '<b>Thôn "A"</b>', cell: 'I14', message: '=IMPORTXML("x") <script>' }] }],
      configFindings: [],
      errors: 1,
      warnings: 0,
    });
    expect(html).not.toContain('<b>Thôn');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('data-sheet="&lt;b&gt;Thôn &quot;A&quot;&lt;/b&gt;" data-cell="I14"');
  });
});

describe('village tab layout', () => {
  it('writes an indicator label the office typed in Cấu hình as text, so a formula never runs', () => {
    const typed = { ...CATALOGUE[0], label: '=IMPORTXML("http://x","//a")', targetPercent: null, applied: true };
    expect(indicatorRowLabels(typed)[1]).toBe(`'=IMPORTXML("http://x","//a") (lũy kế đến cuối tháng)`);
    expect(villageTabLayout('Thôn 1', 2026, [typed]).rows[4][1]).toBe(`'=IMPORTXML("http://x","//a") (lũy kế đến cuối tháng)`);
  });
});
