import { vnDateOf, vnInstant, type LocalDate } from '../../src/core/shared/calendar';
import type { Village } from '../../src/core/config/registry';
import { activeLadders, ladderOf, latestDueStep } from '../../src/core/reminders/ladder';
import { emptyLedger, ledgerWrites, markLogged, pruneLedger, readLedger, recordDigest, recordSent, recordSettled, type ReminderLedger } from '../../src/core/reminders/ledger';
import { headReminderEmail, officeDigestEmail, zaloMessage, type MessageContext } from '../../src/core/reminders/messages';
import { describeRun, runSummaryText } from '../../src/core/reminders/outcome';
import { planReminders, villagesToRead, type DigestPlan, type PlanInput, type ReminderItem, type ReminderPlan, type VillageMonthState } from '../../src/core/reminders/plan';
import { getPreset } from '../../src/core/config/presets';
import { previewEmails } from '../../src/core/reminders/preview';
import { DEFAULT_SETTINGS, DUE_MONTH_NEXT, type Settings } from '../../src/core/config/settings';

const settings: Settings = { ...DEFAULT_SETTINGS, unitName: 'Xã Bạch Ngọc', officeEmail: 'vhxh@example.gov.vn', year: 2026 };
const may = (day: number): LocalDate => ({ year: 2026, month: 5, day });

function village(row: number, name: string, email: string, head = `Trưởng ${name}`): Village {
  return { name, head, email, phone: '0912 000 00' + row, teamLeader: '', denominators: {}, row };
}

const villages = [
  village(5, 'Thôn 1', 'thon1@example.com'),
  village(6, 'Thôn 2', 'Hai.Thon@example.com', 'Lê Văn Hai'),
  village(7, 'Thôn 3', 'hai.thon@example.com ', 'Lê Văn Hai'),
  village(8, 'Thôn 4', ''),
  village(9, 'Thôn 5', 'không có'),
  village(10, 'Thôn 6', 'thon6@example.com'),
];

/** Months before May were all submitted; from May, Thôn 6 submitted on time and every other village has not. Overrides by `name` or `name|month`. */
const states = (overrides: Record<string, VillageMonthState> = {}) => (v: Village, month: number): VillageMonthState =>
  overrides[`${v.name}|${month}`] ?? overrides[v.name] ?? (v.name === 'Thôn 6' || month < 5 ? 'DUNG_HAN' : 'CHUA_NOP');

const EMPTY_LEDGER = emptyLedger();

/** Validation errors of "Cần sửa" months, by `name|month`. */
type Faults = Record<string, readonly string[]>;

function plan(today: LocalDate, ledger: ReminderLedger = EMPTY_LEDGER, overrides: Record<string, VillageMonthState> = {}, s: Settings = settings, faults: Faults = {}): ReminderPlan {
  const stateOf = states(overrides);
  const input: PlanInput = { today, settings: s, villages, ledger, stateOf, faultsOf: (v, month) => faults[`${v.name}|${month}`] ?? [] };
  return planReminders(input);
}

/** A copy of the ledger through its stored form. */
const roundTrip = (ledger: ReminderLedger) => readLedger(ledgerWrites({}, ledger).set);

/** Ledger after a run in which every planned email went out and was logged; the input is left untouched. */
function afterRun(p: ReminderPlan, ledger: ReminderLedger = EMPTY_LEDGER): ReminderLedger {
  const next = roundTrip(ledger);
  pruneLedger(next, p.keepMonths, villages);
  recordSettled(next, p.today, p.skips.flatMap((s) => (s.handled ? [s.handled] : [])));
  if (p.digest) recordDigest(next, p.today);
  for (const e of p.emails) recordSent(next, p.today, e.to, e.items.map((i) => ({ ...i, village: i.village.name })));
  markLogged(next);
  return next;
}

const summary = (p: ReminderPlan) => p.emails.map((e) => `${e.to}: ${e.items.map((i) => `${i.village.name} T${i.month} step ${i.step}`).join(', ')}`);
const skipsOf = (p: ReminderPlan) => p.skips.map((s) => `${s.reason} ${s.village || '(digest)'}`);

describe('reminder ladder', () => {
  it('defaults: D−3, due day, then every 2 days at most 5 times', () => {
    const ladder = ladderOf(5, settings);
    expect(ladder.due).toEqual(may(20));
    expect(ladder.steps.map((s) => `${s.index}@${s.date.day}`)).toEqual(['0@17', '1@20', '2@22', '3@24', '4@26', '5@28', '6@30']);
    expect(ladder.lastDay).toEqual(may(31));
  });

  it('the latest step whose day has come, none before the ladder or after its last day', () => {
    const ladder = ladderOf(5, settings);
    expect(latestDueStep(ladder, may(16))).toBeNull();
    expect(latestDueStep(ladder, may(17))?.index).toBe(0);
    expect(latestDueStep(ladder, may(19))?.index).toBe(0);
    expect(latestDueStep(ladder, may(23))?.index).toBe(2);
    expect(latestDueStep(ladder, may(31))?.index).toBe(6);
    expect(latestDueStep(ladder, { year: 2026, month: 6, day: 1 })).toBeNull();
  });

  it('no notice before a report month has begun, none at all when remindBeforeDays is 0', () => {
    expect(ladderOf(5, { ...settings, dueDay: 2 }).steps[0].index).toBe(1);
    expect(ladderOf(5, { ...settings, remindBeforeDays: 0 }).steps[0].index).toBe(1);
    expect(ladderOf(5, { ...settings, maxReminders: 0 }).steps.map((s) => s.index)).toEqual([0, 1]);
  });

  it('"Tháng sau": December falls due in January of the next year and is still active then', () => {
    const rule = { ...settings, dueMonth: DUE_MONTH_NEXT, dueDay: 5 } as Settings;
    expect(ladderOf(12, rule).due).toEqual({ year: 2027, month: 1, day: 5 });
    expect(activeLadders({ year: 2027, month: 1, day: 3 }, rule).map((l) => l.month)).toEqual([12]);
  });

  it('only months whose window contains today are active', () => {
    expect(activeLadders(may(10), settings)).toEqual([]);
    expect(activeLadders(may(17), settings).map((l) => l.month)).toEqual([5]);
    expect(activeLadders({ year: 2026, month: 6, day: 1 }, settings)).toEqual([]);
    // A long ladder reaches into the next month's window.
    const long = { ...settings, remindEveryDays: 7 };
    expect(activeLadders({ year: 2026, month: 6, day: 18 }, long).map((l) => l.month)).toEqual([5, 6]);
  });
});

describe('planning the reminders of a day', () => {
  it('D−3: one email per recipient, a head of two villages gets one listing both; no email and invalid email are skipped', () => {
    const p = plan(may(17));
    expect(summary(p)).toEqual(['thon1@example.com: Thôn 1 T5 step 0', 'Hai.Thon@example.com: Thôn 2 T5 step 0, Thôn 3 T5 step 0']);
    expect(skipsOf(p)).toEqual(['NO_EMAIL Thôn 4', 'INVALID_EMAIL Thôn 5']);
    expect(p.digest).toBeNull();
  });

  it('running again on the same day sends nothing and reads only tabs whose status may still change', () => {
    const first = plan(may(17));
    const ledger = afterRun(first);
    const again = plan(may(17), ledger);
    expect(again.emails).toEqual([]);
    expect(skipsOf(again)).toEqual(['ALREADY_SENT_TODAY Thôn 1', 'ALREADY_SENT_TODAY Thôn 2', 'ALREADY_SENT_TODAY Thôn 3']);
    expect(villagesToRead({ today: may(17), settings, villages, ledger }).map((v) => v.name)).toEqual(['Thôn 6']);
  });

  it('a skip for a missing email is logged once per step, not every day', () => {
    const ledger = afterRun(plan(may(17)));
    expect(skipsOf(plan(may(18), ledger))).toEqual([]);
    expect(skipsOf(plan(may(20), ledger))).toEqual(['NO_EMAIL Thôn 4', 'INVALID_EMAIL Thôn 5']);
  });

  it('a missed day catches up with one email, the latest due step, not a backlog', () => {
    const ledger = afterRun(plan(may(17)));
    const p = plan(may(23), ledger);
    expect(summary(p)).toEqual(['thon1@example.com: Thôn 1 T5 step 2', 'Hai.Thon@example.com: Thôn 2 T5 step 2, Thôn 3 T5 step 2']);
    const next = afterRun(p, ledger);
    expect(plan(may(24), next).emails.map((e) => e.items.map((i) => i.step))).toEqual([[3], [3, 3]]);
  });

  it('the due-day notice, then overdue reminders at most K times', () => {
    let ledger = EMPTY_LEDGER;
    const sentDays: number[] = [];
    for (let day = 15; day <= 31; day++) {
      const p = plan(may(day), ledger, { 'Thôn 2': 'DUNG_HAN', 'Thôn 3': 'DUNG_HAN' });
      if (p.emails.length > 0) sentDays.push(day);
      ledger = afterRun(p, ledger);
    }
    expect(sentDays).toEqual([17, 20, 22, 24, 26, 28, 30]);
    expect(plan({ year: 2026, month: 6, day: 1 }, ledger).emails).toEqual([]);
  });

  it('"Cần sửa" is reminded like "Chưa nộp"; submitted villages are not, nor a tick the add-on has yet to stamp ("Chờ xử lý")', () => {
    const p = plan(may(20), EMPTY_LEDGER, { 'Thôn 1': 'CAN_SUA', 'Thôn 2': 'CHO_XU_LY', 'Thôn 3': 'DUNG_HAN' });
    expect(p.emails.map((e) => e.items.map((i) => `${i.village.name} ${i.status}`))).toEqual([['Thôn 1 CAN_SUA']]);
  });

  it('a village whose tab is missing is skipped and logged once per step', () => {
    const p = plan(may(20), EMPTY_LEDGER, { 'Thôn 1': 'NO_TAB' });
    expect(skipsOf(p)).toContain('NO_TAB Thôn 1');
    expect(p.skips.find((s) => s.reason === 'NO_TAB')?.handled).not.toBeNull();
  });

  it('a recipient already emailed today waits until tomorrow for anything new', () => {
    const morning = afterRun(plan(may(17), EMPTY_LEDGER, { 'Thôn 3': 'DUNG_HAN' }));
    // Thôn 3 un-submits later that day (its data now has errors): same head, already emailed today.
    const p = plan(may(17), morning, { 'Thôn 3': 'CAN_SUA' });
    expect(p.emails).toEqual([]);
    expect(p.skips.find((s) => s.village === 'Thôn 3')).toMatchObject({ reason: 'ALREADY_SENT_TODAY', handled: null });
    expect(summary(plan(may(18), afterRun(p, morning), { 'Thôn 3': 'CAN_SUA' }))).toEqual(['hai.thon@example.com: Thôn 3 T5 step 0']);
  });

  it('most overdue recipients come first', () => {
    const long = { ...settings, remindEveryDays: 7 };
    const p = plan({ year: 2026, month: 6, day: 20 }, EMPTY_LEDGER, { 'Thôn 1|5': 'DUNG_HAN' }, long);
    // Thôn 2 and 3 are 31 days late with May (4th overdue reminder); Thôn 1 only has June, due today.
    expect(summary(p)).toEqual(['Hai.Thon@example.com: Thôn 2 T5 step 5, Thôn 2 T6 step 1, Thôn 3 T5 step 5, Thôn 3 T6 step 1', 'thon1@example.com: Thôn 1 T6 step 1']);
  });
});

describe('the office digest', () => {
  it('goes once a day while anything is overdue, listing the overdue villages', () => {
    expect(plan(may(20)).digest).toBeNull();
    const p = plan(may(21));
    expect(p.digest?.to).toBe('vhxh@example.gov.vn');
    expect(p.digest?.villages.map((o) => `${o.village.name} ${o.months.map((m) => m.month)}`)).toEqual(['Thôn 1 5', 'Thôn 2 5', 'Thôn 3 5', 'Thôn 4 5', 'Thôn 5 5']);
    expect(p.digest?.months).toEqual([{ month: 5, year: 2026, due: may(20), villages: 6, submitted: 1 }]);
    const again = plan(may(21), afterRun(p));
    expect(again.digest).toBeNull();
    expect(skipsOf(again)).toContain('ALREADY_SENT_TODAY (digest)');
    expect(plan(may(22), afterRun(p)).digest).not.toBeNull();
  });

  it('is not sent when nobody is overdue, and is skipped with a reason when the office has no email', () => {
    const all = Object.fromEntries(villages.map((v) => [v.name, 'DUNG_HAN' as const]));
    expect(plan(may(21), EMPTY_LEDGER, all).digest).toBeNull();
    const p = plan(may(21), EMPTY_LEDGER, {}, { ...settings, officeEmail: '' });
    expect(p.digest).toBeNull();
    expect(skipsOf(p)).toContain('NO_OFFICE_EMAIL (digest)');
  });

  it('still goes the day after the due date when no overdue reminders are configured', () => {
    const none = { ...settings, maxReminders: 0, remindEveryDays: 1 };
    expect(plan(may(21), EMPTY_LEDGER, {}, none).digest).not.toBeNull();
    expect(plan(may(22), EMPTY_LEDGER, {}, none).digest).toBeNull();
  });
});

describe('time zone: the day turns at 00:00 Vietnam time', () => {
  it('23:59 on the due date is "đến hạn", 00:00 the next day is "quá hạn"', () => {
    const at2359 = vnDateOf(vnInstant(2026, 5, 20, 23, 59));
    const at0000 = vnDateOf(vnInstant(2026, 5, 21, 0, 0));
    expect(at2359).toEqual(may(20));
    expect(plan(at2359).emails[0].items[0]).toMatchObject({ step: 1, daysLate: 0 });
    expect(plan(at0000).emails[0].items[0]).toMatchObject({ step: 1, daysLate: 1 });
    expect(plan(at0000).digest).not.toBeNull();
    // 16:59 UTC on the 16th is 23:59 in Vietnam: still before the D−3 notice.
    expect(plan(vnDateOf(new Date('2026-05-16T16:59:00Z'))).emails).toEqual([]);
    expect(plan(vnDateOf(new Date('2026-05-16T17:00:00Z'))).emails).toHaveLength(2);
  });
});

describe('messages', () => {
  const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';
  const ctx: MessageContext = {
    settings,
    spreadsheetUrl: URL,
    sheetIdOf: (name) => (name === 'Thôn 1' ? 111 : name.startsWith('<') ? 222 : null),
  };
  /** An Hải: a ward, whose villages are tổ dân phố led by a tổ trưởng. */
  const ward: Settings = { ...getPreset('an-hai').settings, officeEmail: 'vhxh@anhai.gov.vn', year: 2026 };
  const wardVillages = [village(5, 'Tổ dân phố số 1', 'tdp1@example.com', 'Phạm Thị Thu'), village(6, 'Tổ dân phố số 2', 'tdp2@example.com', '')];
  const wardCtx: MessageContext = { settings: ward, spreadsheetUrl: URL, sheetIdOf: () => 7 };
  /** "thôn" as a word, in any case: the ward's texts must never say it. */
  const THON = /(^|[^\p{L}])thôn($|[^\p{L}])/iu;
  const item = (v: Village, over: Partial<ReminderItem> = {}): ReminderItem => ({ village: v, month: 5, year: 2026, due: may(20), step: 2, daysLate: 2, status: 'CHUA_NOP', faults: [], ...over });
  const textsOf = (m: { subject: string; body: string; htmlBody: string }) => [m.subject, m.body, m.htmlBody];

  it('head email: Vietnamese subject by the most urgent report, due date dd/MM/yyyy, link to the tab, plain-text twin', () => {
    const p = plan(may(22), EMPTY_LEDGER, { 'Thôn 2': 'CAN_SUA' });
    const thon1 = headReminderEmail(p.emails[0], ctx);
    expect(thon1.subject).toBe('[Tổ CNSCĐ] Quá hạn: báo cáo tháng 5/2026 – Thôn 1');
    expect(thon1.body).toContain('Thôn 1 – báo cáo tháng 5/2026 (hạn 20/05/2026): đã quá hạn 2 ngày.');
    expect(thon1.body).toContain('https://docs.google.com/spreadsheets/d/abc/edit#gid=111');
    expect(thon1.body).not.toMatch(/<[a-z]/);
    expect(thon1.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/abc/edit#gid=111"');
    expect(thon1.replyTo).toBe('vhxh@example.gov.vn');
    const hai = headReminderEmail(p.emails[1], ctx);
    expect(hai.subject).toBe('[Tổ CNSCĐ] Quá hạn: báo cáo tháng 5/2026 – Thôn 2, Thôn 3');
    expect(hai.body).toContain('Thôn 2 – báo cáo tháng 5/2026 (hạn 20/05/2026): đã tích ô "Đã nộp báo cáo" nhưng số liệu còn lỗi, cần sửa (đã quá hạn 2 ngày).');
    expect(headReminderEmail(plan(may(17)).emails[0], ctx).subject).toBe('[Tổ CNSCĐ] Sắp đến hạn: báo cáo tháng 5/2026 – Thôn 1');
    expect(headReminderEmail(plan(may(17)).emails[0], ctx).body).toContain('còn 3 ngày nữa đến hạn');
    expect(headReminderEmail(plan(may(20)).emails[0], ctx).subject).toBe('[Tổ CNSCĐ] Đến hạn hôm nay: báo cáo tháng 5/2026 – Thôn 1');
  });

  it('greets each head as "đồng chí" with a real title, names the office with the unit in the sentence', () => {
    const one = headReminderEmail({ to: 'a@example.com', items: [item(village(7, 'Thôn 3', 'a@example.com', 'Nguyễn Văn A'))], earlier: [] }, ctx);
    expect(one.body.split('\n')[0]).toBe('Kính gửi đồng chí Nguyễn Văn A, Trưởng thôn Thôn 3,');
    expect(one.body).toContain('Phòng Văn hóa - Xã hội xã Bạch Ngọc xin nhắc đồng chí');
    expect(one.body).toContain('mở tab của thôn trong bảng tính');
    expect(one.body).not.toContain('Xã Bạch Ngọc');
    const nameless = headReminderEmail({ to: 'a@example.com', items: [item(village(7, 'Thôn 3', 'a@example.com', ''))], earlier: [] }, ctx);
    expect(nameless.body.split('\n')[0]).toBe('Kính gửi đồng chí Trưởng thôn Thôn 3,');
    const two = headReminderEmail(plan(may(22)).emails[1], ctx);
    expect(two.body.split('\n')[0]).toBe('Kính gửi đồng chí Lê Văn Hai, Trưởng thôn Thôn 2 và Thôn 3,');
    for (const m of [one, nameless, two]) for (const text of textsOf(m)) expect(text).not.toMatch(/ông\/bà|địa bàn/);
  });

  it('a ward (An Hải): "Tổ trưởng", "tổ dân phố", "phường An Hải", and never "thôn"', () => {
    const email = headReminderEmail({ to: 'tdp1@example.com', items: [item(wardVillages[0]), item(wardVillages[1])], earlier: [] }, wardCtx);
    expect(email.body.split('\n')[0]).toBe('Kính gửi đồng chí Phạm Thị Thu, Tổ trưởng Tổ dân phố số 1; đồng chí Tổ trưởng Tổ dân phố số 2,');
    expect(email.body).toContain('Phòng Văn hóa - Xã hội phường An Hải xin nhắc');
    expect(email.body).toContain('mở tab của tổ dân phố trong bảng tính');
    const digest: DigestPlan = { to: 'vhxh@anhai.gov.vn', months: [{ month: 5, year: 2026, due: may(20), villages: 2, submitted: 0 }], villages: wardVillages.map((v) => ({ village: v, months: [{ month: 5, status: 'CHUA_NOP' as const }] })) };
    const office = officeDigestEmail(digest, may(21), wardCtx);
    expect(office.subject).toBe('[Tổ CNSCĐ] Nhắc việc 21/05/2026: 2 tổ dân phố chưa hoàn thành báo cáo tháng 5/2026');
    expect(office.body).toContain('dán vào nhóm Zalo của các tổ trưởng tổ dân phố');
    const previews = previewEmails('me@example.gov.vn', may(21), ward, [], wardCtx);
    expect(previews[0].subject).toContain('Tổ dân phố mẫu 1');
    for (const m of [email, office, ...previews]) for (const text of textsOf(m)) expect(text).not.toMatch(THON);
    expect(zaloMessage(digest, ward, URL)).not.toMatch(THON);
  });

  it('"Cần sửa" names the cells and values at fault, at most five, and says how many more', () => {
    const faults = Array.from({ length: 7 }, (_, n) => `Thôn 2, Tháng 5, ô E${7 + n}: Hộ được tuyên truyền về chuyển đổi số (1.25${n}) lớn hơn tổng số hộ (1.100).`);
    const p = plan(may(22), EMPTY_LEDGER, { 'Thôn 2': 'CAN_SUA' }, settings, { 'Thôn 2|5': faults });
    expect(p.emails[1].items[0].faults).toEqual(faults);
    const m = headReminderEmail(p.emails[1], ctx);
    expect(m.body).toContain('cần sửa (đã quá hạn 2 ngày). Chỗ cần sửa:\n   – ô E7: Hộ được tuyên truyền về chuyển đổi số (1.250) lớn hơn tổng số hộ (1.100).\n');
    expect(m.body).toContain('   – ô E11: Hộ được tuyên truyền về chuyển đổi số (1.254) lớn hơn tổng số hộ (1.100).\n   – và 2 lỗi khác trong tab.');
    expect(m.body).not.toContain('ô E12');
    expect(m.htmlBody).toContain('<li>ô E7: Hộ được tuyên truyền về chuyển đổi số (1.250) lớn hơn tổng số hộ (1.100).</li>');
    // A month only "Chưa nộp" asks nothing of the validation.
    expect(plan(may(22), EMPTY_LEDGER, {}, settings, { 'Thôn 1|5': ['không hỏi'] }).emails[0].items[0].faults).toEqual([]);
  });

  it('a head hears of older months still pending in the email of the current month, with no extra email', () => {
    const p = plan(may(22), EMPTY_LEDGER, { 'Thôn 1|2': 'CHUA_NOP', 'Thôn 1|3': 'CHUA_NOP', 'Thôn 1|1': 'CAN_SUA', 'Thôn 6|3': 'CHUA_NOP' });
    expect(p.emails.map((e) => e.to)).toEqual(['thon1@example.com', 'Hai.Thon@example.com']);
    expect(p.emails[0].earlier.map((b) => [b.village.name, b.months.map((m) => `${m.month} ${m.status}`)])).toEqual([['Thôn 1', ['1 CAN_SUA', '2 CHUA_NOP', '3 CHUA_NOP']]]);
    expect(p.emails[1].earlier).toEqual([]);
    expect(headReminderEmail(p.emails[0], ctx).body).toContain('Ngoài ra, các báo cáo sau đã quá hạn mà chưa hoàn thành; đề nghị đồng chí hoàn thành luôn:\n• Thôn 1: chưa nộp tháng 2, 3; cần sửa số liệu tháng 1.');
  });

  it('escapes everything people typed', () => {
    const evil = village(20, '<img src=x onerror=alert(1)>', 'evil@example.com', 'A & "B"');
    const m = headReminderEmail({ to: evil.email, items: [item(evil, { daysLate: 0, step: 1 })], earlier: [] }, { ...ctx, settings: { ...settings, unitName: 'Xã <b>' } });
    expect(m.htmlBody).not.toContain('<img');
    expect(m.htmlBody).not.toContain('<b>,');
    expect(m.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.htmlBody).toContain('A &amp; &quot;B&quot;');
    const d = officeDigestEmail({ to: 'o@example.com', months: [{ month: 5, year: 2026, due: may(20), villages: 1, submitted: 0 }], villages: [{ village: evil, months: [{ month: 5, status: 'CHUA_NOP' }] }] }, may(21), ctx);
    expect(d.htmlBody).not.toContain('<img');
  });

  it('digest: counts, every village with a month past due still pending (older months too), contacts and links', () => {
    const p = plan(may(23), EMPTY_LEDGER, { 'Thôn 2|5': 'CAN_SUA', 'Thôn 6|2': 'CHUA_NOP', 'Thôn 6|3': 'CHUA_NOP', 'Thôn 6|4': 'CAN_SUA' });
    const digest = p.digest;
    if (!digest) throw new Error('expected a digest');
    expect(digest.villages.map((v) => v.village.name)).toEqual(['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4', 'Thôn 5', 'Thôn 6']);
    const m = officeDigestEmail(digest, may(23), ctx);
    expect(m.subject).toBe('[Tổ CNSCĐ] Nhắc việc 23/05/2026: 6 thôn chưa hoàn thành báo cáo từ tháng 2 đến tháng 5/2026');
    expect(m.body).toContain('Tổng hợp nhắc việc ngày 23/05/2026 – Phòng Văn hóa - Xã hội xã Bạch Ngọc');
    expect(m.body).toContain('Báo cáo tháng 5/2026 (hạn 20/05/2026): đã nộp 1/6 thôn.');
    expect(m.body).toContain('1. Thôn 1 (đ/c Trưởng Thôn 1, 0912 000 005): chưa nộp tháng 5. https://docs.google.com/spreadsheets/d/abc/edit#gid=111');
    expect(m.body).toContain('2. Thôn 2 (đ/c Lê Văn Hai, 0912 000 006): cần sửa số liệu tháng 5.');
    expect(m.body).toContain('6. Thôn 6 (đ/c Trưởng Thôn 6, 0912 000 0010): chưa nộp tháng 2, 3; cần sửa số liệu tháng 4.');
    expect(m.htmlBody).toContain('<td style="padding:2px 8px;color:#b00020">chưa nộp tháng 2, 3; cần sửa số liệu tháng 4</td>');
    // Only months whose due date has passed: June is not yet due on May 23.
    expect(plan(may(23), EMPTY_LEDGER, { 'Thôn 6|6': 'CHUA_NOP' }).digest?.villages.map((v) => v.village.name)).not.toContain('Thôn 6');
  });

  it('goes on a digest day even when only older months are pending, since nobody else reminds the office of them', () => {
    const all = Object.fromEntries(villages.map((v) => [v.name, 'DUNG_HAN' as const]));
    const p = plan(may(21), EMPTY_LEDGER, { ...all, 'Thôn 4|9': 'CHUA_NOP', 'Thôn 5|2': 'CHUA_NOP' });
    expect(p.digest?.villages.map((v) => `${v.village.name} ${v.months.map((m) => m.month)}`)).toEqual(['Thôn 5 2']);
    expect(p.emails).toEqual([]);
  });

  it('Zalo: for the heads\' group, polite and plain, with the link to the sheet on its own line', () => {
    const p = plan(may(23), EMPTY_LEDGER, { 'Thôn 2|5': 'CAN_SUA', 'Thôn 5|3': 'CHUA_NOP' });
    const digest = p.digest;
    if (!digest) throw new Error('expected a digest');
    const zalo = zaloMessage(digest, settings, URL);
    expect(zalo.split('\n')).toEqual([
      'Kính gửi các đồng chí trưởng thôn,',
      'Phòng Văn hóa - Xã hội xã Bạch Ngọc nhắc: đã quá hạn nộp báo cáo tháng 5/2026 (hạn 20/05/2026) của Tổ công nghệ số cộng đồng. Các thôn sau còn báo cáo chưa hoàn thành:',
      '1. Thôn 1 (đ/c Trưởng Thôn 1): chưa nộp tháng 5',
      '2. Thôn 2 (đ/c Lê Văn Hai): cần sửa số liệu tháng 5',
      '3. Thôn 3 (đ/c Lê Văn Hai): chưa nộp tháng 5',
      '4. Thôn 4 (đ/c Trưởng Thôn 4): chưa nộp tháng 5',
      '5. Thôn 5 (đ/c Trưởng Thôn 5): chưa nộp tháng 3, 5',
      'Đề nghị các đồng chí ghi số liệu vào tab của thôn mình và tích ô "Đã nộp báo cáo" ngay trong hôm nay. Bảng tính:',
      URL,
      'Trân trọng cảm ơn các đồng chí!',
    ]);
    // Nothing Zalo would show as markup.
    expect(zalo).not.toMatch(/[*_<>#•]/);
    const m = officeDigestEmail(digest, may(23), ctx);
    expect(m.body).toContain('Tin nhắn Zalo (sao chép rồi dán vào nhóm Zalo của các trưởng thôn, không dán vào nhóm của người dân):');
    expect(m.body).toContain(zalo);
    expect(m.htmlBody).toContain('<pre');
  });

  it('"Gửi thử": every template, to the asking user only, marked as a test', () => {
    const previews = previewEmails('me@example.gov.vn', may(10), settings, villages, ctx);
    expect(previews.map((m) => m.to)).toEqual(Array(4).fill('me@example.gov.vn'));
    expect(previews.map((m) => m.subject)).toEqual([
      '[Gửi thử] [Tổ CNSCĐ] Sắp đến hạn: báo cáo tháng 5/2026 – Thôn 1',
      '[Gửi thử] [Tổ CNSCĐ] Đến hạn hôm nay: báo cáo tháng 5/2026 – Thôn 1',
      '[Gửi thử] [Tổ CNSCĐ] Quá hạn: báo cáo tháng 5/2026 – Thôn 1, Thôn 2',
      '[Gửi thử] [Tổ CNSCĐ] Nhắc việc 10/05/2026: 2 thôn chưa hoàn thành báo cáo tháng 5/2026',
    ]);
    expect(previews[2].body).toContain('   – ô E7: (ví dụ) Hộ được tuyên truyền về chuyển đổi số (1.250) lớn hơn tổng số hộ (1.100).');
    expect(previewEmails('me@example.gov.vn', may(10), settings, [], ctx)[0].subject).toContain('Thôn mẫu 1');
  });
});

describe('Nhật ký rows of a run', () => {
  it('say what happened in the preset\'s words', () => {
    const ward: Settings = { ...getPreset('an-hai').settings, officeEmail: 'vhxh@anhai.gov.vn', year: 2026 };
    const p = plan(may(21), EMPTY_LEDGER, { 'Thôn 1': 'NO_TAB' });
    const { log, report } = describeRun(p, { digest: { result: 'sent' }, heads: p.emails.map(() => ({ result: 'failed' as const, error: 'Máy chủ Google đang gặp sự cố tạm thời. Xin thử lại sau vài phút.' })) }, ward);
    expect(log[0]).toEqual({ action: 'Gửi tổng hợp nhắc việc', village: '', period: 'Tháng 5/2026', detail: 'Đã gửi bản tổng hợp (4 tổ dân phố chưa hoàn thành báo cáo) tới vhxh@example.gov.vn' });
    expect(log.find((r) => r.village === 'Thôn 1')?.detail).toBe('không tìm thấy tab của tổ dân phố hoặc tab không đúng mẫu');
    expect(log.find((r) => r.action === 'Lỗi gửi nhắc')?.detail).toBe('Hai.Thon@example.com: Máy chủ Google đang gặp sự cố tạm thời. Xin thử lại sau vài phút.');
    for (const row of log) expect(`${row.action} ${row.detail}`).not.toMatch(/địa bàn|\b(sent|failed|skipped|deferred|installed|removed|trigger|error)\b/i);
    expect(runSummaryText(report)).toContain('Phòng VH-XH: bản tổng hợp (4 tổ dân phố chưa hoàn thành báo cáo) tới vhxh@example.gov.vn');
  });
});
