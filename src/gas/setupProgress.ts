/**
 * Where a long setup stopped, and the one-off time trigger that carries it on (docs/limits.md):
 * both in document properties, so whoever runs setup next, by hand or by trigger, continues.
 */
import { CONTINUE_AFTER_MS, parseProgress, type SetupProgress } from '../core/workbook/setupPlan';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';
import { retireOnce, scheduleOnce } from './oneOffTrigger';

const PROGRESS_KEY = 'setup.progress';
const CONTINUATION_KEY = 'setup.continuation';
const CONTINUATION_HANDLER = 'continueSetup';

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
 * not be scheduled: then the office runs setup again by hand, which continues as well.
 */
export function scheduleContinuation(): string | null {
  return scheduleOnce(CONTINUATION_KEY, CONTINUATION_HANDLER, CONTINUE_AFTER_MS) ? null : `Không hẹn được lần chạy tiếp tự động: hãy bấm lại "${SETUP_CAPTION}" để làm tiếp phần còn lại.`;
}

export function retireContinuation(): void {
  retireOnce(CONTINUATION_KEY);
}
