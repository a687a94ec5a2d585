/**
 * Tổng hợp at 16, 100 and 500 villages: Spreadsheet service calls and estimated Apps Script seconds
 * of aggregateMonth (reads and writes apart) with nothing changed, on the first run, and after new
 * data (the tabs written under their notices), against a naive reader that fetches each cell with
 * getRange(r, c).getValue(). The pure core's time is the "core" benchmark. Printed, never asserted.
 */
import type { AppsScriptEmulator } from '../../emulator';
import { vnInstant } from '../../src/core/shared/calendar';
import { getPreset } from '../../src/core/config/presets';
import type { TestWorkbook } from '../../test/integration/harness';
import { benchWorkbook, MEASURED_HEADER, measure, measuredCells, OFFICE, rowsOf, seconds, table, type Measured } from './workbook';

const NOW = vnInstant(2026, 5, 25, 9);
const preset = getPreset('bach-ngoc');
const applied = preset.indicators.filter((i) => i.applied);

/** Plausible values: cumulative counts below every denominator (≥ 151), a team of four. */
function valueOf(code: string, month: number): number {
  const kind = applied.find((i) => i.code === code)?.kind;
  if (kind === 'TY_LE') return 60 + month * 5;
  return kind === 'TRANG_THAI' ? 4 : 3;
}

/** Built once per size and shared by Tổng hợp and the dashboard: setting up 500 villages takes the emulator half a minute. */
const built = new Map<number, TestWorkbook>();

/** bach-ngoc grown to `villages`; months 1–5 reported (every fourth village has not sent May). */
export function reportedWorkbook(villages: number): TestWorkbook {
  const cached = built.get(villages);
  if (cached) return cached;
  const wb = benchWorkbook(villages, { now: NOW });
  built.set(villages, wb);
  const { emu } = wb;
  const registry = emu.rawGrid('Danh sách');
  const { last, tick, stamp } = rowsOf(emu);
  for (let n = 1; n <= villages; n++) {
    const name = `Thôn ${n}`;
    const row = registry.findIndex((r) => r[0] === name) + 1;
    emu.rawSet('Danh sách', `F${row}:J${row}`, [[400, 900, 950, 200, 150]]);
    emu.rawSet(name, `E5:I${last}`, applied.map((i) => [1, 2, 3, 4, 5].map((m) => valueOf(i.code, m))));
    const ticked = n % 4 === 0 ? 4 : 5; // every fourth village has not sent May yet
    emu.rawSet(name, `E${tick}:I${tick}`, [[1, 2, 3, 4, 5].map((m) => m <= ticked)]);
    emu.rawSet(name, `E${stamp}:I${stamp}`, [[1, 2, 3, 4, 5].map((m) => (m <= ticked ? vnInstant(2026, m, n % 3 === 0 ? 22 : 15, 9) : ''))]);
  }
  return wb;
}

/** What a first attempt often looks like: every cell of every village tab fetched on its own. */
function naiveRead(emu: AppsScriptEmulator): void {
  const ss = emu.spreadsheet;
  for (const sheet of ss.getSheets()) {
    if (!/^Thôn \d+$/.test(sheet.getName())) continue;
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) sheet.getRange(r, c).getValue();
  }
}

/** What Tổng hợp writes when something changed: Thôn 4 sends May (on time), a run, then the tick is taken back. */
function measureNewData(wb: TestWorkbook): Measured {
  const { tick, stamp: stampRow } = rowsOf(wb.emu);
  const stamp = wb.emu.rawGet('Thôn 4', `I${stampRow}`);
  wb.emu.rawSet('Thôn 4', `I${tick}`, true);
  wb.emu.rawSet('Thôn 4', `I${stampRow}`, vnInstant(2026, 5, 15, 9));
  const run = measure(wb.emu, () => wb.call('aggregateMonth', [5]));
  wb.emu.rawSet('Thôn 4', `I${tick}`, false);
  wb.emu.rawSet('Thôn 4', `I${stampRow}`, stamp);
  return run;
}

export async function benchAggregate(): Promise<string[]> {
  const rows: string[][] = [];
  for (const villages of [16, 100, 500]) {
    process.stderr.write(`  aggregate: ${villages} villages…\n`);
    const wb = reportedWorkbook(villages);
    const created = measure(wb.emu, () => wb.call('aggregateMonth', [5])); // the first run creates the tabs
    const ours = measure(wb.emu, () => wb.call('aggregateMonth', [5]));
    const changed = measureNewData(wb);
    const naive = measure(wb.emu, () => wb.emu.run({ activeUser: OFFICE }, () => naiveRead(wb.emu)));
    rows.push([
      `${villages}`, ...measuredCells(ours), `${created.calls} / ${seconds(created.estimatedSeconds)}`, `${changed.calls} / ${seconds(changed.estimatedSeconds)}`,
      String(naive.reads), seconds(naive.estimatedSeconds),
    ]);
  }
  return [
    'Tổng hợp — aggregateMonth(5), run again after a first run that created the tabs (nothing changed); first run and a run after',
    'one village sent May (calls / est.); naive = every village cell read with getValue():',
    ...table(['villages', ...MEASURED_HEADER, 'first run', 'new data', 'naive reads', 'naive est.'], rows),
  ];
}
