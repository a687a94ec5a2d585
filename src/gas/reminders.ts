/**
 * The reminder job (docs/reminders.md): read what the planner needs, send with MailApp (least privilege),
 * then record every send, skip, failure and deferral in the ledger and in `Nhật ký`.
 */
import { vnDateOf } from '../core/shared/calendar';
import { ledgerWrites, readLedger, recordRun } from '../core/reminders/ledger';
import { headReminderEmail, officeDigestEmail, type EmailMessage, type MessageContext } from '../core/reminders/messages';
import { describeRun, runSummaryText, type Delivery, type ReminderRunReport } from '../core/reminders/outcome';
import { planReminders, runRecord, villagesToRead } from '../core/reminders/plan';
import { previewEmails } from '../core/reminders/preview';
import { TAB_LOG } from '../core/workbook/tabNames';
import { withDocumentLock } from './lock';
import { appendLog } from './log';
import { menuCommand } from './office';
import { followSettingsHour } from './reminderTrigger';
import { readConfig, type WorkbookConfig } from './settingsSheet';
import { recordSuccessfulRun, retireIfReplaced } from './triggers';
import { readVillageTabs } from './villageTabs';
import { activeSpreadsheet, actingUserEmail, tabFinder, type TabFinder } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NOT_SET_UP = 'Bảng tính chưa được khởi tạo (chưa có tab "Cấu hình"); chưa gửi nhắc nào.';

function send(message: EmailMessage): void {
  MailApp.sendEmail({
    to: message.to,
    subject: message.subject,
    body: message.body,
    htmlBody: message.htmlBody,
    name: message.name,
    ...(message.replyTo && { replyTo: message.replyTo }),
  });
}

/** Sends in order while the daily quota lasts; one failing address does not stop the others. */
function deliver(messages: readonly EmailMessage[]): Delivery[] {
  let quota = messages.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  return messages.map((message): Delivery => {
    if (quota < 1) return { result: 'deferred' };
    try {
      send(message);
      quota--;
      return { result: 'sent' };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      // The quota figure is an estimate; when Google refuses for quota, the rest waits for the next run.
      if (/too many times|quota/i.test(error)) quota = 0;
      return quota < 1 ? { result: 'deferred' } : { result: 'failed', error };
    }
  });
}

function messageContext(ss: Spreadsheet, config: WorkbookConfig, findTab: TabFinder): MessageContext {
  return { settings: config.settings, spreadsheetUrl: ss.getUrl(), sheetIdOf: (name) => findTab(name)?.sheet.getSheetId() ?? null };
}

/** One run of the job at `now`; the caller holds the document lock. */
export function runReminders(ss: Spreadsheet, now: Date): ReminderRunReport {
  const config = readConfig(ss);
  return config ? remind(ss, config, now) : { date: '', sent: [], skipped: [NOT_SET_UP], failed: [], deferred: [] };
}

/**
 * Every email must leave a row in `Nhật ký`, which setup protects for the office: an account that
 * cannot write it is stopped before anything is sent rather than after.
 */
function assertCanLog(ss: Spreadsheet): void {
  const log = ss.getSheetByName(TAB_LOG);
  if (log && log.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => !p.canEdit())) {
    throw new Error(
      `Tài khoản ${actingUserEmail()} không được ghi tab "${TAB_LOG}", nên không gửi email nhắc (mỗi email phải được ghi lại). Hãy dùng tài khoản của phòng VH-XH, hoặc nhờ phòng chạy "${SETUP_CAPTION}" để thêm quyền.`,
    );
  }
}

function remind(ss: Spreadsheet, config: WorkbookConfig, now: Date): ReminderRunReport {
  assertCanLog(ss);
  const today = vnDateOf(now);
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperties();
  const ledger = readLedger(stored);
  const base = { today, settings: config.settings, villages: config.villages, ledger };
  const findTab = tabFinder(ss);
  const tabs = readVillageTabs(ss, config, now, { villages: villagesToRead(base), findTab });
  const states = new Map(tabs.map((t) => [t.village, t.assessments]));
  const plan = planReminders({ ...base, stateOf: (v, month) => states.get(v)?.[month - 1]?.status ?? 'NO_TAB' });

  const ctx = messageContext(ss, config, findTab);
  // The digest goes first: when the quota is short, the office's Zalo message still reaches everyone.
  const messages = [...(plan.digest ? [officeDigestEmail(plan.digest, today, ctx)] : []), ...plan.emails.map((e) => headReminderEmail(e, ctx))];
  const delivered = deliver(messages);
  const deliveries = { digest: plan.digest ? delivered[0] : null, heads: plan.digest ? delivered.slice(1) : delivered };

  const sent = plan.emails.filter((_, n) => deliveries.heads[n].result === 'sent');
  const after = recordRun(ledger, runRecord(plan, { sent, digestSent: deliveries.digest?.result === 'sent' }));
  const writes = ledgerWrites(stored, after);
  if (Object.keys(writes.set).length > 0) props.setProperties(writes.set);
  writes.remove.forEach((key) => props.deleteProperty(key));

  const { log, report } = describeRun(plan, deliveries, config.settings);
  appendLog(ss, log, now);
  return report;
}

/** Handler of the daily time-driven trigger. */
export function runScheduledReminders(e?: GoogleAppsScript.Events.TimeDriven): void {
  if (retireIfReplaced('reminders', e?.triggerUid)) return;
  const ss = activeSpreadsheet();
  withDocumentLock(() => {
    const config = readConfig(ss);
    if (!config) return;
    const now = new Date();
    remind(ss, config, now);
    followSettingsHour(config.settings.reminderHour);
    recordSuccessfulRun('reminders', now);
  });
}

/** Menu "Gửi nhắc ngay". */
export function sendRemindersNow(): ReminderRunReport | null {
  return menuCommand('Gửi nhắc ngay', sendRemindersAfterAsking);
}

function sendRemindersAfterAsking(ss: Spreadsheet): ReminderRunReport | null {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Gửi nhắc ngay',
    'Gửi ngay email nhắc cho các địa bàn chưa nộp báo cáo và bản tổng hợp cho phòng VH-XH (nếu có địa bàn quá hạn)?\nNhững email đã gửi hôm nay sẽ không gửi lại.',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return null;
  const report = withDocumentLock(() => runReminders(ss, new Date()));
  ui.alert('Gửi nhắc ngay', report.date ? runSummaryText(report) : report.skipped.join('\n'), ui.ButtonSet.OK);
  return report;
}

/** Menu "Gửi thử": a preview of every template to the person clicking, nobody else. */
export function sendTestEmails(): string | null {
  return menuCommand('Gửi thử', sendPreviews);
}

function sendPreviews(ss: Spreadsheet): string {
  const ui = SpreadsheetApp.getUi();
  const to = Session.getActiveUser().getEmail();
  if (!to) {
    const why =
      'Không xác định được email của bạn (Google không cho tiện ích biết email người dùng trong trường hợp này, ví dụ tài khoản khác tên miền với chủ bảng tính). Hãy đăng nhập bằng tài khoản của phòng VH-XH rồi thử lại.';
    ui.alert('Gửi thử', why, ui.ButtonSet.OK);
    return why;
  }
  const config = readConfig(ss);
  if (!config) {
    ui.alert('Gửi thử', NOT_SET_UP, ui.ButtonSet.OK);
    return NOT_SET_UP;
  }
  assertCanLog(ss);
  const now = new Date();
  const previews = previewEmails(to, vnDateOf(now), config.settings, config.villages, messageContext(ss, config, tabFinder(ss)));
  const summary = withDocumentLock(() => {
    const results = deliver(previews);
    const sent = results.filter((r) => r.result === 'sent').length;
    const problems = results.flatMap((r, n) => (r.result === 'failed' ? [`${previews[n].subject}: ${r.error}`] : r.result === 'deferred' ? [`${previews[n].subject}: hết hạn mức email hôm nay`] : []));
    appendLog(ss, [{ action: 'Gửi thử email nhắc', detail: `${sent}/${previews.length} email mẫu tới ${to}${problems.length ? `; chưa gửi: ${problems.join('; ')}` : ''}` }], now);
    return [`Đã gửi ${sent}/${previews.length} email mẫu (sắp đến hạn, đến hạn, quá hạn, tổng hợp) tới ${to}.`, ...problems].join('\n');
  });
  ui.alert('Gửi thử', summary, ui.ButtonSet.OK);
  return summary;
}
