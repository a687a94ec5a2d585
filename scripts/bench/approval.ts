/**
 * Approval at 16, 100 and 500 villages (docs/periods-and-status.md, "Approval"): approveMonth for a
 * month, run after run until nothing is left, then the next month, a rerun with nothing to approve,
 * and the dashboard's single-village commands.
 * The clock moves by each call's estimated latency, so the time budget stops runs as it would in
 * Apps Script. Printed, never asserted.
 */
import type { ApprovalResult } from '../../src/core/entry/approval';
import { vnInstant } from '../../src/core/shared/calendar';
import { fillVillageMonth } from '../../test/integration/harness';
import { benchWorkbook, MEASURED_HEADER, measure, measuredCells, table, type Measured } from './workbook';

const NOW = vnInstant(2026, 7, 25, 9);

export async function benchApproval(): Promise<string[]> {
  const lines: string[] = [];
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  approval: ${villages} villages…\n`);
    // Set up with a still clock (setup in one run), then May and June submitted everywhere.
    const wb = benchWorkbook(villages, { now: NOW });
    for (let n = 1; n <= villages; n++) {
      for (const m of [5, 6]) fillVillageMonth(wb.emu, `Thôn ${n}`, m, { ticked: true, submittedAt: vnInstant(2026, m, 15, 9), share: 0.5 });
    }
    wb.emu.calls.meter.advance = (ms) => wb.emu.clock.advance(ms);
    const rows: string[][] = [];
    const row = (label: string, m: Measured) => rows.push([label, ...measuredCells(m)]);
    const untilDone = (label: string, month: number) => {
      for (let run = 1; run <= 10; run++) {
        let result: ApprovalResult | undefined;
        row(`${label}, run ${run}`, measure(wb.emu, () => (result = wb.call<ApprovalResult>('approveMonth', [month]))));
        rows[rows.length - 1][0] += ` (${result?.approved.length} approved, ${result?.remaining} left)`;
        if (!result || result.remaining === 0) return;
      }
    };
    untilDone('approveMonth(5)', 5);
    untilDone('approveMonth(6), the next month', 6);
    row('approveMonth(6) again, nothing to approve', measure(wb.emu, () => wb.call('approveMonth', [6])));
    row('unlockVillageMonth', measure(wb.emu, () => wb.call('unlockVillageMonth', ['Thôn 2', 6, 'thử'])));
    row('approveVillageMonth', measure(wb.emu, () => wb.call('approveVillageMonth', ['Thôn 2', 6])));
    lines.push(`${villages} villages:`, ...table(['', ...MEASURED_HEADER], rows));
  }
  return ['Approval — approveMonth until every village is approved, then the next month; one village:', ...lines];
}
