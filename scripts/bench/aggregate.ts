/**
 * Tổng hợp at 16, 100 and 500 villages: Spreadsheet service calls made by aggregateMonth (reads and
 * writes apart), against a naive reader that fetches each cell with getRange(r, c).getValue(); and
 * the pure core's time for 500 villages × 12 months. Figures are printed, never asserted.
 */
import type { AppsScriptEmulator } from '../../emulator';
import { vnInstant } from '../../src/core/shared/calendar';
import { getPreset } from '../../src/core/config/presets';
import type { TestWorkbook } from '../../test/integration/harness';
import { benchWorkbook, measure, OFFICE } from './workbook';

const NOW = vnInstant(2026, 5, 25, 9);
const preset = getPreset('bach-ngoc');
const applied = preset.indicators.filter((i) => i.applied);

/** Plausible values: cumulative counts below every denominator (≥ 151), a team of four. */
function valueOf(code: string, month: number): number {
  const kind = applied.find((i) => i.code === code)?.kind;
  if (kind === 'TY_LE') return 60 + month * 5;
  return kind === 'TRANG_THAI' ? 4 : 3;
}

/** bach-ngoc grown to `villages`; months 1–5 reported. */
function workbookWith(villages: number): TestWorkbook {
  const wb = benchWorkbook(villages, { now: NOW });
  const { emu } = wb;
  const registry = emu.rawGrid('Danh sách');
  for (let n = 1; n <= villages; n++) {
    const name = `Thôn ${n}`;
    const row = registry.findIndex((r) => r[0] === name) + 1;
    emu.rawSet('Danh sách', `F${row}:J${row}`, [[400, 900, 950, 200, 150]]);
    emu.rawSet(name, 'D5:H18', applied.map((i) => [1, 2, 3, 4, 5].map((m) => valueOf(i.code, m))));
    const ticked = n % 4 === 0 ? 4 : 5; // every fourth village has not sent May yet
    emu.rawSet(name, 'D19:H19', [[1, 2, 3, 4, 5].map((m) => m <= ticked)]);
    emu.rawSet(name, 'D20:H20', [[1, 2, 3, 4, 5].map((m) => (m <= ticked ? vnInstant(2026, m, n % 3 === 0 ? 22 : 15, 9) : ''))]);
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

export async function benchAggregate(): Promise<string[]> {
  const lines = ['Tổng hợp — aggregateMonth(5) in the emulator (Spreadsheet service calls):'];
  lines.push('  villages               reads   writes   all calls   naive cell-by-cell reads   naive ÷ ours');
  for (const villages of [16, 100, 500]) {
    const wb = workbookWith(villages);
    wb.call('aggregateMonth', [5]); // the first run creates the tabs
    const ours = measure(wb.emu, () => wb.call('aggregateMonth', [5]));
    const naive = measure(wb.emu, () => wb.emu.run({ activeUser: OFFICE }, () => naiveRead(wb.emu)));
    lines.push(`  ${String(villages).padStart(8)}   ${String(ours.reads).padStart(17)}   ${String(ours.writes).padStart(6)}   ${String(ours.calls).padStart(9)}   ${String(naive.reads).padStart(24)}   ${(naive.reads / ours.reads).toFixed(0).padStart(10)}×`);
  }
  lines.push('  (the pure core of Tổng hợp is timed by the "core" benchmark)');
  return lines;
}
