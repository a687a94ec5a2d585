/**
 * The installable triggers. Apps Script lists only the current user's triggers, so who installed
 * each one is also kept in document properties: a second office account must not add a duplicate.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const EDIT_HANDLER = 'handleEdit';
const EDIT_OWNER_KEY = 'editTriggerOwner';

export type TriggerOutcome = { state: 'installed' | 'present'; owner: string } | { state: 'owned-by-other'; owner: string };

export function ensureEditTrigger(ss: Spreadsheet): TriggerOutcome {
  const me = Session.getEffectiveUser().getEmail();
  const props = PropertiesService.getDocumentProperties();
  const mine = ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === EDIT_HANDLER && t.getEventType() === ScriptApp.EventType.ON_EDIT,
  );
  if (mine.length > 0) {
    mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
    props.setProperty(EDIT_OWNER_KEY, me);
    return { state: 'present', owner: me };
  }
  const owner = props.getProperty(EDIT_OWNER_KEY);
  if (owner && owner.toLowerCase() !== me.toLowerCase()) return { state: 'owned-by-other', owner };
  ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
  props.setProperty(EDIT_OWNER_KEY, me);
  return { state: 'installed', owner: me };
}
