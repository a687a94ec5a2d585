/**
 * Approval and locking through the built bundle: approveMonth, approveVillageMonth, unlockVillageMonth
 * and the menu item, with the protections enforced on the heads' own edits (emu.userEdit).
 * Workbook: preset bach-ngoc, today 25/05/2026 (Tháng 5 fell due on 20/05).
 */
import type { AppsScriptEmulator } from '../../emulator';
import type { ApprovalResult } from '../../src/core/entry/approval';
import { vnInstant } from '../../src/core/shared/calendar';
import { isDate } from '../../src/core/shared/cellValues';
import { blockFromA1 } from '../../src/core/workbook/tabState';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { fillVillageMonth, OFFICE, sheetSnapshot, workbookWithPreset, type TestWorkbook } from './harness';

const NOW = vnInstant(2026, 5, 25, 10);
const head = (n: number) => `thon${n}@example.com`;
const ON_TIME = vnInstant(2026, 5, 15, 9);

/** Thôn 1–3 on time, Thôn 4 late, Thôn 5 with an error, Thôn 6 unticked, Thôn 7 ticked but not stamped yet. */
function commune(): TestWorkbook {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW });
  for (const n of [1, 2, 3]) fillVillageMonth(wb.emu, `Thôn ${n}`, 5, { ticked: true, submittedAt: ON_TIME });
  fillVillageMonth(wb.emu, 'Thôn 4', 5, { ticked: true, submittedAt: vnInstant(2026, 5, 22, 9) });
  fillVillageMonth(wb.emu, 'Thôn 5', 5, { ticked: true, submittedAt: ON_TIME, override: { BUOI_TAP_HUAN: 'ba buổi' } });
  fillVillageMonth(wb.emu, 'Thôn 6', 5, { ticked: false });
  fillVillageMonth(wb.emu, 'Thôn 7', 5, { ticked: true });
  return wb;
}

/** A1 of a code's cell in a month of a village tab, found by labels. */
function cell(emu: AppsScriptEmulator, village: string, code: string, month: number): string {
  const map = locateVillageTab(emu.rawGrid(village));
  const a1 = map && monthCellA1(map, code, month);
  if (!a1) throw new Error(`no ${code} for month ${month} in ${village}`);
  return a1;
}

const logRows = (emu: AppsScriptEmulator) => emu.rawGrid('Nhật ký').slice(1).map((r) => r.slice(1).map(String));
/** Months whose figures the tab's protection keeps office-only: not among the cells left to the head. */
const lockedMonths = (emu: AppsScriptEmulator, tab: string) => {
  const open = (sheetSnapshot(emu, tab)?.protections ?? []).find((p) => p.type === 'SHEET')?.unprotectedRanges.map(blockFromA1) ?? [];
  const map = locateVillageTab(emu.rawGrid(tab));
  const row = (map?.rows.get('HS_KNS') ?? 0) + 1;
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => {
    const col = (map?.monthCols[m - 1] ?? -1) + 1;
    return !open.some((b) => b.row <= row && row < b.row + b.numRows && b.col <= col && col < b.col + b.numCols);
  });
};

describe('approveMonth', () => {
  it('approves every submitted, valid village, leaves the others with the reason, and logs who did what', () => {
    const wb = commune();
    const logBefore = logRows(wb.emu).length;
    const result = wb.call<ApprovalResult>('approveMonth', [5]);

    expect(result.approved).toEqual(['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4']);
    expect(result.remaining).toBe(0);
    const reasons = Object.fromEntries(result.refused.map((r) => [r.name, r.reason]));
    expect(reasons['Thôn 5']).toMatch(/^cần sửa: Thôn 5, Tháng 5, ô [A-Z]+\d+: .*ba buổi/);
    expect(reasons['Thôn 6']).toBe('chưa nộp');
    expect(reasons['Thôn 7']).toMatch(/^chờ xử lý/);
    expect(result.message).toMatch(/^Đã duyệt 4 báo cáo Tháng 5\/2026\. Chưa duyệt được 12: /);

    for (const n of [1, 2, 3, 4]) {
      const at = cell(wb.emu, `Thôn ${n}`, STATUS_CODES.approvedAt, 5);
      expect(isDate(wb.emu.rawGet(`Thôn ${n}`, at))).toBe(true);
      expect(sheetSnapshot(wb.emu, `Thôn ${n}`)?.cells.find((c) => c.a1 === at)?.displayValue).toBe('25/05/2026');
      expect(lockedMonths(wb.emu, `Thôn ${n}`)).toEqual([5]);
    }
    for (const n of [5, 6, 7, 8]) {
      expect(wb.emu.rawGet(`Thôn ${n}`, cell(wb.emu, `Thôn ${n}`, STATUS_CODES.approvedAt, 5))).toBe('');
      expect(lockedMonths(wb.emu, `Thôn ${n}`)).toEqual([]);
    }

    const logged = logRows(wb.emu).slice(logBefore);
    expect(logged.map((r) => r.slice(0, 4))).toEqual([
      [OFFICE, 'Duyệt báo cáo', 'Thôn 1', 'Tháng 5/2026'],
      [OFFICE, 'Duyệt báo cáo', 'Thôn 2', 'Tháng 5/2026'],
      [OFFICE, 'Duyệt báo cáo', 'Thôn 3', 'Tháng 5/2026'],
      [OFFICE, 'Duyệt báo cáo', 'Thôn 4', 'Tháng 5/2026'],
      [OFFICE, 'Duyệt báo cáo tháng', '', 'Tháng 5/2026'],
    ]);
    expect(logged[0][4]).toBe('Đúng hạn, nộp ngày 15/05/2026.');
    expect(logged[3][4]).toBe('Nộp muộn, nộp ngày 22/05/2026.');
    expect(logged[4][4]).toBe(result.message);
  });

  it('makes the approved month office-only: its head can no longer edit it, but still edits the next month', () => {
    const wb = commune();
    wb.call('approveMonth', [5]);
    const { emu, ctx } = wb;
    const may = cell(emu, 'Thôn 1', 'BUOI_TAP_HUAN', 5);
    expect(() => emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: may, value: 9 })).toThrow(/protected cell/);
    expect(() => emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: cell(emu, 'Thôn 1', STATUS_CODES.submitted, 5), value: false })).toThrow(/protected cell/);
    expect(() => emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: cell(emu, 'Thôn 1', STATUS_CODES.note, 5), value: 'sửa' })).toThrow(/protected cell/);
    expect(emu.rawGet('Thôn 1', may)).toBe(6);
    emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: cell(emu, 'Thôn 1', 'BUOI_TAP_HUAN', 6), value: 3 });
    expect(emu.rawGet('Thôn 1', cell(emu, 'Thôn 1', 'BUOI_TAP_HUAN', 6))).toBe(3);
    // Nor may a head approve a month of their own: the DA_DUYET row is the office's.
    expect(() => emu.userEdit(ctx, { user: head(6), sheet: 'Thôn 6', a1: cell(emu, 'Thôn 6', STATUS_CODES.approvedAt, 5), value: '25/05/2026' })).toThrow(/protected cell/);
    // The office still may.
    emu.userEdit(ctx, { user: OFFICE, sheet: 'Thôn 1', a1: may, value: 7 });
    expect(emu.rawGet('Thôn 1', may)).toBe(7);
  });

  it('a second run approves nothing again; another month only narrows the head\'s cells, no protection is made', () => {
    const wb = commune();
    fillVillageMonth(wb.emu, 'Thôn 1', 4, { ticked: true, submittedAt: vnInstant(2026, 4, 15, 9) });
    wb.call('approveMonth', [5]);
    const again = wb.call<ApprovalResult>('approveMonth', [5]);
    expect(again.approved).toEqual([]);
    expect(again.alreadyApproved).toBe(4);
    expect(again.message).toMatch(/^Đã duyệt 0 báo cáo Tháng 5\/2026\. 4 báo cáo đã được duyệt từ trước\./);

    wb.emu.calls.reset();
    expect(wb.call<ApprovalResult>('approveMonth', [4]).approved).toEqual(['Thôn 1']);
    expect(wb.emu.calls.get('Range.protect') + wb.emu.calls.get('Sheet.protect')).toBe(0);
    expect(lockedMonths(wb.emu, 'Thôn 1')).toEqual([4, 5]);
  });

  it('setup keeps the approvals: a rerun changes no protection', () => {
    const wb = commune();
    wb.call('approveMonth', [5]);
    const before = sheetSnapshot(wb.emu, 'Thôn 2')?.protections;
    wb.call('setupWorkbook');
    expect(sheetSnapshot(wb.emu, 'Thôn 2')?.protections).toEqual(before);
    expect(() => wb.emu.userEdit(wb.ctx, { user: head(2), sheet: 'Thôn 2', a1: cell(wb.emu, 'Thôn 2', 'BUOI_TAP_HUAN', 5), value: 1 })).toThrow(/protected cell/);
  });

  it('is for the office only', () => {
    const wb = commune();
    expect(() => wb.call('approveMonth', [5], { activeUser: head(1) })).toThrow(/Chỉ cán bộ phòng Văn hóa - Xã hội/);
    expect(() => wb.call('unlockVillageMonth', ['Thôn 1', 5, 'x'], { activeUser: head(1) })).toThrow(/Chỉ cán bộ phòng Văn hóa - Xã hội/);
    expect(lockedMonths(wb.emu, 'Thôn 1')).toEqual([]);
  });

  it('the menu item asks for the month and shows the outcome', () => {
    const wb = commune();
    wb.emu.ui.queueResponse({ button: 'OK', text: '' });
    wb.call('approveReports');
    const dialog = wb.emu.ui.alerts.at(-1);
    expect(dialog?.title).toBe('Duyệt báo cáo tháng');
    expect(dialog?.prompt).toMatch(/^Đã duyệt 4 báo cáo Tháng 5\/2026\./);

    wb.emu.ui.queueResponse({ button: 'OK', text: 'Quý II' });
    wb.call('approveReports');
    expect(wb.emu.ui.alerts.at(-1)?.prompt).toBe('Mỗi lần chỉ duyệt một tháng: gõ số tháng, ví dụ 5.');
  });
});

describe('approveVillageMonth and unlockVillageMonth', () => {
  it('approves one village, and refuses one that has not submitted, saying why', () => {
    const wb = commune();
    expect(wb.call('approveVillageMonth', ['thôn 2 ', 5])).toBe('Đã duyệt báo cáo Tháng 5/2026 của Thôn 2.');
    expect(lockedMonths(wb.emu, 'Thôn 2')).toEqual([5]);
    expect(lockedMonths(wb.emu, 'Thôn 1')).toEqual([]);
    expect(() => wb.call('approveVillageMonth', ['Thôn 6', 5])).toThrow('Chưa duyệt được báo cáo Tháng 5/2026 của Thôn 6: chưa nộp.');
    expect(() => wb.call('approveVillageMonth', ['Thôn 2', 5])).toThrow(/Thôn 2: đã duyệt ngày 25\/05\/2026\.$/);
    expect(() => wb.call('approveVillageMonth', ['Thôn 99', 5])).toThrow('Không có địa bàn "Thôn 99" trong tab Danh sách.');
    expect(() => wb.call('approveVillageMonth', ['Thôn 2', 13])).toThrow('Tháng "13" không hợp lệ: nhập một số nguyên từ 1 đến 12.');
  });

  it('unlock needs a reason, clears DA_DUYET, reopens the month to its head and logs the reason', () => {
    const wb = commune();
    fillVillageMonth(wb.emu, 'Thôn 1', 4, { ticked: true, submittedAt: vnInstant(2026, 4, 15, 9) });
    fillVillageMonth(wb.emu, 'Thôn 1', 3, { ticked: true, submittedAt: vnInstant(2026, 3, 15, 9) });
    for (const m of [3, 4, 5]) wb.call('approveVillageMonth', ['Thôn 1', m]);
    expect(lockedMonths(wb.emu, 'Thôn 1')).toEqual([3, 4, 5]);

    for (const blank of ['', '   ', null]) {
      expect(() => wb.call('unlockVillageMonth', ['Thôn 1', 4, blank])).toThrow('Hãy ghi lý do mở khóa: lý do được ghi vào Nhật ký.');
    }
    expect(isDate(wb.emu.rawGet('Thôn 1', cell(wb.emu, 'Thôn 1', STATUS_CODES.approvedAt, 4)))).toBe(true);

    const logBefore = logRows(wb.emu).length;
    expect(wb.call('unlockVillageMonth', ['Thôn 1', 4, 'Trưởng thôn báo nhầm số buổi tập huấn'])).toBe('Đã mở khóa báo cáo Tháng 4/2026 của Thôn 1: số liệu tháng này lại sửa được.');
    expect(wb.emu.rawGet('Thôn 1', cell(wb.emu, 'Thôn 1', STATUS_CODES.approvedAt, 4))).toBe('');
    expect(lockedMonths(wb.emu, 'Thôn 1')).toEqual([3, 5]);
    expect(logRows(wb.emu).slice(logBefore)).toEqual([
      [OFFICE, 'Mở khóa báo cáo', 'Thôn 1', 'Tháng 4/2026', 'Lý do: Trưởng thôn báo nhầm số buổi tập huấn (đã duyệt ngày 25/05/2026).'],
    ]);

    const { emu, ctx } = wb;
    emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: cell(emu, 'Thôn 1', 'BUOI_TAP_HUAN', 4), value: 2 });
    expect(emu.rawGet('Thôn 1', cell(emu, 'Thôn 1', 'BUOI_TAP_HUAN', 4))).toBe(2);
    expect(() => emu.userEdit(ctx, { user: head(1), sheet: 'Thôn 1', a1: cell(emu, 'Thôn 1', 'BUOI_TAP_HUAN', 3), value: 2 })).toThrow(/protected cell/);
    expect(() => wb.call('unlockVillageMonth', ['Thôn 1', 4, 'lần nữa'])).toThrow('Thôn 1: tháng 4 chưa được duyệt nên không cần mở khóa.');
  });
});

describe('Đã duyệt in the tab, Tổng hợp and setup', () => {
  it('a tab made before approvals gets its DA_DUYET row from setup, after the other status rows', () => {
    const wb = commune();
    const row = (locateVillageTab(wb.emu.rawGrid('Thôn 1'))?.rows.get(STATUS_CODES.approvedAt) ?? -1) + 1;
    wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.getSheetByName('Thôn 1')?.deleteRow(row));
    expect(locateVillageTab(wb.emu.rawGrid('Thôn 1'))?.rows.has(STATUS_CODES.approvedAt)).toBe(false);
    expect(() => wb.call('approveVillageMonth', ['Thôn 1', 5])).toThrow(/tab chưa có dòng "Đã duyệt": chạy "Khởi tạo \/ cập nhật bảng tính"/);

    wb.call('setupWorkbook');
    const map = locateVillageTab(wb.emu.rawGrid('Thôn 1'));
    const codes = [...(map?.rows.keys() ?? [])];
    expect(codes.slice(-4)).toEqual(['DA_NOP', 'NGAY_NOP', 'GHI_CHU', 'DA_DUYET']);
    expect(wb.emu.rawGrid('Thôn 1')[map?.rows.get('DA_DUYET') ?? 0].slice(0, 2)).toEqual(['DA_DUYET', 'Đã duyệt (phòng VH-XH ghi)']);
    wb.call('approveVillageMonth', ['Thôn 1', 5]);
    expect(() => wb.emu.userEdit(wb.ctx, { user: head(1), sheet: 'Thôn 1', a1: cell(wb.emu, 'Thôn 1', 'BUOI_TAP_HUAN', 5), value: 1 })).toThrow(/protected cell/);
  });

  it('Tổng hợp shows which reports are approved', () => {
    const wb = commune();
    wb.call('approveVillageMonth', ['Thôn 1', 5]);
    wb.call('approveVillageMonth', ['Thôn 4', 5]);
    wb.call('aggregateMonth', [5]);
    const grid = wb.emu.rawGrid('Tổng hợp');
    const line = (label: string) => grid.find((r) => r[0] === label);
    expect(line('Đã nộp')?.[2]).toBe(4);
    expect(line('Đã duyệt')?.slice(1, 3)).toEqual(['Chưa duyệt: Thôn 2, Thôn 3', 2]);
    expect(line('Đúng hạn')?.[2]).toBe(3);
    expect(line('Nộp muộn')?.slice(1, 3)).toEqual(['Thôn 4', 1]);
    const status = (name: string) => grid.find((r) => r[1] === name && typeof r[0] === 'number')?.[2];
    expect([status('Thôn 1'), status('Thôn 2'), status('Thôn 4')]).toEqual(['Đã duyệt', 'Đúng hạn', 'Đã duyệt']);
    expect(grid.some((r) => String(r[1]).includes('Chỉ tính các tháng đã được phòng Văn hóa - Xã hội duyệt.'))).toBe(true);
  });
});
