/** What an edit of a village tab asks of the add-on, month by month (docs/validation.md, "On a tick"). */
import { STATUS_CODES } from '../workbook/villageTabLayout';
import type { MonthReport, VillageReport } from './monthReports';

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
  return touchedMonths(report, rect).flatMap(({ month, tickTouched }): EditAction[] => {
    const stamped = month.submittedAt !== null;
    // A tick never stamped (its run failed) is handled by the next edit of its month, whatever was edited.
    if (month.submitted && !stamped) return [{ kind: 'submit', month: month.month }];
    if (tickTouched && !month.submitted && stamped) return [{ kind: 'retract', month: month.month }];
    return month.submitted ? [{ kind: 'recheck', month: month.month }] : [];
  });
}

/**
 * The months an edit may change the outcome of, decided before taking the lock: every month whose
 * checkbox was edited (whatever it holds now: a tick undone while waiting for the lock still needs
 * its stamp cleared), and submitted months whose data was edited. Any other edit needs no work.
 */
export function monthsNeedingWork(report: VillageReport, rect: EditedRect): number[] {
  return touchedMonths(report, rect).flatMap(({ month, tickTouched }) => (tickTouched || month.submitted ? [month.month] : []));
}

/** The checkbox cell of `month` as an edited block: a retry replays the edit of that tick. */
export function tickCellRect(report: VillageReport, month: number): EditedRect {
  const row = report.map.rows.get(STATUS_CODES.submitted) ?? -1;
  return { row: row + 1, column: report.map.monthCols[month - 1] + 1, numRows: 1, numColumns: 1 };
}

function touchedMonths(report: VillageReport, rect: EditedRect): { month: MonthReport; tickTouched: boolean }[] {
  const rowTouched = (r: number | undefined) => r !== undefined && r + 1 >= rect.row && r + 1 < rect.row + rect.numRows;
  const statusCodes: readonly string[] = Object.values(STATUS_CODES);
  const dataRows = [...report.map.rows].filter(([code]) => !statusCodes.includes(code)).map(([, row]) => row);
  const tickTouched = rowTouched(report.map.rows.get(STATUS_CODES.submitted));
  if (!tickTouched && !dataRows.some(rowTouched)) return [];
  return report.months
    .filter((month) => {
      const col = report.map.monthCols[month.month - 1];
      return col >= 0 && col + 1 >= rect.column && col + 1 < rect.column + rect.numColumns;
    })
    .map((month) => ({ month, tickTouched }));
}
