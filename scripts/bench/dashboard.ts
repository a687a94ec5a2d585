/**
 * The dashboard at 16, 100 and 500 villages: its server function getDashboardData (what the sidebar
 * calls when it opens or refreshes), on workbooks with months 1–5 reported. Printed, never asserted.
 */
import { reportedWorkbook } from './aggregate';
import { MEASURED_HEADER, measure, measuredCells, table } from './workbook';

export async function benchDashboard(): Promise<string[]> {
  const rows: string[][] = [];
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  dashboard: ${villages} villages…\n`);
    const wb = reportedWorkbook(villages);
    const data = measure(wb.emu, () => wb.call('getDashboardData'));
    rows.push([`${villages}`, ...measuredCells(data)]);
  }
  return ['Dashboard — getDashboardData (the sidebar\'s server function):', ...table(['villages', ...MEASURED_HEADER], rows)];
}
