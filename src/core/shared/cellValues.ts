/**
 * Reading what people really type into count cells. `getValues()` gives Number, Boolean, Date or
 * String (pasted or text-formatted cells), so every shape is handled here, once.
 */

import { formatVnDate } from './calendar';
import { formatInt, normalizeName, revealInvisible, withoutInvisible } from './text';

export type CountReading =
  | { kind: 'blank' }
  | { kind: 'count'; value: number }
  | { kind: 'invalid'; reason: InvalidReason; shown: string };

export type InvalidReason = 'text' | 'negative' | 'decimal' | 'error' | 'date' | 'boolean';

/** Cross-realm safe: values may come from another JS realm (the vm running the bundle). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

const SHEETS_ERROR = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;
/** `1.234`, `1 234`, `12.345.678` — Vietnamese grouping with dots or spaces. */
const GROUPED = /^-?\d{1,3}(?:[. \u00a0\u202f]\d{3})+$/;
const GROUP_SEPARATORS = /[. \u00a0\u202f]/g;
const PLAIN = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:[.,]\d+)$/;
const LEADING_PLUS = /^\+/;

/**
 * Blank and counts below SHARED_COUNTS are shared rather than made afresh: Tổng hợp holds a reading
 * for every cell of every tab (500 villages × 12 months × 14 indicators), and each one made is one
 * more for the garbage collector to move. Frozen, so sharing can never leak a change from one cell
 * to another.
 */
const BLANK: CountReading = Object.freeze({ kind: 'blank' });
const SHARED_COUNTS = 10000;
const COUNTS = new Array<CountReading | undefined>(SHARED_COUNTS);

export function readCount(raw: unknown): CountReading {
  if (raw === '' || raw === null || raw === undefined) return BLANK;
  if (typeof raw === 'number') return fromNumber(raw, null);
  if (typeof raw === 'boolean') return { kind: 'invalid', reason: 'boolean', shown: raw ? 'TRUE' : 'FALSE' };
  if (isDate(raw)) return { kind: 'invalid', reason: 'date', shown: Number.isNaN(raw.getTime()) ? 'ngày tháng' : formatVnDate(raw) };
  const typed = String(raw).normalize('NFC').trim();
  // What a person sees as 12 is read as 12: fullwidth digits (a Chinese or Japanese keyboard) are
  // folded by NFKC, and characters that show as nothing are dropped (docs/validation.md).
  const text = withoutInvisible(typed.normalize('NFKC')).trim();
  // A message quotes what was typed, hidden characters written out, so the head sees what is wrong.
  const shown = revealInvisible(typed);
  if (text === '') return BLANK;
  if (SHEETS_ERROR.test(text)) return { kind: 'invalid', reason: 'error', shown };
  const compact = text.replace(LEADING_PLUS, '');
  if (PLAIN.test(compact)) return fromNumber(Number(compact), shown);
  if (GROUPED.test(compact)) return fromNumber(Number(compact.replace(GROUP_SEPARATORS, '')), shown);
  if (DECIMAL.test(compact)) return fromNumber(Number(compact.replace(',', '.')), shown);
  return { kind: 'invalid', reason: 'text', shown };
}

/** `typed`: the text the number was read from, shown as typed; null for a number cell. */
function fromNumber(value: number, typed: string | null): CountReading {
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'text', shown: typed ?? formatShown(value) };
  if (value < 0) return { kind: 'invalid', reason: 'negative', shown: typed ?? formatShown(value) };
  if (!Number.isInteger(value)) return { kind: 'invalid', reason: 'decimal', shown: typed ?? formatShown(value) };
  if (value >= SHARED_COUNTS || Object.is(value, -0)) return { kind: 'count', value };
  return (COUNTS[value] ??= Object.freeze({ kind: 'count', value }));
}

/** As a person would read it back: `-1.234`, `12,5`. */
function formatShown(value: number): string {
  return Number.isInteger(value) ? formatInt(value) : String(value).replace('.', ',');
}

/** What people type for "yes" in a tick column, besides the checkbox's own TRUE. */
const TICKED = new Set(['true', 'x', 'v', '✓', '1', 'có', 'co', 'đã nộp']);

export function isTicked(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return TICKED.has(normalizeName(value));
}
