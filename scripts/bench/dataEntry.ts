/**
 * Service calls made by data entry: one submission through the edit trigger, and Kiểm tra số liệu
 * on 16 and 100 villages. Figures are printed, never asserted on time.
 */
import { benchWorkbook, callsText, headOf, measure } from './workbook';

const NOW = new Date('2026-05-10T01:00:00Z');

export async function benchDataEntry(): Promise<string[]> {
  const lines: string[] = ['Data entry (service calls; time is the emulator on this machine, not Apps Script):'];
  for (const villages of [16, 100]) {
    const wb = benchWorkbook(villages, { now: NOW });
    const { emu, ctx } = wb;
    // Months 1–4 filled and half of them submitted in every tab, with one typing error each.
    for (let n = 1; n <= villages; n++) {
      emu.rawSet(`Thôn ${n}`, 'D5:G18', Array.from({ length: 14 }, () => [4, 4, 4, 4]));
      emu.rawSet(`Thôn ${n}`, 'D19:E19', [[true, true]]);
      emu.rawSet(`Thôn ${n}`, 'G14', 'bốn');
    }
    emu.rawSet('Thôn 1', 'H5:H18', Array.from({ length: 14 }, () => [4]));
    const edit = measure(emu, () => emu.userEdit(ctx, { user: headOf(1), sheet: 'Thôn 1', a1: 'H19', value: true }));
    const failed = emu.executions.filter((x) => x.error !== undefined).length;
    lines.push(`  ${villages} villages, one tick (submission): ${callsText(edit)}${failed ? ` — ${failed} FAILED` : ''}`);
    const first = measure(emu, () => wb.call('checkReports'));
    lines.push(`  ${villages} villages, Kiểm tra số liệu (marks every tab): ${callsText(first)}`);
    const again = measure(emu, () => wb.call('checkReports'));
    lines.push(`  ${villages} villages, Kiểm tra số liệu again (nothing changed): ${callsText(again)}`);
  }
  return lines;
}
