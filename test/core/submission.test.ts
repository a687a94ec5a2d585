/**
 * The edit trigger's plan for the months an edit touched, without the emulator. Bạch Ngọc, today
 * 15/06/2026 (villageFixture NOW): reports fall due on the 20th of their month, months 1–5 are
 * filled and ticked. Columns: Tháng 1 is E, Tháng 5 I, Tháng 6 J; DA_NOP is row 20,
 * NGAY_NOP row 21, GHI_CHU row 22.
 */
import type { EditAction } from '../../src/core/entry/editPlan';
import { OWN_NOTE_MARKER, SUBMITTED_VALUES_HEADING } from '../../src/core/entry/ownNotes';
import { columnsToRead, planSubmissions, tabCellsOf } from '../../src/core/entry/submission';
import { a1 } from '../../src/core/shared/a1';
import { PALETTE } from '../../src/core/shared/palette';
import { NOW, baseGrid, cellOf, contextFor, fillMonth, parse, rowOf, set } from './villageFixture';

const ctx = contextFor('Thôn 3');
const BLANK_H14 = 'Thôn 3, Tháng 5, ô I14: Lượt hỗ trợ dịch vụ công trực tuyến còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).';
const NEEDS_FIX_H14 = `${OWN_NOTE_MARKER} Cần sửa: số liệu đã nộp có lỗi.\n• ${BLANK_H14}`;

/** The plan with the tab's notes and backgrounds (by A1; others blank) read as settleTab reads them: a column per month. */
function plan(grid: unknown[][], actions: EditAction[], notes: Record<string, string> = {}, backgrounds: Record<string, string> = {}) {
  const report = parse(grid);
  const blocks = columnsToRead(report, actions);
  const column = (of: Record<string, string>) => blocks.map((b) => Array.from({ length: b.numRows }, (_, r) => [of[a1(b.row + r + 1, b.column + 1)] ?? '']));
  return planSubmissions(report, actions, tabCellsOf(blocks, column(notes), column(backgrounds), grid), ctx, () => NOW);
}

/** The month's `Ghi chú` written with the add-on's `own` after the person's text. */
const message = (month: number, own: string, person = '') => ({ cell: cellOf('GHI_CHU', month), value: `${person ? `${person}\n\n` : ''}${OWN_NOTE_MARKER} ${own}`, numberFormat: '@' });
const REFUSED_H14 = `Chưa nộp được báo cáo, cần sửa:\n• ${BLANK_H14}\nSửa xong hãy tích lại ô "Đã nộp".`;
/** In the month's own `Ghi chú` the messages start at the cell: the tab and column say the rest. */
const IN_MONTH = (text: string) => text.replace('Thôn 3, Tháng 5, ô', 'ô');
/** The mark on I14 (LUOT_DVCTT, Tháng 5) and its note, 0-based in the tab. */
const markH14 = (own: string | null, background: string) => ({ row: rowOf('LUOT_DVCTT'), column: 8, numRows: 1, numColumns: 1, notes: [[own === null ? '' : `${OWN_NOTE_MARKER} ${own}`]], backgrounds: [[background]] });

/** The NGAY_NOP note keeping a month's values as submitted: the fixture's values but those given. */
const kept = (month: number, values: Record<string, string> = {}) => {
  const report = parse(baseGrid());
  const lines = [...report.months[month - 1].values.keys()].map((code) => `${code}: ${values[code] ?? String(report.months[month - 1].values.get(code)?.raw)}`);
  return `${OWN_NOTE_MARKER} ${[SUBMITTED_VALUES_HEADING, ...lines].join('\n')}`;
};

describe('planSubmissions', () => {
  it('a clean tick is stamped, its old refusal note removed (the person\'s part kept) and logged as late', () => {
    const notes = { I20: `Hỏi anh Sơn\n\n${OWN_NOTE_MARKER} Chưa nộp được báo cáo, cần sửa:\n• cũ` };
    expect(plan(baseGrid(), [{ kind: 'submit', month: 5 }], notes)).toEqual({
      marks: [],
      writes: [
        { cell: 'I21', value: NOW, numberFormat: 'dd/MM/yyyy', note: kept(5) },
        { cell: 'I20', note: 'Hỏi anh Sơn' },
      ],
      log: [{ action: 'Nộp báo cáo', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'Nộp muộn (hạn 20/05/2026).' }],
    });
  });

  it('a tick before the due date is on time, and its warnings go to the log without blocking it', () => {
    const grid = baseGrid();
    fillMonth(grid, 6, true);
    set(grid, 'TV_TO', 6, 9);
    expect(plan(grid, [{ kind: 'submit', month: 6 }])).toEqual({
      // A warning is marked as Kiểm tra số liệu marks it, and does not block.
      marks: [{ row: rowOf('TV_TO'), column: 9, numRows: 1, numColumns: 1, notes: [[expect.stringContaining('ngoài khoảng 3–5 người')]], backgrounds: [[PALETTE.near]] }],
      writes: [{ cell: 'J21', value: NOW, numberFormat: 'dd/MM/yyyy', note: expect.stringContaining(SUBMITTED_VALUES_HEADING) }],
      log: [{
        action: 'Nộp báo cáo', village: 'Thôn 3', period: 'Tháng 6/2026',
        detail: 'Đúng hạn (hạn 20/06/2026). Lưu ý: Thôn 3, Tháng 6, ô J13: Số thành viên Tổ (9) ngoài khoảng 3–5 người theo kế hoạch.',
      }],
    });
  });

  it('a tick with errors is undone, explained on the checkbox and in Ghi chú (the person\'s text kept), the cell coloured, and nothing is stamped', () => {
    const grid = baseGrid();
    set(grid, 'LUOT_DVCTT', 5, '');
    set(grid, 'GHI_CHU', 5, 'Họp dân ngày 3');
    const result = plan(grid, [{ kind: 'submit', month: 5 }], { I20: 'Hỏi anh Sơn', I14: 'Ô này hỏi lại' }, { I14: '#ffffff' });
    expect(result.writes).toEqual([
      { cell: 'I20', value: false, note: `Hỏi anh Sơn\n\n${OWN_NOTE_MARKER} ${REFUSED_H14}` },
      message(5, IN_MONTH(REFUSED_H14), 'Họp dân ngày 3'),
    ]);
    expect(result.marks).toEqual([{ ...markH14(`• ${BLANK_H14}`, PALETTE.bad), notes: [[`Ô này hỏi lại\n\n${OWN_NOTE_MARKER} • ${BLANK_H14}`]] }]);
    expect(result.log).toEqual([{ action: 'Nộp báo cáo không thành công', village: 'Thôn 3', period: 'Tháng 5/2026', detail: `Đã bỏ tích vì có 1 lỗi: ${BLANK_H14}` }]);
  });

  it('a future month cannot be submitted', () => {
    const grid = baseGrid();
    fillMonth(grid, 7, true);
    const result = plan(grid, [{ kind: 'submit', month: 7 }]);
    // The checkbox itself is the wrong cell: explained, not coloured (it is the submission plan's).
    expect(result.writes).toEqual([expect.objectContaining({ cell: 'K20', value: false }), { cell: 'K22', value: expect.stringContaining('chưa đến tháng 7/2026'), numberFormat: '@' }]);
    expect(result.marks).toEqual([]);
    expect(result.log[0].detail).toBe('Đã bỏ tích vì có 1 lỗi: Thôn 3, Tháng 7, ô K20: chưa đến tháng 7/2026 nên chưa nộp được báo cáo tháng này; hãy bỏ tích "Đã nộp".');
  });

  it('an untick clears the stamp and any note of the add-on, and logs when the month had been submitted', () => {
    const grid = baseGrid();
    set(grid, 'DA_NOP', 5, false);
    set(grid, 'NGAY_NOP', 5, new Date('2026-05-10T01:00:00Z'));
    set(grid, 'GHI_CHU', 5, `Họp dân ngày 3\n\n${OWN_NOTE_MARKER} Cần sửa: …`);
    expect(plan(grid, [{ kind: 'retract', month: 5 }], { I20: NEEDS_FIX_H14, I21: kept(5) })).toEqual({
      marks: [],
      writes: [{ cell: 'I21', value: '', note: '' }, { cell: 'I20', note: '' }, { cell: 'I22', value: 'Họp dân ngày 3', numberFormat: '@' }],
      log: [{
        action: 'Rút lại báo cáo', village: 'Thôn 3', period: 'Tháng 5/2026',
        detail: 'Bỏ tích "Đã nộp"; lần nộp trước lúc 10/05/2026 08:00. Ngày nộp đã xóa; tích lại để nộp lại.',
      }],
    });
    set(grid, 'GHI_CHU', 5, '');
    expect(plan(grid, [{ kind: 'retract', month: 5 }]).writes).toEqual([{ cell: 'I21', value: '' }]);
  });

  describe('an edit in a submitted month is checked again', () => {
    const submitted = () => {
      const grid = baseGrid();
      set(grid, 'NGAY_NOP', 5, new Date('2026-05-10T01:00:00Z'));
      return grid;
    };
    const recheck: EditAction[] = [{ kind: 'recheck', month: 5 }];

    it('becoming wrong marks it "Cần sửa" on the checkbox, in Ghi chú and on the cell, and logs it once', () => {
      const grid = submitted();
      set(grid, 'LUOT_DVCTT', 5, '');
      expect(plan(grid, recheck, { I21: kept(5) })).toEqual({
        marks: [markH14(`• ${BLANK_H14}`, PALETTE.bad)],
        writes: [{ cell: 'I20', note: NEEDS_FIX_H14 }, { cell: 'I21', note: kept(5, { LUOT_DVCTT: '' }) }, message(5, IN_MONTH(`Cần sửa: số liệu đã nộp có lỗi.\n• ${BLANK_H14}`))],
        log: [
          { action: 'Sửa số liệu đã nộp', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'ô I14 (LUOT_DVCTT): 5 → (trống)' },
          { action: 'Cần sửa', village: 'Thôn 3', period: 'Tháng 5/2026', detail: `Số liệu đã nộp được sửa và nay có 1 lỗi: ${BLANK_H14}` },
        ],
      });
      // Still wrong at the next edit: the notes, Ghi chú and the mark are already right, nothing is written or logged.
      set(grid, 'GHI_CHU', 5, message(5, IN_MONTH(`Cần sửa: số liệu đã nộp có lỗi.\n• ${BLANK_H14}`)).value);
      const marked = { notes: { I20: NEEDS_FIX_H14, I21: kept(5, { LUOT_DVCTT: '' }), I14: `${OWN_NOTE_MARKER} • ${BLANK_H14}` }, backgrounds: { I14: PALETTE.bad } };
      expect(plan(grid, recheck, marked.notes, marked.backgrounds)).toEqual({ marks: [], writes: [], log: [] });
    });

    it('other errors while "Cần sửa" update the note without a new log entry', () => {
      const grid = submitted();
      set(grid, 'LUOT_DVCTT', 5, 'mười');
      const result = plan(grid, recheck, { I20: NEEDS_FIX_H14, I21: kept(5, { LUOT_DVCTT: 'mười' }) });
      expect(result.log).toEqual([]);
      expect(result.writes).toEqual([
        { cell: 'I20', note: expect.stringContaining('ô I14: Lượt hỗ trợ dịch vụ công trực tuyến: "mười" không phải số') },
        { cell: 'I22', value: expect.stringContaining('ô I14: Lượt hỗ trợ dịch vụ công trực tuyến: "mười" không phải số'), numberFormat: '@' },
      ]);
    });

    it('fixed: the notes, the add-on\'s part of Ghi chú and the colour go (the person\'s own kept), the first stamp stays, and it is logged', () => {
      const grid = submitted();
      set(grid, 'GHI_CHU', 5, `Họp dân ngày 3\n\n${OWN_NOTE_MARKER} Cần sửa: số liệu đã nộp có lỗi.\n• ${BLANK_H14}`);
      const notes = { I20: NEEDS_FIX_H14, I21: kept(5, { LUOT_DVCTT: '' }), I14: `Ô này hỏi lại\n\n${OWN_NOTE_MARKER} • ${BLANK_H14}` };
      expect(plan(grid, recheck, notes, { I14: PALETTE.bad, I13: '#00ff00' })).toEqual({
        marks: [{ ...markH14(null, PALETTE.inputBg), notes: [['Ô này hỏi lại']] }],
        writes: [{ cell: 'I20', note: '' }, { cell: 'I21', note: kept(5) }, { cell: 'I22', value: 'Họp dân ngày 3', numberFormat: '@' }],
        log: [
          { action: 'Sửa số liệu đã nộp', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'ô I14 (LUOT_DVCTT): (trống) → 5' },
          { action: 'Đã sửa xong', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'Số liệu đã nộp hết lỗi.' },
        ],
      });
    });

    it('still clean and unchanged: nothing to do', () => {
      expect(plan(submitted(), recheck, { I21: kept(5) })).toEqual({ marks: [], writes: [], log: [] });
    });

    it('a paste replacing submitted figures is logged old → new, cell by cell, and kept as the new reference', () => {
      const grid = submitted();
      set(grid, 'LUOT_DVCTT', 5, 9);
      set(grid, 'TV_TO', 5, 5);
      const result = plan(grid, recheck, { I21: kept(5) });
      expect(result.log).toEqual([{ action: 'Sửa số liệu đã nộp', village: 'Thôn 3', period: 'Tháng 5/2026', detail: 'ô I13 (TV_TO): 4 → 5; ô I14 (LUOT_DVCTT): 5 → 9' }]);
      expect(result.writes).toEqual([{ cell: 'I21', note: kept(5, { TV_TO: '5', LUOT_DVCTT: '9' }) }]);
    });

    it('a month submitted before values were kept starts keeping them at its first edit', () => {
      expect(plan(submitted(), recheck)).toEqual({ marks: [], writes: [{ cell: 'I21', note: kept(5) }], log: [] });
    });
  });

  it('plans every month of a paste in order, reading the column of each', () => {
    const grid = baseGrid();
    set(grid, 'LUOT_DVCTT', 5, '');
    const actions: EditAction[] = [{ kind: 'submit', month: 4 }, { kind: 'submit', month: 5 }];
    // From below the header (0-based row 3) to the last status row: the indicator cells, the checkbox, the stamp, Ghi chú.
    expect(columnsToRead(parse(grid), actions)).toEqual([4, 5].map((m) => ({ row: 4, column: 3 + m, numRows: rowOf('DA_DUYET') - 3, numColumns: 1 })));
    const result = plan(grid, actions);
    expect(result.writes.map((w) => w.cell)).toEqual(['H21', 'I20', 'I22']);
    expect(result.log.map((l) => `${l.action} ${l.period}`)).toEqual(['Nộp báo cáo Tháng 4/2026', 'Nộp báo cáo không thành công Tháng 5/2026']);
  });
});
