/**
 * The reminder job (docs/reminders.md): read what the planner needs, send with MailApp (least
 * privilege), recording each email in the ledger before the next goes, and every send, skip,
 * failure and deferral in `Nhật ký` at the end, whatever happened in between.
 */
import { vnDateOf } from '../core/shared/calendar';
import { ledgerWrites, markLogged, pruneLedger, readLedger, recordDigest, recordSent, recordSettled, unloggedSends, type LedgerWrite, type ReminderLedger } from '../core/reminders/ledger';
import { headReminderEmail, officeDigestEmail, type EmailMessage, type MessageContext } from '../core/reminders/messages';
import { backlogRows, describeRun, runSummaryText, type Delivery, type ReminderRunReport } from '../core/reminders/outcome';
import { planReminders, stopsSending, villagesToRead, type ReminderPlan } from '../core/reminders/plan';
import { previewEmails } from '../core/reminders/preview';
import { TAB_LOG } from '../core/workbook/tabNames';
import { failureKindOf, messageOf } from './failures';
import { withDocumentLock } from './lock';
import { settlePendingEdits } from './pendingEdits';
import { appendLog } from './log';
import { menuCommand } from './office';
import { followSettingsHour } from './reminderTrigger';
import { readConfig, type WorkbookConfig } from './settingsSheet';
import { recordSuccessfulRun, retireIfReplaced } from './triggers';
import { readVillageTabs } from './villageTabs';
import { activeSpreadsheet, actingUserEmail, tabFinder, type TabFinder } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';
import { errorsOf } from '../core/shared/findings';
import type { Village } from '../core/config/registry';

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

/**
 * Apps Script ends an execution at 6 minutes, finally blocks included (docs/limits.md): emails not
 * begun by then wait for the next run, which leaves time to log the ones that went.
 */
const SENDING_BUDGET_MS = 4.5 * 60 * 1000;

/**
 * Sends in order while the daily quota and the time budget last; one failing address does not stop
 * the others. Each outcome is pushed as it happens and `recordSent(n)` runs after each email that
 * went, before the next one: what it throws stops the sending, and what went is still reported.
 */
function deliver(messages: readonly EmailMessage[], deliveries: Delivery[], startedAt: number, recordSent: (n: number) => void = () => undefined): void {
  let quota = messages.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  messages.forEach((message, n) => {
    if (quota < 1 || Date.now() - startedAt > SENDING_BUDGET_MS) {
      deliveries.push({ result: 'deferred', outOfTime: quota > 0 });
      return;
    }
    try {
      send(message);
    } catch (err) {
      // The quota figure is an estimate; when Google refuses for quota, the rest waits for the next run.
      if (stopsSending(failureKindOf(err))) quota = 0;
      deliveries.push(quota < 1 ? { result: 'deferred' } : { result: 'failed', error: messageOf(err) });
      return;
    }
    quota--;
    deliveries.push({ result: 'sent' });
    recordSent(n);
  });
}

/** The ledger with what its properties hold, kept in step with each write. */
function openLedger(props: GoogleAppsScript.Properties.Properties) {
  const stored = props.getProperties();
  const ledger = readLedger(stored);
  const write = ({ set, remove }: LedgerWrite) => {
    if (Object.keys(set).length > 0) props.setProperties(set);
    Object.assign(stored, set);
    for (const key of remove) {
      props.deleteProperty(key);
      delete stored[key];
    }
  };
  return {
    ledger,
    /** Writes only the shards in `keys`: one setProperties. */
    save: (keys: string[]) => write(ledgerWrites(stored, ledger, keys)),
    /** Writes whatever differs, and deletes emptied shards and values of the previous format. */
    sync: () => write(ledgerWrites(stored, ledger)),
  };
}
type OpenLedger = ReturnType<typeof openLedger>;

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

/**
 * Sends an earlier run could not log are logged before anything new is sent, so a send that is not
 * in `Nhật ký` yet is never overwritten in the ledger by a later one. Throws (and nothing is sent)
 * when `Nhật ký` still cannot be written.
 */
function logBacklog(ss: Spreadsheet, store: OpenLedger, config: WorkbookConfig, now: Date): void {
  const rows = backlogRows(unloggedSends(store.ledger), config.villages, config.settings);
  if (rows.length === 0) return;
  appendLog(ss, rows, now);
  markLogged(store.ledger);
  store.sync();
}

function remind(ss: Spreadsheet, config: WorkbookConfig, now: Date): ReminderRunReport {
  assertCanLog(ss);
  const today = vnDateOf(now);
  const store = openLedger(PropertiesService.getDocumentProperties());
  logBacklog(ss, store, config, now);
  const { ledger } = store;
  const deliveries: Delivery[] = [];
  let plan: ReminderPlan | null = null;
  let completed = false;
  let report: ReminderRunReport | undefined;
  try {
    const findTab = tabFinder(ss, config.villages);
    plan = planRun(ss, config, ledger, findTab, now);
    const { digest, emails } = plan;
    const ctx = messageContext(ss, config, findTab);
    // The digest goes first: when the quota is short, the office's Zalo message still reaches everyone.
    const first = digest ? 1 : 0;
    const messages = [...(digest ? [officeDigestEmail(digest, today, ctx)] : []), ...emails.map((e) => headReminderEmail(e, ctx))];
    deliver(messages, deliveries, now.getTime(), (n) => {
      const email = emails[n - first];
      store.save(n < first ? recordDigest(ledger, today) : recordSent(ledger, today, email.to, email.items.map((i) => ({ year: i.year, month: i.month, village: i.village.name, step: i.step }))));
    });
    completed = true;
  } finally {
    report = settle(ss, store, plan, deliveries, config, now, completed);
  }
  // A run that got here has planned, so settle described it.
  return report as ReminderRunReport;
}

/** Reads the tabs the planner needs and plans; the ledger forgets what is out of its window. */
function planRun(ss: Spreadsheet, config: WorkbookConfig, ledger: ReminderLedger, findTab: TabFinder, now: Date): ReminderPlan {
  const base = { today: vnDateOf(now), settings: config.settings, villages: config.villages, ledger };
  const tabs = readVillageTabs(ss, config, now, { villages: villagesToRead(base), findTab });
  const assessments = new Map(tabs.map((t) => [t.village, t.assessments]));
  const monthOf = (v: Village, month: number) => assessments.get(v)?.[month - 1];
  const plan = planReminders({
    ...base,
    stateOf: (v, month) => monthOf(v, month)?.status ?? 'NO_TAB',
    faultsOf: (v, month) => errorsOf(monthOf(v, month)?.findings ?? []).map((f) => f.message),
  });
  pruneLedger(ledger, plan.keepMonths, config.villages);
  return plan;
}

/**
 * The end of every run, even one that failed half-way: one `Nhật ký` write for all it did, then the
 * ledger brought up to date (a failed write retried). Only once the rows are in `Nhật ký` are the
 * sends marked logged and the skips settled, so a log that fails is made good by the next run. A run
 * that failed rethrows its own error; otherwise a failure here is the run's.
 */
function settle(ss: Spreadsheet, store: OpenLedger, plan: ReminderPlan | null, deliveries: readonly Delivery[], config: WorkbookConfig, now: Date, completed: boolean): ReminderRunReport | undefined {
  const first = plan?.digest ? 1 : 0;
  const described = plan && describeRun(plan, { digest: first ? (deliveries[0] ?? null) : null, heads: deliveries.slice(first) }, config.settings);
  let failure: unknown = null;
  try {
    appendLog(ss, described?.log ?? [], now);
    recordSettled(store.ledger, vnDateOf(now), plan?.skips.flatMap((s) => (s.handled ? [s.handled] : [])) ?? []);
    markLogged(store.ledger);
  } catch (err) {
    failure = err;
  }
  try {
    store.sync();
  } catch (err) {
    failure ??= err;
  }
  if (completed && failure) throw failure;
  return described?.report;
}

/** Handler of the daily time-driven trigger. */
export function runScheduledReminders(e?: GoogleAppsScript.Events.TimeDriven): void {
  if (retireIfReplaced('reminders', e?.triggerUid)) return;
  const ss = activeSpreadsheet();
  withDocumentLock(() => {
    const config = readConfig(ss);
    if (!config) return;
    const now = new Date();
    // A tick the edit trigger left for later is stamped first, so its village is not reminded. An
    // Editor add-on may not get its retry trigger (one time trigger per user), so this is its retry.
    try {
      settlePendingEdits(ss, config);
    } catch {
      // The edits stay recorded for their retry; the reminders must not wait for them.
    }
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
    'Gửi ngay các email nhắc nộp báo cáo tháng, và bản tổng hợp cho phòng VH-XH (nếu có báo cáo quá hạn)?\nNhững email đã gửi hôm nay sẽ không gửi lại.',
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
  const previews = previewEmails(to, vnDateOf(now), config.settings, config.villages, messageContext(ss, config, tabFinder(ss, config.villages)));
  const summary = withDocumentLock(() => {
    const results: Delivery[] = [];
    deliver(previews, results, now.getTime());
    const sent = results.filter((r) => r.result === 'sent').length;
    const problems = results.flatMap((r, n) => (r.result === 'failed' ? [`${previews[n].subject}: ${r.error}`] : r.result === 'deferred' ? [`${previews[n].subject}: hết hạn mức email hôm nay`] : []));
    appendLog(ss, [{ action: 'Gửi thử email nhắc', detail: `${sent}/${previews.length} email mẫu tới ${to}${problems.length ? `; chưa gửi: ${problems.join('; ')}` : ''}` }], now);
    return [`Đã gửi ${sent}/${previews.length} email mẫu (sắp đến hạn, đến hạn, quá hạn, tổng hợp) tới ${to}.`, ...problems].join('\n');
  });
  ui.alert('Gửi thử', summary, ui.ButtonSet.OK);
  return summary;
}
