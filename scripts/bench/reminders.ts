/**
 * Service calls and emails of one reminder run at 16 and 100 villages (half of them submitted), on
 * the day of the first overdue reminder, then a second run the same day. Printed, never asserted.
 */
import { AppsScriptEmulator } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import { a1 } from '../../src/core/a1';
import { vnInstant } from '../../src/core/calendar';
import { locateVillageTab, STATUS_CODES } from '../../src/core/villageTab';

const OFFICE = 'office@example.gov.vn';
const AS_OFFICE = { activeUser: OFFICE, effectiveUser: OFFICE };
const head = (n: number) => `thon${n}@example.com`;

function commune(villages: number) {
  const emu = new AppsScriptEmulator({ now: vnInstant(2026, 5, 10, 9), owner: OFFICE, editors: [] });
  const ctx = loadBundle(emu);
  callEntry(emu, ctx, 'applyPreset', ['bach-ngoc'], AS_OFFICE);
  const registry = emu.rawGrid('Danh sách');
  const firstFree = registry.length + 1;
  if (villages > 16) {
    // Heads of the added villages each have two, so grouping by recipient shows in the figures.
    const rows = Array.from({ length: villages - 16 }, (_, i) => [`Thôn ${17 + i}`, 'Nguyễn Văn An', head(17 + Math.floor(i / 2))]);
    emu.rawSet('Danh sách', `A${firstFree}:C${firstFree + rows.length - 1}`, rows);
  }
  const settings = emu.rawGrid('Cấu hình');
  emu.rawSet('Cấu hình', `B${settings.findIndex((r) => r[0] === 'Email phòng VH-XH') + 1}`, 'vhxh@example.gov.vn');
  emu.ui.queueResponse({ button: 'OK' });
  callEntry(emu, ctx, 'setupWorkbook', [], AS_OFFICE);
  // Every other village submitted May on time: values, tick and stamp.
  for (let n = 1; n <= villages; n += 2) {
    const tab = `Thôn ${n}`;
    const map = locateVillageTab(emu.rawGrid(tab));
    if (!map) throw new Error(`${tab}: no layout`);
    const col = map.monthCols[4] + 1;
    for (const [code, row] of map.rows) {
      if (code === STATUS_CODES.submitted) emu.rawSet(tab, a1(row + 1, col), true);
      else if (code === STATUS_CODES.submittedAt) emu.rawSet(tab, a1(row + 1, col), vnInstant(2026, 5, 18, 10));
      else if (code !== STATUS_CODES.note) emu.rawSet(tab, a1(row + 1, col), code === 'TV_TO' ? 4 : 0);
    }
  }
  return { emu, ctx };
}

function measure(emu: AppsScriptEmulator, run: () => void) {
  const mails = emu.mail.outbox.length;
  emu.calls.reset();
  const started = performance.now();
  run();
  return {
    calls: emu.calls.total(),
    reads: emu.calls.get('Range.getValues'),
    writes: emu.calls.total((name) => /^Range\.set/.test(name)),
    properties: emu.calls.total((name) => name.startsWith('Properties.')),
    emails: emu.mail.outbox.length - mails,
    ms: performance.now() - started,
  };
}

export async function benchReminders(): Promise<string[]> {
  const lines = ['Reminders (service calls; time is the emulator on this machine, not Apps Script):'];
  for (const villages of [16, 100]) {
    const { emu, ctx } = commune(villages);
    emu.clock.set(vnInstant(2026, 5, 22, 8, 5));
    const first = measure(emu, () => callEntry(emu, ctx, 'runScheduledReminders', [], AS_OFFICE));
    const again = measure(emu, () => callEntry(emu, ctx, 'runScheduledReminders', [], AS_OFFICE));
    const ledger = [...emu.properties.document].filter(([k]) => k.startsWith('reminders:')).map(([k, v]) => `${k} ${Buffer.byteLength(k + v)} B`);
    const show = (what: string, m: ReturnType<typeof measure>) =>
      `  ${villages} villages, ${what}: ${m.emails} emails, ${m.calls} calls (${m.reads} getValues, ${m.writes} range writes, ${m.properties} property calls), ${m.ms.toFixed(0)} ms`;
    lines.push(show('first overdue reminder day', first), show('second run the same day', again), `  ${villages} villages, ledger: ${ledger.join(', ')}`);
  }
  return lines;
}

if (require.main === module) {
  benchReminders().then((lines) => console.log(lines.join('\n')));
}
