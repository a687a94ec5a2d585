/** Writes a mark plan of core/entry/cellMarks.ts: the changed notes and backgrounds, one call each. */
import type { MarkPlan } from '../core/entry/cellMarks';

export function applyMarks(sheet: GoogleAppsScript.Spreadsheet.Sheet, marks: MarkPlan): void {
  const target = sheet.getRange(marks.row + 1, marks.column + 1, marks.numRows, marks.numColumns);
  if (marks.notes) target.setNotes(marks.notes);
  if (marks.backgrounds) target.setBackgrounds(marks.backgrounds);
}
