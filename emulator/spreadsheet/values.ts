import { types } from 'node:util';
import { zonedToUtc } from '../time/zone';

/** An error value shown in a cell (#REF!, #N/A, …); scripts read it as its code string. */
export class CellError {
  constructor(readonly code: string) {}
}

export type CellValue = string | number | boolean | Date | CellError;

const ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!'];

/** Formulas are stored but never evaluated; reading such a cell's value yields this error. */
const UNEVALUATED = new CellError('#ERROR!');

export interface Stored {
  value: CellValue;
  formula?: string;
  /** Number format Sheets picks by itself for typed percents and dates (only if none is set). */
  autoFormat?: string;
}

interface LocaleSeparators {
  decimal: string;
  group: string;
  dayFirst: boolean;
}

const COMMA_DECIMAL = new Set(['vi', 'de', 'es', 'it', 'pt', 'fr', 'ru', 'id', 'nl', 'tr', 'pl', 'da', 'nb', 'sv', 'fi', 'cs']);
const SPACE_GROUP = new Set(['fr', 'ru', 'pl', 'sv', 'fi', 'cs', 'nb']);

export function separators(locale: string): LocaleSeparators {
  const lang = locale.split(/[_-]/)[0].toLowerCase();
  const comma = COMMA_DECIMAL.has(lang);
  return {
    decimal: comma ? ',' : '.',
    group: SPACE_GROUP.has(lang) ? '\u00a0' : comma ? '.' : ',',
    dayFirst: locale !== 'en_US' && locale !== 'en',
  };
}

export function defaultDateFormat(locale: string): string {
  return separators(locale).dayFirst ? 'dd/MM/yyyy' : 'M/d/yyyy';
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number as Sheets reads typed text in `locale`, or undefined if it is not one. */
function parseLocaleNumber(text: string, locale: string): { value: number; percent: boolean } | undefined {
  const { decimal, group } = separators(locale);
  const t = text.trim();
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1).trim() : t;
  const g = group === '\u00a0' ? '[\\u00a0 ]' : esc(group);
  const re = new RegExp(`^([+-])?(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${esc(decimal)}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
  const m = re.exec(body);
  if (!m || (!m[2] && !m[3])) return undefined;
  const int = m[2].replace(new RegExp(g, 'g'), '');
  let value = Number(`${int || '0'}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
  if (m[1] === '-') value = -value;
  if (percent) value /= 100;
  return { value, percent };
}

function parseLocaleDate(text: string, locale: string, tz: string): { value: Date; format: string } | undefined {
  const t = text.trim();
  const time = '(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
  let y: number, mo: number, d: number, rest: RegExpExecArray;
  const iso = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`).exec(t);
  const local = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${time}$`).exec(t);
  if (iso) {
    [y, mo, d] = [+iso[1], +iso[2], +iso[3]];
    rest = iso;
  } else if (local) {
    const dayFirst = separators(locale).dayFirst;
    [d, mo, y] = dayFirst ? [+local[1], +local[2], +local[3]] : [+local[2], +local[1], +local[3]];
    rest = local;
  } else {
    const onlyTime = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
    if (!onlyTime || +onlyTime[1] > 23 || +onlyTime[2] > 59) return undefined;
    // Sheets stores a bare time as that time on its epoch day, 30 Dec 1899.
    return {
      value: new Date(zonedToUtc(tz, 1899, 12, 30, +onlyTime[1], +onlyTime[2], +(onlyTime[3] ?? 0))),
      format: onlyTime[3] ? 'HH:mm:ss' : 'HH:mm',
    };
  }
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const [h, mi, s] = [+(rest[4] ?? 0), +(rest[5] ?? 0), +(rest[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const base = defaultDateFormat(locale);
  return {
    value: new Date(zonedToUtc(tz, y, mo, d, h, mi, s)),
    format: rest[4] === undefined ? base : `${base} HH:mm${rest[6] ? ':ss' : ''}`,
  };
}

/**
 * What a cell stores when `input` is written by setValue(s) or typed by a person: strings are
 * interpreted as typed in the spreadsheet locale unless the cell is plain text ('@').
 */
export function interpretInput(input: unknown, locale: string, tz: string, plainText: boolean): Stored {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : new CellError('#NUM!') };
  if (typeof input === 'boolean') return { value: input };
  if (types.isDate(input)) return { value: new Date((input as Date).getTime()) };
  if (typeof input !== 'string') return { value: String(input) };
  if (plainText || input === '') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { value: UNEVALUATED, formula: input };
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  if (ERROR_CODES.includes(upper)) return { value: new CellError(upper) };
  const n = parseLocaleNumber(trimmed, locale);
  if (n) return { value: n.value, ...(n.percent && { autoFormat: Number.isInteger(n.value * 100) ? '0%' : '0.00%' }) };
  const d = parseLocaleDate(trimmed, locale, tz);
  if (d) return { value: d.value, autoFormat: d.format };
  return { value: input };
}

/** What a cell stores when `input` is put there as is (raw test writes): no typed parsing. */
export function exactValue(input: unknown): CellValue {
  return (input instanceof Date ? new Date(input.getTime()) : input ?? '') as CellValue;
}

/** The value a script reads back (getValue/getValues). */
export function readable(v: CellValue, makeDate: (ms: number) => Date): string | number | boolean | Date {
  if (v instanceof CellError) return v.code;
  if (v instanceof Date) return makeDate(v.getTime());
  return v;
}
