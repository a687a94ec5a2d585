/**
 * Where a long setup stopped, and the one-off time trigger that carries it on (docs/limits.md):
 * both in document properties, so whoever runs setup next, by hand or by trigger, continues.
 */
import { CONTINUE_AFTER_MS, parseProgress, type SetupProgress } from '../core/workbook/setupPlan';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

const PROGRESS_KEY = 'setup.progress';
const CONTINUATION_KEY = 'setup.continuation';
export const CONTINUATION_HANDLER = 'continueSetup';

const properties = () => PropertiesService.getDocumentProperties();

export function loadProgress(): SetupProgress | null {
  return parseProgress(properties().getProperty(PROGRESS_KEY));
}

export function saveProgress(progress: SetupProgress): void {
  properties().setProperty(PROGRESS_KEY, JSON.stringify(progress));
}

/** A finished setup leaves nothing behind: no progress, no pending follow-up. */
export function clearProgress(): void {
  const props = properties();
  if (props.getProperty(PROGRESS_KEY) !== null) props.deleteProperty(PROGRESS_KEY);
  retireContinuation();
}

/**
 * Schedules the follow-up execution unless one is already waiting. Returns null, or why it could
 * not be scheduled (an Editor add-on may hold one time trigger per user and document, and the
 * daily reminders may be it): then the office runs setup again by hand, which continues as well.
 */
export function scheduleContinuation(): string | null {
  const recorded = properties().getProperty(CONTINUATION_KEY);
  if (recorded && ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === recorded)) return null;
  try {
    const trigger = ScriptApp.newTrigger(CONTINUATION_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
    properties().setProperty(CONTINUATION_KEY, trigger.getUniqueId());
    return null;
  } catch {
    return `Không hẹn được lần chạy tiếp tự động: hãy bấm lại "${SETUP_CAPTION}" để làm tiếp phần còn lại.`;
  }
}

/** A one-off trigger stays listed after it fires: the follow-up deletes its own. */
export function retireContinuation(): void {
  const props = properties();
  const recorded = props.getProperty(CONTINUATION_KEY);
  if (recorded === null) return;
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === recorded) ScriptApp.deleteTrigger(t);
  props.deleteProperty(CONTINUATION_KEY);
}
