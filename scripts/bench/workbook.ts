/**
 * The workbooks and the counting every benchmark uses: the bach-ngoc preset (16 villages) with
 * registry rows generated up to N villages, then setup, in the emulator running dist/Code.js.
 */
import type { AppsScriptEmulator } from '../../emulator';
import type { Village } from '../../src/core/config/registry';
import { appendRegistryRows, newWorkbook, setSetting, type TestWorkbook } from '../../test/integration/harness';

export { OFFICE } from '../../test/integration/harness';

const PRESET_VILLAGES = 16;

export const headOf = (n: number) => `thon${n}@example.com`;

export interface BenchOptions {
  now: Date;
  /** Email of the head of generated village n (> 16); thon<n>@example.com unless given. */
  emailOf?: (n: number) => string;
  /** `Email phòng VH-XH` of `Cấu hình` (the reminders' digest goes there). */
  officeEmail?: string;
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
  return newWorkbook({ now: options.now, editors: [...new Set(heads)] });
}

/** bach-ngoc applied, the registry grown to `villages`, then setup: every village has its tab. */
export function benchWorkbook(villages: number, options: BenchOptions): TestWorkbook {
  const wb = emptyWorkbook(villages, options);
  wb.call('applyPreset', ['bach-ngoc']);
  appendRegistryRows(wb.emu, generatedVillages(villages, options.emailOf));
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
}

/** Service calls made by `run`; `emu.calls` keeps the breakdown until the next measure. */
export function measure(emu: AppsScriptEmulator, run: () => void): Measured {
  emu.calls.reset();
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  return { calls: emu.calls.total(), reads: emu.calls.total((n) => READS.test(n)), writes: emu.calls.total((n) => WRITES.test(n)), ms };
}

export const sum = (a: Measured, b: Measured): Measured => ({ calls: a.calls + b.calls, reads: a.reads + b.reads, writes: a.writes + b.writes, ms: a.ms + b.ms });

export const callsText = (m: Measured) => `${m.calls} calls, ${m.reads} reads, ${m.writes} writes, ${m.ms.toFixed(0)} ms`;
