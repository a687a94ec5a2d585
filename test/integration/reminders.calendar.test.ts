/**
 * Sixty days of the reminder job in the emulator: the clock moves day by day, the daily trigger
 * fires at its own minute, village heads submit on time, late or never, and every email of every
 * day is named (recipient | subject).
 */
import type { AppsScriptEmulator } from '../../emulator';
import { addDays, formatLocalDate, vnDateOf, vnInstant, type LocalDate } from '../../src/core/shared/calendar';
import { readLedger, unloggedSends } from '../../src/core/reminders/ledger';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { fillVillageMonth, OFFICE, setSetting, workbookWithPreset, type TestWorkbook } from './harness';

const VHXH = 'vhxh@example.gov.vn';

/** Thôn 1–3 are the preset's tabs (renamed heads and emails); 4–6 are added to the registry. */
const VILLAGES = [
  ['Thôn 1', 'Nguyễn Văn An', 'an@example.com'],
  ['Thôn 2', 'Lê Văn Bình', 'binh@example.com'],
  ['Thôn 3', 'Lê Văn Bình', 'BINH@example.com'],
  ['Thôn 4', 'Trần Thị Dung', 'dung@example'],
  ['Thôn 5', 'Phạm Văn Em', 'em@example.com'],
  ['Thôn 6', 'Hoàng Thị Phúc', 'phuc@example.com'],
] as const;
const HEADS = ['an@example.com', 'binh@example.com', 'em@example.com', 'phuc@example.com'];

/** Every village submitted the months before `now`'s on time: the office's digest lists older months still pending. */
function commune(now: Date): TestWorkbook {
  const wb = workbookWithPreset('mac-dinh', { now, editors: HEADS });
  wb.emu.rawSet('Danh sách', 'A5:C10', VILLAGES.map((v) => [...v]));
  setSetting(wb.emu, 'Email phòng VH-XH', VHXH);
  wb.emu.ui.queueResponse({ button: 'OK' });
  wb.call('setupWorkbook');
  const month = new Date(now.getTime() + 7 * 3600e3).getUTCMonth() + 1;
  for (const [village] of VILLAGES) for (let m = 1; m < month; m++) fillVillageMonth(wb.emu, village, m, { ticked: true, submittedAt: vnInstant(2026, m, 15, 9, 0) });
  return wb;
}

/** The head fills every indicator of the month, then ticks "Đã nộp" on their phone. */
function submit(emu: AppsScriptEmulator, ctx: object, village: string, month: number, head: string) {
  const map = locateVillageTab(emu.rawGrid(village));
  if (!map) throw new Error(`no layout in ${village}`);
  for (const code of map.rows.keys()) {
    if (Object.values(STATUS_CODES).includes(code as never)) continue;
    emu.rawSet(village, monthCellA1(map, code, month) as string, code === 'TV_TO' ? 5 : 0);
  }
  emu.userEdit(ctx, { user: head, sheet: village, a1: monthCellA1(map, STATUS_CODES.submitted, month) as string, value: true });
  expect(emu.rawGet(village, monthCellA1(map, STATUS_CODES.submittedAt, month) as string)).toBeInstanceOf(Date);
}

const TAG = '[Tổ CNSCĐ]';
const before = (m: number, villages: string) => `${TAG} Sắp đến hạn: báo cáo tháng ${m}/2026 – ${villages}`;
const dueToday = (m: number, villages: string) => `${TAG} Đến hạn hôm nay: báo cáo tháng ${m}/2026 – ${villages}`;
const overdue = (m: number, villages: string) => `${TAG} Quá hạn: báo cáo tháng ${m}/2026 – ${villages}`;
/** `owed`: the months still pending, as the subject says them ("tháng 4/2026", "từ tháng 4 đến tháng 5/2026"). */
const digest = (date: string, n: number, owed: string) => `${VHXH} | ${TAG} Nhắc việc ${date}/2026: ${n} thôn chưa hoàn thành báo cáo ${owed}`;
const APRIL = 'tháng 4/2026';
/** From 21/05 Thôn 2, 4 and 5 still owe April too. */
const SINCE_APRIL = 'từ tháng 4 đến tháng 5/2026';

/** Every email of the sixty days, by Vietnam date; days not listed send nothing. */
const EXPECTED: Record<string, string[]> = {
  // April: due 20/04. Thôn 1 submits on the 18th, Thôn 6 on the 19th, Thôn 3 late on the 25th.
  '17/04': [`an@example.com | ${before(4, 'Thôn 1')}`, `binh@example.com | ${before(4, 'Thôn 2, Thôn 3')}`, `phuc@example.com | ${before(4, 'Thôn 6')}`],
  '20/04': [`binh@example.com | ${dueToday(4, 'Thôn 2, Thôn 3')}`],
  '21/04': [digest('21/04', 4, APRIL)],
  // Quota 2 today: the digest, then Em's (never reached, so first) fails, then Bình's goes.
  '22/04': [digest('22/04', 4, APRIL), `binh@example.com | ${overdue(4, 'Thôn 2, Thôn 3')}`],
  '23/04': [digest('23/04', 4, APRIL)],
  '24/04': [digest('24/04', 4, APRIL), `binh@example.com | ${overdue(4, 'Thôn 2, Thôn 3')}`],
  '25/04': [digest('25/04', 3, APRIL)],
  '26/04': [digest('26/04', 3, APRIL), `binh@example.com | ${overdue(4, 'Thôn 2')}`],
  '27/04': [digest('27/04', 3, APRIL)],
  '28/04': [digest('28/04', 3, APRIL), `binh@example.com | ${overdue(4, 'Thôn 2')}`],
  '29/04': [digest('29/04', 3, APRIL)],
  '30/04': [digest('30/04', 3, APRIL), `binh@example.com | ${overdue(4, 'Thôn 2')}`],
  '01/05': [digest('01/05', 3, APRIL)],
  // May: due 20/05; the send hour moves from 8 to 9 on the 10th. Quota 3 on the 17th and 22nd.
  // Least recently reminded first: Thôn 1 (17/04) and Thôn 6 (17/04) before Bình's (30/04).
  '17/05': [`an@example.com | ${before(5, 'Thôn 1')}`, `phuc@example.com | ${before(5, 'Thôn 6')}`, `binh@example.com | ${before(5, 'Thôn 2, Thôn 3')}`],
  '20/05': [`an@example.com | ${dueToday(5, 'Thôn 1')}`, `binh@example.com | ${dueToday(5, 'Thôn 2, Thôn 3')}`],
  '21/05': [digest('21/05', 5, SINCE_APRIL)],
  // Quota 2: the digest and An's go (Em's fails first); Bình's is deferred and goes first the next day.
  '22/05': [digest('22/05', 5, SINCE_APRIL), `an@example.com | ${overdue(5, 'Thôn 1')}`],
  '23/05': [digest('23/05', 4, SINCE_APRIL), `binh@example.com | ${overdue(5, 'Thôn 2, Thôn 3')}`],
  '24/05': [digest('24/05', 4, SINCE_APRIL), `binh@example.com | ${overdue(5, 'Thôn 2, Thôn 3')}`],
  '25/05': [digest('25/05', 4, SINCE_APRIL)],
  '26/05': [digest('26/05', 4, SINCE_APRIL), `binh@example.com | ${overdue(5, 'Thôn 2, Thôn 3')}`],
  '27/05': [digest('27/05', 4, SINCE_APRIL)],
  '28/05': [digest('28/05', 4, SINCE_APRIL), `binh@example.com | ${overdue(5, 'Thôn 2, Thôn 3')}`],
  '29/05': [digest('29/05', 4, SINCE_APRIL)],
  '30/05': [digest('30/05', 4, SINCE_APRIL), `binh@example.com | ${overdue(5, 'Thôn 2, Thôn 3')}`],
  '31/05': [digest('31/05', 4, SINCE_APRIL)],
};

const SUBMISSIONS: Record<string, [string, number, string][]> = {
  '18/04': [['Thôn 1', 4, 'an@example.com']],
  '19/04': [['Thôn 6', 4, 'phuc@example.com']],
  '25/04': [['Thôn 3', 4, 'binh@example.com']],
  '19/05': [['Thôn 6', 5, 'phuc@example.com']],
  '23/05': [['Thôn 1', 5, 'an@example.com']],
};
const QUOTA: Record<string, number> = { '22/04': 2, '17/05': 3, '22/05': 2 };

const dayKey = (d: LocalDate) => formatLocalDate(d).slice(0, 5);
const lines = (mails: readonly { to: string; subject: string }[]) => mails.map((m) => `${m.to} | ${m.subject}`);

describe('sixty days of reminders', () => {
  it('sends exactly the expected emails each day, never twice, and logs every send, skip, failure and deferral', () => {
    const start: LocalDate = { year: 2026, month: 4, day: 10 };
    const wb = commune(vnInstant(2026, 4, 10, 9, 0));
    const { emu, ctx } = wb;
    emu.mail.failAddress('em@example.com');
    const info = wb.call('installReminderTrigger') as { installed: boolean; owner: string; hour: number };
    expect(info).toMatchObject({ installed: true, owner: OFFICE, hour: 8 });

    const seen: Record<string, string[]> = {};
    const logOf: Record<string, string[][]> = {};
    const sendHours = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const date = addDays(start, i);
      const key = dayKey(date);
      // People act early in the morning; the quota is set after Google's (UTC) daily reset.
      emu.clock.set(vnInstant(date.year, date.month, date.day, 7, 30));
      for (const [village, month, head] of SUBMISSIONS[key] ?? []) submit(emu, ctx, village, month, head);
      if (QUOTA[key] !== undefined) emu.mail.setRemainingQuota(QUOTA[key]);
      if (key === '10/05') setSetting(emu, 'Giờ gửi nhắc (0–23)', 9);

      const mailsBefore = emu.mail.outbox.length;
      const logBefore = emu.rawGrid('Nhật ký').length;
      emu.clock.set(vnInstant(date.year, date.month, date.day, 12, 0));
      expect(emu.fireDueTimeTriggers(ctx)).toBeGreaterThanOrEqual(i === 0 ? 0 : 1);
      const today = emu.mail.outbox.slice(mailsBefore);
      today.forEach((m) => sendHours.add(`${key} ${new Date(m.sentAt.getTime() + 7 * 3600e3).getUTCHours()}h`));
      if (today.length) seen[key] = lines(today);
      logOf[key] = emu.rawGrid('Nhật ký').slice(logBefore).map((r) => r.slice(2).map(String));

      // A second run the same afternoon (the office clicks "Gửi nhắc ngay") sends nothing again.
      emu.clock.set(vnInstant(date.year, date.month, date.day, 15, 0));
      emu.ui.queueResponse({ button: 'YES' });
      wb.call('sendRemindersNow');
      expect(emu.mail.outbox.length).toBe(mailsBefore + today.length);
    }

    expect(seen).toEqual(EXPECTED);
    // Every email went from the office account that installed the trigger.
    expect(new Set(emu.mail.outbox.map((m) => m.from))).toEqual(new Set([OFFICE]));
    // 8 o'clock until the setting changed on 10/05; the trigger then moved itself to 9 o'clock.
    expect([...sendHours].filter((h) => h.endsWith(' 8h')).every((h) => h.slice(3, 5) === '04' || h.startsWith('01/05'))).toBe(true);
    expect([...sendHours].filter((h) => h.slice(3, 5) === '05' && h !== '01/05 8h').every((h) => h.endsWith(' 9h'))).toBe(true);
    const clocks = emu.triggers.filter((t) => t.eventType === 'CLOCK');
    expect(clocks.map((t) => [t.handler, t.owner, t.schedule?.atHour, t.schedule?.timeZone])).toEqual([['runScheduledReminders', OFFICE, 9, 'Asia/Ho_Chi_Minh']]);

    // Nhật ký: the invalid address is skipped once per step, the failing one logged, the quota deferral noted.
    expect(logOf['17/04']).toEqual(
      expect.arrayContaining([
        ['Gửi nhắc', 'Thôn 1', 'Tháng 4/2026', 'nhắc trước hạn, còn 3 ngày nữa đến hạn → an@example.com'],
        ['Gửi nhắc', 'Thôn 3', 'Tháng 4/2026', 'nhắc trước hạn, còn 3 ngày nữa đến hạn → binh@example.com'],
        ['Bỏ qua nhắc', 'Thôn 4', 'Tháng 4/2026', 'email "dung@example" không hợp lệ'],
        ['Lỗi gửi nhắc', 'Thôn 5', 'Tháng 4/2026', expect.stringContaining('em@example.com: Google không gửi được email này') as unknown as string],
      ]),
    );
    expect(logOf['18/04'].filter((r) => r[0] === 'Bỏ qua nhắc' && r[1] === 'Thôn 4')).toEqual([]);
    expect(logOf['20/04']).toContainEqual(['Bỏ qua nhắc', 'Thôn 4', 'Tháng 4/2026', 'email "dung@example" không hợp lệ']);
    expect(logOf['22/04']).toContainEqual(['Lỗi gửi nhắc', 'Thôn 5', 'Tháng 4/2026', expect.stringContaining('em@example.com: Google không gửi được email này') as unknown as string]);
    expect(logOf['22/05']).toContainEqual(['Hoãn gửi nhắc (hết hạn mức email)', 'Thôn 2', 'Tháng 5/2026', 'nhắc quá hạn lần 1/5, đã quá hạn 2 ngày → binh@example.com; gửi ở lần chạy sau']);
    expect(logOf['21/04']).toContainEqual(['Gửi tổng hợp nhắc việc', '', 'Tháng 4/2026', `Đã gửi bản tổng hợp (4 thôn chưa hoàn thành báo cáo) tới ${VHXH}`]);
    // The afternoon run logged "already sent today" rather than sending.
    const afternoon = emu.ui.alerts.filter((a) => a.title === 'Gửi nhắc ngay' && a.buttons === 'OK');
    expect(afternoon).toHaveLength(60);
    expect(afternoon[7].prompt).toContain('Thôn 1: đã gửi hôm nay');

    // In May the office still hears of April, and Bình of Thôn 2's April, in the email he gets anyway.
    const on23May = emu.mail.outbox.filter((m) => dayKey(vnDateOf(m.sentAt)) === '23/05');
    const office = on23May.find((m) => m.to === VHXH)?.body ?? '';
    expect(office).toMatch(/\n1\. Thôn 2 \(đ\/c Lê Văn Bình, \d+\): chưa nộp tháng 4, 5\. https:\S+#gid=\d+\n/);
    expect(office).toContain('3. Thôn 4 (đ/c Trần Thị Dung): chưa nộp tháng 4, 5.');
    expect(office).toContain(`Trân trọng cảm ơn`);
    expect(office).toContain(`Bảng tính:\n${emu.spreadsheet.getUrl()}\n`);
    expect(on23May.find((m) => m.to === 'binh@example.com')?.body).toContain('• Thôn 2: chưa nộp tháng 4.');
    // Nhật ký rows are wrapped: a long detail makes its row taller, never the printout smaller.
    const log = emu.spreadsheet.getSheetByName('Nhật ký');
    expect(log?.getRange(2, 1, log.getLastRow() - 1, 6).getWraps().flat().every(Boolean)).toBe(true);

    // The ledger holds no month out of its window, only the day each village was last reminded (Em: never).
    const ledger = readLedger(Object.fromEntries(emu.properties.document));
    expect(Object.values(ledger.villages)).toEqual([...Array(4)].map(() => ({ lastSent: expect.any(Number) as unknown as number, months: {} })));
    expect(unloggedSends(ledger)).toEqual({ sends: [], digestOn: null });
  });

  it('email content: Vietnamese, due date dd/MM/yyyy, a link to the village tab, an HTML and a plain-text part', () => {
    const wb = commune(vnInstant(2026, 5, 20, 9, 0));
    const { emu } = wb;
    wb.call('runScheduledReminders');
    const mail = emu.mail.outbox.find((m) => m.to === 'binh@example.com');
    if (!mail) throw new Error('no email to Bình');
    const gid = (name: string) => emu.spreadsheet.getSheetByName(name)?.getSheetId();
    expect(mail.body).toContain('Kính gửi đồng chí Lê Văn Bình, Trưởng thôn Thôn 2 và Thôn 3,');
    expect(mail.body).toContain('• Thôn 2 – báo cáo tháng 5/2026 (hạn 20/05/2026): hôm nay là hạn cuối.');
    expect(mail.body).toContain(`#gid=${gid('Thôn 2')}`);
    expect(mail.htmlBody).toContain(`#gid=${gid('Thôn 3')}"`);
    expect(mail.replyTo).toBe(VHXH);
    expect(mail.name).toBe('Tổ CNSCĐ – Xã mẫu');
    expect(mail.body.normalize('NFC')).toBe(mail.body);
  });
});

describe('deadlines turn at 00:00 Vietnam time whatever the machine zone', () => {
  it('23:59 on the due date is "đến hạn hôm nay"; 00:00 the next day brings the first digest', () => {
    const wb = commune(vnInstant(2026, 5, 20, 23, 59));
    const { emu } = wb;
    wb.call('runScheduledReminders');
    expect(lines(emu.mail.outbox).filter((l) => l.includes('Thôn 1'))).toEqual([`an@example.com | ${dueToday(5, 'Thôn 1')}`]);
    expect(emu.mail.outbox.some((m) => m.to === VHXH)).toBe(false);
    emu.clock.set(vnInstant(2026, 5, 21, 0, 0));
    const sent = emu.mail.outbox.length;
    wb.call('runScheduledReminders');
    expect(lines(emu.mail.outbox.slice(sent))).toEqual([digest('21/05', 6, 'tháng 5/2026')]);
  });

  it('a tick at 23:59 on the due date counts as on time and is not in the digest', () => {
    const wb = commune(vnInstant(2026, 5, 20, 23, 59));
    const { emu, ctx } = wb;
    submit(emu, ctx, 'Thôn 1', 5, 'an@example.com');
    emu.clock.set(vnInstant(2026, 5, 21, 8, 0));
    wb.call('runScheduledReminders');
    const mail = emu.mail.outbox.find((m) => m.to === VHXH);
    expect(mail?.subject).toBe(digest('21/05', 5, 'tháng 5/2026').split(' | ')[1]);
    expect(mail?.body).toContain('đã nộp 1/6');
    expect(mail?.body).not.toContain('Thôn 1 (');
  });
});
