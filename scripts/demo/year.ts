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
import { currentReportMonth, vnInstant, type LocalDate } from '../../src/core/shared/calendar';
import { getPreset, type Preset, type PresetId } from '../../src/core/config/presets';
import { TAB_SETTINGS } from '../../src/core/workbook/tabNames';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
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
  const officeRow = emu.rawGrid(TAB_SETTINGS).findIndex((r) => r[0] === 'Email phòng VH-XH') + 1;
  emu.userEdit(ctx, { user: DEMO_OFFICE, sheet: TAB_SETTINGS, a1: `B${officeRow}`, value: DEMO_OFFICE });
  asOffice('installReminderTrigger');
  typeStartOfYear(emu, ctx, demoStartValues(villages, preset.indicators.filter((i) => i.applied)));

  const submissions = demoSubmissions(villages, preset.indicators.filter((i) => i.applied), preset.settings, today);
  const rejected = typeAndTick(emu, ctx, submissions, today);

  // The morning of `today`: the reminder trigger fires, then the office approves and clicks Tổng hợp.
  emu.clock.set(vnInstant(today.year, today.month, today.day, preset.settings.reminderHour + 1, 0));
  emu.fireDueTimeTriggers(ctx);
  emu.clock.set(vnInstant(today.year, today.month, today.day, 9, 0));
  const month = currentReportMonth(today, preset.settings);
  // Every month before the current one: what was submitted and is right gets locked.
  const approvals = Array.from({ length: month - 1 }, (_, i) => asOffice<{ approved: string[] }>('approveMonth', [i + 1]));
  emu.clock.set(vnInstant(today.year, today.month, today.day, 9, 30));
  const summary = asOffice<AggregationSummary>('aggregateMonth', [month]);
  const approved = approvals.reduce((n, a) => n + a.approved.length, 0);
  return { preset, today, emu, ctx, villages, submissions, rejected, approved, month, summary, asOffice };
}

/** The office types where each village stood when the year began into `Đầu năm` (one paste a tab). */
function typeStartOfYear(emu: AppsScriptEmulator, ctx: vm.Context, starts: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  for (const [village, values] of starts) {
    const map = locateVillageTab(emu.rawGrid(village));
    if (!map || map.startCol < 0) throw new Error(`Tab "${village}" không có cột Đầu năm.`);
    const rows = [...values.keys()].map((code) => map.rows.get(code) as number);
    const first = Math.min(...rows);
    const codeAt = new Map([...map.rows].map(([code, row]) => [row, code]));
    const column = Array.from({ length: Math.max(...rows) - first + 1 }, (_, i) => [values.get(codeAt.get(first + i) ?? '') ?? '']);
    emu.userEdit(ctx, { user: DEMO_OFFICE, sheet: village, a1: a1Range(first + 1, map.startCol + 1, column.length, 1), value: column });
  }
}

/**
 * Heads paste a month's column then tick "Đã nộp", in the order it happened; the daily reminder
 * trigger fires on every morning that passed, seeing the tabs as they were. Returns the refused ticks.
 */
function typeAndTick(emu: AppsScriptEmulator, ctx: vm.Context, submissions: readonly DemoSubmission[], today: LocalDate): number {
  const events = submissions
    .map((s) => ({ s, at: s.tickOn ? vnInstant(s.tickOn.year, s.tickOn.month, s.tickOn.day, s.tickHour) : vnInstant(today.year, today.month, today.day, 7) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let rejected = 0;
  for (const { s, at } of events) {
    emu.clock.set(at);
    emu.fireDueTimeTriggers(ctx);
    const map = locateVillageTab(emu.rawGrid(s.village));
    if (!map) throw new Error(`Tab "${s.village}" không đúng mẫu.`);
    const rows = [...s.values.keys()].flatMap((code) => (map.rows.has(code) ? [map.rows.get(code) as number] : []));
    const first = Math.min(...rows);
    const codeAt = new Map([...map.rows].map(([code, row]) => [row, code]));
    const column = Array.from({ length: Math.max(...rows) - first + 1 }, (_, i) => [s.values.get(codeAt.get(first + i) ?? '') ?? '']);
    emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: a1Range(first + 1, map.monthCols[s.month - 1] + 1, column.length, 1), value: column });
    if (s.note) emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: monthCellA1(map, STATUS_CODES.note, s.month) as string, value: s.note });
    if (!s.tickOn) continue;
    const tick = monthCellA1(map, STATUS_CODES.submitted, s.month) as string;
    emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: tick, value: true });
    if (emu.rawGet(s.village, tick) !== true) rejected++;
  }
  return rejected;
}
