/**
 * Kiểm tra số liệu marks offending cells with a background and a note it owns. This works out, for
 * one tab, which notes and backgrounds must change, leaving a person's notes and colours alone.
 */
import { a1 } from '../shared/a1';
import { errorsOf, type Finding } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { findingsNote, needsFixNote, REJECTED_HEADING, splitNote, withOwnNote } from './ownNotes';
import type { VillageReport } from './monthReports';

export interface MarkPalette {
  error: string;
  warning: string;
  /** What a cell's background goes back to when its mark is removed, by the row's code. */
  restore: (rowCode: string) => string;
}

export interface MarkPlan {
  notes: string[][];
  backgrounds: string[][];
  notesChanged: boolean;
  backgroundsChanged: boolean;
  /** 0-based bounding box of every changed cell, null when nothing changed. */
  changed: { row: number; column: number; numRows: number; numColumns: number } | null;
}

/**
 * `notes` and `backgrounds` are the tab's current ones (same shape as its values). The checkbox of a
 * submitted month with errors carries the "Cần sửa" summary, like the edit trigger writes it; a note
 * left on a refused tick stays until the next tick replaces it.
 */
export function planMarks(report: VillageReport, findingsByMonth: readonly Finding[][], notes: Grid, backgrounds: Grid, palette: MarkPalette): MarkPlan {
  const wanted = new Map<string, { own: string; color: string }>();
  const byCell = new Map<string, Finding[]>();
  for (const f of findingsByMonth.flat()) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  for (const [cell, list] of byCell) {
    wanted.set(cell, { own: findingsNote(list), color: errorsOf(list).length > 0 ? palette.error : palette.warning });
  }
  report.months.forEach((month, i) => {
    if (!month.submittedCell) return;
    const errors = errorsOf(findingsByMonth[i] ?? []);
    if (month.submitted && errors.length > 0) wanted.set(month.submittedCell, { own: needsFixNote(errors), color: palette.error });
    else wanted.delete(month.submittedCell);
  });

  const codeOfRow = new Map<number, string>([...report.map.rows].map(([code, row]) => [row, code]));
  const marks = new Set([palette.error.toLowerCase(), palette.warning.toLowerCase()]);
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
      const nextBackground = want ? want.color : isMark ? palette.restore(codeOfRow.get(r) ?? '') : background;
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
  return {
    notes: newNotes,
    backgrounds: newBackgrounds,
    notesChanged,
    backgroundsChanged,
    changed: b ? { row: b.r0, column: b.c0, numRows: b.r1 - b.r0 + 1, numColumns: b.c1 - b.c0 + 1 } : null,
  };
}
