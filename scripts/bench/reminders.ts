/**
 * One reminder run (runScheduledReminders, the daily trigger's function) at 16, 100 and 500 villages
 * (half of them submitted), on the day of the first overdue reminder, then a second run the same
 * day. Printed, never asserted.
 */
import { vnInstant } from '../../src/core/shared/calendar';
import { fillVillageMonth } from '../../test/integration/harness';
import { benchWorkbook, MEASURED_HEADER, measure, measuredCells, table } from './workbook';

/** Heads of the generated villages each have two, so grouping by recipient shows in the figures. */
const sharedHead = (n: number) => `thon${17 + Math.floor((n - 17) / 2)}@example.com`;

export async function benchReminders(): Promise<string[]> {
  const rows: string[][] = [];
  const ledgers: string[] = [];
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  reminders: ${villages} villages…\n`);
    const wb = benchWorkbook(villages, { now: vnInstant(2026, 5, 10, 9), emailOf: sharedHead, officeEmail: 'vhxh@example.gov.vn' });
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
    const ledger = [...emu.properties.document].filter(([k]) => k.startsWith('reminders:')).map(([k, v]) => `${k} ${Buffer.byteLength(k + v)} B`);
    ledgers.push(`  ${villages} villages, ledger: ${ledger.join(', ')}`);
  }
  return [
    'Reminders — runScheduledReminders (mail quota 100 recipients a day, a consumer account\'s):',
    ...table(['villages', 'run', 'emails', 'property calls', ...MEASURED_HEADER], rows),
    ...ledgers,
  ];
}
