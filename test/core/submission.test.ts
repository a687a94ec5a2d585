/**
 * The edit trigger's plan for the months an edit touched, without the emulator. Bạch Ngọc, today
 * 15/06/2026 (villageFixture NOW): reports fall due on the 20th of their month, months 1–5 are
 * filled and ticked. Columns: Tháng 1 is E, Tháng 5 I, Tháng 6 J; DA_NOP is row 19,
 * NGAY_NOP row 20.
 */
import type { EditAction } from '../../src/core/entry/editPlan';
import { OWN_NOTE_MARKER, SUBMITTED_VALUES_HEADING } from '../../src/core/entry/ownNotes';
import { noteCells, planSubmissions } from '../../src/core/entry/submission';
import { NOW, baseGrid, cellOf, contextFor, fillMonth, parse, set } from './villageFixture';

const ctx = contextFor('Thôn 3');
const BLANK_H14 = 'Thôn 3, Tháng 5, ô I14: Lượt hỗ trợ dịch vụ công trực tuyến còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).';
const NEEDS_FIX_H14 = `${OWN_NOTE_MARKER} Cần sửa: số liệu đã nộp có lỗi.\n• ${BLANK_H14}`;

function plan(grid: unknown[][], actions: EditAction[], notes: Record<string, string> = {}) {
  return planSubmissions(parse(grid), actions, new Map(Object.entries(notes)), ctx, () => NOW);
}

/** The NGAY_NOP note keeping a month's values as submitted: the fixture's values but those given. */
const kept = (month: number, values: Record<string, string> = {}) => {
  const report = parse(baseGrid());
  const lines = [...report.months[month - 1].values.keys()].map((code) => `${code}: ${values[code] ?? String(report.months[month - 1].values.get(code)?.raw)}`);
  return `${OWN_NOTE_MARKER} ${[SUBMITTED_VALUES_HEADING, ...lines].join('\n')}`;
};

describe('planSubmissions', () => {
  it('a clean tick is stamped, its old refusal note removed (the person\'s part kept) and logged as late', () => {
    const notes = { I19: `Hỏi anh Sơn\n\n${OWN_NOTE_MARKER} Chưa nộp được báo cáo, cần sửa:\n• cũ` };
    expect(plan(baseGrid(), [{ kind: 'submit', month: 5 }], notes)).toEqual({
      writes: [
        { cell: 'I20', value: NOW, numberFormat: 'dd/MM/yyyy', note: kept(5) },
        { cell: 'I19', note: 'Hỏi anh Sơn' },
      ],
      log: [{ action: 'Nộp báo cáo', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'Nộp muộn (hạn 20/05/2026).' }],
    });
  });

  it('a tick before the due date is on time, and its warnings go to the log without blocking it', () => {
    const grid = baseGrid();
    fillMonth(grid, 6, true);
    set(grid, 'TV_TO', 6, 9);
    expect(plan(grid, [{ kind: 'submit', month: 6 }])).toEqual({
      writes: [{ cell: 'J20', value: NOW, numberFormat: 'dd/MM/yyyy', note: expect.stringContaining(SUBMITTED_VALUES_HEADING) }],
      log: [{
        action: 'Nộp báo cáo', village: 'Thôn 3', period: 'Tháng 6/2026',
        detail: 'Đúng hạn (hạn 20/06/2026). Lưu ý: Thôn 3, Tháng 6, ô J13: Số thành viên Tổ (9) ngoài khoảng 3–5 người theo kế hoạch.',
      }],
    });
  });

  it('a tick with errors is undone, with a note naming each cell, and nothing is stamped', () => {
    const grid = baseGrid();
    set(grid, 'LUOT_DVCTT', 5, '');
    const result = plan(grid, [{ kind: 'submit', month: 5 }], { I19: 'Hỏi anh Sơn' });
    expect(result.writes).toEqual([
      { cell: 'I19', value: false, note: `Hỏi anh Sơn\n\n${OWN_NOTE_MARKER} Chưa nộp được báo cáo, cần sửa:\n• ${BLANK_H14}\nSửa xong hãy tích lại ô "Đã nộp".` },
    ]);
    expect(result.log).toEqual([{ action: 'Nộp báo cáo không thành công', village: 'Thôn 3', period: 'Tháng 5/2026', detail: `Đã bỏ tích vì có 1 lỗi: ${BLANK_H14}` }]);
  });

  it('a future month cannot be submitted', () => {
    const grid = baseGrid();
    fillMonth(grid, 7, true);
    const result = plan(grid, [{ kind: 'submit', month: 7 }]);
    expect(result.writes).toEqual([expect.objectContaining({ cell: 'K19', value: false })]);
    expect(result.log[0].detail).toBe('Đã bỏ tích vì có 1 lỗi: Thôn 3, Tháng 7, ô K19: chưa đến tháng 7/2026 nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".');
  });

  it('an untick clears the stamp and any note of the add-on, and logs when the month had been submitted', () => {
    const grid = baseGrid();
    set(grid, 'DA_NOP', 5, false);
    set(grid, 'NGAY_NOP', 5, new Date('2026-05-10T01:00:00Z'));
    expect(plan(grid, [{ kind: 'retract', month: 5 }], { I19: NEEDS_FIX_H14, I20: kept(5) })).toEqual({
      writes: [{ cell: 'I20', value: '', note: '' }, { cell: 'I19', note: '' }],
      log: [{
        action: 'Rút lại báo cáo', village: 'Thôn 3', period: 'Tháng 5/2026',
        detail: 'Bỏ tích "Đã nộp"; lần nộp trước lúc 10/05/2026 08:00. Ngày nộp đã xóa; tích lại để nộp lại.',
      }],
    });
    expect(plan(grid, [{ kind: 'retract', month: 5 }]).writes).toEqual([{ cell: 'I20', value: '' }]);
  });

  describe('an edit in a submitted month is checked again', () => {
    const submitted = () => {
      const grid = baseGrid();
      set(grid, 'NGAY_NOP', 5, new Date('2026-05-10T01:00:00Z'));
      return grid;
    };
    const recheck: EditAction[] = [{ kind: 'recheck', month: 5 }];

    it('becoming wrong marks it "Cần sửa" on the checkbox and logs it once', () => {
      const grid = submitted();
      set(grid, 'LUOT_DVCTT', 5, '');
      expect(plan(grid, recheck, { I20: kept(5) })).toEqual({
        writes: [{ cell: 'I19', note: NEEDS_FIX_H14 }, { cell: 'I20', note: kept(5, { LUOT_DVCTT: '' }) }],
        log: [
          { action: 'Sửa số liệu đã nộp', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'ô I14 (LUOT_DVCTT): 5 → (trống)' },
          { action: 'Cần sửa', village: 'Thôn 3', period: 'Tháng 5/2026', detail: `Số liệu đã nộp được sửa và nay có 1 lỗi: ${BLANK_H14}` },
        ],
      });
      // Still wrong at the next edit: the notes are already right, nothing is written or logged.
      expect(plan(grid, recheck, { I19: NEEDS_FIX_H14, I20: kept(5, { LUOT_DVCTT: '' }) })).toEqual({ writes: [], log: [] });
    });

    it('other errors while "Cần sửa" update the note without a new log entry', () => {
      const grid = submitted();
      set(grid, 'LUOT_DVCTT', 5, 'mười');
      const result = plan(grid, recheck, { I19: NEEDS_FIX_H14, I20: kept(5, { LUOT_DVCTT: 'mười' }) });
      expect(result.log).toEqual([]);
      expect(result.writes).toEqual([{ cell: 'I19', note: expect.stringContaining('ô I14: Lượt hỗ trợ dịch vụ công trực tuyến: "mười" không phải số') }]);
    });

    it('fixed: the note goes, the first stamp stays, and it is logged', () => {
      expect(plan(submitted(), recheck, { I19: NEEDS_FIX_H14, I20: kept(5, { LUOT_DVCTT: '' }) })).toEqual({
        writes: [{ cell: 'I19', note: '' }, { cell: 'I20', note: kept(5) }],
        log: [
          { action: 'Sửa số liệu đã nộp', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'ô I14 (LUOT_DVCTT): (trống) → 5' },
          { action: 'Đã sửa xong', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'Số liệu đã nộp hết lỗi.' },
        ],
      });
    });

    it('still clean and unchanged: nothing to do', () => {
      expect(plan(submitted(), recheck, { I20: kept(5) })).toEqual({ writes: [], log: [] });
    });

    it('a paste replacing submitted figures is logged old → new, cell by cell, and kept as the new reference', () => {
      const grid = submitted();
      set(grid, 'LUOT_DVCTT', 5, 9);
      set(grid, 'TV_TO', 5, 5);
      const result = plan(grid, recheck, { I20: kept(5) });
      expect(result.log).toEqual([{ action: 'Sửa số liệu đã nộp', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'ô I13 (TV_TO): 4 → 5; ô I14 (LUOT_DVCTT): 5 → 9' }]);
      expect(result.writes).toEqual([{ cell: 'I20', note: kept(5, { TV_TO: '5', LUOT_DVCTT: '9' }) }]);
    });

    it('a month submitted before values were kept starts keeping them at its first edit', () => {
      expect(plan(submitted(), recheck)).toEqual({ writes: [{ cell: 'I20', note: kept(5) }], log: [] });
    });
  });

  it('plans every month of a paste in order, reading the note of each checkbox', () => {
    const grid = baseGrid();
    set(grid, 'LUOT_DVCTT', 5, '');
    const actions: EditAction[] = [{ kind: 'submit', month: 4 }, { kind: 'submit', month: 5 }];
    expect(noteCells(parse(grid), actions)).toEqual([cellOf('DA_NOP', 4), cellOf('NGAY_NOP', 4), cellOf('DA_NOP', 5), cellOf('NGAY_NOP', 5)]);
    const result = plan(grid, actions);
    expect(result.writes.map((w) => w.cell)).toEqual(['H20', 'I19']);
    expect(result.log.map((l) => `${l.action} ${l.period}`)).toEqual(['Nộp báo cáo Tháng 4/2026', 'Nộp báo cáo không thành công Tháng 5/2026']);
  });
});
