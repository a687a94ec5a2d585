/** The triggers as the office sees them: who holds each, when it last worked, and taking one over. */
import { automationFact, takeOverLogEntry, type AutomationFact } from '../core/automation/automation';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { asOffice } from './office';
import { takeOverReminderTrigger } from './reminderTrigger';
import { setupWorkbookIn } from './setup';
import { currentUserEmail, installEditTrigger, readTriggerRecord, readTriggerRecords, TRIGGER_KINDS } from './triggers';

/** `me` is passed by the self-check, which must work even when the email scope is missing. */
export function automationFacts(me: string = currentUserEmail()): AutomationFact[] {
  const records = readTriggerRecords();
  return TRIGGER_KINDS.map((kind) => automationFact(kind, records[kind], me));
}

/**
 * Dashboard "Nhận về tài khoản này": the caller's account now runs the trigger (its old holder's
 * retires the next time it fires), and setup runs again so every protection keeps the new owner.
 */
export function takeOverTrigger(kind: unknown): AutomationFact[] {
  const which = TRIGGER_KINDS.find((k) => k === kind);
  if (!which) throw new Error(`Không có trình tự động "${String(kind)}".`);
  return asOffice((ss) => {
    const previous = readTriggerRecord(which)?.owner ?? '';
    withDocumentLock(() => {
      if (which === 'reminders') takeOverReminderTrigger();
      else installEditTrigger(ss);
      setupWorkbookIn(ss);
      appendLog(ss, [takeOverLogEntry(which, previous, currentUserEmail())]);
    });
    return automationFacts();
  });
}
