/**
 * A setup too long for one execution (docs/limits.md): the emulator moves its clock by each call's
 * estimated Apps Script latency, so setup stops at its budget, schedules a one-off trigger and the
 * follow-ups finish the job — ending with the same workbook as a setup that was never cut.
 */
import { generatedVillages } from '../../scripts/bench/workbook';
import { TAB_LOG } from '../../src/core/workbook/tabNames';
import { appendRegistryRows, newWorkbook, type TestWorkbook } from './harness';

const VILLAGES = 100;
const NOW = new Date('2026-05-10T01:00:00Z');
const FOUR_MINUTES = 4 * 60 * 1000;
const heads = Array.from({ length: VILLAGES }, (_, i) => `thon${i + 1}@example.com`);

function presetWithVillages(advanceClockByLatency: boolean): TestWorkbook {
  const wb = newWorkbook({ now: NOW, editors: heads, advanceClockByLatency });
  wb.call('applyPreset', ['bach-ngoc']);
  appendRegistryRows(wb.emu, generatedVillages(VILLAGES));
  return wb;
}

const pendingContinuation = (wb: TestWorkbook) => wb.emu.triggers.some((t) => t.handler === 'continueSetup');

/** Every tab but the log (its times and lines differ by design), positions included. */
const workbookWithoutLog = (wb: TestWorkbook) => wb.emu.model().sheets.filter((s) => s.name !== TAB_LOG);

describe('setup that continues', () => {
  const cut = presetWithVillages(true);
  const durations: number[] = [];
  let started = cut.emu.clock.nowMs();
  const first = cut.call<{ done: number; total: number; continuing: boolean }>('setupWorkbook');
  durations.push(cut.emu.clock.nowMs() - started);
  while (pendingContinuation(cut) && durations.length < 10) {
    cut.emu.clock.advance(61_000);
    started = cut.emu.clock.nowMs();
    cut.emu.fireDueTimeTriggers(cut.ctx);
    durations.push(cut.emu.clock.nowMs() - started);
  }

  it('stops at its budget, says how far it got, and carries on in follow-up executions', () => {
    expect(first.continuing).toBe(true);
    expect(first.done).toBeLessThan(first.total);
    expect(durations.length).toBeGreaterThan(1);
    expect(pendingContinuation(cut)).toBe(false);
    for (const ms of durations) expect(ms).toBeLessThan(FOUR_MINUTES);
    const alert = cut.emu.ui.alerts.at(-1);
    expect(alert?.prompt).toContain(`Đã xong ${first.done}/${first.total} tab.`);
    const log = cut.emu.rawGrid(TAB_LOG).map((row) => String(row[5]));
    expect(log.some((detail) => detail.includes(`đã xong ${first.done}/${first.total} tab, sẽ tự chạy tiếp`))).toBe(true);
  });

  it('ends with the same workbook, cell for cell, as a setup that was never cut', () => {
    const whole = presetWithVillages(false);
    whole.call('setupWorkbook');
    expect(pendingContinuation(whole)).toBe(false);
    expect(workbookWithoutLog(cut)).toEqual(workbookWithoutLog(whole));
  });

  it('a rerun with nothing to change writes nothing and logs nothing', () => {
    const logRows = cut.emu.rawGrid(TAB_LOG).length;
    cut.emu.calls.reset();
    cut.call('setupWorkbook');
    const writes = Object.entries(cut.emu.calls.snapshot()).filter(([name]) => /^(Range|Sheet|Spreadsheet|Protection)\.(set|insert|merge|breakApart|clear|remove|protect|add|hide|show|delete)/.test(name));
    expect(writes).toEqual([]);
    expect(cut.emu.rawGrid(TAB_LOG).length).toBe(logRows);
  });
});
