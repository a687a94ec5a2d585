/**
 * Tổng hợp at 16, 100 and 500 villages: Spreadsheet service calls made by aggregateMonth (reads and
 * writes apart), against a naive reader that fetches each cell with getRange(r, c).getValue(); and
 * the pure core's time for 500 villages × 12 months. Figures are printed, never asserted.
 */
import type * as vm from 'node:vm';
import { AppsScriptEmulator } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import { aggregate, type AssessedVillage } from '../../src/core/aggregation';
import { assessVillage } from '../../src/core/assessment';
import { vnDateOf, vnInstant } from '../../src/core/calendar';
import { getPreset } from '../../src/core/presets';
import { REGISTRY_COLUMNS, type Village } from '../../src/core/registry';
import { reportLayout } from '../../src/core/reportLayout';
import { summaryLayout } from '../../src/core/summaryLayout';
import { parseVillageTab } from '../../src/core/villageReport';
import { FIRST_MONTH_COL, villageTabLayout } from '../../src/core/villageTab';

const OFFICE = 'office@example.gov.vn';
const NOW = vnInstant(2026, 5, 25, 9);
const head = (n: number) => `thon${n}@example.com`;
const preset = getPreset('bach-ngoc');
const applied = preset.indicators.filter((i) => i.applied);

/** Plausible values: cumulative counts below every denominator (≥ 151), a team of four. */
function valueOf(code: string, month: number): number {
  const kind = applied.find((i) => i.code === code)?.kind;
  if (kind === 'TY_LE') return 60 + month * 5;
  return kind === 'TRANG_THAI' ? 4 : 3;
}

/** bach-ngoc, registry grown to `villages` rows, tabs made by setup; months 1–5 reported. */
function workbookWith(villages: number): { emu: AppsScriptEmulator; ctx: vm.Context } {
  const emu = new AppsScriptEmulator({ now: NOW, owner: OFFICE, editors: Array.from({ length: villages }, (_, i) => head(i + 1)) });
  const ctx = loadBundle(emu);
  callEntry(emu, ctx, 'applyPreset', ['bach-ngoc'], { activeUser: OFFICE });
  if (villages > 16) {
    const first = emu.rawGrid('Danh sách').length + 1;
    const rows = Array.from({ length: villages - 16 }, (_, i) => REGISTRY_COLUMNS.map((c) => {
      const n = 17 + i;
      if (c.code === 'TEN_DIA_BAN') return `Thôn ${n}`;
      if (c.code === 'EMAIL') return head(n);
      if (c.code === 'TRUONG_THON' || c.code === 'TO_TRUONG') return 'Nguyễn Văn An';
      return c.code === 'DIEN_THOAI' ? '0912345678' : 151 + n;
    }));
    emu.rawSet('Danh sách', `A${first}:${String.fromCharCode(64 + REGISTRY_COLUMNS.length)}${first + rows.length - 1}`, rows);
    callEntry(emu, ctx, 'setupWorkbook', [], { activeUser: OFFICE });
  }
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
  return { emu, ctx };
}

const READS = /^Range\.(getValues|getValue|getDisplayValues|getDisplayValue|getNotes|getBackgrounds)$/;
const WRITES = /^(Range|Sheet|Spreadsheet|Protection|EmbeddedChartBuilder|EmbeddedBarChartBuilder)\.(set|insert|merge|breakApart|clear|remove|protect|add|build)/;

function countCalls(emu: AppsScriptEmulator, run: () => void): { reads: number; writes: number; total: number } {
  emu.calls.reset();
  run();
  return { reads: emu.calls.total((n) => READS.test(n)), writes: emu.calls.total((n) => WRITES.test(n)), total: emu.calls.total() };
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

/** 500 villages × 12 months, all reported: grids built in memory, no emulator. */
function coreInput(villages: number): { grids: { village: Village; grid: unknown[][] }[] } {
  const grids = Array.from({ length: villages }, (_, i) => {
    const name = `Thôn ${i + 1}`;
    const layout = villageTabLayout(name, preset.settings.year, applied);
    const grid = layout.rows.map((r) => [...r]);
    for (let m = 1; m <= 12; m++) {
      applied.forEach((ind, k) => (grid[layout.firstIndicatorRow - 1 + k][FIRST_MONTH_COL + m - 1] = valueOf(ind.code, m)));
      grid[layout.statusRow.submitted - 1][FIRST_MONTH_COL + m - 1] = true;
      grid[layout.statusRow.submittedAt - 1][FIRST_MONTH_COL + m - 1] = vnInstant(2026, m, 10 + (i % 15), 9);
    }
    const village: Village = { name, head: '', email: '', phone: '', teamLeader: '', denominators: { SO_HO: 400, DS_TRUONG_THANH: 900, DS_TU_16: 950, HS_TRUNG_HOC: 200, LD_DN_HTX: 150 }, row: i + 5 };
    return { village, grid };
  });
  return { grids };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface CoreTimes {
  parseAndValidate: number;
  aggregate: number;
  layouts: number;
}

/** Medians of each stage over `runs` runs (the machine may be busy: the median resists that). */
function timeCore(villages: number, runs: number): CoreTimes {
  const { grids } = coreInput(villages);
  const now = vnInstant(2026, 12, 28, 9);
  const settings = preset.settings;
  const today = vnDateOf(now);
  const times: CoreTimes[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const assessed: AssessedVillage[] = grids.map(({ village, grid }) => {
      const report = parseVillageTab(village.name, grid, applied);
      const assessments = report ? assessVillage(report, { villageName: village.name, village, settings, indicators: applied, today }, now) : [];
      return { village, report, assessments };
    });
    const t1 = performance.now();
    const summary = aggregate({ settings, indicators: applied, villages: assessed, period: { kind: 'year', throughMonth: 12 }, now });
    const t2 = performance.now();
    summaryLayout(summary);
    reportLayout(summary, today);
    times.push({ parseAndValidate: t1 - t0, aggregate: t2 - t1, layouts: performance.now() - t2 });
  }
  return { parseAndValidate: median(times.map((t) => t.parseAndValidate)), aggregate: median(times.map((t) => t.aggregate)), layouts: median(times.map((t) => t.layouts)) };
}

export async function benchAggregate(): Promise<string[]> {
  const lines = ['Tổng hợp — aggregateMonth(5) in the emulator (Spreadsheet service calls):'];
  lines.push('  villages   reads (getValues)   writes   all calls   naive cell-by-cell reads   naive ÷ ours');
  for (const villages of [16, 100, 500]) {
    const { emu, ctx } = workbookWith(villages);
    callEntry(emu, ctx, 'aggregateMonth', [5], { activeUser: OFFICE }); // first run creates the tabs
    const ours = countCalls(emu, () => callEntry(emu, ctx, 'aggregateMonth', [5], { activeUser: OFFICE }));
    const naive = countCalls(emu, () => emu.run({ activeUser: OFFICE }, () => naiveRead(emu)));
    lines.push(`  ${String(villages).padStart(8)}   ${String(ours.reads).padStart(17)}   ${String(ours.writes).padStart(6)}   ${String(ours.total).padStart(9)}   ${String(naive.reads).padStart(24)}   ${(naive.reads / ours.reads).toFixed(0).padStart(10)}×`);
  }
  const core = timeCore(500, 9);
  const own = core.aggregate + core.layouts;
  lines.push('Pure core, 500 villages × 12 months, year so far (median of 9 runs):');
  lines.push(`  aggregate ${core.aggregate.toFixed(1)} ms + Tổng hợp/Báo cáo layouts ${core.layouts.toFixed(1)} ms = ${own.toFixed(1)} ms (target < 50 ms)`);
  lines.push(`  parseVillageTab + assessVillage of the 500 tabs before it: ${core.parseAndValidate.toFixed(1)} ms; whole pure part ${(own + core.parseAndValidate).toFixed(1)} ms`);
  return lines;
}

if (require.main === module) {
  benchAggregate().then((lines) => console.log(lines.join('\n')));
}
