/**
 * Reminders: one run (runScheduledReminders, the daily trigger's function) at 16, 100 and 500
 * villages, then a second run the same day; a week of daily runs at 500 villages under the two mail
 * quotas (consumer 100, Workspace 1,500), which test/integration/reminders.week.test.ts asserts on;
 * and the ledger's size at 1,000 villages. Printed, never asserted.
 */
import { addDays, vnInstant, type LocalDate } from '../../src/core/shared/calendar';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { emptyLedger, ledgerWrites, recordDigest, recordSent } from '../../src/core/reminders/ledger';
import { planReminders } from '../../src/core/reminders/plan';
import { fillVillageMonth } from '../../test/integration/harness';
import { benchWorkbook, MEASURED_HEADER, measure, measuredCells, seconds, table } from './workbook';

/** Heads of the generated villages each have two, so grouping by recipient shows in the figures. */
const sharedHead = (n: number) => `thon${17 + Math.floor((n - 17) / 2)}@example.com`;

const OFFICE_EMAIL = 'vhxh@example.gov.vn';
const propertyBytes = (key: string, value: string) => Buffer.byteLength(key + value, 'utf8');

async function oneRun(): Promise<string[]> {
  const rows: string[][] = [];
  const ledgers: string[] = [];
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  reminders: ${villages} villages…\n`);
    const wb = benchWorkbook(villages, { now: vnInstant(2026, 5, 10, 9), emailOf: sharedHead, officeEmail: OFFICE_EMAIL });
    const { emu } = wb;
    // Every other village submitted May on time: values, tick and stamp.
    for (let n = 1; n <= villages; n += 2) fillVillageMonth(emu, `Thôn ${n}`, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 18, 10) });
    emu.clock.set(vnInstant(2026, 5, 22, 8, 5));
    const run = (what: string) => {
      const mails = emu.mail.outbox.length;
      const m = measure(emu, () => wb.call('runScheduledReminders'));
      const properties = emu.calls.total((name) => name.startsWith('Properties.'));
      rows.push([`${villages}`, what, String(emu.mail.outbox.length - mails), String(properties), ...measuredCells(m)]);
    };
    run('first overdue reminder day');
    run('second run the same day');
    const ledger = [...emu.properties.document].filter(([k]) => k.startsWith('reminders:')).map(([k, v]) => propertyBytes(k, v));
    ledgers.push(`  ${villages} villages: ledger ${ledger.length} values, largest ${Math.max(...ledger)} B, ${ledger.reduce((a, b) => a + b, 0)} B in all`);
  }
  return [
    "Reminders — one run (mail quota 100 recipients a day, a consumer account's; two villages per generated head):",
    ...table(['villages', 'run', 'emails', 'property calls', ...MEASURED_HEADER], rows),
    ...ledgers,
  ];
}

export interface WeekFigures {
  villages: number;
  quota: number;
  /** Villages still `Chưa nộp` at the end of the week (the others submitted on its third day). */
  overdue: number;
  /** Of those, how many got at least one reminder. */
  reminded: number;
  /** Head emails per day (the digest not counted). */
  emailsPerDay: number[];
  /** Most emails one address received on one day (the office's digest included). */
  maxEmailsPerAddressPerDay: number;
  /** Emails to a head whose village has no `Gửi nhắc` row for it in `Nhật ký`. */
  unlogged: number;
  /** Reminders to a village already reminded while a village overdue all week had none yet. */
  repeatsBeforeEveryone: number;
  largestPropertyBytes: number;
  ledgerBytes: number;
  /** The longest run, in estimated Apps Script seconds (the emulator's cost model, times the slowdown). */
  longestRunSeconds: number;
}

/** Ten of the villages submit May (late) on the third morning. */
const SUBMITTERS = (villages: number) => Array.from({ length: 10 }, (_, i) => 1 + Math.floor((i * villages) / 10));
const FIRST_DAY: LocalDate = { year: 2026, month: 5, day: 21 };

/**
 * Seven days of the daily run from the day after May's due date, every head with an address of their
 * own and every village overdue: the clock moves by each call's estimated latency (times `slowdown`,
 * for a platform slower than the estimates), so a run stops sending at its time budget as it would on
 * Apps Script.
 */
export function simulateWeek(villages: number, quota: number, slowdown = 1): WeekFigures {
  const wb = benchWorkbook(villages, { now: vnInstant(2026, 5, 10, 9), officeEmail: OFFICE_EMAIL });
  const { emu } = wb;
  emu.calls.meter.advance = (ms) => emu.clock.advance(ms * slowdown);
  const submitters = new Set(SUBMITTERS(villages).map((n) => `Thôn ${n}`));
  const counts = new Map<string, number>();
  const overdueAllWeek = Array.from({ length: villages }, (_, i) => `Thôn ${i + 1}`).filter((v) => !submitters.has(v));
  const figures: WeekFigures = {
    villages, quota, overdue: overdueAllWeek.length, reminded: 0, emailsPerDay: [], maxEmailsPerAddressPerDay: 0, unlogged: 0, repeatsBeforeEveryone: 0, largestPropertyBytes: 0, ledgerBytes: 0, longestRunSeconds: 0,
  };
  for (let day = 0; day < 7; day++) {
    const date = addDays(FIRST_DAY, day);
    emu.clock.set(vnInstant(date.year, date.month, date.day, 7, 0));
    if (day === 2) for (const v of submitters) fillVillageMonth(emu, v, 5, { ticked: true, submittedAt: emu.clock.now() });
    emu.clock.set(vnInstant(date.year, date.month, date.day, 8, 5));
    emu.mail.setRemainingQuota(quota);
    const sentBefore = emu.mail.outbox.length;
    emu.calls.reset();
    wb.call('runScheduledReminders');
    figures.longestRunSeconds = Math.max(figures.longestRunSeconds, (emu.estimatedMs() * slowdown) / 1000);

    const today = emu.mail.outbox.slice(sentBefore);
    const perAddress = new Map<string, number>();
    today.forEach((m) => perAddress.set(m.to, (perAddress.get(m.to) ?? 0) + 1));
    figures.maxEmailsPerAddressPerDay = Math.max(figures.maxEmailsPerAddressPerDay, ...perAddress.values());
    const heads = today.filter((m) => m.to !== OFFICE_EMAIL);
    figures.emailsPerDay.push(heads.length);
    for (const mail of heads) {
      const village = mail.subject.split(' – ')[1];
      if (counts.has(village) && overdueAllWeek.some((v) => !counts.has(v))) figures.repeatsBeforeEveryone++;
      counts.set(village, (counts.get(village) ?? 0) + 1);
    }
    const sizes = [...emu.properties.document].map(([k, v]) => propertyBytes(k, v));
    figures.largestPropertyBytes = Math.max(figures.largestPropertyBytes, ...sizes);
  }
  const logged = new Map<string, number>();
  for (const row of emu.rawGrid('Nhật ký')) if (row[2] === 'Gửi nhắc') logged.set(String(row[3]), (logged.get(String(row[3])) ?? 0) + 1);
  for (const [village, n] of counts) figures.unlogged += Math.max(0, n - (logged.get(village) ?? 0));
  figures.reminded = overdueAllWeek.filter((v) => (counts.get(v) ?? 0) > 0).length;
  figures.ledgerBytes = [...emu.properties.document].filter(([k]) => k.startsWith('reminders:')).reduce((sum, [k, v]) => sum + propertyBytes(k, v), 0);
  return figures;
}

/** The stored ledger when 1,000 villages each got an email today with two report months open (the core alone). */
function ledgerAtThousand(): string {
  const villages = Array.from({ length: 1000 }, (_, i) => ({ name: `Tổ dân phố số ${i + 1}`, head: '', email: `tdp${i + 1}@example.com`, phone: '', teamLeader: '', denominators: {}, row: i + 5 }));
  const settings = { ...DEFAULT_SETTINGS, year: 2026, officeEmail: OFFICE_EMAIL, remindEveryDays: 7 };
  const ledger = emptyLedger();
  const plan = planReminders({ today: { year: 2026, month: 6, day: 20 }, settings, villages, ledger, stateOf: () => 'CHUA_NOP', faultsOf: () => [] });
  recordDigest(ledger, plan.today);
  for (const e of plan.emails) recordSent(ledger, plan.today, e.to, e.items.map((i) => ({ year: i.year, month: i.month, village: i.village.name, step: i.step })));
  const sizes = Object.entries(ledgerWrites({}, ledger).set).map(([k, v]) => propertyBytes(k, v));
  return `  1,000 villages, May and June open, everyone emailed today: ${sizes.length} values, largest ${Math.max(...sizes)} B, ${sizes.reduce((a, b) => a + b, 0)} B in all (limits: 9,216 B a value, 512,000 B a store)`;
}

export async function benchReminders(): Promise<string[]> {
  const week: string[][] = [];
  for (const quota of [100, 1500]) {
    process.stderr.write(`  reminders: a week at 500 villages, quota ${quota}…\n`);
    const f = simulateWeek(500, quota);
    week.push([
      String(quota), `${f.reminded}/${f.overdue}`, f.emailsPerDay.join(' '), String(f.maxEmailsPerAddressPerDay), String(f.repeatsBeforeEveryone), String(f.unlogged),
      `${f.largestPropertyBytes} B`, `${f.ledgerBytes} B`, seconds(f.longestRunSeconds),
    ]);
  }
  return [
    ...(await oneRun()),
    '',
    'Reminders — seven daily runs at 500 villages from the day after the due date (own address per head; 10 submit on day 3):',
    ...table(['quota', 'reminded', 'head emails per day', 'max/address/day', 'repeats before everyone', 'unlogged', 'largest property', 'ledger', 'longest run (est.)'], week),
    '',
    'Reminders — ledger size:',
    ledgerAtThousand(),
  ];
}
