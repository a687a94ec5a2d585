/**
 * Service calls of setup at 16, 40 and 100 villages: the first setup (applyPreset of bach-ngoc, then
 * setupWorkbook for the registry rows added beyond its 16 villages) and a second setupWorkbook run,
 * which finds everything in place. Printed, never asserted.
 */
import { appendRegistryRows } from '../../test/integration/harness';
import { callsText, emptyWorkbook, generatedVillages, measure, sum } from './workbook';

const NOW = new Date('2026-05-10T01:00:00Z');

export async function benchSetup(): Promise<string[]> {
  const lines = ['Setup (service calls; time is the emulator on this machine, not Apps Script):'];
  for (const villages of [16, 40, 100]) {
    const wb = emptyWorkbook(villages, { now: NOW });
    let first = measure(wb.emu, () => wb.call('applyPreset', ['bach-ngoc']));
    const added = generatedVillages(villages);
    if (added.length > 0) {
      appendRegistryRows(wb.emu, added);
      first = sum(first, measure(wb.emu, () => wb.call('setupWorkbook')));
    }
    const again = measure(wb.emu, () => wb.call('setupWorkbook'));
    const how = added.length > 0 ? `applyPreset, then setupWorkbook for ${added.length} added rows` : 'applyPreset';
    lines.push(`  ${villages} villages, first setup (${how}): ${callsText(first)}`);
    lines.push(`  ${villages} villages, second setup run: ${callsText(again)}`);
  }
  return lines;
}
