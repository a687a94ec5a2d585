/**
 * Data entry through the built bundle: the installed edit trigger fired the way Sheets fires it
 * (emu.userEdit), and Kiểm tra số liệu. Workbook: preset bach-ngoc, today 10/05/2026 (Tháng 5 is
 * the current month). Tab rows: indicators 5–19 (TV_TO 13, LUOT_DVCTT 14), DA_NOP 20, NGAY_NOP 21;
 * Tháng 4 is column H, Tháng 5 I, Tháng 6 J (column D is `Đầu năm`).
 */
import type { AppsScriptEmulator } from '../../emulator';
import { readRegistryGrid } from '../../src/core/config/registry';
import { OWN_NOTE_MARKER } from '../../src/core/entry/ownNotes';
import { PALETTE } from '../../src/core/shared/palette';
import { backgroundOf, logRows, noteOf, OFFICE, sheetSnapshot, workbookWithPreset } from './harness';

const head = (n: number) => `thon${n}@example.com`;
const NOW = new Date('2026-05-10T01:00:00Z'); // 10/05/2026 08:00 in Vietnam

/** Bạch Ngọc set up by the office; every head (thon1…thon16@example.com) is an editor. */
const bachNgoc = () => workbookWithPreset('bach-ngoc', { now: NOW });

/** Fifteen plausible values for a month column (team of four, small counts). */
const column = (values: unknown[] = Array(15).fill(4)) => values.map((v) => [v]);

/** The log names the person who ticked, not the office account the trigger runs as. */
const lastActor = (emu: AppsScriptEmulator) => String(emu.rawGrid('Nhật ký').at(-1)?.[1]);
/** Heads (example.com) and the office (example.gov.vn) are in different domains, so Google hides the head's email from the trigger. */
const headOf = (emu: AppsScriptEmulator, village: string) => `Trưởng thôn ${readRegistryGrid(emu.rawGrid('Danh sách')).villages.find((v) => v.name === village)?.head} (theo Danh sách)`;

function personNote(emu: AppsScriptEmulator, sheet: string, a1: string, note: string): void {
  emu.run({ activeUser: OFFICE }, () => emu.spreadsheet.getSheetByName(sheet)?.getRange(a1).setNote(note));
}

describe('handleEdit (installable edit trigger)', () => {
  it('is installed by setup', () => {
    const { emu } = bachNgoc();
    expect(emu.triggers.filter((t) => t.eventType === 'ON_EDIT').map((t) => t.handler)).toEqual(['handleEdit']);
  });

  it('a clean tick stamps NGAY_NOP and logs, reading only the edited tab and touching no other tab', () => {
    const { emu, ctx } = bachNgoc();
    // The first tick after setup stores the configuration for the edits after it.
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I20', value: true });
    emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: 'H5:H19', value: column() });
    expect(emu.rawGet('Thôn 1', 'H21')).toBe(''); // a paste into an unticked month changes nothing
    const others = emu.sheetNames().filter((n) => n !== 'Thôn 1' && n !== 'Nhật ký').map((n) => sheetSnapshot(emu, n));
    const logBefore = logRows(emu).length;
    emu.calls.reset();

    emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: 'H20', value: true });

    expect(emu.executions.at(-1)?.error).toBeUndefined();
    const stamp = emu.rawGet('Thôn 1', 'H21') as Date;
    expect(Object.prototype.toString.call(stamp)).toBe('[object Date]');
    expect(stamp.getTime()).toBe(NOW.getTime());
    expect(sheetSnapshot(emu, 'Thôn 1')?.cells.find((c) => c.a1 === 'H21')?.displayValue).toBe('10/05/2026');
    expect(emu.rawGet('Thôn 1', 'H20')).toBe(true);
    expect(logRows(emu).slice(logBefore)).toEqual([
      ['Nộp báo cáo', 'Thôn 1', 'Tháng 4/2026', `Nộp muộn (hạn 20/04/2026).`],
    ]);
    expect(lastActor(emu)).toBe(headOf(emu, 'Thôn 1'));
    // The edited tab only: once to see it is a tick, once more under the lock (it may have been undone meanwhile).
    expect(emu.calls.get('Range.getValues')).toBe(2);
    expect(emu.mail.outbox).toEqual([]);
    const after = emu.sheetNames().filter((n) => n !== 'Thôn 1' && n !== 'Nhật ký').map((n) => sheetSnapshot(emu, n));
    expect(after).toEqual(others);
  });

  it('a tick with errors is undone and explained in a note and in Ghi chú with the cell coloured, keeping what a person wrote', () => {
    const wb = bachNgoc();
    const { emu, ctx } = wb;
    personNote(emu, 'Thôn 2', 'I20', 'Nhớ hỏi anh Sơn số hộ');
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I22', value: 'Họp dân ngày 3' });
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I5:I19', value: column([...Array(14).fill(4), ''] ) });
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I20', value: true });

    expect(emu.rawGet('Thôn 2', 'I20')).toBe(false);
    expect(emu.rawGet('Thôn 2', 'I21')).toBe('');
    const note = noteOf(emu, 'Thôn 2', 'I20');
    expect(note.startsWith('Nhớ hỏi anh Sơn số hộ\n\n⚠ Tổ CNSCĐ: Chưa nộp được báo cáo, cần sửa:')).toBe(true);
    expect(note).toContain('• Thôn 2, Tháng 5, ô I19: Buổi tập huấn nghiệp vụ cho Tổ còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).');
    expect(logRows(emu).at(-1)?.slice(0, 3)).toEqual(['Nộp báo cáo không thành công', 'Thôn 2', 'Tháng 5/2026']);
    // On a phone a note needs a tap: the wrong cell is red and the reason is in the month's Ghi chú, after the head's text.
    expect(backgroundOf(emu, 'Thôn 2', 'I19')).toBe(PALETTE.bad);
    expect(noteOf(emu, 'Thôn 2', 'I19')).toContain('ô I19: Buổi tập huấn nghiệp vụ cho Tổ còn trống');
    const message = String(emu.rawGet('Thôn 2', 'I22'));
    expect(message.startsWith(`Họp dân ngày 3\n\n${OWN_NOTE_MARKER} Chưa nộp được báo cáo, cần sửa:\n• ô I19:`)).toBe(true);
    expect(message.endsWith('Sửa xong hãy tích lại ô "Đã nộp".')).toBe(true);
    // Tổng hợp and Báo cáo quote the head's own note, never the add-on's part.
    wb.call('aggregateMonth', [5]);
    for (const tab of ['Tổng hợp', 'Báo cáo']) expect(JSON.stringify(emu.rawGrid(tab))).not.toContain(OWN_NOTE_MARKER);

    // Fixed and ticked again: stamped, the add-on's note, message and colour gone, the person's note and text still there.
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I19', value: 0 });
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I20', value: true });
    expect(emu.rawGet('Thôn 2', 'I20')).toBe(true);
    expect((emu.rawGet('Thôn 2', 'I21') as Date).getTime()).toBe(NOW.getTime());
    expect(noteOf(emu, 'Thôn 2', 'I20')).toBe('Nhớ hỏi anh Sơn số hộ');
    expect(emu.rawGet('Thôn 2', 'I22')).toBe('Họp dân ngày 3');
    expect([backgroundOf(emu, 'Thôn 2', 'I19'), noteOf(emu, 'Thôn 2', 'I19')]).toEqual([PALETTE.inputBg, '']);
    expect(logRows(emu).filter((r) => r[0] === 'Nộp báo cáo').at(-1)?.slice(0, 4)).toEqual(['Nộp báo cáo', 'Thôn 2', 'Tháng 5/2026', `Đúng hạn (hạn 20/05/2026).`]);
    expect(lastActor(emu)).toBe(headOf(emu, 'Thôn 2'));
  });

  it('a future month cannot be submitted', () => {
    const { emu, ctx } = bachNgoc();
    emu.userEdit(ctx, { user: head(3), sheet: 'Thôn 3', a1: 'J5:J19', value: column() });
    emu.userEdit(ctx, { user: head(3), sheet: 'Thôn 3', a1: 'J20', value: true });
    expect(emu.rawGet('Thôn 3', 'J20')).toBe(false);
    expect(noteOf(emu, 'Thôn 3', 'J20')).toContain('Thôn 3, Tháng 6, ô J20: chưa đến tháng 6/2026 nên chưa nộp được báo cáo tháng này');
  });

  it('editing a submitted month re-validates it: Cần sửa, then fixed; unticking retracts and keeps the history in the log', () => {
    const { emu, ctx } = bachNgoc();
    emu.userEdit(ctx, { user: head(4), sheet: 'Thôn 4', a1: 'I5:I19', value: column() });
    emu.userEdit(ctx, { user: head(4), sheet: 'Thôn 4', a1: 'I20', value: true });
    emu.clock.set(new Date('2026-05-12T03:00:00Z'));

    emu.userEdit(ctx, { user: head(4), sheet: 'Thôn 4', a1: 'I14', value: '' });
    expect(emu.rawGet('Thôn 4', 'I20')).toBe(true); // still ticked: status Cần sửa
    const needsFix = '⚠ Tổ CNSCĐ: Cần sửa: số liệu đã nộp có lỗi.\n• Thôn 4, Tháng 5, ô I14: Lượt hỗ trợ dịch vụ công trực tuyến còn trống; tháng đã nộp cần đủ số liệu (không có thì ghi 0).';
    expect(noteOf(emu, 'Thôn 4', 'I20')).toBe(needsFix);
    // In the month's own Ghi chú the message starts at the cell.
    expect([emu.rawGet('Thôn 4', 'I22'), backgroundOf(emu, 'Thôn 4', 'I14')]).toEqual([needsFix.replace('Thôn 4, Tháng 5, ô', 'ô'), PALETTE.bad]);
    expect(logRows(emu).at(-1)?.slice(0, 3)).toEqual(['Cần sửa', 'Thôn 4', 'Tháng 5/2026']);
    const logged = logRows(emu).length;
    emu.userEdit(ctx, { user: head(4), sheet: 'Thôn 4', a1: 'I15', value: 7 }); // another edit, still broken: the change, no new "Cần sửa"
    expect(logRows(emu).slice(logged).map((r) => r[0])).toEqual(['Sửa số liệu đã nộp']);

    emu.userEdit(ctx, { user: head(4), sheet: 'Thôn 4', a1: 'I14', value: 3 });
    expect(noteOf(emu, 'Thôn 4', 'I20')).toBe('');
    expect([emu.rawGet('Thôn 4', 'I22'), backgroundOf(emu, 'Thôn 4', 'I14')]).toEqual(['', PALETTE.inputBg]);
    expect(logRows(emu).at(-1)?.slice(0, 4)).toEqual(['Đã sửa xong', 'Thôn 4', 'Tháng 5/2026', `Số liệu đã nộp hết lỗi.`]);
    expect(lastActor(emu)).toBe(headOf(emu, 'Thôn 4'));
    expect((emu.rawGet('Thôn 4', 'I21') as Date).getTime()).toBe(NOW.getTime()); // the first submission time stays

    emu.userEdit(ctx, { user: head(4), sheet: 'Thôn 4', a1: 'I20', value: false });
    expect(emu.rawGet('Thôn 4', 'I21')).toBe('');
    expect(logRows(emu).at(-1)?.slice(0, 4)).toEqual([
      'Rút lại báo cáo', 'Thôn 4', 'Tháng 5/2026',
      `Bỏ tích "Đã nộp"; lần nộp trước lúc 10/05/2026 08:00. Ngày nộp đã xóa; tích lại để nộp lại.`,
    ]);
    expect(lastActor(emu)).toBe(headOf(emu, 'Thôn 4'));
  });

  it('a paste over several months handles each month', () => {
    const { emu, ctx } = bachNgoc();
    emu.userEdit(ctx, { user: head(5), sheet: 'Thôn 5', a1: 'G5:H19', value: Array(15).fill([4, 4]) });
    emu.userEdit(ctx, { user: head(5), sheet: 'Thôn 5', a1: 'G20:I20', value: [[true, true, true]] });
    expect([emu.rawGet('Thôn 5', 'G20'), emu.rawGet('Thôn 5', 'H20'), emu.rawGet('Thôn 5', 'I20')]).toEqual([true, true, false]);
    expect(logRows(emu).slice(-3).map((r) => `${r[0]} ${r[2]}`)).toEqual(['Nộp báo cáo Tháng 3/2026', 'Nộp báo cáo Tháng 4/2026', 'Nộp báo cáo không thành công Tháng 5/2026']);
  });

  it('a number typed in a month not submitted reads the edited tab once and takes no lock', () => {
    const { emu, ctx } = bachNgoc();
    emu.calls.reset();
    emu.userEdit(ctx, { user: head(7), sheet: 'Thôn 7', a1: 'I14', value: 5 });
    expect(emu.calls.get('Range.getValues')).toBe(1);
    expect(emu.calls.get('LockService.getDocumentLock')).toBe(0);
    expect(emu.calls.total((name) => name.startsWith('Properties'))).toBe(0);
  });

  it('ignores edits outside village tabs without reading anything', () => {
    const { emu, ctx } = bachNgoc();
    emu.calls.reset();
    emu.userEdit(ctx, { user: OFFICE, sheet: 'Cấu hình', a1: 'C1', value: 'ghi chú' });
    expect(emu.calls.get('Range.getValues')).toBe(0);
    emu.run({ activeUser: OFFICE }, () => emu.spreadsheet.insertSheet('Nháp'));
    emu.calls.reset();
    emu.userEdit(ctx, { user: OFFICE, sheet: 'Nháp', a1: 'A1', value: 'x' });
    expect(emu.calls.get('Range.getValues')).toBe(1); // the scratch tab itself: no village table in it, so nothing more
    expect(emu.executions.every((x) => x.error === undefined)).toBe(true);
  });

  it('an edit of Cấu hình or Danh sách makes the next tick read the configuration again', () => {
    const { emu, ctx } = bachNgoc();
    emu.userEdit(ctx, { user: head(2), sheet: 'Thôn 2', a1: 'I20', value: true }); // stores the configuration
    const row = emu.rawGrid('Danh sách').findIndex((r) => r[0] === 'Thôn 1') + 1;
    emu.userEdit(ctx, { user: OFFICE, sheet: 'Danh sách', a1: `B${row}`, value: 'Nguyễn Văn Mới' });
    emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: 'I5:I19', value: column() });
    emu.calls.reset();
    emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: 'I20', value: true });
    expect(emu.calls.get('Range.getValues')).toBe(4); // Cấu hình, Danh sách and the tab twice
    expect(lastActor(emu)).toBe(headOf(emu, 'Thôn 1'));
  });
});

describe('checkReports (Kiểm tra số liệu)', () => {
  it('marks offending cells, keeps a person\'s note, clears its marks when fixed, and lists findings with links', () => {
    const wb = bachNgoc();
    const { emu } = wb;
    emu.rawSet('Thôn 2', 'H5:H19', column());
    emu.rawSet('Thôn 2', 'H14', 'mười');
    emu.rawSet('Thôn 2', 'H13', 9);
    personNote(emu, 'Thôn 2', 'H14', 'Số của chị Lan');
    emu.calls.reset();

    const result = wb.call<{ errors: number; warnings: number; villages: { village: string; findings: { cell: string }[] }[] }>('checkReports');

    expect(emu.calls.get('Range.getValues')).toBe(2 + 16);
    expect(emu.calls.get('Range.getNotes')).toBe(16);
    expect(emu.calls.get('Range.setNotes')).toBe(1);
    expect(emu.calls.get('Range.setBackgrounds')).toBe(1);
    expect(result.errors).toBe(1);
    expect(result.villages.find((v) => v.village === 'Thôn 2')?.findings.map((f) => f.cell)).toEqual(['H13', 'H14']);
    expect(noteOf(emu, 'Thôn 2', 'H14')).toBe('Số của chị Lan\n\n⚠ Tổ CNSCĐ: • Thôn 2, Tháng 4, ô H14: Lượt hỗ trợ dịch vụ công trực tuyến: "mười" không phải số; hãy nhập số nguyên ≥ 0.');
    expect(noteOf(emu, 'Thôn 2', 'H13')).toBe('⚠ Tổ CNSCĐ: • Thôn 2, Tháng 4, ô H13: Số thành viên Tổ (9) ngoài khoảng 3–5 người theo kế hoạch.');
    expect(backgroundOf(emu, 'Thôn 2', 'H14')).toBe('#ffc7ce');
    expect(backgroundOf(emu, 'Thôn 2', 'H13')).toBe('#ffeb9c');
    const dialog = emu.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Kiểm tra số liệu');
    expect(dialog?.content).toContain('data-sheet="Thôn 2" data-cell="H14"');
    expect(dialog?.content).toContain('&quot;mười&quot; không phải số');

    emu.rawSet('Thôn 2', 'H14', 12);
    emu.rawSet('Thôn 2', 'H13', 4);
    wb.call('checkReports');
    expect(noteOf(emu, 'Thôn 2', 'H14')).toBe('Số của chị Lan');
    expect(noteOf(emu, 'Thôn 2', 'H13')).toBe('');
    expect(backgroundOf(emu, 'Thôn 2', 'H14')).toBe('#ffffff');

    emu.calls.reset();
    wb.call('checkReports');
    expect(emu.calls.get('Range.setNotes') + emu.calls.get('Range.setBackgrounds')).toBe(0); // nothing changed, nothing written
  });

  it('selectCell brings the tab forward and selects the cell', () => {
    const wb = bachNgoc();
    const { emu } = wb;
    wb.call('selectCell', ['thôn 7', 'H14']);
    const where = emu.run({ activeUser: OFFICE }, () => `${emu.spreadsheet.getActiveSheet().getName()}!${emu.spreadsheet.getActiveRange()?.getA1Notation()}`);
    expect(where).toBe('Thôn 7!H14');
    expect(() => wb.call('selectCell', ['Không có', 'A1'])).toThrow('Không tìm thấy tab "Không có".');
  });
});
