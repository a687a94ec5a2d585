/**
 * The two installable triggers and who holds them (docs/security.md, "Triggers"). Apps Script lists
 * only the current user's triggers, so each trigger's owner, unique id and last successful run (and
 * the daily one's hour) are kept in document properties: another office account sees who holds it
 * and can take it over; a trigger that is no longer the recorded one deletes itself the next time it
 * fires (it runs as its owner, the only account that may delete it). This module alone reads and
 * writes those records; what to do about them is decided in core/automation/automation.ts.
 */
import { decideEditTrigger, isReplaced, type AutomationKind, type EditTriggerOutcome } from '../core/automation/automation';

// office.ts compares accounts the same way the trigger records are checked.
export { sameAccount } from '../core/automation/automation';

export type TriggerKind = AutomationKind;

export const TRIGGER_HANDLERS: Record<TriggerKind, string> = { edit: 'handleEdit', reminders: 'runScheduledReminders' };
export const TRIGGER_KINDS = Object.keys(TRIGGER_HANDLERS) as TriggerKind[];

export interface TriggerRecord {
  owner: string;
  uid: string;
  /** ISO instant of the last run that finished its work, '' when none yet. */
  lastRun: string;
  /** The hour (Vietnam time) a daily trigger runs at; null for the edit trigger. */
  hour: number | null;
}

const FIELDS = ['owner', 'uid', 'lastRun', 'hour'] as const satisfies readonly (keyof TriggerRecord)[];
const key = (kind: TriggerKind, field: keyof TriggerRecord) => `trigger.${kind}.${field}`;

function documentProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** Null when no trigger of this kind is recorded. */
export function readTriggerRecord(kind: TriggerKind, stored: Record<string, string> = documentProperties().getProperties()): TriggerRecord | null {
  const owner = stored[key(kind, 'owner')] ?? '';
  if (!owner) return null;
  const hour = stored[key(kind, 'hour')];
  return { owner, uid: stored[key(kind, 'uid')] ?? '', lastRun: stored[key(kind, 'lastRun')] ?? '', hour: hour === undefined ? null : Number(hour) };
}

/** Every kind's record, from one read of the properties. */
export function readTriggerRecords(): Record<TriggerKind, TriggerRecord | null> {
  const stored = documentProperties().getProperties();
  return { edit: readTriggerRecord('edit', stored), reminders: readTriggerRecord('reminders', stored) };
}

/** The accounts whose triggers write to the sheet: they must stay editors of what they write. */
export function triggerOwners(): string[] {
  return Object.values(readTriggerRecords()).flatMap((record) => record?.owner ?? []);
}

export function currentUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
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

/**
 * Records `trigger` as the one of its kind (with the hour a daily trigger runs at); the previous
 * owner's, if any, retires when it next fires.
 */
export function recordTrigger(kind: TriggerKind, trigger: GoogleAppsScript.Script.Trigger, owner: string, hour?: number): void {
  documentProperties().setProperties({
    [key(kind, 'owner')]: owner,
    [key(kind, 'uid')]: trigger.getUniqueId(),
    ...(hour !== undefined && { [key(kind, 'hour')]: String(hour) }),
  });
}

export function forgetTrigger(kind: TriggerKind): void {
  const props = documentProperties();
  FIELDS.forEach((field) => props.deleteProperty(key(kind, field)));
}

export function recordSuccessfulRun(kind: TriggerKind, at: Date): void {
  documentProperties().setProperty(key(kind, 'lastRun'), at.toISOString());
}

/** Called first by a trigger handler with the event's triggerUid: true when this trigger retired. */
export function retireIfReplaced(kind: TriggerKind, triggerUid: string | undefined): boolean {
  // A run without an id costs no property read.
  if (!triggerUid || !isReplaced(readTriggerRecord(kind)?.uid ?? '', triggerUid)) return false;
  ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === triggerUid).forEach((t) => ScriptApp.deleteTrigger(t));
  return true;
}

/** Setup: one edit trigger for the whole sheet; an office account that does not hold it adds none. */
export function ensureEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): EditTriggerOutcome {
  const me = currentUserEmail();
  const mine = myTriggers('edit');
  const decision = decideEditTrigger(readTriggerRecord('edit')?.owner ?? '', me, mine.length);
  mine.slice(decision.keepMine).forEach((t) => ScriptApp.deleteTrigger(t));
  if (decision.keepMine > 0) recordTrigger('edit', mine[0], me);
  if (decision.install) installEditTrigger(ss);
  return { state: decision.state, owner: decision.owner };
}

/** Deletes the caller's own triggers of this kind for this spreadsheet. */
export function deleteMyTriggers(kind: TriggerKind): void {
  myTriggers(kind).forEach((t) => ScriptApp.deleteTrigger(t));
}

/** Replaces the caller's own edit triggers of this spreadsheet with one, recorded as the one. */
export function installEditTrigger(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  deleteMyTriggers('edit');
  recordTrigger('edit', ScriptApp.newTrigger(TRIGGER_HANDLERS.edit).forSpreadsheet(ss).onEdit().create(), currentUserEmail());
}
