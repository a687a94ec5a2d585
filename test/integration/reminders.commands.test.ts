/** The daily trigger's management and the two menu commands of reminders, in the emulator. */
import type { AppsScriptEmulator } from '../../emulator';
import { vnInstant } from '../../src/core/shared/calendar';
import type { ReminderTriggerInfo as Info } from '../../src/gas/reminderTrigger';
import { OFFICE, removeFromTabProtection, setSetting, workbookWithPreset } from './harness';

const DEPUTY = 'deputy@example.gov.vn';
const AS_DEPUTY = { activeUser: DEPUTY, effectiveUser: DEPUTY };

const workbook = (now = vnInstant(2026, 5, 22, 9, 0)) => workbookWithPreset('mac-dinh', { now, editors: [DEPUTY] });

/** The deputy is office staff too: named as the office email, so setup lets them edit `Cấu hình`. */
function withDeputyInOffice() {
  const wb = workbook();
  setSetting(wb.emu, 'Email phòng VH-XH', DEPUTY);
  wb.call('setupWorkbook');
  return wb;
}

const lastAlert = (emu: AppsScriptEmulator) => emu.ui.alerts[emu.ui.alerts.length - 1].prompt;

const clockTriggers = (emu: AppsScriptEmulator) =>
  emu.triggers.filter((t) => t.eventType === 'CLOCK').map((t) => `${t.handler} ${t.owner} ${t.schedule?.everyDays}d@${t.schedule?.atHour}h ${t.schedule?.timeZone}`);

describe('the daily reminder trigger', () => {
  it('installs one trigger, replaces it on a second install, and tells who sends the emails', () => {
    const wb = workbook();
    const { emu } = wb;
    expect(wb.call('getReminderTriggerInfo')).toMatchObject({ installed: false, owner: '', hour: null, settingsHour: 8 });
    wb.call('installReminderTrigger');
    const info = wb.call('installReminderTrigger') as Info;
    expect(clockTriggers(emu)).toEqual([`runScheduledReminders ${OFFICE} 1d@8h Asia/Ho_Chi_Minh`]);
    expect(info).toMatchObject({ installed: true, owner: OFFICE, hour: 8, mine: true });
    expect(info.message).toBe(`Nhắc việc tự động đang bật: gửi lúc 8 giờ hằng ngày (giờ Việt Nam), từ tài khoản của bạn (${OFFICE}).`);
    // The result crosses google.script.run: plain data only.
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
  });

  it('another office account sees the owner and cannot add a second trigger or remove the first', () => {
    const wb = withDeputyInOffice();
    const { emu } = wb;
    wb.call('installReminderTrigger');
    const seen = wb.call('getReminderTriggerInfo', [], AS_DEPUTY) as Info;
    expect(seen).toMatchObject({ installed: true, owner: OFFICE, hour: 8, mine: false });
    expect(seen.message).toContain(`Chỉ tài khoản ${OFFICE} đổi giờ hoặc tắt được nhắc việc; nếu tài khoản đó không còn dùng, bấm "Nhận về tài khoản này" trong Bảng điều khiển.`);
    expect(() => wb.call('installReminderTrigger', [], AS_DEPUTY)).toThrow(`Nhắc việc tự động đang chạy dưới tài khoản ${OFFICE}`);
    expect(() => wb.call('removeReminderTrigger', [], AS_DEPUTY)).toThrow(/Chỉ office@example\.gov\.vn tắt nhắc việc được/);
    expect(clockTriggers(emu)).toHaveLength(1);
    const removed = wb.call('removeReminderTrigger') as Info;
    expect(removed).toMatchObject({ installed: false, owner: '', hour: null });
    expect(clockTriggers(emu)).toEqual([]);
    // Once removed, the other account may take over.
    wb.call('installReminderTrigger', [], AS_DEPUTY);
    expect(clockTriggers(emu)).toEqual([`runScheduledReminders ${DEPUTY} 1d@8h Asia/Ho_Chi_Minh`]);
  });

  it('shows a changed "Giờ gửi nhắc" until the trigger follows it', () => {
    const wb = workbook();
    const { emu } = wb;
    wb.call('installReminderTrigger');
    setSetting(emu, 'Giờ gửi nhắc (0–23)', 17);
    const info = wb.call('getReminderTriggerInfo') as Info;
    expect(info).toMatchObject({ hour: 8, settingsHour: 17 });
    expect(info.message).toContain('Giờ gửi nhắc trong Cấu hình là 17 giờ');
    wb.call('installReminderTrigger');
    expect(clockTriggers(emu)).toEqual([`runScheduledReminders ${OFFICE} 1d@17h Asia/Ho_Chi_Minh`]);
  });
});

describe('menu commands', () => {
  it('"Gửi nhắc ngay" asks first, does nothing on No, and reports sent and skipped on Yes', () => {
    const wb = workbook();
    const { emu } = wb;
    emu.ui.queueResponse({ button: 'NO' });
    expect(wb.call('sendRemindersNow')).toBeNull();
    expect(emu.mail.outbox).toEqual([]);
    emu.ui.queueResponse({ button: 'YES' });
    wb.call('sendRemindersNow');
    expect(emu.mail.outbox.map((m) => m.to)).toEqual(['thon1@example.com', 'thon2@example.com', 'thon3@example.com']);
    const summary = emu.ui.alerts[emu.ui.alerts.length - 1].prompt;
    expect(summary).toContain('Đã gửi (3):');
    expect(summary).toContain('• Thôn 1 → thon1@example.com');
    // The preset has no office email: the digest is skipped, and the alert says why.
    expect(summary).toContain('Bản tổng hợp cho phòng VH-XH: chưa có "Email phòng VH-XH" trong tab "Cấu hình"');
  });

  it('"Gửi nhắc ngay" sends what the quota allows and says the rest is deferred', () => {
    const wb = workbook();
    const { emu } = wb;
    emu.mail.setRemainingQuota(1);
    emu.ui.queueResponse({ button: 'YES' });
    const report = wb.call('sendRemindersNow') as { sent: string[]; deferred: string[] };
    expect(report.sent).toEqual(['Thôn 1 → thon1@example.com']);
    expect(report.deferred).toEqual(['Thôn 2 → thon2@example.com (hết hạn mức email hôm nay)', 'Thôn 3 → thon3@example.com (hết hạn mức email hôm nay)']);
    expect(emu.ui.alerts[emu.ui.alerts.length - 1].prompt).toContain('Hoãn, sẽ gửi ở lần chạy sau (2):');
    // The next day (new quota) the deferred ones go, not Thôn 1 again.
    emu.clock.set(vnInstant(2026, 5, 23, 9, 0));
    wb.call('runScheduledReminders');
    expect(emu.mail.outbox.map((m) => m.to)).toEqual(['thon1@example.com', 'thon2@example.com', 'thon3@example.com']);
  });

  it('"Gửi thử" sends every template to the current user only', () => {
    const wb = workbook();
    const { emu } = wb;
    const OFFICE_STAFF = { activeUser: DEPUTY, effectiveUser: DEPUTY };
    setSetting(emu, 'Email phòng VH-XH', DEPUTY);
    emu.ui.queueResponse({ button: 'OK' });
    wb.call('setupWorkbook');
    wb.call('sendTestEmails', [], OFFICE_STAFF);
    expect(emu.mail.outbox.map((m) => `${m.to} | ${m.subject}`)).toEqual([
      `${DEPUTY} | [Gửi thử] [Tổ CNSCĐ] Sắp đến hạn: báo cáo tháng 5/2026 – Thôn 1`,
      `${DEPUTY} | [Gửi thử] [Tổ CNSCĐ] Đến hạn hôm nay: báo cáo tháng 5/2026 – Thôn 1`,
      `${DEPUTY} | [Gửi thử] [Tổ CNSCĐ] Quá hạn: báo cáo tháng 5/2026 – Thôn 1, Thôn 2`,
      `${DEPUTY} | [Gửi thử] [Tổ CNSCĐ] Nhắc việc 22/05/2026: 2 thôn chưa hoàn thành báo cáo tháng 5/2026`,
    ]);
    expect(emu.ui.alerts[emu.ui.alerts.length - 1].prompt).toBe(`Đã gửi 4/4 email mẫu (sắp đến hạn, đến hạn, quá hạn, tổng hợp) tới ${DEPUTY}.`);
    // Nothing was recorded as a real reminder: the real ones (digest to the office first) still go.
    wb.call('runScheduledReminders');
    expect(emu.mail.outbox.slice(4).map((m) => m.to)).toEqual([DEPUTY, 'thon1@example.com', 'thon2@example.com', 'thon3@example.com']);
  });

  it('"Gửi thử" explains when Google does not reveal the user\'s email', () => {
    const wb = workbook();
    const { emu } = wb;
    wb.call('sendTestEmails', [], { activeUser: '', effectiveUser: OFFICE });
    expect(emu.mail.outbox).toEqual([]);
    expect(emu.ui.alerts[emu.ui.alerts.length - 1].prompt).toContain('Không xác định được email của bạn');
  });

  it('an office account that cannot write Nhật ký is stopped before any email goes', () => {
    const wb = withDeputyInOffice();
    const { emu } = wb;
    // Someone took the deputy off Nhật ký's protection by hand.
    removeFromTabProtection(emu, 'Nhật ký', DEPUTY);
    emu.ui.queueResponse({ button: 'YES' });
    wb.call('sendRemindersNow', [], AS_DEPUTY);
    expect(lastAlert(emu)).toContain(`Tài khoản ${DEPUTY} không được ghi tab "Nhật ký"`);
    wb.call('sendTestEmails', [], AS_DEPUTY);
    expect(lastAlert(emu)).toContain(`Tài khoản ${DEPUTY} không được ghi tab "Nhật ký"`);
    expect(emu.mail.outbox).toEqual([]);
  });

  it('every send command holds the document lock and says so when it is busy', () => {
    const wb = workbook();
    const { emu } = wb;
    emu.locks.holdDocumentLock(true);
    emu.ui.queueResponse({ button: 'YES' });
    wb.call('sendRemindersNow');
    expect(lastAlert(emu)).toContain('Bảng tính đang được một người hoặc một tác vụ khác cập nhật');
    expect(emu.mail.outbox).toEqual([]);
  });
});
