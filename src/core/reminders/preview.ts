/** "Gửi thử": one preview of every template, addressed to the person who asked and nobody else. */
import { currentReportMonth, dueDateOf, type LocalDate } from '../shared/calendar';
import type { Village } from '../config/registry';
import type { Settings } from '../config/settings';
import { vocabularyOf } from '../config/vocabulary';
import { STEP_BEFORE, STEP_DUE } from './ladder';
import { asTestEmail, headReminderEmail, officeDigestEmail, type EmailMessage, type MessageContext } from './messages';
import type { ReminderItem } from './plan';

export type PreviewSettings = MessageContext['settings'] & Pick<Settings, 'year' | 'dueDay' | 'dueMonth' | 'remindBeforeDays' | 'remindEveryDays'>;

/** Real villages make the preview look like the real thing; a placeholder stands in for an empty registry. */
function sampleVillages(villages: readonly Village[], settings: PreviewSettings): Village[] {
  if (villages.length >= 2) return villages.slice(0, 2);
  const placeholder = (n: number): Village => ({ name: `${vocabularyOf(settings).Village} mẫu ${n}`, head: 'Nguyễn Văn A', email: '', phone: '0912 345 678', teamLeader: '', denominators: {}, row: 0 });
  return [...villages, placeholder(1), placeholder(2)].slice(0, 2);
}

export function previewEmails(to: string, today: LocalDate, settings: PreviewSettings, villages: readonly Village[], ctx: MessageContext): EmailMessage[] {
  const month = currentReportMonth(today, settings);
  const due = dueDateOf(month, settings);
  const [first, second] = sampleVillages(villages, settings);
  const item = (village: Village, step: number, daysLate: number): ReminderItem => ({ village, month, year: settings.year, due, step, daysLate, status: 'CHUA_NOP', faults: [] });
  // A "Cần sửa" report names its cells at fault; the preview shows how, with a made-up one.
  const toFix: ReminderItem = {
    ...item(second, STEP_DUE + 1, settings.remindEveryDays),
    status: 'CAN_SUA',
    faults: [`${second.name}, Tháng ${month}, ô E7: (ví dụ) Hộ được tuyên truyền về chuyển đổi số (1.250) lớn hơn tổng số hộ (1.100).`],
  };
  const overdueDays = settings.remindEveryDays;
  const heads = [
    { to, items: [item(first, STEP_BEFORE, -Math.max(1, settings.remindBeforeDays))], earlier: [] },
    { to, items: [item(first, STEP_DUE, 0)], earlier: [] },
    { to, items: [item(first, STEP_DUE + 1, overdueDays), toFix], earlier: [] },
  ].map((email) => headReminderEmail(email, ctx));
  const counted = Math.max(villages.length, 2);
  const digest = officeDigestEmail(
    {
      to,
      months: [{ month, year: settings.year, due, villages: counted, submitted: counted - 2 }],
      villages: [
        { village: first, months: [{ month, status: 'CHUA_NOP' }] },
        { village: second, months: [{ month, status: 'CAN_SUA' }] },
      ],
    },
    today,
    ctx,
  );
  return [...heads, digest].map((m) => asTestEmail(m, to));
}
