/**
 * What the edit trigger does about each month an edit touched (docs/validation.md, "On a tick"): a
 * clean tick is stamped and logged, a tick with errors is undone and explained on its checkbox, an
 * untick clears the stamp, and a submitted month whose data changed is checked again. Plain data:
 * the adapter writes the cells and the log entries, and decides nothing.
 */
import { STATUS_LABELS } from '../assessment/status';
import { periodLabel } from '../assessment/period';
import { dueDateOf, formatLocalDate, formatVnDateTime, isOnTime } from '../shared/calendar';
import { errorsOf, warningsOf, type Finding } from '../shared/findings';
import type { EditAction } from './editPlan';
import type { VillageReport } from './monthReports';
import { isNeedsFixNote, needsFixNote, rejectedNote, splitNote, withOwnNote } from './ownNotes';
import { validateMonth, type ValidationContext } from './validation';

/** One cell of the edited tab to write; a field left out is left as it is. */
export interface CellWrite {
  /** A1 address. */
  cell: string;
  value?: Date | boolean | '';
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
  /** In the order they are to be written. */
  writes: CellWrite[];
  log: SubmissionLogEntry[];
}

const STAMP_FORMAT = 'dd/MM/yyyy';

/**
 * The cells whose current notes planSubmissions needs: each month's checkbox, whose note says
 * whether the month was already "Cần sửa" and holds a person's part to keep.
 */
export function checkboxCells(report: VillageReport, actions: readonly EditAction[]): string[] {
  return actions.map((action) => report.months[action.month - 1].submittedCell);
}

/** `notes` holds the current note of every cell of checkboxCells(report, actions). */
export function planSubmissions(report: VillageReport, actions: readonly EditAction[], notes: ReadonlyMap<string, string>, ctx: ValidationContext, now: Date): SubmissionPlan {
  const plans = actions.map((action) => planMonth(report, action, notes, ctx, now));
  return { writes: plans.flatMap((p) => p.writes), log: plans.flatMap((p) => p.log) };
}

function planMonth(report: VillageReport, action: EditAction, notes: ReadonlyMap<string, string>, ctx: ValidationContext, now: Date): SubmissionPlan {
  const month = report.months[action.month - 1];
  const note = notes.get(month.submittedCell) ?? '';
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
      writes: [{ cell: month.submittedAtCell, value: '' }, ...checkbox(null)],
      log: logged('Rút lại báo cáo', `Bỏ tích "Đã nộp"; lần nộp trước lúc ${formatVnDateTime(stampedAt)}. Ngày nộp đã xóa; tích lại để nộp lại.`),
    };
  }

  const findings = validateMonth(report, action.month, ctx);
  const errors = errorsOf(findings);
  const warnings = warningsOf(findings);

  if (action.kind === 'submit') {
    if (errors.length > 0) {
      return { writes: checkbox(rejectedNote(errors), false), log: logged('Nộp báo cáo không thành công', `Đã bỏ tích vì có ${errors.length} lỗi: ${listed(errors)}`) };
    }
    const stamp: CellWrite[] = month.submittedAtCell ? [{ cell: month.submittedAtCell, value: now, numberFormat: STAMP_FORMAT }] : [];
    const due = formatLocalDate(dueDateOf(action.month, ctx.settings));
    const timing = STATUS_LABELS[isOnTime(now, action.month, ctx.settings) ? 'DUNG_HAN' : 'NOP_MUON'];
    const remarks = warnings.length > 0 ? ` Lưu ý: ${listed(warnings)}` : '';
    return { writes: [...stamp, ...checkbox(null)], log: logged('Nộp báo cáo', `${timing} (hạn ${due}).${remarks}`) };
  }

  // A recheck logs only when the month enters or leaves "Cần sửa", not at every edit in between.
  const wasNeedsFix = isNeedsFixNote(splitNote(note).own);
  if (errors.length > 0) {
    return {
      writes: checkbox(needsFixNote(errors)),
      log: wasNeedsFix ? [] : logged(STATUS_LABELS.CAN_SUA, `Số liệu đã nộp được sửa và nay có ${errors.length} lỗi: ${listed(errors)}`),
    };
  }
  // A "being handled" note left while the workbook was busy goes once the month is handled.
  if (!wasNeedsFix) return { writes: checkbox(null), log: [] };
  return { writes: checkbox(null), log: logged('Đã sửa xong', 'Số liệu đã nộp hết lỗi.') };
}

const listed = (findings: readonly Finding[]) => findings.map((f) => f.message).join(' | ');
