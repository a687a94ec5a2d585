/**
 * The reminder emails (Vietnamese): HTML with a plain-text twin, everything people typed escaped,
 * each village linked to its tab. Also the ready-to-paste Zalo message of the office digest.
 */
import { formatLocalDate, type LocalDate } from '../shared/calendar';
import type { Settings } from '../config/settings';
import { escapeHtml, isPlausibleEmail } from '../shared/text';
import type { DigestPlan, OverdueVillage, RecipientEmail, ReminderItem } from './plan';

export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain-text twin, for mail clients that do not show HTML. */
  body: string;
  htmlBody: string;
  /** Sender display name. */
  name: string;
  /** The office, so a head who replies reaches a person; empty when no valid office email. */
  replyTo: string;
}

export type MessageSettings = Pick<Settings, 'unitName' | 'villageWord' | 'officeEmail'>;

export interface MessageContext {
  settings: MessageSettings;
  spreadsheetUrl: string;
  /** `sheetId` of a village's tab, null when there is none. */
  sheetIdOf: (villageName: string) => number | null;
}

export type Tone = 'SAP_DEN_HAN' | 'DEN_HAN' | 'QUA_HAN' | 'CAN_SUA';

const TONE_TITLE: Record<Tone, string> = {
  SAP_DEN_HAN: 'Sắp đến hạn',
  DEN_HAN: 'Đến hạn hôm nay',
  QUA_HAN: 'Quá hạn',
  CAN_SUA: 'Cần sửa',
};

/** Most urgent first: it names the subject of an email listing several reports. */
const URGENCY: readonly Tone[] = ['QUA_HAN', 'CAN_SUA', 'DEN_HAN', 'SAP_DEN_HAN'];

export const SUBJECT_TAG = '[Tổ CNSCĐ]';
export const TEST_PREFIX = '[Gửi thử]';

export function toneOf(item: Pick<ReminderItem, 'status' | 'daysLate'>): Tone {
  if (item.status === 'CAN_SUA') return 'CAN_SUA';
  return item.daysLate < 0 ? 'SAP_DEN_HAN' : item.daysLate === 0 ? 'DEN_HAN' : 'QUA_HAN';
}

export function periodOf(month: number, year: number): string {
  return `tháng ${month}/${year}`;
}

/** Where the report stands against its due date, e.g. "đã quá hạn 2 ngày". */
export function dueStanding(daysLate: number): string {
  if (daysLate < 0) return `còn ${-daysLate} ngày nữa đến hạn`;
  if (daysLate === 0) return 'hôm nay là hạn cuối';
  return `đã quá hạn ${daysLate} ngày`;
}

function itemStanding(item: ReminderItem): string {
  if (item.status !== 'CAN_SUA') return `${dueStanding(item.daysLate)}.`;
  return `đã tích "Đã nộp" nhưng số liệu hiện có lỗi, cần sửa (${dueStanding(item.daysLate)}).`;
}

export function tabLink(ctx: MessageContext, villageName: string): string {
  const id = ctx.sheetIdOf(villageName);
  return id === null ? ctx.spreadsheetUrl : `${ctx.spreadsheetUrl}#gid=${id}`;
}

function senderName(settings: MessageSettings): string {
  return `Tổ CNSCĐ – ${settings.unitName}`;
}

function replyTo(settings: MessageSettings): string {
  return isPlausibleEmail(settings.officeEmail) ? settings.officeEmail.trim() : '';
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

export function headReminderEmail(email: RecipientEmail, ctx: MessageContext): EmailMessage {
  const { settings } = ctx;
  const tone = URGENCY.find((t) => email.items.some((i) => toneOf(i) === t)) as Tone;
  const periods = unique(email.items.map((i) => periodOf(i.month, i.year)));
  const villages = unique(email.items.map((i) => i.village.name));
  const subject = `${SUBJECT_TAG} ${TONE_TITLE[tone]}: báo cáo ${periods.join(', ')} – ${villages.join(', ')}`;
  const heads = unique(email.items.map((i) => i.village.head).filter((h) => h !== ''));
  const greeting = heads.length > 0 ? `Kính gửi ông/bà ${heads.join(', ')},` : 'Kính gửi ông/bà trưởng địa bàn,';
  const intro = `Phòng Văn hóa - Xã hội ${settings.unitName} xin nhắc báo cáo tháng của Tổ công nghệ số cộng đồng:`;
  const months = unique(email.items.map((i) => `"Tháng ${i.month}"`));
  const howTo = `Cách nộp: mở tab của địa bàn trong bảng tính, ghi số liệu vào cột ${months.join(', ')} (để trống nếu chưa có số; 0 cũng là một số liệu), rồi tích ô "Đã nộp báo cáo" của tháng đó. Trên điện thoại, dùng ứng dụng Google Trang tính.`;
  const ignore = 'Nếu đã nộp và số liệu không còn lỗi, xin bỏ qua email này.';
  const sign = `Trân trọng,\nPhòng Văn hóa - Xã hội ${settings.unitName}`;
  const footer = replyTo(settings) ? 'Email tự động của tiện ích Tổ CNSCĐ; trả lời email này để liên hệ phòng VH-XH.' : 'Email tự động của tiện ích Tổ CNSCĐ.';

  const lines = email.items.map((i) => `• ${i.village.name} – báo cáo ${periodOf(i.month, i.year)} (hạn ${formatLocalDate(i.due)}): ${itemStanding(i)}\n  Mở tab: ${tabLink(ctx, i.village.name)}`);
  const body = [greeting, '', intro, '', ...lines, '', howTo, ignore, '', sign, '', `(${footer})`].join('\n');

  const htmlItems = email.items
    .map(
      (i) =>
        `<li style="margin-bottom:8px"><b>${escapeHtml(i.village.name)}</b> – báo cáo ${escapeHtml(periodOf(i.month, i.year))} (hạn <b>${escapeHtml(formatLocalDate(i.due))}</b>): ` +
        `<span style="color:${toneOf(i) === 'SAP_DEN_HAN' || toneOf(i) === 'DEN_HAN' ? '#7a5d00' : '#b00020'}">${escapeHtml(itemStanding(i))}</span><br>` +
        `<a href="${escapeHtml(tabLink(ctx, i.village.name))}">Mở tab ${escapeHtml(i.village.name)}</a></li>`,
    )
    .join('');
  const htmlBody = html([
    paragraph(greeting),
    paragraph(intro),
    `<ul>${htmlItems}</ul>`,
    paragraph(howTo),
    paragraph(ignore),
    paragraph(sign).replace('\n', '<br>'),
    `<p style="color:#777;font-size:12px">${escapeHtml(footer)}</p>`,
  ]);
  return { to: email.to, subject, body, htmlBody, name: senderName(settings), replyTo: replyTo(settings) };
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

function html(parts: readonly string[]): string {
  return `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">${parts.join('')}</div>`;
}

function overdueStanding(o: OverdueVillage): string {
  return o.status === 'CAN_SUA' ? `đã nộp nhưng cần sửa số liệu, ${dueStanding(o.daysLate)}` : dueStanding(o.daysLate);
}

/** Plain text for the commune's Zalo group: no links or formatting, which Zalo would mangle. */
export function zaloMessage(digest: DigestPlan, settings: MessageSettings): string {
  const lines = [`[${settings.unitName}] Nhắc nộp báo cáo Tổ công nghệ số cộng đồng`];
  for (const m of digest.months) {
    const overdue = digest.overdue.filter((o) => o.month === m.month);
    if (overdue.length === 0) continue;
    lines.push(`Báo cáo ${periodOf(m.month, m.year)} (hạn ${formatLocalDate(m.due)}), các ${settings.villageWord.toLocaleLowerCase('vi')} chưa hoàn thành:`);
    overdue.forEach((o, n) => lines.push(`${n + 1}. ${o.village.name}${o.village.head ? ` – đ/c ${o.village.head}` : ''} (${overdueStanding(o)})`));
  }
  lines.push('Đề nghị các đồng chí ghi số liệu vào tab của địa bàn mình trong bảng tính và tích ô "Đã nộp báo cáo" ngay trong hôm nay. Trân trọng cảm ơn!');
  return lines.join('\n');
}

export function officeDigestEmail(digest: DigestPlan, today: LocalDate, ctx: MessageContext): EmailMessage {
  const { settings } = ctx;
  const word = settings.villageWord.toLocaleLowerCase('vi');
  const periods = unique(digest.months.map((m) => periodOf(m.month, m.year)));
  const subject = `${SUBJECT_TAG} Nhắc việc ${formatLocalDate(today)}: ${digest.overdue.length} ${word} chưa hoàn thành báo cáo ${periods.join(', ')}`;
  const title = `Tổng hợp nhắc việc ngày ${formatLocalDate(today)} – ${settings.unitName}`;
  const zalo = zaloMessage(digest, settings);
  const contact = (o: OverdueVillage) => [o.village.head, o.village.phone].filter((s) => s !== '').join(', ');

  const textBlocks: string[] = [title, ''];
  const htmlBlocks: string[] = [`<h3 style="margin:0 0 8px">${escapeHtml(title)}</h3>`];
  for (const m of digest.months) {
    const overdue = digest.overdue.filter((o) => o.month === m.month);
    const heading = `Báo cáo ${periodOf(m.month, m.year)} (hạn ${formatLocalDate(m.due)}): đã nộp ${m.submitted}/${m.villages}; chưa hoàn thành ${overdue.length}.`;
    textBlocks.push(heading);
    overdue.forEach((o, n) => textBlocks.push(`${n + 1}. ${o.village.name}${contact(o) ? ` (${contact(o)})` : ''}: ${overdueStanding(o)}. ${tabLink(ctx, o.village.name)}`));
    textBlocks.push('');
    const rows = overdue
      .map(
        (o) =>
          `<tr><td style="padding:2px 8px"><a href="${escapeHtml(tabLink(ctx, o.village.name))}">${escapeHtml(o.village.name)}</a></td>` +
          `<td style="padding:2px 8px">${escapeHtml(contact(o))}</td><td style="padding:2px 8px;color:#b00020">${escapeHtml(overdueStanding(o))}</td></tr>`,
      )
      .join('');
    htmlBlocks.push(`<p><b>${escapeHtml(heading)}</b></p>`, overdue.length ? `<table style="border-collapse:collapse">${rows}</table>` : '');
  }
  const zaloIntro = 'Tin nhắn Zalo (sao chép rồi dán vào nhóm của địa bàn):';
  const open = 'Mở bảng tính:';
  textBlocks.push(zaloIntro, '----------', zalo, '----------', '', `${open} ${ctx.spreadsheetUrl}`);
  htmlBlocks.push(
    paragraph(zaloIntro),
    `<pre style="white-space:pre-wrap;background:#f4f6f8;border:1px solid #d0d7de;padding:8px;font-family:Arial,sans-serif">${escapeHtml(zalo)}</pre>`,
    `<p>${escapeHtml(open)} <a href="${escapeHtml(ctx.spreadsheetUrl)}">${escapeHtml(settings.unitName)}</a></p>`,
  );
  return { to: digest.to, subject, body: textBlocks.join('\n'), htmlBody: html(htmlBlocks), name: senderName(settings), replyTo: '' };
}

export function asTestEmail(message: EmailMessage, to: string): EmailMessage {
  return { ...message, to, subject: `${TEST_PREFIX} ${message.subject}` };
}
