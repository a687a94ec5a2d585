/**
 * What the edit trigger does about each month an edit touched (docs/validation.md, "On a tick"): a
 * clean tick is stamped and logged, a tick with errors is undone and explained on its checkbox and
 * in the month's `Ghi chú` with the wrong cells coloured, an untick clears the stamp, and a
 * submitted month whose data changed is checked again. Plain data: the adapter writes the cells
 * and the log entries, and decides nothing.
 */
import { STATUS_LABELS } from '../assessment/status';
import { periodLabel } from '../assessment/period';
import { dueDateOf, formatLocalDate, formatVnDateTime, isOnTime } from '../shared/calendar';
import { isDate } from '../shared/cellValues';
import { errorsOf, warningsOf, type Finding } from '../shared/findings';
import { tidyText } from '../shared/text';
import type { EditAction } from './editPlan';
import type { MonthReport, VillageReport } from './monthReports';
import { isNeedsFixNote, needsFixNote, readSubmittedValues, rejectedNote, splitNote, submittedValuesNote, withOwnMonthNote, withOwnNote } from './ownNotes';
import { monthColumnBlock, planMonthMarks, type ColumnBlock, type MarkPlan } from './cellMarks';
import { a1 } from '../shared/a1';
import { messageInMonth, validateMonths, type ValidationContext } from './validation';

/** One cell of the edited tab to write; a field left out is left as it is. */
export interface CellWrite {
  /** A1 address. */
  cell: string;
  /** A date stamps, a boolean ticks; a string is the `Ghi chú` text, or '' to clear a stamp. */
  value?: Date | boolean | string;
  numberFormat?: string;
  /** The whole note: a person's part is kept, only the add-on's part changes. */
  note?: string;
}

/** Same shape as a `Nhật ký` entry (gas/log.ts). */
export interface SubmissionLogEntry {
  action: string;
  village: string;
  period: string;
  detail: string;
}

export interface SubmissionPlan {
  /** Each month's marks on its indicator cells, 0-based in the tab; written before `writes`. */
  marks: MarkPlan[];
  /** In the order they are to be written. */
  writes: CellWrite[];
  log: SubmissionLogEntry[];
}

/**
 * What planSubmissions needs of the tab besides its values, by A1, for each cell of
 * monthColumnBlock of every month planned: the notes (the checkbox's says whether the month was
 * already "Cần sửa"; NGAY_NOP's keeps the figures as submitted), the backgrounds, and the `Ghi chú`
 * text as typed (the report holds it tidied). A cell left out has none.
 */
export interface TabCells {
  notes: ReadonlyMap<string, string>;
  backgrounds: ReadonlyMap<string, string>;
  texts: ReadonlyMap<string, string>;
}

const STAMP_FORMAT = 'dd/MM/yyyy';
const TEXT_FORMAT = '@';

/** The blocks of the tab whose notes and backgrounds planSubmissions needs: one column per month. */
export function columnsToRead(report: VillageReport, actions: readonly EditAction[]): ColumnBlock[] {
  return actions.flatMap((action) => monthColumnBlock(report, action.month) ?? []);
}

/** TabCells of `blocks`, from their notes and backgrounds as read and the tab's grid. */
export function tabCellsOf(blocks: readonly ColumnBlock[], notes: readonly unknown[][][], backgrounds: readonly unknown[][][], grid: readonly (readonly unknown[])[]): TabCells {
  const cells = { notes: new Map<string, string>(), backgrounds: new Map<string, string>(), texts: new Map<string, string>() };
  blocks.forEach((block, i) => {
    for (let r = 0; r < block.numRows; r++) {
      const row = block.row + r;
      const cell = a1(row + 1, block.column + 1);
      cells.notes.set(cell, String(notes[i]?.[r]?.[0] ?? ''));
      cells.backgrounds.set(cell, String(backgrounds[i]?.[r]?.[0] ?? ''));
      cells.texts.set(cell, String(grid[row]?.[block.column] ?? ''));
    }
  });
  return cells;
}

/** `cells` as TabCells says; `momentOf(month)` is when that month's edit happened: the stamp of its submission. */
export function planSubmissions(report: VillageReport, actions: readonly EditAction[], cells: TabCells, ctx: ValidationContext, momentOf: (month: number) => Date): SubmissionPlan {
  // Every month's findings in one pass: a paste over several months validates the tab once.
  const findingsByMonth = actions.length > 0 ? validateMonths(report, ctx) : [];
  const plans = actions.map((action) => {
    const findings = findingsByMonth[action.month - 1] ?? [];
    const plan = planMonth(report, action, findings, cells, ctx, momentOf(action.month));
    return { ...plan, marks: marksOfMonth(report, action.month, findings, cells) };
  });
  return { marks: plans.flatMap((p) => p.marks ?? []), writes: plans.flatMap((p) => p.writes), log: plans.flatMap((p) => p.log) };
}

/** The month's indicator cells marked as its findings say, from the notes and backgrounds read. */
function marksOfMonth(report: VillageReport, month: number, findings: readonly Finding[], cells: TabCells): MarkPlan | null {
  const block = monthColumnBlock(report, month);
  if (!block) return null;
  const column = (of: ReadonlyMap<string, string>) => Array.from({ length: block.numRows }, (_, r) => [of.get(a1(block.row + r + 1, block.column + 1)) ?? '']);
  return planMonthMarks(report, block, findings, column(cells.notes), column(cells.backgrounds));
}

function planMonth(report: VillageReport, action: EditAction, findings: readonly Finding[], cells: TabCells, ctx: ValidationContext, now: Date): Omit<SubmissionPlan, 'marks'> {
  const month = report.months[action.month - 1];
  const note = cells.notes.get(month.submittedCell) ?? '';
  const stampNote = cells.notes.get(month.submittedAtCell) ?? '';
  /**
   * The month's `Ghi chú` with the add-on's part `own` (null: none), when it changes: the head reads
   * there, on a phone, why the month is not submitted or needs fixing (a cell note needs a tap).
   */
  const message = (own: string | null): CellWrite[] => {
    if (!month.noteCell) return [];
    const text = cells.texts.get(month.noteCell) ?? month.note;
    const next = withOwnMonthNote(text, own);
    // Written as plain text (`@`, as setup formats the row, set again in case a paste changed it), so
    // a head's text starting with "=" never runs; an apostrophe would stay visible, so none is added.
    return next === text ? [] : [{ cell: month.noteCell, value: next, numberFormat: TEXT_FORMAT }];
  };
  /** The month's `Ghi chú` is in the tab and column already: its messages start at the cell ("ô E7: …"). */
  const inMonth = (list: readonly Finding[]) => list.map((f) => ({ ...f, message: messageInMonth(f.message, ctx.villageName, action.month) }));
  /** The NGAY_NOP cell's note keeping `values` as submitted (`null`: keeping none), when it changes. */
  const keptNote = (values: ReadonlyMap<string, string> | null): { note?: string } => {
    const next = withOwnNote(stampNote, values && submittedValuesNote(values));
    return next !== stampNote ? { note: next } : {};
  };
  const keptValues = (values: ReadonlyMap<string, string> | null): CellWrite[] => {
    const write = keptNote(values);
    return month.submittedAtCell && write.note !== undefined ? [{ cell: month.submittedAtCell, ...write }] : [];
  };
  const logged = (entryAction: string, detail: string): SubmissionLogEntry[] => [
    { action: entryAction, village: ctx.villageName, period: periodLabel({ kind: 'month', month: action.month }, ctx.settings.year), detail },
  ];
  /** The checkbox's write: `value` when given, and its note only when the add-on's part changes. */
  const checkbox = (own: string | null, value?: boolean): CellWrite[] => {
    const next = withOwnNote(note, own);
    const write: CellWrite = { cell: month.submittedCell, ...(value !== undefined && { value }), ...(next !== note && { note: next }) };
    return write.value !== undefined || write.note !== undefined ? [write] : [];
  };

  if (action.kind === 'retract') {
    const stampedAt = month.submittedAt as Date;
    return {
      writes: [{ cell: month.submittedAtCell, value: '', ...keptNote(null) }, ...checkbox(null), ...message(null)],
      log: logged('Rút lại báo cáo', `Bỏ tích "Đã nộp"; lần nộp trước lúc ${formatVnDateTime(stampedAt)}. Ngày nộp đã xóa; tích lại để nộp lại.`),
    };
  }

  const errors = errorsOf(findings);
  const warnings = warningsOf(findings);

  if (action.kind === 'submit') {
    if (errors.length > 0) {
      return { writes: [...checkbox(rejectedNote(errors), false), ...message(rejectedNote(inMonth(errors)))], log: logged('Nộp báo cáo không thành công', `Đã bỏ tích vì có ${errors.length} lỗi: ${listed(errors)}`) };
    }
    const stamp: CellWrite[] = month.submittedAtCell ? [{ cell: month.submittedAtCell, value: now, numberFormat: STAMP_FORMAT, ...keptNote(valuesOf(month)) }] : [];
    const due = formatLocalDate(dueDateOf(action.month, ctx.settings));
    const timing = STATUS_LABELS[isOnTime(now, action.month, ctx.settings) ? 'DUNG_HAN' : 'NOP_MUON'];
    const remarks = warnings.length > 0 ? ` Lưu ý: ${listed(warnings)}` : '';
    return { writes: [...stamp, ...checkbox(null), ...message(null)], log: logged('Nộp báo cáo', `${timing} (hạn ${due}).${remarks}`) };
  }

  // Every change to submitted figures is logged old → new, against the values kept at submission
  // (or at the last logged change); a month submitted before they were kept starts keeping them now.
  const kept = readSubmittedValues(splitNote(stampNote).own);
  const current = valuesOf(month);
  const changes = kept ? changedValues(month, kept, current) : [];
  const changeLog = changes.length > 0 ? logged('Sửa số liệu đã nộp', changes.join('; ')) : [];
  const keep = kept === null || changes.length > 0 ? keptValues(current) : [];
  // Status changes log only when the month enters or leaves "Cần sửa", not at every edit in between.
  const wasNeedsFix = isNeedsFixNote(splitNote(note).own);
  if (errors.length > 0) {
    return {
      writes: [...checkbox(needsFixNote(errors)), ...keep, ...message(needsFixNote(inMonth(errors)))],
      log: [...changeLog, ...(wasNeedsFix ? [] : logged(STATUS_LABELS.CAN_SUA, `Số liệu đã nộp được sửa và nay có ${errors.length} lỗi: ${listed(errors)}`))],
    };
  }
  // A "being handled" note left while the workbook was busy goes once the month is handled.
  return { writes: [...checkbox(null), ...keep, ...message(null)], log: [...changeLog, ...(wasNeedsFix ? logged('Đã sửa xong', 'Số liệu đã nộp hết lỗi.') : [])] };
}

/** A month's figures as text, by indicator code ('' for a blank): what a kept-values note holds. */
function valuesOf(month: MonthReport): Map<string, string> {
  const values = new Map<string, string>();
  month.values.forEach(({ raw }, code) => values.set(code, isDate(raw) ? formatVnDateTime(raw) : tidyText(raw)));
  return values;
}

/** `ô I14 (LUOT_DVCTT): 4 → 5` for each figure that differs from the kept one. */
function changedValues(month: MonthReport, kept: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>): string[] {
  const shown = (v: string) => (v === '' ? '(trống)' : v);
  return [...current].flatMap(([code, value]) => {
    const before = kept.get(code) ?? '';
    return before === value ? [] : [`ô ${month.values.get(code)?.cell ?? code} (${code}): ${shown(before)} → ${shown(value)}`];
  });
}

const listed = (findings: readonly Finding[]) => findings.map((f) => f.message).join(' | ');
