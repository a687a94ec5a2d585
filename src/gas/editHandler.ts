/**
 * The installable on-edit trigger (docs/validation.md, "On a tick"). It runs as the office account that
 * installed it, so it may stamp the protected NGAY_NOP row and write the log. A plain edit costs one
 * read of the edited tab and returns before the lock; a tick is recorded with its moment before
 * anything can fail, then handled under the lock, or left for a retry (gas/pendingEdits.ts).
 */
import { monthsNeedingWork, planEdit, type EditedRect } from '../core/entry/editPlan';
import { parseVillageTab, type VillageReport } from '../core/entry/monthReports';
import { isOwnTab, TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { sameName } from '../core/shared/text';
import { editConfig, invalidateConfigCache } from './configCache';
import { withDocumentLock } from './lock';
import { forgetPendingEdits, leaveForRetry, recordPendingEdits, settleTab } from './pendingEdits';
import { recordSuccessfulRun, retireIfReplaced } from './triggers';
import { readGrid } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Long enough to outwait another submission, short enough to stay inside the trigger's time. */
const LOCK_WAIT_MS = 20_000;

export function handleEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e?.range;
  if (!range) return;
  const now = new Date();
  let sheet: Sheet | null = null;
  let tab: string | null = null;
  let report: VillageReport | null = null;
  let months: number[] = [];
  let ownTab = false;
  let logged = false;
  try {
    sheet = range.getSheet();
    const name = sheet.getName();
    if (isOwnTab(name)) {
      ownTab = true;
      if (sameName(name, TAB_SETTINGS) || sameName(name, TAB_REGISTRY)) invalidateConfigCache();
      return;
    }
    tab = name;
    const rect: EditedRect = { row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns() };
    // The structure alone says whether the edit needs work: no configuration is read for a plain edit.
    report = parseVillageTab(tab, readGrid(sheet), []);
    months = report ? monthsNeedingWork(report, rect) : [];
    if (months.length === 0) return;
    const momentOf = recordPendingEdits(tab, months, now);
    const [edited, editedSheet] = [tab, sheet];
    withDocumentLock(() => {
      if (retireIfReplaced('edit', e.triggerUid)) return;
      const ss = e.source ?? editedSheet.getParent();
      // The village is the one whose tab this is by id: a head who renamed the tab still submits as their village.
      const config = editConfig(ss, { sheetId: editedSheet.getSheetId(), name: edited });
      // Read again under the lock: the tick may have been undone, or handled, while this run waited.
      if (config) settleTab(ss, editedSheet, edited, config, (fresh) => planEdit(fresh, rect), momentOf, editorEmail(e));
      logged = true;
      forgetPendingEdits(edited, months);
      recordSuccessfulRun('edit', now);
    }, LOCK_WAIT_MS);
  } catch (err) {
    // Nothing is thrown at the person typing: the edit waits for a retry, with a note saying so.
    // Once logged, what is left (forgetting the record, the last-run time) may fail harmlessly.
    if (!ownTab && !logged) leaveForRetry(sheet, tab, report, months, now, err);
  }
}

/** '' when the platform withholds it (consumer accounts, another Workspace domain). */
function editorEmail(e: GoogleAppsScript.Events.SheetsOnEdit): string {
  try {
    return e.user?.getEmail() ?? '';
  } catch {
    return '';
  }
}

