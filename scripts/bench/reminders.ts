/**
 * Service calls and emails of one reminder run at 16 and 100 villages (half of them submitted), on
 * the day of the first overdue reminder, then a second run the same day. Printed, never asserted.
 */
import { vnInstant } from '../../src/core/shared/calendar';
import { fillVillageMonth } from '../../test/integration/harness';
import { benchWorkbook, callsText, measure } from './workbook';

/** Heads of the generated villages each have two, so grouping by recipient shows in the figures. */
const sharedHead = (n: number) => `thon${17 + Math.floor((n - 17) / 2)}@example.com`;

export async function benchReminders(): Promise<string[]> {
  const lines = ['Reminders (service calls; time is the emulator on this machine, not Apps Script):'];
  for (const villages of [16, 100]) {
    const wb = benchWorkbook(villages, { now: vnInstant(2026, 5, 10, 9), emailOf: sharedHead, officeEmail: 'vhxh@example.gov.vn' });
    const { emu } = wb;
    // Every other village submitted May on time: values, tick and stamp.
    for (let n = 1; n <= villages; n += 2) fillVillageMonth(emu, `Thôn ${n}`, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 18, 10) });
    emu.clock.set(vnInstant(2026, 5, 22, 8, 5));
    const run = () => {
      const mails = emu.mail.outbox.length;
      const m = measure(emu, () => wb.call('runScheduledReminders'));
      return { ...m, emails: emu.mail.outbox.length - mails, properties: emu.calls.total((name) => name.startsWith('Properties.')) };
    };
    const show = (what: string, m: ReturnType<typeof run>) => `  ${villages} villages, ${what}: ${m.emails} emails, ${callsText(m)}, ${m.properties} property calls`;
    lines.push(show('first overdue reminder day', run()), show('second run the same day', run()));
    const ledger = [...emu.properties.document].filter(([k]) => k.startsWith('reminders:')).map(([k, v]) => `${k} ${Buffer.byteLength(k + v)} B`);
    lines.push(`  ${villages} villages, ledger: ${ledger.join(', ')}`);
  }
  return lines;
}
