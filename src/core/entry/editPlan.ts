/** What an edit of a village tab asks of the add-on, month by month (docs/validation.md, "On a tick"). */
import { STATUS_CODES } from '../workbook/villageTabLayout';
import type { VillageReport } from './monthReports';

/** The edited block, 1-based as Sheets reports it. */
export interface EditedRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * submit: ticked and not yet stamped. retract: unticked but stamped. recheck: a submitted month
 * whose data (or tick) was edited again.
 */
export type EditAction = { kind: 'submit' | 'retract' | 'recheck'; month: number };

export function planEdit(report: VillageReport, rect: EditedRect): EditAction[] {
  const rowTouched = (r: number | undefined) => r !== undefined && r + 1 >= rect.row && r + 1 < rect.row + rect.numRows;
  const submittedRow = report.map.rows.get(STATUS_CODES.submitted);
  const statusCodes: readonly string[] = Object.values(STATUS_CODES);
  const dataRows = [...report.map.rows].filter(([code]) => !statusCodes.includes(code)).map(([, row]) => row);
  const tickTouched = rowTouched(submittedRow);
  const dataTouched = dataRows.some(rowTouched);
  const actions: EditAction[] = [];
  for (const month of report.months) {
    const col = report.map.monthCols[month.month - 1];
    if (col < 0 || col + 1 < rect.column || col + 1 >= rect.column + rect.numColumns) continue;
    const stamped = month.submittedAt !== null;
    if (tickTouched && month.submitted && !stamped) actions.push({ kind: 'submit', month: month.month });
    else if (tickTouched && !month.submitted && stamped) actions.push({ kind: 'retract', month: month.month });
    else if ((tickTouched || dataTouched) && month.submitted) actions.push({ kind: 'recheck', month: month.month });
  }
  return actions;
}
