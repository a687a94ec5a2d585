/**
 * Every command finds a village's tab by its name as people type it: an office worker who renames
 * `Thôn 2` to `thôn  2` has not removed the village from Tổng hợp, Kiểm tra số liệu, the dashboard
 * or the reminders. Today is 22/05/2026 (Tháng 5 fell due on 20/05).
 */
import type { AggregationSummary } from '../../src/core/assessment/aggregation';
import { vnInstant } from '../../src/core/shared/calendar';
import type { CheckResult } from '../../src/core/entry/checkResult';
import type { DashboardData } from '../../src/core/reports/dashboard';
import { fillVillageMonth, OFFICE, workbookWithPreset, type TestWorkbook } from './harness';
import { sampleVillages } from '../../scripts/demo/sampleVillages';
import { ProtectionType } from '../../emulator/enums';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';

const NOW = vnInstant(2026, 5, 22, 9);

/** Thôn 2 submitted Tháng 5 on time, Thôn 3 did not; both tabs renamed the way people type. */
function renamedTabs(): { wb: TestWorkbook; gidOfThon3: number } {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW });
  fillVillageMonth(wb.emu, 'Thôn 2', 5, { ticked: true, submittedAt: vnInstant(2026, 5, 15, 9) });
  const gidOfThon3 = wb.emu.run({ activeUser: OFFICE }, () => {
    const ss = wb.emu.spreadsheet;
    ss.getSheetByName('Thôn 2')?.setName('thôn  2');
    const thon3 = ss.getSheetByName('Thôn 3');
    thon3?.setName(' THÔN 3');
    return thon3?.getSheetId() ?? -1;
  });
  return { wb, gidOfThon3 };
}

describe('village tabs renamed as people type them', () => {
  it('Tổng hợp reads them', () => {
    const { wb } = renamedTabs();
    const summary = wb.call<AggregationSummary>('aggregateMonth', [5]);
    expect(summary.villagesWithoutTab).toEqual([]);
    expect(summary.villages.find((v) => v.name === 'Thôn 2')?.statuses).toEqual(['DUNG_HAN']);
  });

  it('Kiểm tra số liệu checks them under their own names', () => {
    const { wb } = renamedTabs();
    const result = wb.call<CheckResult>('checkReports');
    const byVillage = new Map(result.villages.map((v) => [v.village, v]));
    expect(byVillage.get('Thôn 2')).toMatchObject({ sheet: 'thôn  2', errors: 0 });
    expect(byVillage.get('Thôn 2')?.statuses[4]).toBe('DUNG_HAN');
    expect(byVillage.get('Thôn 3')).toMatchObject({ sheet: ' THÔN 3', errors: 0 });
  });

  it('the dashboard shows their statuses, not a missing tab', () => {
    const { wb } = renamedTabs();
    const villages = new Map(wb.call<DashboardData>('getDashboardData').villages.map((v) => [v.name, v]));
    expect(villages.get('Thôn 2')).toMatchObject({ status: 'DUNG_HAN', problem: '' });
    expect(villages.get('Thôn 3')).toMatchObject({ status: 'CHUA_NOP', overdue: true, problem: '' });
  });

  it('the reminders remind the village that has not submitted, linking to its tab', () => {
    const { wb, gidOfThon3 } = renamedTabs();
    wb.call('runScheduledReminders');
    const to = (email: string) => wb.emu.mail.outbox.filter((m) => m.to === email);
    expect(to('thon2@example.com')).toEqual([]);
    expect(to('thon3@example.com')).toHaveLength(1);
    expect(to('thon3@example.com')[0].body).toContain(`#gid=${gidOfThon3}`);
  });
});

describe('a village tab on a phone, in the words of its preset', () => {
  const frozenWidth = (wb: TestWorkbook, tab: string) => wb.emu.run({ activeUser: OFFICE }, () => {
    const sheet = wb.emu.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    return Array.from({ length: sheet.getFrozenColumns() }, (_, i) => sheet.getColumnWidth(i + 1)).reduce((a, b) => a + b, 0);
  });

  it('keeps its frozen columns within 200 px, fresh and after setup repairs a tab laid out for a desktop', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    expect(frozenWidth(wb, 'Thôn 1')).toBeLessThanOrEqual(200);
    // A tab made when the frozen columns were 90 + 300 px: the next setup narrows them and writes nothing else there.
    wb.emu.run({ activeUser: OFFICE }, () => {
      const sheet = wb.emu.spreadsheet.getSheetByName('Thôn 1');
      sheet?.setColumnWidth(1, 90);
      sheet?.setColumnWidth(2, 300);
    });
    expect(frozenWidth(wb, 'Thôn 1')).toBe(390);
    wb.emu.calls.reset();
    wb.call('setupWorkbook');
    expect(frozenWidth(wb, 'Thôn 1')).toBeLessThanOrEqual(200);
    expect(wb.emu.calls.get('Sheet.setColumnWidth') ?? 0).toBeLessThanOrEqual(2);
  });

  it('a ward: the protections and Nhật ký name the tổ trưởng tổ dân phố, never a thôn', () => {
    const wb = workbookWithPreset('an-hai', { now: NOW });
    const tab = 'Tổ dân phố số 2';
    const descriptions = wb.emu.run({ activeUser: OFFICE }, () => {
      const sheet = wb.emu.spreadsheet.getSheetByName(tab);
      return [
        ...(sheet?.getProtections(ProtectionType.SHEET as unknown as GoogleAppsScript.Spreadsheet.ProtectionType) ?? []),
        ...(sheet?.getProtections(ProtectionType.RANGE as unknown as GoogleAppsScript.Spreadsheet.ProtectionType) ?? []),
      ].map((p) => p.getDescription());
    });
    expect(descriptions).toContain(`Tổ CNSCĐ: ô nhập số liệu tab ${tab}: tổ trưởng tổ dân phố và phòng VH-XH`);
    expect(descriptions.join('\n')).not.toMatch(/thôn/i);

    // The head's email is hidden from the trigger (another domain): Nhật ký names them by their title in a ward.
    const head = sampleVillages('an-hai').find((v) => v.name === tab);
    const map = locateVillageTab(wb.emu.rawGrid(tab));
    if (!head || !map) throw new Error('no sample village');
    wb.emu.userEdit(wb.ctx, { user: head.email, sheet: tab, a1: monthCellA1(map, STATUS_CODES.submitted, 5) as string, value: true });
    const last = wb.emu.rawGrid('Nhật ký').at(-1)?.map(String) ?? [];
    expect(last[1]).toBe(`Tổ trưởng tổ dân phố ${head.head} (theo Danh sách)`);
    expect(last.join(' ')).not.toMatch(/\bthôn\b/i);
  });
});
