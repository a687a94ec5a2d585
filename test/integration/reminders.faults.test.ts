/**
 * Fault injection over every service call of a reminder run: for each call k, a fresh commune runs
 * the daily trigger with call k failing, then again the same afternoon and the next morning without
 * a fault. Whatever failed, nobody gets the same reminder twice, every email ends up in `Nhật ký`,
 * and no tab is left empty. The sweep's points and outcomes go to test-artifacts/faults/reminders.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../emulator';
import { vnInstant } from '../../src/core/shared/calendar';
import { readLedger, unloggedSends } from '../../src/core/reminders/ledger';
import { sweepFaults } from './faults';
import { fillVillageMonth, setSetting, workbookWithPreset, type TestWorkbook } from './harness';

const VHXH = 'vhxh@example.gov.vn';
/** Thôn 2 and 3 share a head; Thôn 4's address is invalid; Thôn 6 submitted on time. */
const VILLAGES = [
  ['Thôn 1', 'Nguyễn Văn An', 'an@example.com'],
  ['Thôn 2', 'Lê Văn Bình', 'binh@example.com'],
  ['Thôn 3', 'Lê Văn Bình', 'binh@example.com'],
  ['Thôn 4', 'Trần Thị Dung', 'dung@example'],
  ['Thôn 5', 'Phạm Văn Em', 'em@example.com'],
  ['Thôn 6', 'Hoàng Thị Phúc', 'phuc@example.com'],
];
/** The digest, then one email each to An, Bình (Thôn 2 and 3) and Em. */
const EMAILS = 4;

interface Commune extends TestWorkbook {
  threw: boolean;
}

/** May 22, 09:00: the first overdue reminder is due. */
function commune(): Commune {
  const wb = workbookWithPreset('mac-dinh', { now: vnInstant(2026, 5, 22, 9, 0), editors: VILLAGES.map((v) => v[2]) });
  wb.emu.rawSet('Danh sách', 'A5:C10', VILLAGES);
  setSetting(wb.emu, 'Email phòng VH-XH', VHXH);
  wb.emu.ui.queueResponse({ button: 'OK' });
  wb.call('setupWorkbook');
  fillVillageMonth(wb.emu, 'Thôn 6', 5, { ticked: true, submittedAt: vnInstant(2026, 5, 18, 10, 0) });
  return { ...wb, threw: false };
}

function runReminders(w: Commune): void {
  try {
    w.call('runScheduledReminders');
  } catch (err) {
    w.threw = true;
    throw err;
  }
}

const logRows = (w: Commune) => w.emu.rawGrid('Nhật ký').map((r) => ({ action: String(r[2]), village: String(r[3]), detail: String(r[5]) }));
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3600e3).toISOString().slice(0, 10);

/** Each email's Nhật ký rows: one per village it named (the digest: one); a row counts for one email only. */
function unloggedEmails(w: Commune): string[] {
  const rows = logRows(w);
  const missing: string[] = [];
  for (const mail of w.emu.mail.outbox) {
    const wanted = mail.to === VHXH ? [{ action: 'Gửi tổng hợp nhắc việc', village: '', detail: `tới ${VHXH}` }] : mail.subject.split(' – ')[1].split(', ').map((village) => ({ action: 'Gửi nhắc', village, detail: `→ ${mail.to}` }));
    for (const want of wanted) {
      const at = rows.findIndex((r) => r.action === want.action && r.village === want.village && r.detail.includes(want.detail));
      if (at < 0) missing.push(`${mail.to}: ${want.village || 'digest'}`);
      else rows.splice(at, 1);
    }
  }
  return missing;
}

const sendRows = (w: Commune) => logRows(w).filter((r) => r.action === 'Gửi nhắc' || r.action === 'Gửi tổng hợp nhắc việc').length;
/** One row per village an email named; one per digest. */
const rowsWanted = (w: Commune) => w.emu.mail.outbox.reduce((n, m) => n + (m.to === VHXH ? 1 : m.subject.split(' – ')[1].split(', ').length), 0);

function judge(w: Commune): string {
  const { emu } = w;
  const sent = emu.mail.outbox.length;
  const loggedAtOnce = unloggedEmails(w).length === 0;
  emu.clock.set(vnInstant(2026, 5, 22, 15, 0));
  w.call('runScheduledReminders');
  emu.clock.set(vnInstant(2026, 5, 23, 9, 0));
  w.call('runScheduledReminders');

  const perDay = new Map<string, number>();
  for (const m of emu.mail.outbox) perDay.set(`${vnDay(m.sentAt)} ${m.to}`, (perDay.get(`${vnDay(m.sentAt)} ${m.to}`) ?? 0) + 1);
  expect([...perDay].filter(([, n]) => n > 1)).toEqual([]);
  // Each head got May's step 2 exactly once; the office one digest on each day.
  expect(emu.mail.outbox.map((m) => m.to).sort()).toEqual(['an@example.com', 'binh@example.com', 'em@example.com', VHXH, VHXH]);
  expect(unloggedEmails(w)).toEqual([]);
  expect(unloggedSends(readLedger(Object.fromEntries(emu.properties.document)))).toEqual({ sends: [], digestOn: null });
  expect(logRows(w).filter((r) => r.action === 'Bỏ qua nhắc' && r.village === 'Thôn 4')).not.toEqual([]);
  expect(emu.sheetNames().filter((name) => emu.rawGrid(name).length === 0)).toEqual([]);

  const twice = sendRows(w) > rowsWanted(w) ? '; a Nhật ký row written twice' : '';
  const late = loggedAtOnce ? '' : '; logged by the rerun';
  if (!w.threw) return sent === EMAILS ? 'no effect' : `an email failed, sent by the rerun${late}${twice}`;
  if (sent === 0) return `failed before sending${twice}`;
  return `${sent === EMAILS ? 'all sent, then failed' : `sent ${sent} of ${EMAILS}, rest by the rerun`}${late}${twice}`;
}

describe('a reminder run failing at any service call', () => {
  it('never sends the same reminder twice and logs every email, by the next run at the latest', () => {
    const clean = commune();
    runReminders(clean);
    expect(clean.emu.mail.outbox).toHaveLength(EMAILS);

    const sweep = sweepFaults(commune, runReminders, judge);
    const dir = join(REPO_ROOT, 'test-artifacts', 'faults');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'reminders.json'), `${JSON.stringify(sweep, null, 2)}\n`);
    expect(sweep.points).toBeGreaterThan(20);
    expect(Object.values(sweep.outcomes).reduce((a, b) => a + b, 0)).toBe(sweep.points);
  });
});
