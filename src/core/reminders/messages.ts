/**
 * The reminder emails (Vietnamese, docs/reminders.md, "What the emails say"): HTML with a
 * plain-text twin, everything people typed escaped, each village linked to its tab; and the
 * ready-to-paste Zalo message for the village heads' group. Words that depend on the commune come
 * from the vocabulary; heads are addressed as "đồng chí" (in lists "đ/c") everywhere.
 */
import { formatLocalDate, type LocalDate } from '../shared/calendar';
import type { Settings } from '../config/settings';
import { headOfVillages, TEAM_NAME, vocabularyOf } from '../config/vocabulary';
import { monthsText } from '../reports/aggregationText';
import { escapeHtml, isPlausibleEmail } from '../shared/text';
import { messageInMonth } from '../entry/validation';
import type { DigestPlan, PendingMonth, RecipientEmail, ReminderItem, VillageBacklog } from './plan';

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

export type MessageSettings = Pick<Settings, 'unitName' | 'level' | 'villageWord' | 'officeEmail'>;

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

const TICK = '"Đã nộp báo cáo"';
/** How many cells at fault a "Cần sửa" reminder names; the rest are counted. */
export const FAULTS_SHOWN = 5;

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

/** "Phòng Văn hóa - Xã hội xã Bạch Ngọc": the unit as a sentence writes it. */
export function officeName(settings: MessageSettings): string {
  return `Phòng Văn hóa - Xã hội ${vocabularyOf(settings).unit}`;
}


/** "Kính gửi đồng chí Nguyễn Văn A, Trưởng thôn Thôn 3"; without a name "Kính gửi đồng chí Trưởng thôn Thôn 3". */
export function greetingOf(items: readonly Pick<ReminderItem, 'village'>[], villageWord: string): string {
  const byHead = new Map<string, string[]>();
  for (const { village } of items) {
    const names = byHead.get(village.head.trim()) ?? [];
    if (!names.includes(village.name)) names.push(village.name);
    byHead.set(village.head.trim(), names);
  }
  const addressees = [...byHead].map(([head, names]) => `đồng chí ${head ? `${head}, ` : ''}${headOfVillages(names, villageWord)}`);
  return `Kính gửi ${addressees.join('; ')},`;
}

/** "chưa nộp tháng 9, 10, 11; cần sửa số liệu tháng 7". */
export function pendingText(months: readonly PendingMonth[]): string {
  const missing = months.filter((m) => m.status === 'CHUA_NOP').map((m) => m.month);
  const toFix = months.filter((m) => m.status === 'CAN_SUA').map((m) => m.month);
  return [missing.length ? `chưa nộp ${monthsText(missing)}` : '', toFix.length ? `cần sửa số liệu ${monthsText(toFix)}` : ''].filter((t) => t !== '').join('; ');
}


/** The cells at fault, at most FAULTS_SHOWN, then how many more. */
function faultLines(item: ReminderItem): string[] {
  const shown = item.faults.slice(0, FAULTS_SHOWN).map((f) => messageInMonth(f, item.village.name, item.month));
  const more = item.faults.length - shown.length;
  return more > 0 ? [...shown, `và ${more} lỗi khác trong tab.`] : shown;
}

function itemStanding(item: ReminderItem): string {
  if (item.status !== 'CAN_SUA') return `${dueStanding(item.daysLate)}.`;
  const what = `đã tích ô ${TICK} nhưng số liệu còn lỗi, cần sửa (${dueStanding(item.daysLate)})`;
  return item.faults.length > 0 ? `${what}. Chỗ cần sửa:` : `${what}.`;
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

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

function html(parts: readonly string[]): string {
  return `<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">${parts.join('')}</div>`;
}

function footerOf(settings: MessageSettings): string {
  return replyTo(settings) ? 'Email tự động của tiện ích Tổ CNSCĐ; trả lời email này để liên hệ Phòng Văn hóa - Xã hội.' : 'Email tự động của tiện ích Tổ CNSCĐ.';
}

export function headReminderEmail(email: RecipientEmail, ctx: MessageContext): EmailMessage {
  const { settings } = ctx;
  const words = vocabularyOf(settings);
  const office = officeName(settings);
  const tone = URGENCY.find((t) => email.items.some((i) => toneOf(i) === t)) as Tone;
  const periods = unique(email.items.map((i) => periodOf(i.month, i.year)));
  const villages = unique(email.items.map((i) => i.village.name));
  const subject = `${SUBJECT_TAG} ${TONE_TITLE[tone]}: báo cáo ${periods.join(', ')} – ${villages.join(', ')}`;
  const greeting = greetingOf(email.items, settings.villageWord);
  const intro = `${office} xin nhắc đồng chí về báo cáo tháng của ${TEAM_NAME}:`;
  const months = unique(email.items.map((i) => `"Tháng ${i.month}"`));
  const howTo = `Cách nộp: mở tab của ${words.village} trong bảng tính, ghi số liệu vào cột ${months.join(', ')} (để trống nếu chưa có số; 0 cũng là một số liệu), rồi tích ô ${TICK} của tháng đó. Trên điện thoại, dùng ứng dụng Google Trang tính.`;
  const earlierIntro = 'Ngoài ra, các báo cáo sau đã quá hạn mà chưa hoàn thành; đề nghị đồng chí hoàn thành luôn:';
  const earlierLine = (b: VillageBacklog) => `${b.village.name}: ${pendingText(b.months)}.`;
  const ignore = 'Nếu đồng chí đã nộp và số liệu không còn lỗi, xin bỏ qua email này.';
  const footer = footerOf(settings);

  const lines = email.items.map((i) => [`• ${i.village.name} – báo cáo ${periodOf(i.month, i.year)} (hạn ${formatLocalDate(i.due)}): ${itemStanding(i)}`, ...faultLines(i).map((f) => `   – ${f}`), `  Mở tab: ${tabLink(ctx, i.village.name)}`].join('\n'));
  const earlier = email.earlier.length > 0 ? [earlierIntro, ...email.earlier.map((b) => `• ${earlierLine(b)}`), ''] : [];
  const body = [greeting, '', intro, '', ...lines, '', ...earlier, howTo, ignore, '', 'Trân trọng,', office, '', `(${footer})`].join('\n');

  const htmlItems = email.items
    .map((i) => {
      const faults = faultLines(i);
      return (
        `<li style="margin-bottom:8px"><b>${escapeHtml(i.village.name)}</b> – báo cáo ${escapeHtml(periodOf(i.month, i.year))} (hạn <b>${escapeHtml(formatLocalDate(i.due))}</b>): ` +
        `<span style="color:${toneOf(i) === 'SAP_DEN_HAN' || toneOf(i) === 'DEN_HAN' ? '#7a5d00' : '#b00020'}">${escapeHtml(itemStanding(i))}</span>` +
        (faults.length ? `<ul>${faults.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>` : '<br>') +
        `${link(tabLink(ctx, i.village.name), `Mở tab ${i.village.name}`)}</li>`
      );
    })
    .join('');
  const htmlBody = html([
    paragraph(greeting),
    paragraph(intro),
    `<ul>${htmlItems}</ul>`,
    ...(email.earlier.length ? [paragraph(earlierIntro), `<ul>${email.earlier.map((b) => `<li>${escapeHtml(earlierLine(b))}</li>`).join('')}</ul>`] : []),
    paragraph(howTo),
    paragraph(ignore),
    `<p>Trân trọng,<br>${escapeHtml(office)}</p>`,
    `<p style="color:#777;font-size:12px">${escapeHtml(footer)}</p>`,
  ]);
  return { to: email.to, subject, body, htmlBody, name: senderName(settings), replyTo: replyTo(settings) };
}

/** "tháng 5/2026" or "từ tháng 3 đến tháng 5/2026": the months a digest's villages still owe. */
function owedPeriod(digest: DigestPlan): string {
  const months = digest.villages.flatMap((v) => v.months.map((m) => m.month));
  const year = digest.months[0].year;
  const [first, last] = [Math.min(...months), Math.max(...months)];
  return first === last ? periodOf(first, year) : `từ tháng ${first} đến ${periodOf(last, year)}`;
}

const dueList = (digest: DigestPlan) => digest.months.map((m) => `${periodOf(m.month, m.year)} (hạn ${formatLocalDate(m.due)})`).join(', ');

/**
 * Plain text for the Zalo group of the village heads (not the residents' group: it names the heads
 * who are late). No formatting Zalo would mangle; the link stands alone on its line so Zalo makes it
 * clickable.
 */
export function zaloMessage(digest: DigestPlan, settings: MessageSettings, spreadsheetUrl: string): string {
  const words = vocabularyOf(settings);
  return [
    `Kính gửi các đồng chí ${words.head},`,
    `${officeName(settings)} nhắc: đã quá hạn nộp báo cáo ${dueList(digest)} của ${TEAM_NAME}. Các ${words.village} sau còn báo cáo chưa hoàn thành:`,
    ...digest.villages.map((v, n) => `${n + 1}. ${v.village.name}${v.village.head ? ` (đ/c ${v.village.head})` : ''}: ${pendingText(v.months)}`),
    `Đề nghị các đồng chí ghi số liệu vào tab của ${words.village} mình và tích ô ${TICK} ngay trong hôm nay. Bảng tính:`,
    spreadsheetUrl,
    'Trân trọng cảm ơn các đồng chí!',
  ].join('\n');
}

export function officeDigestEmail(digest: DigestPlan, today: LocalDate, ctx: MessageContext): EmailMessage {
  const { settings } = ctx;
  const words = vocabularyOf(settings);
  const subject = `${SUBJECT_TAG} Nhắc việc ${formatLocalDate(today)}: ${digest.villages.length} ${words.village} chưa hoàn thành báo cáo ${owedPeriod(digest)}`;
  const title = `Tổng hợp nhắc việc ngày ${formatLocalDate(today)} – ${officeName(settings)}`;
  const zalo = zaloMessage(digest, settings, ctx.spreadsheetUrl);
  const contact = (v: VillageBacklog) => [v.village.head ? `đ/c ${v.village.head}` : '', v.village.phone].filter((s) => s !== '').join(', ');
  const counts = digest.months.map((m) => `Báo cáo ${periodOf(m.month, m.year)} (hạn ${formatLocalDate(m.due)}): đã nộp ${m.submitted}/${m.villages} ${words.village}.`);
  const listTitle = `Các ${words.village} còn báo cáo quá hạn chưa hoàn thành (${digest.villages.length}), tính cả các tháng trước:`;
  const zaloIntro = `Tin nhắn Zalo (sao chép rồi dán vào nhóm Zalo của các ${words.head}, không dán vào nhóm của người dân):`;
  const open = 'Mở bảng tính:';

  const lines = digest.villages.map((v, n) => `${n + 1}. ${v.village.name}${contact(v) ? ` (${contact(v)})` : ''}: ${pendingText(v.months)}. ${tabLink(ctx, v.village.name)}`);
  const body = [title, '', ...counts, '', listTitle, ...lines, '', zaloIntro, '----------', zalo, '----------', '', `${open} ${ctx.spreadsheetUrl}`].join('\n');

  const cell = (content: string, style = '') => `<td style="padding:2px 8px;${style}">${content}</td>`;
  const rows = digest.villages
    .map((v) => `<tr>${cell(link(tabLink(ctx, v.village.name), v.village.name))}${cell(escapeHtml(contact(v)))}${cell(escapeHtml(pendingText(v.months)), 'color:#b00020')}</tr>`)
    .join('');
  const htmlBody = html([
    `<h3 style="margin:0 0 8px">${escapeHtml(title)}</h3>`,
    ...counts.map(paragraph),
    `<p><b>${escapeHtml(listTitle)}</b></p>`,
    `<table style="border-collapse:collapse">${rows}</table>`,
    paragraph(zaloIntro),
    `<pre style="white-space:pre-wrap;background:#f4f6f8;border:1px solid #d0d7de;padding:8px;font-family:Arial,sans-serif">${escapeHtml(zalo)}</pre>`,
    `<p>${escapeHtml(open)} ${link(ctx.spreadsheetUrl, ctx.spreadsheetUrl)}</p>`,
  ]);
  return { to: digest.to, subject, body, htmlBody, name: senderName(settings), replyTo: '' };
}

export function asTestEmail(message: EmailMessage, to: string): EmailMessage {
  return { ...message, to, subject: `${TEST_PREFIX} ${message.subject}` };
}
