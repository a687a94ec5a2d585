/** The triggers as the office sees them: who holds each, when it last worked, and taking one over. */
import type { AutomationFact } from '../core/automation';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { asOffice } from './office';
import { takeOverReminderTrigger } from './reminderTrigger';
import { setupWorkbookIn } from './setup';
import { currentUserEmail, myTriggers, readTriggerRecord, recordTrigger, sameAccount, TRIGGER_HANDLERS, type TriggerKind } from './triggers';

/** `me` is passed by the self-check, which must work even when the email scope is missing. */
export function automationFacts(me: string = currentUserEmail()): AutomationFact[] {
  const stored = PropertiesService.getDocumentProperties().getProperties();
  return (Object.keys(TRIGGER_HANDLERS) as TriggerKind[]).map((kind) => {
    const record = readTriggerRecord(kind, stored);
    return { kind, owner: record?.owner ?? '', lastRun: record?.lastRun ?? '', mine: record !== null && me !== '' && sameAccount(record.owner, me) };
  });
}

const KINDS: readonly TriggerKind[] = ['edit', 'reminders'];

/**
 * Dashboard "Nhận về tài khoản này": the caller's account now runs the trigger (its old holder's
 * retires the next time it fires), and setup runs again so every protection keeps the new owner.
 */
export function takeOverTrigger(kind: unknown): AutomationFact[] {
  const which = KINDS.find((k) => k === kind);
  if (!which) throw new Error(`Không có trình tự động "${String(kind)}".`);
  return asOffice((ss) => {
    const previous = readTriggerRecord(which)?.owner ?? '';
    withDocumentLock(() => {
      if (which === 'reminders') {
        takeOverReminderTrigger();
      } else {
        myTriggers('edit').forEach((t) => ScriptApp.deleteTrigger(t));
        recordTrigger('edit', ScriptApp.newTrigger(TRIGGER_HANDLERS.edit).forSpreadsheet(ss).onEdit().create(), currentUserEmail());
      }
      setupWorkbookIn(ss);
      const what = which === 'edit' ? 'xử lý "Đã nộp"' : 'gửi nhắc việc';
      appendLog(ss, [{ action: 'Nhận chuyển giao trình tự động', detail: `Trình ${what}: từ ${previous || '(chưa có)'} sang ${currentUserEmail()}.` }]);
    });
    return automationFacts();
  });
}
