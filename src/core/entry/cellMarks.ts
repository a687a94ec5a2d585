/**
 * Kiểm tra số liệu marks offending cells with a background and a note it owns. This works out, for
 * one tab, which notes and backgrounds must change, leaving a person's notes and colours alone.
 */
import { a1 } from '../shared/a1';
import { errorsOf, type Finding } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { PALETTE } from '../shared/palette';
import { STATUS_CODES } from '../workbook/villageTabLayout';
import { findingsNote, needsFixNote, REJECTED_HEADING, splitNote, withOwnNote } from './ownNotes';
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
  /** 0-based, relative to the grids planned from. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The block's notes; null when no note changes. */
  notes: string[][] | null;
  /** The block's backgrounds; null when no background changes. */
  backgrounds: string[][] | null;
}

/**
 * `notes` and `backgrounds` are the tab's current ones (same shape as its values). The checkbox of a
 * submitted month with errors carries the "Cần sửa" summary, like the edit trigger writes it; a note
 * left on a refused tick stays until the next tick replaces it.
 */
export function planMarks(report: VillageReport, findingsByMonth: readonly (readonly Finding[])[], notes: Grid, backgrounds: Grid): MarkPlan | null {
  const wanted = new Map<string, { own: string; color: string }>();
  const byCell = new Map<string, Finding[]>();
  for (const f of findingsByMonth.flat()) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  for (const [cell, list] of byCell) {
    wanted.set(cell, { own: findingsNote(list), color: errorsOf(list).length > 0 ? MARKS.error : MARKS.warning });
  }
  report.months.forEach((month, i) => {
    if (!month.submittedCell) return;
    const errors = errorsOf(findingsByMonth[i] ?? []);
    if (month.submitted && errors.length > 0) wanted.set(month.submittedCell, { own: needsFixNote(errors), color: MARKS.error });
    else wanted.delete(month.submittedCell);
  });

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
    for (let c = 0; c < newNotes[r].length; c++) {
      const note = newNotes[r][c];
      const { own } = splitNote(note);
      const want = wanted.get(a1(r + 1, c + 1)) ?? null;
      if (!want && (own === null || own.startsWith(REJECTED_HEADING))) continue;
      const nextNote = withOwnNote(note, want ? want.own : null);
      const background = newBackgrounds[r]?.[c] ?? '';
      const isMark = marks.has(background.toLowerCase());
      const nextBackground = want ? want.color : isMark ? restoredBackground(codeOfRow.get(r) ?? '') : background;
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
