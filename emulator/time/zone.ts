/**
 * Wall-clock arithmetic in an IANA (or "GMT+7"-style) time zone through Intl, so results never
 * depend on the host machine's TZ.
 */
export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // local - UTC
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Apps Script accepts Java-style fixed offsets such as "GMT+7" or "GMT+07:00". */
function fixedOffset(tz: string): number | undefined {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(tz);
  if (!m) return undefined;
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  if (fixedOffset(tz) !== undefined) return true;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export function zonedParts(ms: number, tz: string): ZonedParts {
  const fixed = fixedOffset(tz);
  if (fixed !== undefined) {
    const d = new Date(ms + fixed * 60000);
    return {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
      minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(), offsetMinutes: fixed,
    };
  }
  const parts: Record<string, string> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const year = Number(parts.year);
  const fields = {
    year, month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour),
    minute: Number(parts.minute), second: Number(parts.second), millisecond,
  };
  const asUtc = Date.UTC(year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, millisecond);
  return { ...fields, weekday: WEEKDAYS.indexOf(parts.weekday), offsetMinutes: Math.round((asUtc - ms) / 60000) };
}

/** The instant at which the wall clock in `tz` shows the given fields (fields may overflow). */
export function zonedToUtc(tz: string, year: number, month: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const first = wall - zonedParts(wall, tz).offsetMinutes * 60000;
  return wall - zonedParts(first, tz).offsetMinutes * 60000;
}

export function offsetString(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

export function timeZoneName(ms: number, tz: string, style: 'short' | 'long'): string {
  if (fixedOffset(tz) !== undefined) return `GMT${offsetString(fixedOffset(tz) ?? 0, true)}`;
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
    .formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? tz;
}
