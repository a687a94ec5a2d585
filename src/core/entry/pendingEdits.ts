/**
 * Edits the trigger recorded but could not finish (docs/validation.md, "When the add-on is busy"):
 * the moment of a tick is kept in document properties before anything can fail, so a later retry
 * stamps it with that moment, never with the time of the retry.
 */
import { periodLabel } from '../assessment/period';
import { formatVnDateTime } from '../shared/calendar';
import { normalizeName } from '../shared/text';
import type { SubmissionLogEntry } from './submission';
import type { VillageReport } from './monthReports';

export const PENDING_EDIT_PREFIX = 'edit.pending|';
/** A retry gives up on an edit after this many failed attempts and says so in Nhật ký. */
export const MAX_ATTEMPTS = 5;
/** Soon enough that the head sees the stamp while still looking; late enough to outlast a busy lock. */
export const RETRY_AFTER_MS = 2 * 60_000;

export const PENDING_NOTE = 'Đang xử lý, không cần tích lại. Bảng tính đang bận nên ngày nộp sẽ được ghi trong ít phút, theo đúng giờ bạn đã tích.';

export interface PendingEdit {
  /** The property holding it. */
  key: string;
  /** The tab's name; null when the failure came before the tab was known (every village tab is looked at). */
  tab: string | null;
  /** Null: every month of the tab whose tick and stamp disagree. */
  month: number | null;
  at: Date;
  /** The platform's message of the last failure. */
  error: string;
  attempts: number;
}

function keyOf(tab: string | null, month: number | null): string {
  return `${PENDING_EDIT_PREFIX}${month ?? '*'}|${tab === null ? '*' : normalizeName(tab)}`;
}

/** The properties that record edits of `months` of `tab` (none given: the whole tab, or the whole workbook). */
export function pendingEditRecords(tab: string | null, months: readonly (number | null)[], at: Date, error = '', attempts = 0): Record<string, string> {
  const records: Record<string, string> = {};
  for (const month of months.length > 0 ? months : [null]) {
    records[keyOf(tab, month)] = JSON.stringify({ t: tab, m: month, at: at.getTime(), e: error, n: attempts });
  }
  return records;
}

export function pendingEditKeys(tab: string | null, months: readonly number[]): string[] {
  return (months.length > 0 ? months : [null]).map((month) => keyOf(tab, month));
}

/**
 * The records for an edit of `months` at `at`, given what `stored` already holds under their keys:
 * a month already waiting keeps its earlier moment and attempts (a later edit of the same month
 * must not make an earlier tick later), and takes the new error when there is one. Also the moment
 * each month is to be stamped with.
 */
export function mergedPendingRecords(tab: string | null, months: readonly number[], at: Date, error: string, stored: ReadonlyMap<string, string | null>): { records: Record<string, string>; moments: Map<number | null, Date> } {
  const records: Record<string, string> = {};
  const moments = new Map<number | null, Date>();
  for (const month of months.length > 0 ? months : [null]) {
    const key = keyOf(tab, month);
    const value = stored.get(key);
    const earlier = value ? parseRecord(key, value) : null;
    const moment = earlier && earlier.at < at ? earlier.at : at;
    moments.set(month, moment);
    Object.assign(records, pendingEditRecords(tab, [month], moment, error || earlier?.error || '', earlier?.attempts ?? 0));
  }
  return { records, moments };
}

/** Every pending edit in the document's properties; a value that does not parse is dropped with its key. */
export function readPendingEdits(properties: Readonly<Record<string, string>>): { edits: PendingEdit[]; unreadable: string[] } {
  const edits: PendingEdit[] = [];
  const unreadable: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(PENDING_EDIT_PREFIX)) continue;
    const edit = parseRecord(key, value);
    if (edit) edits.push(edit);
    else unreadable.push(key);
  }
  return { edits, unreadable };
}

function parseRecord(key: string, value: string): PendingEdit | null {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const { t, m, at, e, n } = json as Record<string, unknown>;
  const tab = typeof t === 'string' ? t : t === null ? null : undefined;
  const month = typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12 ? m : m === null ? null : undefined;
  if (tab === undefined || month === undefined || typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { key, tab, month, at: new Date(at), error: typeof e === 'string' ? e : '', attempts: typeof n === 'number' ? n : 0 };
}

/** The pending edits about `tab`: its own, and those recorded before any tab was known. */
export function editsOfTab(edits: readonly PendingEdit[], tab: string): PendingEdit[] {
  const key = normalizeName(tab);
  return edits.filter((e) => e.tab === null || normalizeName(e.tab) === key);
}

export interface MonthToSettle {
  month: number;
  /** When the edit happened: the stamp of a tick processed late. */
  at: Date;
  edits: PendingEdit[];
  /**
   * The failed run got as far as the stamp (it carries the edit's own moment) but not as far as
   * Nhật ký: the submission is handled again so that it is logged.
   */
  resubmit: boolean;
}

/** Sheets keeps a date as a fraction of a day: a stamp read back may differ by rounding. */
const SAME_STAMP_MS = 1000;

/**
 * The months of a tab to replay, each with the moment of its edit. A month's own record gives the
 * moment; a record without a month covers the months whose tick and stamp disagree (ticked and not
 * stamped, or stamped and not ticked), at the earliest such moment.
 */
export function monthsToSettle(report: VillageReport, edits: readonly PendingEdit[]): MonthToSettle[] {
  const byMonth = new Map<number, MonthToSettle>();
  for (const edit of edits) {
    if (edit.month === null) continue;
    const known = byMonth.get(edit.month);
    if (!known) byMonth.set(edit.month, { month: edit.month, at: edit.at, edits: [edit], resubmit: false });
    else known.edits.push(edit);
  }
  for (const settle of byMonth.values()) {
    const m = report.months[settle.month - 1];
    // Only a record left by a failure (it has an error) can mean "stamped, not logged": a record
    // that merely outlived a finished run must not log the submission twice.
    const failed = settle.edits.some((e) => e.error !== '');
    settle.resubmit = failed && m.submitted && m.submittedAt !== null && Math.abs(m.submittedAt.getTime() - settle.at.getTime()) < SAME_STAMP_MS;
  }
  const wide = edits.filter((e) => e.month === null);
  if (wide.length > 0) {
    const at = new Date(Math.min(...wide.map((e) => e.at.getTime())));
    for (const m of report.months) {
      const unsettled = m.present && m.submitted !== (m.submittedAt !== null);
      if (unsettled && !byMonth.has(m.month)) byMonth.set(m.month, { month: m.month, at, edits: [], resubmit: false });
    }
  }
  return [...byMonth.values()].sort((a, b) => a.month - b.month);
}

/** A replayed edit's Nhật ký lines say when the person acted and why it was handled later. */
export function replayedLog(entries: readonly SubmissionLogEntry[], at: Date, error: string): SubmissionLogEntry[] {
  const why = error ? `: ${error}` : '';
  return entries.map((e) => ({ ...e, detail: `${e.detail} Thao tác lúc ${formatVnDateTime(at)}, xử lý lại sau khi bảng tính bận hoặc lỗi${why}.` }));
}

/** When a retry gives up on an edit: the office must ask the head to tick again. */
export function abandonedLog(edit: PendingEdit, year: number): SubmissionLogEntry {
  return {
    action: 'Không xử lý được thao tác',
    village: edit.tab ?? '',
    period: edit.month === null ? '' : periodLabel({ kind: 'month', month: edit.month }, year),
    detail: `Thao tác lúc ${formatVnDateTime(edit.at)} chưa xử lý được sau ${edit.attempts} lần thử (${edit.error || 'không rõ lỗi'}). Hãy nhờ người nhập bỏ tích rồi tích lại ô "Đã nộp".`,
  };
}
