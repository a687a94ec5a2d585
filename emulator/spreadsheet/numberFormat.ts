import { DAYS, MONTHS } from '../time/simpleDateFormat';
import { zonedParts, zonedToUtc } from '../time/zone';
import { CellError, defaultDateFormat, separators, type CellValue } from './values';

/** Sheets' serial day numbers count from 30 Dec 1899 in the spreadsheet time zone. */
export function dateToSerial(ms: number, tz: string): number {
  const p = zonedParts(ms, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return wall / 86400000 + 25569;
}

function serialToDate(serial: number, tz: string): number {
  const wall = new Date(Math.round((serial - 25569) * 86400000));
  return zonedToUtc(tz, wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), wall.getUTCMilliseconds());
}

function stripLiterals(section: string): string {
  return section.replace(/"[^"]*"|\\./g, '');
}

function isDateFormat(format: string): boolean {
  return /[dDyYhHsSmM]/.test(stripLiterals(format.split(';')[0]).replace(/\[[^\]]*\]/g, '')) && !/[#0?]/.test(stripLiterals(format.split(';')[0]));
}

/** Sheets date tokens: "m"/"mm" mean minutes after an hour or before seconds, else month. */
function formatDatePattern(ms: number, format: string, tz: string): string {
  const p = zonedParts(ms, tz);
  const tokens = format.match(/"[^"]*"|\\.|AM\/PM|am\/pm|a\/p|y+|Y+|M+|m+|d+|D+|h+|H+|s+|S+|[^"\\yYMmdDhHsS]+/g) ?? [];
  const ampm = tokens.some((t) => /^(AM\/PM|am\/pm|a\/p)$/.test(t));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return tokens.map((t, i) => {
    if (t.startsWith('"')) return t.slice(1, -1);
    if (t.startsWith('\\')) return t.slice(1);
    if (t === 'AM/PM' || t === 'am/pm') return p.hour < 12 ? 'AM' : 'PM';
    if (t === 'a/p') return p.hour < 12 ? 'a' : 'p';
    if (!/^[yYMmdDhHsS]/.test(t)) return t;
    const c = t[0];
    const prev = tokens.slice(0, i).reverse().find((x) => /^[yYMmdDhHsS]/.test(x));
    const next = tokens.slice(i + 1).find((x) => /^[yYMmdDhHsS]/.test(x));
    if (c === 'y' || c === 'Y') return t.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
    if (c === 'd' || c === 'D') {
      if (t.length >= 4) return DAYS[p.weekday];
      if (t.length === 3) return DAYS[p.weekday].slice(0, 3);
      return pad(p.day, t.length);
    }
    if (c === 'h' || c === 'H') {
      const h = ampm ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      return pad(h, Math.min(t.length, 2));
    }
    if (c === 's' || c === 'S') return pad(p.second, Math.min(t.length, 2));
    const minute = c === 'm' && t.length <= 2 && ((prev && /^[hH]/.test(prev)) || (next && /^[sS]/.test(next)));
    if (minute) return pad(p.minute, t.length);
    if (t.length >= 4) return MONTHS[p.month - 1];
    if (t.length === 3) return MONTHS[p.month - 1].slice(0, 3);
    return pad(p.month, t.length);
  }).join('');
}

function groupDigits(int: string, group: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** "#,##0.0%" style patterns: grouping, fixed/optional decimals, percent, literal affixes. */
function formatNumberPattern(n: number, section: string, locale: string, negativeSection: boolean): string {
  const { decimal, group } = separators(locale);
  const m = /^((?:"[^"]*"|\\.|[^#0?.,])*)([#0?,]*)(?:\.([#0?]*))?((?:"[^"]*"|\\.|.)*)$/.exec(section);
  if (!m) return String(n);
  const literal = (s: string) => s.replace(/"([^"]*)"|\\(.)/g, '$1$2');
  const [, pre, intPart, decPart = '', post] = m;
  const percent = (pre + post).includes('%');
  let v = Math.abs(n) * (percent ? 100 : 1);
  const maxDec = decPart.length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  v = Number(v.toFixed(maxDec));
  let [i, d = ''] = v.toFixed(maxDec).split('.');
  d = d.replace(/0+$/, '').padEnd(minDec, '0');
  const minInt = (intPart.match(/0/g) ?? []).length;
  if (minInt === 0 && i === '0') i = '';
  i = i.padStart(minInt, '0');
  if (intPart.includes(',')) i = groupDigits(i, group);
  const sign = n < 0 && !negativeSection && v !== 0 ? '-' : '';
  return `${sign}${literal(pre)}${i}${d ? decimal + d : ''}${literal(post)}`;
}

/** Sheets' "General"/automatic rendering: up to ~10 significant digits, no grouping. */
function formatGeneral(n: number, locale: string): string {
  const { decimal } = separators(locale);
  const abs = Math.abs(n);
  let s: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    s = n.toExponential(2).replace(/\.?0+e/, 'e').replace('e', 'E').replace(/E\+?(-?)(\d)$/, 'E+$10$2').replace('E+-', 'E-');
  } else {
    s = String(Number(n.toPrecision(abs >= 1 ? Math.max(10, Math.floor(Math.log10(abs)) + 1) : 10)));
  }
  return s.replace('.', decimal);
}

/** What getDisplayValue(s) returns for a cell. */
export function displayValue(value: CellValue, format: string | undefined, locale: string, tz: string): string {
  if (value === '') return '';
  if (value instanceof CellError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format && format !== 'General' && format !== '@' ? format : undefined;
  if (value instanceof Date) {
    if (!fmt) return formatDatePattern(value.getTime(), defaultDateFormat(locale), tz);
    if (isDateFormat(fmt)) return formatDatePattern(value.getTime(), fmt, tz);
    return displayValue(dateToSerial(value.getTime(), tz), fmt, locale, tz);
  }
  if (!fmt) return formatGeneral(value, locale);
  if (isDateFormat(fmt)) return formatDatePattern(serialToDate(value, tz), fmt, tz);
  const sections = fmt.split(';');
  if (value < 0 && sections[1] !== undefined) return formatNumberPattern(value, sections[1], locale, true);
  if (value === 0 && sections[2] !== undefined) return formatNumberPattern(value, sections[2], locale, true);
  return formatNumberPattern(value, sections[0], locale, false);
}
