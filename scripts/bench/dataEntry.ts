/**
 * Data entry at 16, 100 and 500 villages: a head types a number, then ticks "Đã nộp báo cáo" (each
 * runs the edit triggers), and Kiểm tra số liệu (checkReports) marks every tab, then runs again on
 * the unchanged workbook. Printed, never asserted on time.
 */
import { benchWorkbook, headOf, MEASURED_HEADER, measure, measuredCells, table } from './workbook';

const NOW = new Date('2026-05-10T01:00:00Z');

export async function benchDataEntry(): Promise<string[]> {
  const rows: string[][] = [];
  let failures = 0;
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  dataEntry: ${villages} villages…\n`);
    const wb = benchWorkbook(villages, { now: NOW });
    const { emu, ctx } = wb;
    // Months 1–4 filled and half of them submitted in every tab, with one typing error each.
    for (let n = 1; n <= villages; n++) {
      emu.rawSet(`Thôn ${n}`, 'D5:G18', Array.from({ length: 14 }, () => [4, 4, 4, 4]));
      emu.rawSet(`Thôn ${n}`, 'D19:E19', [[true, true]]);
      emu.rawSet(`Thôn ${n}`, 'G14', 'bốn');
    }
    emu.rawSet('Thôn 1', 'H6:H18', Array.from({ length: 13 }, () => [4]));
    const before = emu.executions.length;
    const typed = measure(emu, () => emu.userEdit(ctx, { user: headOf(1), sheet: 'Thôn 1', a1: 'H5', value: 4 }));
    const tick = measure(emu, () => emu.userEdit(ctx, { user: headOf(1), sheet: 'Thôn 1', a1: 'H19', value: true }));
    failures += emu.executions.slice(before).filter((x) => x.error !== undefined).length;
    const first = measure(emu, () => wb.call('checkReports'));
    const again = measure(emu, () => wb.call('checkReports'));
    rows.push(
      [`${villages}`, 'edit: a number typed', ...measuredCells(typed)],
      [`${villages}`, 'edit: tick (submission)', ...measuredCells(tick)],
      [`${villages}`, 'Kiểm tra số liệu', ...measuredCells(first)],
      [`${villages}`, 'Kiểm tra số liệu again', ...measuredCells(again)],
    );
  }
  return [
    `Data entry (edits run the edit triggers; Kiểm tra số liệu = checkReports)${failures ? ` — ${failures} edit trigger runs FAILED` : ''}:`,
    ...table(['villages', 'what', ...MEASURED_HEADER], rows),
  ];
}
