/**
 * The workbooks and the counting every benchmark uses: the bach-ngoc preset, its 16 sample villages
 * and registry rows generated up to N villages, then setup, in the emulator running dist/Code.js.
 */
import type { AppsScriptEmulator } from '../../emulator';
import type { Village } from '../../src/core/config/registry';
import { catalogueEntry } from '../../src/core/config/catalogue';
import { locateVillageTab, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { newWorkbook, OFFICE, pasteVillages, sampleVillages, setSetting, type TestWorkbook } from '../../test/integration/harness';

export { OFFICE } from '../../test/integration/harness';

const PRESET_VILLAGES = 16;

export const headOf = (n: number) => `thon${n}@example.com`;

export interface BenchOptions {
  now: Date;
  /** Email of the head of generated village n (> 16); thon<n>@example.com unless given. */
  emailOf?: (n: number) => string;
  /** `Email phòng VH-XH` of `Cấu hình` (the reminders' digest goes there). */
  officeEmail?: string;
  /** Move the emulator's clock by each call's estimated latency (EmulatorOptions.advanceClockByLatency). */
  advanceClock?: boolean;
}

/** What the office types into `Danh sách`: bach-ngoc's sample `Thôn 1` … `Thôn 16`, then `Thôn 17` … `Thôn N`. */
export function registryVillages(villages: number, emailOf: (n: number) => string = headOf): Omit<Village, 'row'>[] {
  return [...sampleVillages('bach-ngoc').slice(0, villages), ...generatedVillages(villages, emailOf)];
}

/** `Thôn 17` … `Thôn N`, each with a head, a phone and denominators. */
export function generatedVillages(villages: number, emailOf: (n: number) => string = headOf): Omit<Village, 'row'>[] {
  return Array.from({ length: Math.max(0, villages - PRESET_VILLAGES) }, (_, i) => {
    const n = PRESET_VILLAGES + 1 + i;
    const d = 150 + n;
    return {
      name: `Thôn ${n}`,
      head: 'Nguyễn Văn An',
      email: emailOf(n),
      phone: '0912345678',
      teamLeader: 'Nguyễn Văn An',
      denominators: { SO_HO: d, DS_TRUONG_THANH: d, DS_TU_16: d, HS_TRUNG_HOC: d, LD_DN_HTX: d },
    };
  });
}

/** A workbook without setup whose every head (preset and generated) is an editor. */
export function emptyWorkbook(villages: number, options: BenchOptions): TestWorkbook {
  const emailOf = options.emailOf ?? headOf;
  const heads = Array.from({ length: villages }, (_, i) => (i < PRESET_VILLAGES ? headOf(i + 1) : emailOf(i + 1)));
  return newWorkbook({ now: options.now, editors: [...new Set(heads)], advanceClockByLatency: options.advanceClock ?? false });
}

/** bach-ngoc applied, the registry filled to `villages`, then setup: every village has its tab. */
export function benchWorkbook(villages: number, options: BenchOptions): TestWorkbook {
  const wb = emptyWorkbook(villages, options);
  wb.call('applyPreset', ['bach-ngoc']);
  pasteVillages(wb.emu, registryVillages(villages, options.emailOf), OFFICE);
  if (options.officeEmail) setSetting(wb.emu, 'Email phòng VH-XH', options.officeEmail);
  wb.call('setupWorkbook');
  return wb;
}

const READS = /^Range\.(getValues|getValue|getDisplayValues|getDisplayValue|getNotes|getNote|getBackgrounds)$/;
const WRITES = /^(Range|Sheet|Spreadsheet|Protection|EmbeddedChartBuilder|EmbeddedBarChartBuilder)\.(set|insert|merge|breakApart|clear|remove|protect|add|build)/;

export interface Measured {
  /** Every Apps Script service call. */
  calls: number;
  /** Range reads of values, notes or backgrounds. */
  reads: number;
  /** Calls that change the spreadsheet (values, formats, tabs, protections, charts). */
  writes: number;
  /** Time in the emulator on this machine, not in Apps Script. */
  ms: number;
  /** Estimated Apps Script seconds (the emulator's cost model, emulator/latency.ts). */
  estimatedSeconds: number;
  /** Flushes of queued writes the cost model charged. */
  flushes: number;
}

/** Service calls made by `run`; `emu.calls` (and `emu.calls.meter`) keep the breakdown until the next measure. */
export function measure(emu: AppsScriptEmulator, run: () => void): Measured {
  emu.calls.reset();
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  return {
    calls: emu.calls.total(), reads: emu.calls.total((n) => READS.test(n)), writes: emu.calls.total((n) => WRITES.test(n)), ms,
    estimatedSeconds: emu.estimatedMs() / 1000, flushes: emu.calls.meter.flushCount,
  };
}

export const sum = (a: Measured, b: Measured): Measured => ({
  calls: a.calls + b.calls, reads: a.reads + b.reads, writes: a.writes + b.writes, ms: a.ms + b.ms,
  estimatedSeconds: a.estimatedSeconds + b.estimatedSeconds, flushes: a.flushes + b.flushes,
});

export const callsText = (m: Measured) => `${m.calls} calls, ${m.reads} reads, ${m.writes} writes, ${m.ms.toFixed(0)} ms`;

/** Seconds as a short figure: 0.04 s, 3.2 s, 212 s. */
export const seconds = (s: number) => `${s < 1 ? s.toFixed(2) : s < 10 ? s.toFixed(1) : s.toFixed(0)} s`;

/** A compact table: right-aligned columns, the first left-aligned, each line indented. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd());
}

/** The usual columns of a measured run: calls, reads, writes, flushes, estimated Apps Script seconds, emulator ms. */
export const MEASURED_HEADER = ['calls', 'reads', 'writes', 'flushes', 'est. Apps Script', 'emulator'];
export const measuredCells = (m: Measured): string[] => [
  String(m.calls), String(m.reads), String(m.writes), String(m.flushes), seconds(m.estimatedSeconds), `${m.ms.toFixed(0)} ms`,
];

/** The instant a one-off time trigger (ClockTriggerBuilder.after) still has to fire at, or undefined. */
export function pendingOneOff(emu: AppsScriptEmulator): number | undefined {
  let next: number | undefined;
  for (const t of emu.triggers) {
    const afterMs = (t.schedule as { afterMs?: number } | undefined)?.afterMs;
    if (t.eventType !== 'CLOCK' || afterMs === undefined) continue;
    const at = t.createdAt.getTime() + afterMs;
    if (at > t.lastChecked && (next === undefined || at < next)) next = at;
  }
  return next;
}

/**
 * Runs `entry` as one execution, then every continuation it leaves as a one-off time trigger (a
 * long setup stops at its time budget and continues there), each measured as its own execution.
 */
export function measureExecutions(wb: TestWorkbook, entry: string, args: unknown[] = []): Measured[] {
  const { emu } = wb;
  const runs = [measure(emu, () => wb.call(entry, args))];
  for (let next = pendingOneOff(emu); next !== undefined && runs.length < 100; next = pendingOneOff(emu)) {
    if (emu.clock.nowMs() < next) emu.clock.set(new Date(next));
    const before = emu.executions.length;
    const run = measure(emu, () => emu.fireDueTimeTriggers(wb.ctx));
    const failed = emu.executions.slice(before).find((x) => x.error !== undefined);
    if (failed) throw new Error(`continuation ${failed.handler} failed: ${String(failed.error)}`);
    runs.push(run);
  }
  return runs;
}

/** Where a fresh tab's indicators (rows 5…last) and ticks are, read off the tab rather than assumed. */
export function rowsOf(emu: AppsScriptEmulator): { indicators: number; last: number; tick: number; stamp: number } {
  const map = locateVillageTab(emu.rawGrid('Thôn 1'));
  if (!map) throw new Error('Thôn 1 is not a village tab');
  const indicators = [...map.rows.keys()].filter((code) => catalogueEntry(code)).length;
  const row = (code: string) => (map.rows.get(code) as number) + 1;
  return { indicators, last: 4 + indicators, tick: row(STATUS_CODES.submitted), stamp: row(STATUS_CODES.submittedAt) };
}
