/**
 * One-off time triggers that carry work on in a later execution (a long setup, an edit the busy
 * workbook could not take): one waiting trigger per job, its id in a document property. A one-off
 * trigger stays listed after it fires, so the execution it starts deletes it first.
 */
const properties = () => PropertiesService.getDocumentProperties();

/**
 * Schedules `handler` in `afterMs` unless that job's trigger is already waiting. False when no
 * trigger could be made (an Editor add-on may hold one time trigger per user and document, and the
 * daily reminders may be it).
 */
export function scheduleOnce(key: string, handler: string, afterMs: number): boolean {
  const recorded = properties().getProperty(key);
  if (recorded && ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === recorded)) return true;
  try {
    properties().setProperty(key, ScriptApp.newTrigger(handler).timeBased().after(afterMs).create().getUniqueId());
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes the job's trigger (fired or not) and its record. The record goes first: should deleting
 * the trigger fail, the next scheduleOnce still makes a new one rather than wait on a spent one.
 */
export function retireOnce(key: string): void {
  const props = properties();
  const recorded = props.getProperty(key);
  if (recorded === null) return;
  props.deleteProperty(key);
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === recorded) ScriptApp.deleteTrigger(t);
}
