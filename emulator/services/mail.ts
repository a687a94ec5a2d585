import type { Api } from '../api';
import type { Env } from '../env';
import { EmuObject, gasError } from '../guard';

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  /** Who sent it: the effective user of the execution. */
  from: string;
  sentAt: Date;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown;
  inlineImages?: unknown;
}

const EMAIL = /^[^\s@,;<>()"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * MailApp with a daily recipient quota. The quota resets when the emulator clock enters a new
 * UTC day (Google resets it 24 hours after first use; a calendar day is close enough here).
 */
export class EmuMailApp extends EmuObject implements Api<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  readonly outbox: SentMail[] = [];
  readonly failing = new Set<string>();
  private remaining: number;
  private day: number;

  constructor(private readonly env: Env) {
    super(env.calls, 'MailApp');
    this.remaining = env.opts.mailQuota;
    this.day = this.today();
  }

  private today(): number {
    return Math.floor(this.env.clock.nowMs() / 86400000);
  }

  private refresh(): void {
    const today = this.today();
    if (today > this.day) {
      this.day = today;
      this.remaining = this.env.opts.mailQuota;
    }
  }

  _setRemaining(n: number): void {
    this.refresh();
    this.remaining = n;
  }

  getRemainingDailyQuota() {
    this.env.requireMode('FULL', 'MailApp.getRemainingDailyQuota', 'https://www.googleapis.com/auth/script.send_mail');
    this.refresh();
    return this.remaining;
  }

  /** sendEmail(message) | sendEmail(recipient, subject, body, options?) */
  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown) {
    this.env.requireMode('FULL', 'MailApp.sendEmail', 'https://www.googleapis.com/auth/script.send_mail');
    const msg: MailOptions = typeof a === 'object' && a !== null
      ? (a as MailOptions)
      : { ...(options as MailOptions | undefined), to: String(a), subject: String(subject ?? ''), body: String(body ?? '') };
    if (msg.attachments !== undefined || msg.inlineImages !== undefined) throw new Error('not emulated: MailApp.sendEmail attachments/inlineImages');
    const split = (s?: string) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    const recipients = [...split(msg.to), ...split(msg.cc), ...split(msg.bcc)];
    if (recipients.length === 0) throw gasError('Failed to send email: no recipient');
    for (const r of recipients) if (!EMAIL.test(r)) throw gasError(`Invalid email: ${r}`);
    if (msg.subject === undefined || msg.subject === null) throw gasError('Invalid argument: subject');
    this.refresh();
    if (recipients.length > this.remaining) throw gasError('Service invoked too many times for one day: email.');
    const failed = recipients.find((r) => this.failing.has(r.toLowerCase()));
    if (failed) throw gasError(`Failed to send email to ${failed}: the mail server rejected the message (simulated failure).`);
    this.remaining -= recipients.length;
    this.outbox.push({
      to: split(msg.to).join(','),
      ...(msg.cc && { cc: msg.cc }),
      ...(msg.bcc && { bcc: msg.bcc }),
      subject: String(msg.subject),
      body: String(msg.body ?? ''),
      ...(msg.htmlBody !== undefined && { htmlBody: String(msg.htmlBody) }),
      ...(msg.name !== undefined && { name: String(msg.name) }),
      ...(msg.replyTo !== undefined && { replyTo: String(msg.replyTo) }),
      ...(msg.noReply !== undefined && { noReply: !!msg.noReply }),
      from: this.env.exec.effectiveUser,
      sentAt: this.env.clock.now(),
    });
  }
}
