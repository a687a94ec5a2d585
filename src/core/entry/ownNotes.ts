/**
 * Cell notes the add-on writes (explanations on a checkbox, marks from Kiểm tra số liệu) share a
 * cell with notes people write. The add-on's part follows a marker; whatever comes before it is a
 * person's and is always kept.
 */
import type { Finding } from '../shared/findings';

export const OWN_NOTE_MARKER = '⚠ Tổ CNSCĐ:';

export interface SplitNote {
  person: string;
  own: string | null;
}

export function splitNote(note: unknown): SplitNote {
  const text = String(note ?? '');
  const at = text.indexOf(OWN_NOTE_MARKER);
  if (at < 0) return { person: text, own: null };
  return { person: text.slice(0, at).replace(/\s+$/, ''), own: text.slice(at + OWN_NOTE_MARKER.length).trim() };
}

/** The note with the add-on's part replaced by `own` (null removes it); the person's part unchanged. */
export function withOwnNote(note: unknown, own: string | null): string {
  const { person } = splitNote(note);
  if (own === null) return person;
  const ours = `${OWN_NOTE_MARKER} ${own}`;
  return person === '' ? ours : `${person}\n\n${ours}`;
}

/** On a cell marked by Kiểm tra số liệu; also the list under the checkbox notes' headings. */
const FINDING_BULLET = '• ';

export function findingsNote(findings: readonly Finding[]): string {
  return findings.map((f) => `${FINDING_BULLET}${f.message}`).join('\n');
}

const REJECTED_HEADING = 'Chưa nộp được báo cáo, cần sửa:';
export const NEEDS_FIX_HEADING = 'Cần sửa: số liệu đã nộp có lỗi.';

const REJECTED_CLOSING = 'Sửa xong hãy tích lại ô "Đã nộp".';

/** On the checkbox of a month whose tick was refused. */
export function rejectedNote(errors: readonly Finding[]): string {
  return `${REJECTED_HEADING}\n${findingsNote(errors)}\n${REJECTED_CLOSING}`;
}

/**
 * A month's `Ghi chú` cell: the head's text, the add-on's message (a refusal or "Cần sửa": after the
 * marker, its heading, its bullet lines and its closing line), and whatever the head typed after it
 * on the phone, which is theirs too (docs/validation.md, "On a tick").
 */
export function splitMonthNote(text: unknown): SplitNote {
  const { person, own } = splitNote(text);
  if (own === null) return { person, own };
  const lines = own.split('\n');
  let end = 1;
  while (end < lines.length && (lines[end].startsWith(FINDING_BULLET) || lines[end] === REJECTED_CLOSING)) end++;
  const after = lines.slice(end).join('\n').trim();
  return { person: [person, after].filter((t) => t !== '').join('\n\n'), own: lines.slice(0, end).join('\n') };
}

/** The `Ghi chú` text with the add-on's message replaced by `own` (null removes it); all the head's text kept. */
export function withOwnMonthNote(text: unknown, own: string | null): string {
  return withOwnNote(splitMonthNote(text).person, own);
}

/** On the checkbox of a submitted month whose data now has errors. */
export function needsFixNote(errors: readonly Finding[]): string {
  return `${NEEDS_FIX_HEADING}\n${findingsNote(errors)}`;
}

export const SUBMITTED_VALUES_HEADING = 'Số liệu lúc nộp (tiện ích ghi để đối chiếu khi có sửa):';

/**
 * On the NGAY_NOP cell of a submitted month, which only the office may edit: the values as they
 * were submitted, one `code: value` a line, so a later change (a paste included) is logged old → new.
 */
export function submittedValuesNote(values: ReadonlyMap<string, string>): string {
  return [SUBMITTED_VALUES_HEADING, ...[...values].map(([code, value]) => `${code}: ${value}`)].join('\n');
}

/** The values a submittedValuesNote holds, or null when the note is not one. */
export function readSubmittedValues(own: string | null): Map<string, string> | null {
  if (own === null || !own.startsWith(SUBMITTED_VALUES_HEADING)) return null;
  const values = new Map<string, string>();
  for (const line of own.slice(SUBMITTED_VALUES_HEADING.length).split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) values.set(line.slice(0, at), line.slice(at + 2));
  }
  return values;
}

export function isNeedsFixNote(own: string | null): boolean {
  return own !== null && own.startsWith(NEEDS_FIX_HEADING);
}

/**
 * A mark of Kiểm tra số liệu or of the edit trigger (a cell's findings, a checkbox's "Cần sửa"),
 * which goes once its findings do; the figures kept on NGAY_NOP, a refused tick's note and the
 * "being handled" note are not marks.
 */
export function isMarkNote(own: string | null): boolean {
  return own !== null && (own.startsWith(FINDING_BULLET) || isNeedsFixNote(own));
}
