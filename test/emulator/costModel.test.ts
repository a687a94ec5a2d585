import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushMs, LATENCY, latencyOf } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import { setup, type Globals } from './helpers';

/** The cost model (emulator/latency.ts, costMeter.ts; CONFORMANCE.md › Cost model). */
describe('cost model', () => {
  test('each call costs its figure from the latency table', () => {
    const { emu, g } = setup();
    const props = emu.run({}, () => g.PropertiesService.getDocumentProperties()) as Globals;
    emu.calls.reset();
    emu.run({}, () => {
      props.setProperty('k', 'v');
      props.getProperty('k');
      g.MailApp.sendEmail('head1@example.com', 'subject', 'body');
      g.Utilities.formatDate(new Date(), 'Asia/Ho_Chi_Minh', 'yyyy');
    });
    expect(LATENCY['Properties.getProperty'].ms).toBe(30);
    expect(LATENCY['Properties.setProperty'].ms).toBe(60);
    expect(LATENCY['MailApp.sendEmail'].ms).toBe(700);
    expect(emu.estimatedMs()).toBe(60 + 30 + 700);
    expect(emu.calls.meter.breakdown()).toEqual({ 'MailApp.sendEmail': 700, 'Properties.setProperty': 60, 'Properties.getProperty': 30 });
    emu.calls.reset();
    expect(emu.estimatedMs()).toBe(0);
  });

  test('unlisted spreadsheet calls default to a read (2 ms) or a queued write (20 ms)', () => {
    expect(latencyOf('Range.getFormulas')).toMatchObject({ ms: 2, kind: 'read' });
    expect(latencyOf('Range.setFontLine')).toMatchObject({ ms: 20, kind: 'write' });
    expect(latencyOf('DataValidationBuilder.requireCheckbox')).toMatchObject({ ms: 0, kind: 'local' });
  });

  test('writes are queued: the first read after them pays one flush that grows with the cells written', () => {
    const { emu, g } = setup();
    const sheet = emu.run({}, () => g.SpreadsheetApp.getActive().getSheets()[0]) as Globals;
    emu.calls.reset();
    emu.run({}, () => {
      sheet.getRange('A1:D10').setValues(Array.from({ length: 10 }, () => [1, 2, 3, 4]));
      sheet.getRange('E1').setValue('x');
      sheet.getRange('A1:E10').getValues();
      sheet.getRange('A1:E10').getValues();
    });
    expect(flushMs(41)).toBe(35); // 30 ms + 0.13 ms × 41 cells, in whole ms
    expect(flushMs(4000)).toBe(550);
    expect(emu.calls.meter.flushCount).toBe(1);
    expect(emu.estimatedMs()).toBeCloseTo(20 + 20 + flushMs(41) + 2 + 2);

    // Writes left queued are committed (and charged) when the execution ends; a flush is capped.
    emu.calls.reset();
    emu.run({}, () => sheet.getRange('A1:Z500').setBackground('#ffffff'));
    expect(emu.calls.meter.flushCount).toBe(1);
    expect(emu.estimatedMs()).toBe(20 + 600);

    // Nothing queued: reads, SpreadsheetApp.flush and the end of the execution charge no flush.
    emu.calls.reset();
    emu.run({}, () => {
      sheet.getRange('A1').getValue();
      g.SpreadsheetApp.flush();
    });
    expect(emu.calls.meter.flushCount).toBe(0);
    expect(emu.estimatedMs()).toBe(2 + 2);
  });

  test('releasing a lock commits the queued writes', () => {
    const { emu, g } = setup();
    const sheet = emu.run({}, () => g.SpreadsheetApp.getActive().getSheets()[0]) as Globals;
    emu.calls.reset();
    emu.run({}, () => {
      const lock = g.LockService.getDocumentLock();
      lock.tryLock(1000);
      sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
      lock.releaseLock();
      expect(emu.calls.meter.flushCount).toBe(1);
    });
    expect(emu.calls.meter.flushCount).toBe(1);
    expect(emu.estimatedMs()).toBeCloseTo(50 + 20 + flushMs(4) + 10);
  });

  const CODE = `
function budgeted() {
  var started = Date.now();
  var firstDate = new Date().getTime();
  var props = PropertiesService.getDocumentProperties();
  props.setProperty('a', '1');
  props.getProperty('a');
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
  sheet.getRange('A1:B2').getValues();
  Utilities.sleep(1000);
  return { elapsed: Date.now() - started, elapsedDate: new Date().getTime() - firstDate };
}
`;

  function bundle(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'emu-cost-')), 'Code.js');
    writeFileSync(file, CODE);
    return file;
  }

  test('advanceClockByLatency: the script\'s Date.now() and new Date() move by the estimated cost', () => {
    const expected = 60 + 30 + 2 + 2 + 20 + flushMs(4) + 2 + 1000; // getActive and getSheets are 2 ms each
    const { emu } = setup({ now: new Date('2026-05-10T01:00:00Z'), advanceClockByLatency: true });
    const ctx = loadBundle(emu, bundle());
    emu.calls.reset();
    const r = callEntry(emu, ctx, 'budgeted') as { elapsed: number; elapsedDate: number };
    expect(r.elapsed).toBeCloseTo(expected);
    expect(r.elapsedDate).toBeCloseTo(expected);
    // The sleep moved the clock itself; the meter counts it once. Nothing was left to flush at the end.
    expect(emu.estimatedMs()).toBeCloseTo(expected);
    expect(emu.clock.nowMs() - new Date('2026-05-10T01:00:00Z').getTime()).toBeCloseTo(expected);
  });

  test('by default the clock stays put (only the sleep moves it), whatever the estimate', () => {
    const { emu } = setup({ now: new Date('2026-05-10T01:00:00Z') });
    const ctx = loadBundle(emu, bundle());
    const r = callEntry(emu, ctx, 'budgeted') as { elapsed: number };
    expect(r.elapsed).toBe(1000);
    expect(emu.estimatedMs()).toBeGreaterThan(1100);
  });
});
