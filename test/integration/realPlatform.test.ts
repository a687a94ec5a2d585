/**
 * What stopped the add-on on a real sheet, through the built bundle in the emulator that now applies
 * Google's rules (emulator/CONFORMANCE.md): freeze/merge conflicts, the manifest's scopes, identity
 * inside installable triggers, trigger owners in protections, office-only commands, take-over and
 * the self-check.
 */
import type { PresetId } from '../../src/core/config/presets';
import { readRegistryGrid } from '../../src/core/config/registry';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { fillVillageMonth, newWorkbook, OFFICE, removeFromTabProtection, sampleVillages, setSetting, sheetSnapshot, workbookWithPreset, type TestWorkbook } from './harness';

const DEPUTY = 'pho.phong@example.gov.vn';
const NOW = new Date('2026-05-10T01:00:00Z'); // 10/05/2026 08:00 in Vietnam
const AS_DEPUTY = { activeUser: DEPUTY };

const logRows = (wb: TestWorkbook) => wb.emu.rawGrid('Nhật ký').slice(1);
const tickCell = (wb: TestWorkbook, village: string, month: number) => monthCellA1(locateVillageTab(wb.emu.rawGrid(village))!, STATUS_CODES.submitted, month) as string;
const stampCell = (wb: TestWorkbook, village: string, month: number) => monthCellA1(locateVillageTab(wb.emu.rawGrid(village))!, STATUS_CODES.submittedAt, month) as string;

/** Thôn 1's April filled in (values only), ready to be ticked. */
function aprilReady(wb: TestWorkbook): void {
  fillVillageMonth(wb.emu, 'Thôn 1', 4, { ticked: false });
}

/** A second office account: named as the office email in `Cấu hình`, so setup lets it edit the office's tabs. */
function withDeputy(): TestWorkbook {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW, editors: [...sampleVillages('bach-ngoc').map((v) => v.email), DEPUTY] });
  setSetting(wb.emu, 'Email phòng VH-XH', DEPUTY);
  wb.call('setupWorkbook');
  return wb;
}

describe('setup on the real platform', () => {
  it.each<PresetId>(['an-hai', 'bach-ngoc'])('%s sets up completely: every village tab, frozen panes with no merge across them', (id) => {
    // The emulator refuses a freeze line through a merge and a merge across one, as Sheets does.
    const wb = workbookWithPreset(id, { now: NOW });
    const villages = sampleVillages(id).map((v) => v.name);
    expect(wb.emu.sheetNames()).toEqual(['Cấu hình', 'Danh sách', ...villages, 'Nhật ký']);
    const village = sheetSnapshot(wb.emu, villages[0])!;
    expect([village.frozenRows, village.frozenColumns, village.merges]).toEqual([4, 2, ['A2:B2']]);
    const registry = sheetSnapshot(wb.emu, 'Danh sách')!;
    expect([registry.frozenRows, registry.frozenColumns, registry.merges]).toEqual([4, 0, ['A2:J2']]);
  });
});

describe('attribution in the edit trigger', () => {
  it("a gmail.com head's tick is stamped and logged under the head's name from Danh sách, never the office account", () => {
    const gmail = 'truongthon1.bachngoc@gmail.com';
    const wb = workbookWithPreset('bach-ngoc', { now: NOW, editors: [...sampleVillages('bach-ngoc').map((v) => v.email), gmail] });
    const registry = wb.emu.rawGrid('Danh sách');
    const row = registry.findIndex((r) => r[0] === 'Thôn 1');
    const emailCol = registry.findIndex((r) => r.includes('EMAIL'));
    wb.emu.rawSet('Danh sách', `C${row + 1}`, gmail);
    expect(registry[emailCol][2]).toBe('EMAIL');
    wb.call('setupWorkbook');
    aprilReady(wb);

    const event = wb.emu.userEdit(wb.ctx, { user: gmail, sheet: 'Thôn 1', a1: tickCell(wb, 'Thôn 1', 4), value: true });

    expect(event.user.getEmail()).toBe('');
    expect(wb.emu.executions.at(-1)?.error).toBeUndefined();
    expect(wb.emu.rawGet('Thôn 1', stampCell(wb, 'Thôn 1', 4))).toEqual(NOW);
    const head = readRegistryGrid(wb.emu.rawGrid('Danh sách')).villages.find((v) => v.name === 'Thôn 1')!.head;
    const last = logRows(wb).at(-1)!;
    expect(last.slice(1, 4)).toEqual([`Trưởng thôn ${head} (theo Danh sách)`, 'Nộp báo cáo', 'Thôn 1']);
    expect(logRows(wb).filter((r) => r[2] === 'Nộp báo cáo').map((r) => r[1])).not.toContain(OFFICE);
  });
});

describe('a second office account', () => {
  it('re-running setup keeps the first account, which holds the edit trigger, able to stamp', () => {
    const wb = withDeputy();
    const report = wb.call<{ trigger: { state: string; owner: string } }>('setupWorkbook', [], AS_DEPUTY);
    expect(report.trigger).toEqual({ state: 'owned-by-other', owner: OFFICE });
    expect(wb.emu.triggers.filter((t) => t.handler === 'handleEdit').map((t) => t.owner)).toEqual([OFFICE]);
    for (const name of ['Thôn 1', 'Nhật ký']) {
      expect(sheetSnapshot(wb.emu, name)?.protections.every((p) => p.editors.includes(OFFICE))).toBe(true);
    }
    aprilReady(wb);
    wb.emu.userEdit(wb.ctx, { user: 'thon1@example.com', sheet: 'Thôn 1', a1: tickCell(wb, 'Thôn 1', 4), value: true });
    expect(wb.emu.executions.at(-1)?.error).toBeUndefined();
    expect(wb.emu.rawGet('Thôn 1', stampCell(wb, 'Thôn 1', 4))).toEqual(NOW);
    expect(logRows(wb).at(-1)?.[2]).toBe('Nộp báo cáo');
  });

  it('can take the edit trigger over: the old one retires when it next fires and every tick is handled once', () => {
    const wb = withDeputy();
    wb.call('takeOverTrigger', ['edit'], AS_DEPUTY);
    expect(wb.emu.triggers.filter((t) => t.handler === 'handleEdit').map((t) => t.owner).sort()).toEqual([OFFICE, DEPUTY].sort());
    for (const p of sheetSnapshot(wb.emu, 'Thôn 1')?.protections ?? []) expect(p.editors).toContain(DEPUTY);

    aprilReady(wb);
    wb.emu.userEdit(wb.ctx, { user: 'thon1@example.com', sheet: 'Thôn 1', a1: tickCell(wb, 'Thôn 1', 4), value: true });

    expect(wb.emu.executions.slice(-2).map((x) => x.error)).toEqual([undefined, undefined]);
    expect(wb.emu.triggers.filter((t) => t.handler === 'handleEdit').map((t) => t.owner)).toEqual([DEPUTY]);
    expect(logRows(wb).filter((r) => r[2] === 'Nộp báo cáo')).toHaveLength(1);
    expect(logRows(wb).find((r) => r[2] === 'Nhận chuyển giao trình tự động')?.[5]).toBe(`Trình xử lý "Đã nộp": từ ${OFFICE} sang ${DEPUTY}.`);
    const dashboard = wb.call<{ automation: { kind: string; owner: string; lastRunText: string }[] }>('getDashboardData', [], AS_DEPUTY);
    expect(dashboard.automation[0]).toMatchObject({ kind: 'edit', owner: DEPUTY, lastRunText: '10/05/2026 08:00' });
  });

  it('can take the reminders over from an account that holds them', () => {
    const wb = withDeputy();
    wb.call('installReminderTrigger');
    expect(() => wb.call('installReminderTrigger', [], AS_DEPUTY)).toThrow(`Nhắc việc tự động đang chạy dưới tài khoản ${OFFICE}`);
    wb.call('takeOverTrigger', ['reminders'], AS_DEPUTY);
    expect(wb.call<{ owner: string; mine: boolean }>('getReminderTriggerInfo', [], AS_DEPUTY)).toMatchObject({ owner: DEPUTY, mine: true });
    wb.emu.clock.set(new Date('2026-05-17T03:00:00Z')); // three days before the 20th: reminders go out
    wb.emu.fireDueTimeTriggers(wb.ctx);
    expect(wb.emu.triggers.filter((t) => t.handler === 'runScheduledReminders').map((t) => t.owner)).toEqual([DEPUTY]);
    expect(new Set(wb.emu.mail.outbox.map((m) => m.from))).toEqual(new Set([DEPUTY]));
  });
});

describe('office-only commands', () => {
  const HEAD = { activeUser: 'thon3@example.com' };
  const commands: [string, unknown[]][] = [
    ['applyPreset', ['an-hai']],
    ['aggregateMonth', [4]],
    ['aggregateQuarter', [1]],
    ['getDashboardData', []],
    ['getSettingsData', []],
    ['saveSettings', [{}]],
    ['installReminderTrigger', []],
    ['removeReminderTrigger', []],
    ['getReminderTriggerInfo', []],
    ['takeOverTrigger', ['edit']],
    ['takeOverTrigger', ['reminders']],
    ['selectCell', ['Thôn 1', 'D5']],
  ];
  const menuItems = ['setupWorkbook', 'aggregateReports', 'checkReports', 'sendRemindersNow', 'sendTestEmails', 'showDashboard', 'showSettings', 'selfCheck'];

  it('a village head is refused in Vietnamese, changes nothing and owns no trigger', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    wb.call('installReminderTrigger');
    const before = wb.emu.model();
    const triggersBefore = wb.emu.triggers.map((t) => `${t.handler} ${t.owner}`);
    for (const [name, args] of commands) {
      expect(() => wb.call(name, args, HEAD)).toThrow('Chỉ cán bộ phòng Văn hóa - Xã hội (người được sửa tab "Cấu hình") mới dùng được chức năng này.');
    }
    for (const name of menuItems) {
      const alerts = wb.emu.ui.alerts.length;
      wb.call(name, [], HEAD);
      expect(wb.emu.ui.alerts.slice(alerts).map((a) => a.prompt.split('.')[0])).toEqual(['Chỉ cán bộ phòng Văn hóa - Xã hội (người được sửa tab "Cấu hình") mới dùng được chức năng này']);
    }
    expect(wb.emu.triggers.map((t) => `${t.handler} ${t.owner}`)).toEqual(triggersBefore);
    expect(wb.emu.ui.sidebars).toEqual([]);
    expect(wb.emu.mail.outbox).toEqual([]);
    expect(wb.emu.model()).toEqual(before);
  });

  it('before setup, only the spreadsheet owner may set it up', () => {
    const wb = newWorkbook({ now: NOW, editors: ['thon3@example.com'] });
    expect(() => wb.call('applyPreset', ['bach-ngoc'], HEAD)).toThrow('Chỉ cán bộ phòng Văn hóa - Xã hội');
    expect(wb.emu.triggers).toEqual([]);
    expect(() => wb.call('applyPreset', ['bach-ngoc'])).not.toThrow();
  });
});

describe('selfCheck', () => {
  type Report = { lines: { level: string; text: string }[]; text: string };
  const problems = (r: Report) => r.lines.filter((l) => l.level === 'problem').map((l) => l.text);

  it('reports OK on a good sheet, writes nothing but its log line', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    wb.call('installReminderTrigger');
    const before = wb.emu.model().sheets.filter((s) => s.name !== 'Nhật ký');
    const logBefore = logRows(wb).length;
    const report = wb.call<Report>('selfCheck');
    expect(problems(report)).toEqual([]);
    expect(report.text).toContain(`✔ Xử lý khi tích "Đã nộp": chạy dưới tài khoản ${OFFICE}`);
    expect(wb.emu.ui.alerts.at(-1)?.title).toBe('Tự kiểm tra cài đặt');
    expect(wb.emu.model().sheets.filter((s) => s.name !== 'Nhật ký')).toEqual(before);
    expect(logRows(wb).slice(logBefore).map((r) => r[2])).toEqual(['Tự kiểm tra cài đặt']);
  });

  it('names a missing scope', () => {
    const wb = workbookWithPreset('bach-ngoc', { now: NOW });
    wb.emu.setGrantedScopes(['spreadsheets.currentonly', 'script.container.ui', 'script.send_mail', 'script.scriptapp'].map((s) => `https://www.googleapis.com/auth/${s}`));
    const report = wb.call<Report>('selfCheck');
    expect(problems(report)).toEqual([expect.stringContaining('Thiếu quyền "biết email người dùng" (https://www.googleapis.com/auth/userinfo.email)')]);
  });

  it('names a protection without the trigger owner, and a trigger held by someone no longer an editor', () => {
    const wb = withDeputy();
    wb.call('takeOverTrigger', ['edit'], AS_DEPUTY);
    removeFromTabProtection(wb.emu, 'Thôn 2', DEPUTY);
    expect(problems(wb.call<Report>('selfCheck'))).toEqual([
      `Tài khoản chạy tự động (${DEPUTY}) không được ghi vào: Thôn 2 — tích "Đã nộp" hoặc nhắc việc sẽ không ghi được. Chạy "Khởi tạo / cập nhật bảng tính".`,
    ]);
    wb.emu.run({ activeUser: OFFICE }, () => wb.emu.spreadsheet.removeEditor(DEPUTY));
    expect(problems(wb.call<Report>('selfCheck'))[0]).toBe(
      `Xử lý khi tích "Đã nộp": chạy dưới tài khoản ${DEPUTY}, nhưng tài khoản này không còn quyền sửa bảng tính nên sẽ không chạy được. Một cán bộ phòng VH-XH hãy mở Bảng điều khiển và bấm "Nhận về tài khoản này".`,
    );
  });
});
