/**
 * Setup at 16, 100 and 500 villages: the first setup (applyPreset of bach-ngoc, then setupWorkbook
 * for the registry rows the office typed) and a second setupWorkbook run, which finds
 * everything in place. A long setup stops at its time budget and continues in a one-off time
 * trigger: the emulator's clock moves by the estimated latency of each call (advanceClockByLatency)
 * and every continuation is fired and measured as its own execution. Printed, never asserted.
 */
import { OFFICE, pasteVillages } from '../../test/integration/harness';
import { emptyWorkbook, MEASURED_HEADER, measuredCells, measureExecutions, seconds, registryVillages, sum, table, type Measured } from './workbook';

const NOW = new Date('2026-05-10T01:00:00Z');

/** All executions of one user action (or two), summed, with their count and the longest estimate. */
function row(label: string, runs: Measured[]): string[] {
  const total = runs.reduce(sum);
  const longest = Math.max(...runs.map((r) => r.estimatedSeconds));
  return [label, String(runs.length), seconds(longest), ...measuredCells(total)];
}

export async function benchSetup(): Promise<string[]> {
  const rows: string[][] = [];
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  setup: ${villages} villages…\n`);
    const wb = emptyWorkbook(villages, { now: NOW, advanceClock: true });
    const first = measureExecutions(wb, 'applyPreset', ['bach-ngoc']);
    pasteVillages(wb.emu, registryVillages(villages), OFFICE);
    first.push(...measureExecutions(wb, 'setupWorkbook'));
    const again = measureExecutions(wb, 'setupWorkbook');
    rows.push(row(`${villages} first`, first), row(`${villages} rerun`, again));
  }
  return [
    'Setup (first: applyPreset, then setupWorkbook for the rows typed into Danh sách; rerun: setupWorkbook again).',
    'Each continuation in a one-off time trigger is an execution; figures are summed over them:',
    ...table(['villages', 'executions', 'longest', ...MEASURED_HEADER], rows),
  ];
}
