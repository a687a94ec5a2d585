/**
 * A commune's year up to `today`, on the BUILT bundle in the emulator, as the office and the village
 * heads live it: setup from a preset, heads typing and ticking "Đã nộp" on their phones, the daily
 * reminder trigger firing every morning, the office approving the past months and running Tổng hợp.
 * Shared by `npm run demo` and the wording scan test.
 */
import type * as vm from 'node:vm';
import { AppsScriptEmulator } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import type { AggregationSummary } from '../../src/core/assessment/aggregation';
import { a1Range } from '../../src/core/shared/a1';
import { addDays, compareDates, currentReportMonth, dueDateOf, vnInstant, type LocalDate } from '../../src/core/shared/calendar';
import { getPreset, type Preset, type PresetId } from '../../src/core/config/presets';
import { settingField, type Settings } from '../../src/core/config/settings';
import { TAB_SETTINGS } from '../../src/core/workbook/tabNames';
import { locateVillageTab, monthCellA1, STATUS_CODES, type VillageTabMap } from '../../src/core/workbook/villageTabLayout';
import { demoStartValues, demoSubmissions, type DemoSubmission } from './sampleData';
import { pasteVillages, sampleVillages, type SampleVillage } from './sampleVillages';

export const DEMO_OFFICE = 'vanhoa.xahoi@example.gov.vn';

export interface DemoYear {
  preset: Preset;
  today: LocalDate;
  emu: AppsScriptEmulator;
  ctx: vm.Context;
  villages: SampleVillage[];
  submissions: DemoSubmission[];
  /** Ticks the add-on refused (wrong figures). */
  rejected: number;
  /** Reports approved, months 1 to `month` − 1. */
  approved: number;
  /** The report month of `today`, which the office aggregates. */
  month: number;
  summary: AggregationSummary;
  /** Calls a top-level function of the bundle as the office. */
  asOffice<T = unknown>(name: string, args?: unknown[]): T;
}

export function runDemoYear(presetId: PresetId, today: LocalDate): DemoYear {
  const preset = getPreset(presetId);
  const villages = sampleVillages(preset.id);
  const emu = new AppsScriptEmulator({ owner: DEMO_OFFICE, editors: villages.map((v) => v.email), now: vnInstant(preset.settings.year, 1, 2, 8) });
  const ctx = loadBundle(emu);
  const asOffice = <T>(name: string, args: unknown[] = []) => callEntry(emu, ctx, name, args, { activeUser: DEMO_OFFICE }) as T;
  asOffice('applyPreset', [preset.id]);
  // The preset fills Cấu hình only: the office pastes its villages into Danh sách and runs setup again.
  pasteVillages(emu, villages, DEMO_OFFICE);
  asOffice('setupWorkbook');
  // The office types its own address, so the daily digest has somewhere to go.
  typeSetting(emu, ctx, settingField('officeEmail').label, DEMO_OFFICE);
  asOffice('installReminderTrigger');
  typeStartOfYear(emu, ctx, demoStartValues(villages, preset.indicators.filter((i) => i.applied)));

  const submissions = demoSubmissions(villages, preset.indicators.filter((i) => i.applied), preset.settings, today);
  const month = currentReportMonth(today, preset.settings);
  const rejected = typeAndTick(emu, ctx, submissions, today, slipOf(submissions, month, preset.settings, today));

  // The morning of `today`: the reminder trigger fires, then the office approves and clicks Tổng hợp.
  emu.clock.set(vnInstant(today.year, today.month, today.day, preset.settings.reminderHour + 1, 0));
  emu.fireDueTimeTriggers(ctx);
  emu.clock.set(vnInstant(today.year, today.month, today.day, 9, 0));
  // Every month before the current one: what was submitted and is right gets locked.
  const approvals = Array.from({ length: month - 1 }, (_, i) => asOffice<{ approved: string[] }>('approveMonth', [i + 1]));
  emu.clock.set(vnInstant(today.year, today.month, today.day, 9, 30));
  const summary = asOffice<AggregationSummary>('aggregateMonth', [month]);
  const approved = approvals.reduce((n, a) => n + a.approved.length, 0);
  return { preset, today, emu, ctx, villages, submissions, rejected, approved, month, summary, asOffice };
}

/** The office types `value` into the `Cấu hình` row labelled `label`. */
export function typeSetting(emu: AppsScriptEmulator, ctx: vm.Context, label: string, value: unknown): void {
  const row = emu.rawGrid(TAB_SETTINGS).findIndex((r) => r[0] === label) + 1;
  if (row === 0) throw new Error(`Không có dòng "${label}" trong ${TAB_SETTINGS}.`);
  emu.userEdit(ctx, { user: DEMO_OFFICE, sheet: TAB_SETTINGS, a1: `B${row}`, value });
}

function tabMap(emu: AppsScriptEmulator, village: string): VillageTabMap {
  const map = locateVillageTab(emu.rawGrid(village));
  if (!map) throw new Error(`Tab "${village}" không đúng mẫu.`);
  return map;
}

/** `user` pastes `values` (by indicator code) into column `col` (0-based) of a village tab, as one block. */
function pasteByCode(emu: AppsScriptEmulator, ctx: vm.Context, user: string, village: string, col: number, values: ReadonlyMap<string, unknown>): void {
  const map = tabMap(emu, village);
  const rows = [...values.keys()].flatMap((code) => (map.rows.has(code) ? [map.rows.get(code) as number] : []));
  const first = Math.min(...rows);
  const codeAt = new Map([...map.rows].map(([code, row]) => [row, code]));
  const column = Array.from({ length: Math.max(...rows) - first + 1 }, (_, i) => [values.get(codeAt.get(first + i) ?? '') ?? '']);
  emu.userEdit(ctx, { user, sheet: village, a1: a1Range(first + 1, col + 1, column.length, 1), value: column });
}

/** The office types where each village stood when the year began into `Đầu năm` (one paste a tab). */
function typeStartOfYear(emu: AppsScriptEmulator, ctx: vm.Context, starts: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  for (const [village, values] of starts) {
    const map = tabMap(emu, village);
    if (map.startCol < 0) throw new Error(`Tab "${village}" không có cột Đầu năm.`);
    pasteByCode(emu, ctx, DEMO_OFFICE, village, map.startCol, values);
  }
}

/** A head clearing a figure of a submitted report, at `at`: the report becomes "Cần sửa". */
interface Slip {
  submission: DemoSubmission;
  at: Date;
}

/**
 * The slip that makes a report "Cần sửa": two days after `month`'s due date (or the morning after
 * the tick, if later), the first head who submitted it on time clears one of its figures to retype
 * later. The reminders after that name the cell. Null when that morning is after `today`.
 */
function slipOf(submissions: readonly DemoSubmission[], month: number, settings: Settings, today: LocalDate): Slip | null {
  const submission = submissions.find((s) => s.month === month && s.tickOn !== null);
  if (!submission?.tickOn) return null;
  const day = [addDays(submission.tickOn, 1), addDays(dueDateOf(month, settings), 2)].sort(compareDates)[1];
  return compareDates(day, today) < 0 ? { submission, at: vnInstant(day.year, day.month, day.day, 7, 30) } : null;
}

/**
 * Heads paste a month's column then tick "Đã nộp", in the order it happened; the daily reminder
 * trigger fires on every morning that passed, seeing the tabs as they were. Returns the refused ticks.
 */
function typeAndTick(emu: AppsScriptEmulator, ctx: vm.Context, submissions: readonly DemoSubmission[], today: LocalDate, slip: Slip | null): number {
  const events = submissions
    .map((s) => ({ s, at: s.tickOn ? vnInstant(s.tickOn.year, s.tickOn.month, s.tickOn.day, s.tickHour) : vnInstant(today.year, today.month, today.day, 7) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let rejected = 0;
  let slipped = slip === null;
  const slipIfDue = (before: Date) => {
    if (slipped || (slip as Slip).at.getTime() > before.getTime()) return;
    const { submission, at } = slip as Slip;
    emu.clock.set(at);
    emu.fireDueTimeTriggers(ctx);
    emu.userEdit(ctx, { user: submission.headEmail, sheet: submission.village, a1: monthCellA1(tabMap(emu, submission.village), 'LUOT_DVCTT', submission.month) as string, value: '' });
    slipped = true;
  };
  for (const { s, at } of events) {
    slipIfDue(at);
    emu.clock.set(at);
    emu.fireDueTimeTriggers(ctx);
    const map = tabMap(emu, s.village);
    pasteByCode(emu, ctx, s.headEmail, s.village, map.monthCols[s.month - 1], s.values);
    if (s.note) emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: monthCellA1(map, STATUS_CODES.note, s.month) as string, value: s.note });
    if (!s.tickOn) continue;
    const tick = monthCellA1(map, STATUS_CODES.submitted, s.month) as string;
    emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: tick, value: true });
    if (emu.rawGet(s.village, tick) !== true) rejected++;
  }
  slipIfDue(vnInstant(today.year, today.month, today.day, 8));
  return rejected;
}
