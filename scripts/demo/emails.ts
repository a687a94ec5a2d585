/**
 * Writes the emails of an emulated outbox as `.eml` files (RFC 5322 / MIME): headers with UTF-8
 * encoded words, a multipart/alternative body with the plain-text twin first and the HTML last,
 * so any mail client opens them as the recipient would see them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentMail } from '../../emulator';
import { vnWallClock } from './wallClock';

const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 2047 encoded words, each under 76 characters, split on whole characters. */
export function encodeHeader(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function mailbox(name: string | undefined, address: string): string {
  return name ? `${encodeHeader(name)} <${address}>` : address;
}

/** `Fri, 22 May 2026 08:13:05 +0700`: the time as the recipient in Vietnam sees it. */
function rfcDate(instant: Date): string {
  const t = vnWallClock(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[t.getUTCDay()]}, ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} +0700`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

function toEml(mail: SentMail, index: number): string {
  const boundary = `=_to-cnscd_${index}_${mail.sentAt.getTime()}`;
  const headers = [
    `From: ${mailbox(mail.name, mail.from)}`,
    `To: ${mail.to}`,
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${rfcDate(mail.sentAt)}`,
    `Message-ID: <demo-${index}-${mail.sentAt.getTime()}@to-cnscd.example>`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, text: string) => [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(text)];
  const body = mail.htmlBody === undefined
    ? ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(mail.body)]
    : [`Content-Type: multipart/alternative; boundary="${boundary}"`, '', ...part('text/plain', mail.body), ...part('text/html', mail.htmlBody), `--${boundary}--`];
  return [...headers, ...body, ''].join(CRLF);
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** Replaces `dir` with one file per email, in sending order; returns the paths written. */
export function writeEmails(outbox: readonly SentMail[], dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return outbox.map((mail, i) => {
    const day = vnWallClock(mail.sentAt).toISOString().slice(0, 10);
    const file = join(dir, `${String(i + 1).padStart(3, '0')}-${day}-${slug(mail.to)}-${slug(mail.subject.replace('[Tổ CNSCĐ]', ''))}.eml`);
    writeFileSync(file, toEml(mail, i + 1));
    return file;
  });
}
