/** The demo's .eml writer: headers decode back to the Vietnamese text, both parts are intact. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SentMail } from '../../emulator';
import { encodeHeader, writeEmails } from '../../scripts/demo/emails';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { headReminderEmail } from '../../src/core/reminders/messages';

const decodeWords = (header: string) =>
  header.replace(/\r\n /g, '').replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

/** A "Cần sửa" reminder as the add-on writes it, to a head of two villages. */
function reminder(): SentMail {
  const village = (row: number, name: string) => ({ name, head: 'Lê Văn Bình', email: 'binh@example.com', phone: '', teamLeader: '', denominators: {}, row });
  const due = { year: 2026, month: 5, day: 20 };
  const item = (name: string, row: number) => ({ village: village(row, name), month: 5, year: 2026, due, step: 2, daysLate: 2, status: 'CAN_SUA' as const, faults: [`${name}, Tháng 5, ô E7: Hộ được tuyên truyền về chuyển đổi số (1.250) lớn hơn tổng số hộ (1.100).`] });
  const settings = { ...DEFAULT_SETTINGS, unitName: 'Xã Bạch Ngọc', officeEmail: 'vhxh@example.gov.vn' };
  const message = headReminderEmail({ to: 'binh@example.com', items: [item('Thôn 2', 6), item('Thôn 3', 7)], earlier: [] }, { settings, spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit', sheetIdOf: () => 1 });
  return { ...message, from: 'office@example.gov.vn', sentAt: new Date('2026-05-22T01:13:05Z') };
}

describe('writeEmails', () => {
  const mail = reminder();

  it('the reminder it writes is the add-on\'s own: addressed to the head by title, naming the cells to fix', () => {
    expect(mail.subject).toBe('[Tổ CNSCĐ] Cần sửa: báo cáo tháng 5/2026 – Thôn 2, Thôn 3');
    expect(mail.body).toContain('Kính gửi đồng chí Lê Văn Bình, Trưởng thôn Thôn 2 và Thôn 3,');
    expect(mail.body).toContain('– ô E7: Hộ được tuyên truyền về chuyển đổi số (1.250) lớn hơn tổng số hộ (1.100).');
  });

  it('writes RFC 822 files with UTF-8 encoded headers and a multipart/alternative body', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'eml-')), 'emails');
    const [file] = writeEmails([mail], dir);
    expect(file).toMatch(/001-2026-05-22-binh-example-com-Can-sua-bao-cao-thang-5-2026-Thon-2-Thon-3/);
    const text = readFileSync(file, 'utf8');
    const head = text.slice(0, text.indexOf('\r\n\r\n'));
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    const header = (name: string) => decodeWords(new RegExp(`^${name}: (.*(?:\\r\\n .*)*)`, 'm').exec(head)?.[1] ?? '');
    expect(header('Subject')).toBe(mail.subject);
    expect(header('From')).toBe('Tổ CNSCĐ – Xã Bạch Ngọc <office@example.gov.vn>');
    expect(header('Date')).toBe('Fri, 22 May 2026 08:13:05 +0700');
    expect(header('Reply-To')).toBe('vhxh@example.gov.vn');
    const boundary = /boundary="([^"]+)"/.exec(head)?.[1];
    expect(head).toContain('Content-Type: multipart/alternative;');
    const parts = text.split(`--${boundary}`).slice(1, -1);
    expect(parts.map((p) => /Content-Type: (text\/\w+)/.exec(p)?.[1])).toEqual(['text/plain', 'text/html']);
    const decoded = parts.map((p) => Buffer.from(p.slice(p.indexOf('\r\n\r\n')).replace(/\s/g, ''), 'base64').toString('utf8'));
    expect(decoded).toEqual([mail.body, mail.htmlBody]);
    expect(text.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
  });

  it('keeps every encoded word under 76 characters without splitting a character', () => {
    const encoded = encodeHeader('Nhắc việc 22/05/2026: 5 thôn chưa hoàn thành báo cáo tháng 5/2026 – Đặng Thị Hằng');
    for (const line of encoded.split('\r\n ')) expect(line.length).toBeLessThan(76);
    expect(decodeWords(encoded)).toBe('Nhắc việc 22/05/2026: 5 thôn chưa hoàn thành báo cáo tháng 5/2026 – Đặng Thị Hằng');
  });
});
