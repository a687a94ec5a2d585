/** "Gửi thử": one preview of every template, addressed to the person who asked and nobody else. */
import { currentReportMonth, dueDateOf, type LocalDate } from '../shared/calendar';
import type { Village } from '../config/registry';
import type { Settings } from '../config/settings';
import { STEP_BEFORE, STEP_DUE } from './ladder';
import { asTestEmail, headReminderEmail, officeDigestEmail, type EmailMessage, type MessageContext } from './messages';
import type { ReminderItem } from './plan';

export type PreviewSettings = MessageContext['settings'] & Pick<Settings, 'year' | 'dueDay' | 'dueMonth' | 'remindBeforeDays' | 'remindEveryDays'>;

/** Real villages make the preview look like the real thing; a placeholder stands in for an empty registry. */
function sampleVillages(villages: readonly Village[], settings: PreviewSettings): Village[] {
  if (villages.length >= 2) return villages.slice(0, 2);
  const placeholder = (n: number): Village => ({ name: `${settings.villageWord} mẫu ${n}`, head: 'Nguyễn Văn A', email: '', phone: '0912 345 678', teamLeader: '', denominators: {}, row: 0 });
  return [...villages, placeholder(1), placeholder(2)].slice(0, 2);
}

export function previewEmails(to: string, today: LocalDate, settings: PreviewSettings, villages: readonly Village[], ctx: MessageContext): EmailMessage[] {
  const month = currentReportMonth(today, settings);
  const due = dueDateOf(month, settings);
  const [first, second] = sampleVillages(villages, settings);
  const item = (village: Village, step: number, daysLate: number, status: ReminderItem['status'] = 'CHUA_NOP'): ReminderItem => ({ village, month, year: settings.year, due, step, daysLate, status });
  const overdueDays = settings.remindEveryDays;
  const heads = [
    { to, items: [item(first, STEP_BEFORE, -Math.max(1, settings.remindBeforeDays))] },
    { to, items: [item(first, STEP_DUE, 0)] },
    { to, items: [item(first, STEP_DUE + 1, overdueDays), item(second, STEP_DUE + 1, overdueDays, 'CAN_SUA')] },
  ].map((email) => headReminderEmail(email, ctx));
  const digest = officeDigestEmail(
    {
      to,
      months: [{ month, year: settings.year, due, villages: Math.max(villages.length, 2), submitted: Math.max(villages.length, 2) - 2 }],
      overdue: [
        { village: first, month, daysLate: overdueDays, status: 'CHUA_NOP' },
        { village: second, month, daysLate: overdueDays, status: 'CAN_SUA' },
      ],
    },
    today,
    ctx,
  );
  return [...heads, digest].map((m) => asTestEmail(m, to));
}
