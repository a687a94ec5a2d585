/** The reminder ledger: sharded document properties, their sizes at 1,000 villages, the fair order, and sends not yet logged. */
import type { LocalDate } from '../../src/core/shared/calendar';
import type { Village } from '../../src/core/config/registry';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/config/settings';
import {
  emptyLedger, ledgerWrites, markLogged, pruneLedger, readLedger, recordDigest, recordSent, recordSettled, shortKey, unloggedSends, type ReminderLedger,
} from '../../src/core/reminders/ledger';
import { backlogRows } from '../../src/core/reminders/outcome';
import { planReminders, type ReminderPlan, type RecipientEmail } from '../../src/core/reminders/plan';

const settings: Settings = { ...DEFAULT_SETTINGS, unitName: 'Phường Hồng Bàng', level: 'Phường', villageWord: 'Tổ dân phố', officeEmail: 'vhxh@example.gov.vn', year: 2026 };
const may = (day: number): LocalDate => ({ year: 2026, month: 5, day });

const village = (n: number, email = `tdp${n}@example.com`): Village => ({
  name: `Tổ dân phố số ${n} phường Hồng Bàng`, head: `Trưởng tổ ${n}`, email, phone: '', teamLeader: '', denominators: {}, row: n + 4,
});
const commune = (size: number) => Array.from({ length: size }, (_, i) => village(i + 1));

const stepsOf = (email: RecipientEmail) => email.items.map((i) => ({ year: i.year, month: i.month, village: i.village.name, step: i.step }));
const bytes = (key: string, value: string) => Buffer.byteLength(key + value, 'utf8');

function planFor(today: LocalDate, villages: readonly Village[], ledger: ReminderLedger, s: Settings = settings): ReminderPlan {
  return planReminders({ today, settings: s, villages, ledger, stateOf: () => 'CHUA_NOP', faultsOf: () => [] });
}

/** Sends the first `quota` emails of the plan (digest first), as a run does; returns the recipients. */
function sendRun(p: ReminderPlan, ledger: ReminderLedger, quota = Infinity): string[] {
  pruneLedger(ledger, p.keepMonths, []);
  recordSettled(ledger, p.today, p.skips.flatMap((s) => (s.handled ? [s.handled] : [])));
  if (p.digest) recordDigest(ledger, p.today);
  const sent = p.emails.slice(0, quota - (p.digest ? 1 : 0));
  for (const e of sent) recordSent(ledger, p.today, e.to, stepsOf(e));
  markLogged(ledger);
  return sent.map((e) => e.to);
}

describe('ledger size at 1,000 villages', () => {
  it('two report months open, every village emailed today: no value near 9 KB, well under the 500 KB store', () => {
    const villages = commune(1000);
    // With a reminder every 7 days, May's ladder is still open when June's begins.
    const long = { ...settings, remindEveryDays: 7 };
    const ledger = emptyLedger();
    const p = planFor({ year: 2026, month: 6, day: 20 }, villages, ledger, long);
    expect(p.keepMonths).toEqual([202605, 202606]);
    expect(p.emails).toHaveLength(1000);
    recordDigest(ledger, p.today);
    const writesPerEmail = p.emails.map((e) => recordSent(ledger, p.today, e.to, stepsOf(e)).length);
    expect(Math.max(...writesPerEmail)).toBeLessThanOrEqual(3);

    const stored = ledgerWrites({}, ledger).set;
    const sizes = Object.entries(stored).map(([k, v]) => bytes(k, v));
    expect(Math.max(...sizes)).toBeLessThan(3 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(100 * 1024);
    expect(JSON.stringify(stored)).not.toMatch(/Tổ dân phố|example\.com/);
  });
});

describe('ledger in document properties', () => {
  const villages = commune(60);

  it('round-trips through its stored form, and a rerun of the writes changes nothing', () => {
    const ledger = emptyLedger();
    const p = planFor(may(22), villages, ledger);
    sendRun(p, ledger);
    recordSettled(ledger, may(22), [{ year: 2026, month: 5, village: village(61).name, step: 2 }]);
    const stored = ledgerWrites({}, ledger).set;
    const read = readLedger({ ...stored, other: 'kept' });
    expect(read).toEqual(ledger);
    expect(ledgerWrites(stored, read)).toEqual({ set: {}, remove: [] });
  });

  it('one email rewrites only the shards it changed: its village and its recipient', () => {
    const ledger = emptyLedger();
    const p = planFor(may(22), villages, ledger);
    const stored = ledgerWrites({}, ledger).set;
    const keys = recordSent(ledger, may(22), p.emails[0].to, stepsOf(p.emails[0]));
    const { set, remove } = ledgerWrites(stored, ledger, keys);
    expect(Object.keys(set).sort()).toEqual([...keys].sort());
    expect(Object.keys(set)).toHaveLength(2);
    expect(remove).toEqual([]);
  });

  it('forgets closed months and villages gone from the registry, but keeps the last day each village was reminded', () => {
    const ledger = emptyLedger();
    sendRun(planFor(may(22), villages, ledger), ledger);
    const stored = ledgerWrites({}, ledger).set;
    pruneLedger(ledger, [202606], villages.slice(0, 10));
    expect(Object.keys(ledger.villages)).toHaveLength(10);
    expect(Object.values(ledger.villages).every((r) => r.lastSent === 20260522 && Object.keys(r.months).length === 0)).toBe(true);
    const writes = ledgerWrites(stored, ledger);
    expect(writes.remove.length + Object.keys(writes.set).length).toBeGreaterThan(0);
    expect(Object.keys(readLedger({ ...stored, ...writes.set, ...Object.fromEntries(writes.remove.map((k) => [k, ''])) }).villages)).toHaveLength(10);
  });

  it('ignores damaged values instead of stopping the job', () => {
    const ledger = readLedger({ 'reminders:v1': '{not json', 'reminders:v2': '{"abc":[1,2]}', 'reminders:r3': '"x"', 'reminders:office': '[20260522,7]' });
    expect(ledger).toEqual(emptyLedger());
  });

  it('ignores the previous format (one value per month, one for the day) and deletes it on the next full write', () => {
    const previous = { 'reminders:2026-05': JSON.stringify({ [shortKey(villages[0].name)]: [2, 20260522, 1] }), 'reminders:day': '{"on":20260522,"to":[],"digest":1}' };
    const ledger = readLedger(previous);
    expect(ledger).toEqual(emptyLedger());
    expect(ledgerWrites(previous, ledger)).toEqual({ set: {}, remove: ['reminders:2026-05', 'reminders:day'] });
  });
});

describe('fair order under a short quota', () => {
  it('the least recently reminded go first, then the most days late, then registry order', () => {
    const villages = commune(4);
    const ledger = emptyLedger();
    recordSent(ledger, may(20), villages[0].email, [{ year: 2026, month: 5, village: villages[0].name, step: 1 }]);
    recordSent(ledger, may(21), villages[1].email, [{ year: 2026, month: 5, village: villages[1].name, step: 1 }]);
    const p = planFor(may(22), villages, ledger);
    expect(p.emails.map((e) => e.items[0].village.row)).toEqual([7, 8, 5, 6]);
  });

  it('quota 3 a day, 10 villages, a week: nobody gets a second reminder before everyone had one, and what is deferred goes first the next day', () => {
    const villages = commune(10);
    const ledger = emptyLedger();
    const sent: string[] = [];
    const counts = new Map(villages.map((v) => [v.email, 0]));
    for (let day = 21; day <= 27; day++) {
      const p = planReminders({ today: may(day), settings, villages, ledger, stateOf: () => 'CHUA_NOP', faultsOf: () => [] });
      for (const to of sendRun(p, ledger, 3)) {
        expect(counts.get(to)).toBe(Math.min(...counts.values()));
        counts.set(to, (counts.get(to) ?? 0) + 1);
        sent.push(to);
      }
    }
    // The digest takes one email a day: two heads a day over seven days.
    expect(sent).toHaveLength(14);
    expect(new Set(sent.slice(0, 10)).size).toBe(10);
  });
});

describe('sends not yet in Nhật ký', () => {
  it('are kept in the ledger, written as late rows by the next run, then cleared', () => {
    const villages = commune(3);
    const ledger = emptyLedger();
    recordDigest(ledger, may(22));
    recordSent(ledger, may(22), villages[0].email, [{ year: 2026, month: 5, village: villages[0].name, step: 2 }]);
    recordSent(ledger, may(22), 'old@example.com', [{ year: 2026, month: 4, village: 'Tổ đã đổi tên', step: 6 }]);
    const unlogged = unloggedSends(readLedger(ledgerWrites({}, ledger).set));
    expect(backlogRows(unlogged, villages, settings).map((r) => [r.action, r.village, r.period, r.detail])).toEqual([
      ['Gửi tổng hợp nhắc việc', '', '', 'Đã gửi bản tổng hợp tới vhxh@example.gov.vn (gửi ngày 22/05/2026, ghi bù)'],
      ['Gửi nhắc', '', 'Tháng 4/2026', 'nhắc quá hạn lần 5/5 → tổ dân phố không còn trong "Danh sách" (gửi ngày 22/05/2026, ghi bù)'],
      ['Gửi nhắc', villages[0].name, 'Tháng 5/2026', 'nhắc quá hạn lần 1/5 → tdp1@example.com (gửi ngày 22/05/2026, ghi bù)'],
    ]);
    markLogged(ledger);
    expect(unloggedSends(ledger)).toEqual({ sends: [], digestOn: null });
    // A village gone from the registry is forgotten only once its send is logged.
    pruneLedger(ledger, [202605], villages);
    expect(Object.keys(ledger.villages)).toEqual([shortKey(villages[0].name)]);
  });
});
