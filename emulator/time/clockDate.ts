import { types } from 'node:util';
import type { Clock } from '../clock';
import { formatDate } from './simpleDateFormat';
import { zonedParts, zonedToUtc, type ZonedParts } from './zone';

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The `Date` global of a script: a subclass of the host Date (so values cross realms and
 * `instanceof Date` holds on both sides) whose "now" is the emulator clock and whose local-time
 * methods use the script time zone, as the Apps Script V8 runtime does, whatever the host TZ.
 * Not emulated: Date.parse of non-ISO local-time strings (parsed in the host zone).
 */
export function makeClockDate(clock: Clock, tz: string): DateConstructor {
  const local = (d: Date): ZonedParts => zonedParts(d.getTime(), tz);
  const fromLocal = (p: { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number }) =>
    zonedToUtc(tz, p.year, p.month, p.day, p.hour, p.minute, p.second, p.millisecond);

  class ClockDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else if (args.length === 1) {
        const a = args[0];
        const m = typeof a === 'string' ? LOCAL_ISO.exec(a) : null;
        if (m) {
          super(zonedToUtc(tz, +m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), +((m[7] ?? '0').padEnd(3, '0'))));
        } else super(a instanceof Date ? a.getTime() : (a as string | number));
      } else {
        const n = args.map(Number);
        const year = n[0] >= 0 && n[0] <= 99 ? 1900 + n[0] : n[0];
        super(zonedToUtc(tz, year, n[1] + 1, n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0));
      }
    }

    static now(): number {
      return clock.nowMs();
    }

    static [Symbol.hasInstance](x: unknown): boolean {
      return types.isDate(x);
    }

    getFullYear() { return local(this).year; }
    getMonth() { return local(this).month - 1; }
    getDate() { return local(this).day; }
    getDay() { return local(this).weekday; }
    getHours() { return local(this).hour; }
    getMinutes() { return local(this).minute; }
    getSeconds() { return local(this).second; }
    getMilliseconds() { return local(this).millisecond; }
    getTimezoneOffset() { return -local(this).offsetMinutes; }

    private setLocal(change: Partial<ZonedParts>): number {
      return this.setTime(fromLocal({ ...local(this), ...change }));
    }
    setFullYear(year: number, month?: number, date?: number) {
      return this.setLocal({ year, ...(month !== undefined && { month: month + 1 }), ...(date !== undefined && { day: date }) });
    }
    setMonth(month: number, date?: number) {
      return this.setLocal({ month: month + 1, ...(date !== undefined && { day: date }) });
    }
    setDate(day: number) { return this.setLocal({ day }); }
    setHours(hour: number, minute?: number, second?: number, millisecond?: number) {
      return this.setLocal({ hour, ...(minute !== undefined && { minute }), ...(second !== undefined && { second }), ...(millisecond !== undefined && { millisecond }) });
    }
    setMinutes(minute: number, second?: number, millisecond?: number) {
      return this.setLocal({ minute, ...(second !== undefined && { second }), ...(millisecond !== undefined && { millisecond }) });
    }
    setSeconds(second: number, millisecond?: number) {
      return this.setLocal({ second, ...(millisecond !== undefined && { millisecond }) });
    }
    setMilliseconds(millisecond: number) { return this.setLocal({ millisecond }); }

    toString() {
      return Number.isNaN(this.getTime()) ? 'Invalid Date' : `${this.toDateString()} ${this.toTimeString()}`;
    }
    toDateString() { return formatDate(this.getTime(), tz, 'EEE MMM dd yyyy'); }
    toTimeString() { return formatDate(this.getTime(), tz, "HH:mm:ss 'GMT'Z (zzzz)"); }
    toLocaleString(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return super.toLocaleString(locales, { timeZone: tz, ...options });
    }
    toLocaleDateString(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return super.toLocaleDateString(locales, { timeZone: tz, ...options });
    }
    toLocaleTimeString(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      return super.toLocaleTimeString(locales, { timeZone: tz, ...options });
    }
  }

  // Calling Date() without `new` returns the current time as a string.
  return new Proxy(ClockDate, {
    apply: () => new ClockDate().toString(),
  }) as unknown as DateConstructor;
}
