/**
 * The installable on-edit trigger (SPEC §4). It runs as the office account that installed it, so it
 * may stamp the protected NGAY_NOP row and write the log; it reads only the edited tab, once.
 */
import { validationContextOf } from '../core/assessment/villageAssessment';
import { editorLabel } from '../core/entry/attribution';
import { dueDateOf, formatLocalDate, formatVnDateTime, isOnTime } from '../core/shared/calendar';
import { planEdit, type EditAction, type EditedRect } from '../core/entry/editPlan';
import { errorsOf, warningsOf } from '../core/shared/findings';
import { isNeedsFixNote, needsFixNote, rejectedNote, splitNote, withOwnNote } from '../core/entry/ownNotes';
import { periodLabel } from '../core/assessment/period';
import { findVillage } from '../core/config/registry';
import { STATUS_LABELS } from '../core/assessment/status';
import { OWN_TABS } from '../core/workbook/tabNames';
import { sameName } from '../core/shared/text';
import { validateMonth, type ValidationContext } from '../core/entry/validation';
import { parseVillageTab, type VillageReport } from '../core/entry/monthReports';
import { withDocumentLock } from './lock';
import { appendLog, type LogEntry } from './log';
import { appliedIndicators, readConfig } from './settingsSheet';
import { recordSuccessfulRun, retireIfReplaced } from './triggers';
import { readGrid } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Long enough to outwait another submission, short enough to stay inside the trigger's time. */
const LOCK_WAIT_MS = 20_000;

export function handleEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (OWN_TABS.some((own) => sameName(own, tab))) return;
  const ss = e.source ?? sheet.getParent();
  const email = editorEmail(e);
  try {
    const rect: EditedRect = { row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
    withDocumentLock(() => handleVillageEdit(ss, sheet, tab, rect, email, e.triggerUid), LOCK_WAIT_MS);
  } catch (err) {
    logFailure(ss, tab, err, editorLabel(email, tab, null, ''));
  }
}

/** `tab` is the sheet's name, asked once per edit: every service call counts on this path. */
function handleVillageEdit(ss: Spreadsheet, sheet: Sheet, tab: string, rect: EditedRect, email: string, triggerUid: string | undefined): void {
  const config = readConfig(ss);
  if (!config) return;
  const village = findVillage(config.villages, tab);
  if (!village) return;
  const indicators = appliedIndicators(config);
  const report = parseVillageTab(tab, readGrid(sheet), indicators);
  if (!report) return;
  const actions = planEdit(report, rect);
  // Checked only when there is work: a plain edit costs no property read.
  if (actions.length === 0 || retireIfReplaced('edit', triggerUid)) return;
  const now = new Date();
  const ctx = validationContextOf(village, { settings: config.settings, indicators, now });
  const entries = actions.flatMap((action) => applyAction(sheet, report, action, ctx, now));
  appendLog(ss, entries, now, editorLabel(email, tab, village, config.settings.villageWord));
  recordSuccessfulRun('edit', now);
}

function applyAction(sheet: Sheet, report: VillageReport, action: EditAction, ctx: ValidationContext, now: Date): LogEntry[] {
  const month = report.months[action.month - 1];
  const base = { village: ctx.villageName, period: periodLabel({ kind: 'month', month: action.month }, ctx.settings.year) };
  const checkbox = sheet.getRange(month.submittedCell);
  const note = checkbox.getNote();
  const setOwnNote = (own: string | null) => {
    const next = withOwnNote(note, own);
    if (next !== note) checkbox.setNote(next);
  };

  if (action.kind === 'retract') {
    const stampedAt = month.submittedAt as Date;
    sheet.getRange(month.submittedAtCell).setValue('');
    setOwnNote(null);
    return [{ ...base, action: 'Rút lại báo cáo', detail: `Bỏ tích "Đã nộp"; lần nộp trước lúc ${formatVnDateTime(stampedAt)}. Ngày nộp đã xóa; tích lại để nộp lại.` }];
  }

  const findings = validateMonth(report, action.month, ctx);
  const errors = errorsOf(findings);
  const warnings = warningsOf(findings);
  const listed = (items: typeof findings) => items.map((f) => f.message).join(' | ');

  if (action.kind === 'submit') {
    if (errors.length > 0) {
      checkbox.setValue(false);
      setOwnNote(rejectedNote(errors));
      return [{ ...base, action: 'Nộp báo cáo không thành công', detail: `Đã bỏ tích vì có ${errors.length} lỗi: ${listed(errors)}` }];
    }
    if (month.submittedAtCell) sheet.getRange(month.submittedAtCell).setValue(now).setNumberFormat('dd/MM/yyyy');
    setOwnNote(null);
    const due = formatLocalDate(dueDateOf(action.month, ctx.settings));
    const timing = STATUS_LABELS[isOnTime(now, action.month, ctx.settings) ? 'DUNG_HAN' : 'NOP_MUON'];
    const notes = warnings.length > 0 ? ` Lưu ý: ${listed(warnings)}` : '';
    return [{ ...base, action: 'Nộp báo cáo', detail: `${timing} (hạn ${due}).${notes}` }];
  }

  const wasNeedsFix = isNeedsFixNote(splitNote(note).own);
  if (errors.length > 0) {
    setOwnNote(needsFixNote(errors));
    return wasNeedsFix ? [] : [{ ...base, action: STATUS_LABELS.CAN_SUA, detail: `Số liệu đã nộp được sửa và nay có ${errors.length} lỗi: ${listed(errors)}` }];
  }
  if (!wasNeedsFix) return [];
  setOwnNote(null);
  return [{ ...base, action: 'Đã sửa xong', detail: 'Số liệu đã nộp hết lỗi.' }];
}

/** '' when the platform withholds it (consumer accounts, another Workspace domain). */
function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return e.user?.getEmail() ?? '';
  } catch {
    return '';
  }
}

/** A trigger must never throw at the person typing: the failure goes to the log instead. */
function logFailure(ss: Spreadsheet, tab: string, err: unknown, editor: string): void {
  const message = err instanceof Error ? err.message : String(err);
  try {
    appendLog(ss, [{ action: 'Lỗi xử lý khi sửa ô', village: tab, detail: message }], new Date(), editor);
  } catch {
    // Nothing left to report to: the log itself is unavailable.
  }
}
