import { gasError } from '../guard';
import { offsetString, timeZoneName, zonedParts, zonedToUtc } from './zone';

/** Java SimpleDateFormat, as used by Utilities.formatDate / parseDate (English names). */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { field: string; width: number } | { literal: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") { text += "'"; i += 2; continue; }
        if (pattern[i] === "'") { i++; break; }
        text += pattern[i++];
      }
      tokens.push({ literal: text });
    } else if (/[A-Za-z]/.test(ch)) {
      if (!/[GyYMLwWDdFEuaHkKhmsSzZX]/.test(ch)) throw gasError(`Illegal pattern character '${ch}'`);
      let j = i;
      while (pattern[j] === ch) j++;
      tokens.push({ field: ch, width: j - i });
      i = j;
    } else {
      tokens.push({ literal: ch });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function formatDate(ms: number, tz: string, pattern: string): string {
  const p = zonedParts(ms, tz);
  return tokenize(pattern).map((t) => {
    if ('literal' in t) return t.literal;
    const w = t.width;
    switch (t.field) {
      case 'G': return p.year > 0 ? 'AD' : 'BC';
      case 'y': case 'Y': return w === 2 ? pad(p.year % 100, 2) : pad(p.year, w);
      case 'M': case 'L':
        if (w >= 4) return MONTHS[p.month - 1];
        if (w === 3) return MONTHS[p.month - 1].slice(0, 3);
        return pad(p.month, w);
      case 'd': return pad(p.day, w);
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        return pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1, w);
      }
      case 'E': return w >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
      case 'u': return pad(p.weekday === 0 ? 7 : p.weekday, w);
      case 'a': return p.hour < 12 ? 'AM' : 'PM';
      case 'H': return pad(p.hour, w);
      case 'k': return pad(p.hour === 0 ? 24 : p.hour, w);
      case 'K': return pad(p.hour % 12, w);
      case 'h': return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, w);
      case 'm': return pad(p.minute, w);
      case 's': return pad(p.second, w);
      case 'S': return pad(p.millisecond, w);
      case 'z': return timeZoneName(ms, tz, w >= 4 ? 'long' : 'short');
      case 'Z': return offsetString(p.offsetMinutes, false);
      case 'X':
        if (p.offsetMinutes === 0) return 'Z';
        return w === 1 ? offsetString(p.offsetMinutes, false).slice(0, 3) : offsetString(p.offsetMinutes, w >= 3);
      default: throw gasError(`Unsupported pattern letter '${t.field}' (not emulated)`);
    }
  }).join('');
}

/** Parses numeric and English-name fields; the text must match the pattern from its start. */
export function parseDate(text: string, tz: string, pattern: string): number {
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0, pm: undefined as boolean | undefined, offset: undefined as number | undefined };
  let pos = 0;
  const fail = () => gasError(`Unparseable date: "${text}"`);
  const num = (max: number) => {
    const m = new RegExp(`^[+-]?\\d{1,${max}}`).exec(text.slice(pos));
    if (!m) throw fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  const tokens = tokenize(pattern);
  tokens.forEach((t, idx) => {
    if ('literal' in t) {
      if (!text.startsWith(t.literal, pos)) throw fail();
      pos += t.literal.length;
      return;
    }
    const next = tokens[idx + 1];
    const max = next && !('literal' in next) ? t.width : 9;
    switch (t.field) {
      case 'y': case 'Y': { const y = num(max); f.year = t.width === 2 && y < 100 ? 2000 + y : y; break; }
      case 'M': case 'L':
        if (t.width >= 3) {
          const i = MONTHS.findIndex((m) => text.slice(pos).toLowerCase().startsWith(t.width >= 4 ? m.toLowerCase() : m.slice(0, 3).toLowerCase()));
          if (i < 0) throw fail();
          pos += t.width >= 4 ? MONTHS[i].length : 3;
          f.month = i + 1;
        } else f.month = num(max);
        break;
      case 'd': f.day = num(max); break;
      case 'H': case 'k': f.hour = num(max) % 24; break;
      case 'h': case 'K': f.hour = num(max) % 12; break;
      case 'm': f.minute = num(max); break;
      case 's': f.second = num(max); break;
      case 'S': f.ms = num(max); break;
      case 'a': {
        const ap = text.slice(pos, pos + 2).toUpperCase();
        if (ap !== 'AM' && ap !== 'PM') throw fail();
        f.pm = ap === 'PM';
        pos += 2;
        break;
      }
      case 'E': {
        const i = DAYS.findIndex((d) => text.slice(pos).toLowerCase().startsWith(t.width >= 4 ? d.toLowerCase() : d.slice(0, 3).toLowerCase()));
        if (i < 0) throw fail();
        pos += t.width >= 4 ? DAYS[i].length : 3;
        break;
      }
      case 'Z': case 'X': {
        const m = /^(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})/.exec(text.slice(pos));
        if (!m) throw fail();
        pos += m[0].length;
        if (m[0] === 'Z') f.offset = 0;
        else {
          const digits = m[0].replace(':', '');
          f.offset = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
        }
        break;
      }
      default: throw gasError(`Unsupported pattern letter '${t.field}' (not emulated)`);
    }
  });
  if (f.pm !== undefined) f.hour = (f.hour % 12) + (f.pm ? 12 : 0);
  if (f.offset !== undefined) {
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - f.offset * 60000;
  }
  return zonedToUtc(tz, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
}
