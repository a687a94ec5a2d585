import { randomUUID } from 'node:crypto';
import { types } from 'node:util';
import type { Api } from '../api';
import type { Env } from '../env';
import { EmuObject, gasError } from '../guard';
import { formatDate, parseDate } from '../time/simpleDateFormat';
import { isValidTimeZone } from '../time/zone';

const MAX_SLEEP_MS = 300000;

/** Java rounds the decimal representation half-up (85.55 → "85.6"), unlike toFixed. */
function halfUp(n: number, digits: number): string {
  const shifted = Math.round(Number(`${Math.abs(n)}e${digits}`));
  return `${n < 0 ? '-' : ''}${Number(`${shifted}e-${digits}`).toFixed(digits)}`;
}

/** Java-style String.format subset: %s %d %i %f with flags, width and precision, %%. */
export function formatString(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(/%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdif%])/g, (whole, flags: string, width?: string, precision?: string, conv?: string) => {
    if (conv === '%') return '%';
    if (i >= args.length) throw gasError(`Missing argument for format specifier '${whole}'`);
    const arg = args[i++];
    let s: string;
    if (conv === 's') s = precision ? String(arg).slice(0, Number(precision)) : String(arg);
    else if (conv === 'f') s = halfUp(Number(arg), precision === undefined ? 6 : Number(precision));
    else s = String(Math.trunc(Number(arg)));
    if (conv !== 's' && flags.includes('+') && Number(arg) >= 0) s = `+${s}`;
    const w = Number(width ?? 0);
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0') && conv !== 's') s = (s.startsWith('-') || s.startsWith('+') ? s[0] + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0'));
      else s = s.padStart(w);
    }
    return s;
  });
}

export class EmuUtilities extends EmuObject implements Api<GoogleAppsScript.Utilities.Utilities,
  'formatDate' | 'parseDate' | 'sleep' | 'getUuid' | 'formatString'> {
  constructor(private readonly env: Env) {
    super(env.calls, 'Utilities');
  }

  formatDate(date: Date, timeZone: string, format: string) {
    if (!types.isDate(date)) throw gasError("The parameters (String,String,String) don't match the method signature for Utilities.formatDate.");
    if (!isValidTimeZone(String(timeZone))) throw gasError(`Invalid argument: timeZone`);
    return formatDate(date.getTime(), String(timeZone), String(format));
  }
  parseDate(date: string, timeZone: string, format: string) {
    return this.env.date(parseDate(String(date), String(timeZone), String(format)));
  }
  /** Time passes on the emulator clock only. */
  sleep(milliseconds: number) {
    if (milliseconds > MAX_SLEEP_MS) throw gasError(`Argument too large: milliseconds`);
    this.env.clock.advance(Math.max(0, milliseconds));
  }
  getUuid() { return randomUUID(); }
  formatString(template: string, ...args: unknown[]) { return formatString(template, args); }
}
