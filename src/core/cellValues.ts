/**
 * Reading what people really type into count cells. `getValues()` gives Number, Boolean, Date or
 * String (pasted or text-formatted cells), so every shape is handled here, once.
 */

import { formatVnDate } from './calendar';
import { formatInt } from './text';

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
const PLAIN = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:[.,]\d+)$/;

export function readCount(raw: unknown): CountReading {
  if (raw === '' || raw === null || raw === undefined) return { kind: 'blank' };
  if (typeof raw === 'number') return fromNumber(raw, formatShown(raw));
  if (typeof raw === 'boolean') return { kind: 'invalid', reason: 'boolean', shown: raw ? 'TRUE' : 'FALSE' };
  if (isDate(raw)) return { kind: 'invalid', reason: 'date', shown: Number.isNaN(raw.getTime()) ? 'ngày tháng' : formatVnDate(raw) };
  const text = String(raw).normalize('NFC').trim();
  if (text === '') return { kind: 'blank' };
  if (SHEETS_ERROR.test(text)) return { kind: 'invalid', reason: 'error', shown: text };
  const compact = text.replace(/^\+/, '');
  if (PLAIN.test(compact)) return fromNumber(Number(compact), text);
  if (GROUPED.test(compact)) return fromNumber(Number(compact.replace(/[. \u00a0\u202f]/g, '')), text);
  if (DECIMAL.test(compact)) return fromNumber(Number(compact.replace(',', '.')), text);
  return { kind: 'invalid', reason: 'text', shown: text };
}

function fromNumber(value: number, shown: string): CountReading {
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'text', shown };
  if (value < 0) return { kind: 'invalid', reason: 'negative', shown };
  if (!Number.isInteger(value)) return { kind: 'invalid', reason: 'decimal', shown };
  return { kind: 'count', value };
}

/** As a person would read it back: `-1.234`, `12,5`. */
function formatShown(value: number): string {
  return Number.isInteger(value) ? formatInt(value) : String(value).replace('.', ',');
}
