/**
 * The two installable triggers and who holds them (docs/security.md, "Triggers"). Apps Script lists
 * only the current user's triggers, so each trigger's owner, unique id and last successful run are
 * kept in document properties: another office account sees who holds it and can take it over; a
 * trigger that is no longer the recorded one deletes itself the next time it fires (it runs as its
 * owner, the only account that may delete it).
 */
import type { AutomationKind } from '../core/automation/automation';

export type TriggerKind = AutomationKind;

export const TRIGGER_HANDLERS: Record<TriggerKind, string> = { edit: 'handleEdit', reminders: 'runScheduledReminders' };
export const TRIGGER_KINDS = Object.keys(TRIGGER_HANDLERS) as TriggerKind[];

export interface TriggerRecord {
  owner: string;
  uid: string;
  /** ISO instant of the last run that finished its work, '' when none yet. */
  lastRun: string;
}

const key = (kind: TriggerKind, field: keyof TriggerRecord) => `trigger.${kind}.${field}`;

function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readTriggerRecord(kind: TriggerKind, stored: Record<string, string> = documentProperties().getProperties()): TriggerRecord | null {
  const owner = stored[key(kind, 'owner')] ?? '';
  if (!owner) return null;
  return { owner, uid: stored[key(kind, 'uid')] ?? '', lastRun: stored[key(kind, 'lastRun')] ?? '' };
}

/** The accounts whose triggers write to the sheet: they must stay editors of what they write. */
export function triggerOwners(stored: Record<string, string> = documentProperties().getProperties()): string[] {
  return TRIGGER_KINDS.flatMap((kind) => readTriggerRecord(kind, stored)?.owner ?? []);
}

export function currentUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}

export function sameAccount(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The caller's trigger of this kind for this spreadsheet. As an add-on, getProjectTriggers() lists
 * the caller's triggers of every document the add-on runs in (this year's sheet and last year's),
 * so an edit trigger is matched by its source, and a time trigger — which has no source — by the id
 * this spreadsheet recorded.
 */
export function myTriggers(kind: TriggerKind): GoogleAppsScript.Script.Trigger[] {
  const handled = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === TRIGGER_HANDLERS[kind]);
  if (kind === 'edit') {
    const id = SpreadsheetApp.getActiveSpreadsheet().getId();
    return handled.filter((t) => t.getTriggerSourceId() === id);
  }
  const uid = readTriggerRecord(kind)?.uid;
  return handled.filter((t) => t.getUniqueId() === uid);
}

/** Records `trigger` as the one of its kind; the previous owner's, if any, retires when it next fires. */
export function recordTrigger(kind: TriggerKind, trigger: GoogleAppsScript.Script.Trigger, owner: string): void {
  documentProperties().setProperties({ [key(kind, 'owner')]: owner, [key(kind, 'uid')]: trigger.getUniqueId() });
}

export function forgetTrigger(kind: TriggerKind): void {
  const props = documentProperties();
  (['owner', 'uid', 'lastRun'] as const).forEach((field) => props.deleteProperty(key(kind, field)));
}

export function recordSuccessfulRun(kind: TriggerKind, at: Date): void {
  documentProperties().setProperty(key(kind, 'lastRun'), at.toISOString());
}

/**
 * Called first by a trigger handler with the event's triggerUid: when another trigger has been
 * recorded since (someone took it over), this one deletes itself and the run does nothing.
 */
export function retireIfReplaced(kind: TriggerKind, triggerUid: string | undefined): boolean {
  if (!triggerUid) return false;
  const record = readTriggerRecord(kind);
  if (!record?.uid || record.uid === triggerUid) return false;
  ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === triggerUid).forEach((t) => ScriptApp.deleteTrigger(t));
  return true;
}

export type EditTriggerOutcome = { state: 'installed' | 'present' | 'owned-by-other'; owner: string };

/** Setup: one edit trigger for the whole sheet; an office account that does not hold it adds none. */
export function ensureEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): EditTriggerOutcome {
  const me = currentUserEmail();
  const record = readTriggerRecord('edit');
  const mine = myTriggers('edit');
  if (record && !sameAccount(record.owner, me)) {
    // Mine are left over from before someone took the trigger over.
    mine.forEach((t) => ScriptApp.deleteTrigger(t));
    return { state: 'owned-by-other', owner: record.owner };
  }
  if (mine.length > 0) {
    mine.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
    recordTrigger('edit', mine[0], me);
    return { state: 'present', owner: me };
  }
  installEditTrigger(ss);
  return { state: 'installed', owner: me };
}

/** Replaces the caller's own edit triggers of this spreadsheet with one, recorded as the one. */
export function installEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  myTriggers('edit').forEach((t) => ScriptApp.deleteTrigger(t));
  recordTrigger('edit', ScriptApp.newTrigger(TRIGGER_HANDLERS.edit).forSpreadsheet(ss).onEdit().create(), currentUserEmail());
}
