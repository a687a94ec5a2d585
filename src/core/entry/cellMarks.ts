/**
 * Kiểm tra số liệu marks offending cells with a background and a note it owns. This works out, for
 * one tab, which notes and backgrounds must change, leaving a person's notes and colours alone.
 */
import { a1 } from '../shared/a1';
import { errorsOf, type Finding } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { PALETTE } from '../shared/palette';
import { STATUS_CODES } from '../workbook/villageTabLayout';
import { findingsNote, isMarkNote, needsFixNote, splitNote, withOwnNote } from './ownNotes';
import type { VillageReport } from './monthReports';

const MARKS = { error: PALETTE.bad, warning: PALETTE.near };

/** What a cell's background goes back to when its mark is removed: its row's colour in the tab layout. */
function restoredBackground(rowCode: string): string {
  if (rowCode === STATUS_CODES.submitted) return PALETTE.submittedRowBg;
  if (rowCode === STATUS_CODES.submittedAt) return PALETTE.autoRowBg;
  return PALETTE.inputBg;
}

/** The changes, as one block of the tab written with at most one setNotes and one setBackgrounds. */
export interface MarkPlan {
  /** 0-based: relative to the grids planned from (planMarks), in the tab (planMonthMarks). */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The block's notes; null when no note changes. */
  notes: string[][] | null;
  /** The block's backgrounds; null when no background changes. */
  backgrounds: string[][] | null;
}

/** A cell's wanted mark: the add-on's part of its note and its background. */
interface Mark {
  own: string;
  color: string;
}

/** The marks `findings` ask for, by A1: every finding of a cell in its note, red when one is an error. */
function marksOf(findings: readonly Finding[]): Map<string, Mark> {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  const wanted = new Map<string, Mark>();
  for (const [cell, list] of byCell) wanted.set(cell, { own: findingsNote(list), color: errorsOf(list).length > 0 ? MARKS.error : MARKS.warning });
  return wanted;
}

/**
 * `notes` and `backgrounds` are the tab's current ones (same shape as its values). The checkbox of a
 * submitted month with errors carries the "Cần sửa" summary, like the edit trigger writes it; a note
 * left on a refused tick stays until the next tick replaces it.
 */
export function planMarks(report: VillageReport, findingsByMonth: readonly (readonly Finding[])[], notes: Grid, backgrounds: Grid): MarkPlan | null {
  const wanted = marksOf(findingsByMonth.flat());
  report.months.forEach((month, i) => {
    if (!month.submittedCell) return;
    const errors = errorsOf(findingsByMonth[i] ?? []);
    if (month.submitted && errors.length > 0) wanted.set(month.submittedCell, { own: needsFixNote(errors), color: MARKS.error });
    else wanted.delete(month.submittedCell);
  });
  return changedMarks(report, wanted, notes, backgrounds, { row: 0, column: 0 }, () => true);
}

/** A month's column of the table, below its header: 0-based, as the tab's grid counts. */
export interface ColumnBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: 1;
}

/** Null when the tab has no column for the month. */
export function monthColumnBlock(report: VillageReport, month: number): ColumnBlock | null {
  const column = report.map.monthCols[month - 1];
  if (column === undefined || column < 0) return null;
  const row = report.map.headerRow + 1;
  return { row, column, numRows: Math.max(row, ...report.map.rows.values()) - row + 1, numColumns: 1 };
}

/**
 * The marks of one month after an edit (docs/validation.md, "On a tick"): its indicator cells get
 * those `findings` ask for and lose the others, as Kiểm tra số liệu would mark them. Its status cells
 * are left to the submission plan. `notes` and `backgrounds` are the block's (one column); the plan
 * is placed in the tab's grid, 0-based.
 */
export function planMonthMarks(report: VillageReport, block: ColumnBlock, findings: readonly Finding[], notes: Grid, backgrounds: Grid): MarkPlan | null {
  const statusRows = new Set(Object.values(STATUS_CODES).map((code) => report.map.rows.get(code)));
  const plan = changedMarks(report, marksOf(findings), notes, backgrounds, block, (r) => !statusRows.has(r));
  return plan && { ...plan, row: plan.row + block.row, column: plan.column + block.column };
}

/**
 * What changes when the cells get the `wanted` marks and lose every other mark of the add-on; a
 * person's notes and colours stay. The grids start at `origin` of the tab (0-based); `owned(row)`
 * says whether a row of the tab may be marked at all. The plan is relative to the grids.
 */
function changedMarks(report: VillageReport, wanted: ReadonlyMap<string, Mark>, notes: Grid, backgrounds: Grid, origin: { row: number; column: number }, owned: (row: number) => boolean): MarkPlan | null {
  const codeOfRow = new Map<number, string>([...report.map.rows].map(([code, row]) => [row, code]));
  const marks = new Set([MARKS.error.toLowerCase(), MARKS.warning.toLowerCase()]);
  const newNotes = notes.map((row) => row.map((n) => String(n ?? '')));
  const newBackgrounds = backgrounds.map((row) => row.map((b) => String(b ?? '')));
  let notesChanged = false;
  let backgroundsChanged = false;
  let box: { r0: number; c0: number; r1: number; c1: number } | null = null;
  const touch = (r: number, c: number) => {
    box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
  };

  for (let r = 0; r < newNotes.length; r++) {
    const row = r + origin.row;
    if (!owned(row)) continue;
    for (let c = 0; c < newNotes[r].length; c++) {
      const note = newNotes[r][c];
      const { own } = splitNote(note);
      const want = wanted.get(a1(row + 1, c + origin.column + 1)) ?? null;
      if (!want && !isMarkNote(own)) continue;
      const nextNote = withOwnNote(note, want ? want.own : null);
      const background = newBackgrounds[r]?.[c] ?? '';
      const isMark = marks.has(background.toLowerCase());
      const nextBackground = want ? want.color : isMark ? restoredBackground(codeOfRow.get(row) ?? '') : background;
      if (nextNote !== note) {
        newNotes[r][c] = nextNote;
        notesChanged = true;
        touch(r, c);
      }
      if (nextBackground.toLowerCase() !== background.toLowerCase() && newBackgrounds[r]) {
        newBackgrounds[r][c] = nextBackground;
        backgroundsChanged = true;
        touch(r, c);
      }
    }
  }
  const b = box as { r0: number; c0: number; r1: number; c1: number } | null;
  if (!b) return null;
  const cut = (grid: string[][]) => grid.slice(b.r0, b.r1 + 1).map((r) => r.slice(b.c0, b.c1 + 1));
  return {
    row: b.r0,
    column: b.c0,
    numRows: b.r1 - b.r0 + 1,
    numColumns: b.c1 - b.c0 + 1,
    notes: notesChanged ? cut(newNotes) : null,
    backgrounds: backgroundsChanged ? cut(newBackgrounds) : null,
  };
}
