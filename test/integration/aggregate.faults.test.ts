/**
 * Tổng hợp under fault injection (faults.ts): on a workbook of three villages, each service call of a
 * run fails in turn — a run after a first clean one and a change of data, and the very first run.
 * After each, what docs/tabs.md ("When Tổng hợp fails") promises: `Tổng hợp` and `Báo cáo` are each
 * the previous output, the new output, or show the notice in A1, never one new and the other old
 * without it, never empty; `Nhật ký` has the run's line or the failure's; what is thrown says what
 * was left and to run Tổng hợp again; and a rerun gives exactly what a clean run gives. The sweep
 * figures go to test-artifacts/faults/aggregate.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type SheetSnapshot } from '../../emulator';
import { vnInstant } from '../../src/core/shared/calendar';
import { AGGREGATION_FAILED, NOTICE_MARK } from '../../src/core/reports/aggregationText';
import { sweepFaults, type FaultSweep } from './faults';
import { fillVillageMonth, newWorkbook, OFFICE, pasteVillages, sampleVillages, type TestWorkbook } from './harness';

const NOW = new Date('2026-05-25T03:00:00Z'); // 25/05/2026 10:00 in Vietnam
const OUTPUT = ['Tổng hợp', 'Báo cáo'] as const;
const LOG = 'Nhật ký';
const VILLAGES = sampleVillages('bach-ngoc').slice(0, 3);
const [V1, V2, V3] = VILLAGES.map((v) => v.name);
/** The emulator's injected fault ("Service Spreadsheets failed while accessing document …") as people read it. */
const INJECTED_FAULT = 'Máy chủ Google Trang tính không phản hồi kịp (thường do Google đang quá tải). Xin thử lại sau vài phút.';
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An output tab as the official sees it: ids, grid size and chart ids aside, a width or height set to the default as unset. */
interface Output {
  /** The tab, as JSON ('' when it does not exist). */
  json: string;
  firstCell: string;
  blank: boolean;
}

const DEFAULT_SIZE = { column: 100, row: 21 };

function outputOf(snapshot: SheetSnapshot | undefined): Output {
  if (!snapshot) return { json: '', firstCell: '', blank: false };
  const set = (sizes: Record<number, number>, size: number) => Object.fromEntries(Object.entries(sizes).filter(([, s]) => s !== size));
  // Borders drawn and then cleared leave an empty record.
  const cells = snapshot.cells.map((c) => (c.format.borders && Object.keys(c.format.borders).length === 0 ? { ...c, format: { ...c.format, borders: undefined } } : c));
  const seen = {
    ...snapshot,
    sheetId: 0,
    maxRows: 0,
    maxColumns: 0,
    cells,
    columnWidths: set(snapshot.columnWidths, DEFAULT_SIZE.column),
    rowHeights: set(snapshot.rowHeights, DEFAULT_SIZE.row),
    charts: snapshot.charts.map((chart) => ({ ...chart, chartId: null })),
  };
  return { json: JSON.stringify(seen), firstCell: String(cells.find((c) => c.row === 1 && c.col === 1)?.value ?? ''), blank: cells.every((c) => c.value === '') };
}

function outputs(wb: TestWorkbook): Output[] {
  const { sheets } = wb.emu.model();
  return OUTPUT.map((name) => outputOf(sheets.find((s) => s.name === name)));
}

interface Trial extends TestWorkbook {
  logRows: number;
  error?: string;
  /** Set by the judge: neither output tab changed. */
  untouched?: boolean;
}

function villagesWorkbook(): TestWorkbook {
  const wb = newWorkbook({ now: NOW, editors: VILLAGES.map((v) => v.email) });
  wb.call('applyPreset', ['bach-ngoc']);
  pasteVillages(wb.emu, VILLAGES, OFFICE);
  wb.call('setupWorkbook');
  fillVillageMonth(wb.emu, V1, 4, { ticked: true, submittedAt: vnInstant(2026, 4, 15, 9) });
  fillVillageMonth(wb.emu, V1, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 15, 9) });
  fillVillageMonth(wb.emu, V2, 4, { ticked: true, submittedAt: vnInstant(2026, 4, 18, 9), share: 0.5 });
  return wb;
}

/** Quý II aggregated cleanly; then V2 sends May late and V3 sends May with a value to fix. */
function afterFirstRun(): TestWorkbook {
  const wb = villagesWorkbook();
  wb.call('aggregateQuarter', [2]);
  fillVillageMonth(wb.emu, V2, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 22, 9), share: 0.9 });
  fillVillageMonth(wb.emu, V3, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 19, 9), override: { HS_KNS: 'abc' } });
  return wb;
}

function aggregateMay(t: Trial): void {
  try {
    t.call('aggregateMonth', [5]);
  } catch (error) {
    t.error = (error as Error).message; // thrown in the bundle's realm: not an instanceof this realm's Error
    throw error;
  }
}

/**
 * Each output tab: `new`, `old` (as before the run), `notice` (A1 says it is not completely updated);
 * anything else fails. `before` and `expected`: the output tabs before and after a clean run (every
 * trial starts from the same workbook).
 */
function judgeWith(before: Output[], expected: Output[]) {
  return (t: Trial, k: number): string => {
    const now = outputs(t);
    const states = now.map((output, i) => {
      if (output.json === expected[i].json) return 'new';
      if (output.json === before[i].json) return 'old';
      if (output.firstCell.startsWith(NOTICE_MARK)) return 'notice';
      return `broken (${OUTPUT[i]}, A1 "${output.firstCell}")`;
    });
    const where = `fault at call ${k}: ${states.join(', ')}; ${t.error ?? 'no error'}`;
    for (const state of states) expect(`${state} — ${where}`).toMatch(/^(new|old|notice) /);
    expect(now.some((output) => output.blank)).toBe(false);
    expect(where).not.toMatch(/new, old|old, new/); // out of step, and nothing says so

    const entries = t.emu.rawGrid(LOG).slice(t.logRows);
    const actions = entries.map((row) => row[2]);
    const logged = actions.includes('Tổng hợp');
    const failed = actions.includes(AGGREGATION_FAILED);
    expect(actions.every((a) => a === 'Tổng hợp' || a === AGGREGATION_FAILED)).toBe(true);
    const noticed = states.includes('notice');
    const untouched = now.every((output, i) => output.json === before[i].json);
    t.untouched = untouched;
    if (logged) expect(states.every((s) => s !== 'old')).toBe(true);
    for (const row of entries.filter((r) => r[2] === AGGREGATION_FAILED)) {
      expect(row[4]).toBe('Tháng 5/2026');
      expect(row[5]).toMatch(new RegExp(`^(Chưa ghi gì|Tab ).* Lỗi: ${escaped(INJECTED_FAULT)}$`));
    }

    let outcome: string;
    if (t.error === undefined) {
      expect([states, logged, failed]).toEqual([['new', 'new'], true, false]);
      outcome = 'finished';
    } else if (!t.error.startsWith('Tổng hợp ')) {
      // The office check and reading Cấu hình come before the run: nothing is written.
      expect([untouched, actions]).toEqual([true, []]);
      outcome = 'failed before the run began: nothing written, platform message';
    } else {
      expect(t.error).toContain('Hãy chạy lại Tổng hợp.');
      // What the message says is left is what is left.
      expect(t.error.includes(NOTICE_MARK)).toBe(noticed);
      if (!noticed) expect(t.error).toContain('Chưa ghi gì');
      // Only a failure before the lock is taken goes unlogged; it has written nothing.
      if (!logged && !failed) expect(untouched).toBe(true);
      const log = [logged && 'run', failed && 'failure'].filter(Boolean).join(' and ');
      outcome = `${noticed ? 'notice shown' : 'nothing written'}, ${log ? `${log} logged` : 'not logged'}`;
    }

    // A rerun from an untouched workbook is the clean run itself.
    if (!untouched) {
      t.call('aggregateMonth', [5]);
      expect(outputs(t).map((output) => output.json)).toEqual(expected.map((output) => output.json));
      expect(t.emu.rawGrid(LOG).at(-1)?.[2]).toBe('Tổng hợp');
    }
    return outcome;
  };
}

/**
 * `forget`, when given, turns a workbook after its trial back into one `build` would give (but for
 * Nhật ký rows, which Tổng hợp does not read), so the next trial starts from it: building one is
 * most of a trial's time. A trial that left both output tabs untouched needs nothing of the kind.
 */
function sweep(build: () => TestWorkbook, forget?: (wb: TestWorkbook) => void): FaultSweep {
  let spare: TestWorkbook | null = null;
  const fresh = (): Trial => {
    const { emu, ctx, call } = spare ?? build();
    spare = null;
    return { emu, ctx, call, logRows: emu.rawGrid(LOG).length };
  };
  const clean = fresh();
  const before = outputs(clean);
  clean.call('aggregateMonth', [5]);
  const judge = judgeWith(before, outputs(clean));
  return sweepFaults(fresh, aggregateMay, (t, k) => {
    const outcome = judge(t, k);
    if (!t.untouched) forget?.(t);
    if (t.untouched || forget) spare = t;
    return outcome;
  });
}

/** Without its output tabs, a workbook is one that never ran Tổng hợp. */
function deleteOutput(wb: TestWorkbook): void {
  wb.emu.run({ activeUser: OFFICE }, () => {
    for (const name of OUTPUT) {
      const sheet = wb.emu.spreadsheet.getSheetByName(name);
      if (sheet) wb.emu.spreadsheet.deleteSheet(sheet);
    }
  });
}

describe('Tổng hợp when a service call fails', () => {
  const results: Record<string, FaultSweep> = {};

  afterAll(() => {
    if (Object.keys(results).length === 0) return; // the sweeps were filtered out
    const dir = join(REPO_ROOT, 'test-artifacts', 'faults');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'aggregate.json'), `${JSON.stringify(results, null, 2)}\n`);
  });

  it('after a first run and new data: each tab old, new or noticed, the log says which, a rerun repairs', () => {
    results.afterFirstRun = sweep(afterFirstRun);
    expect(results.afterFirstRun.points).toBeGreaterThan(100);
  });

  it('the very first run: no tab is left empty', () => {
    results.firstRun = sweep(villagesWorkbook, deleteOutput);
    expect(results.firstRun.points).toBeGreaterThan(100);
  });
});

describe('Tổng hợp from the menu', () => {
  const fromMenu = (wb: TestWorkbook) => {
    wb.emu.ui.queueResponse({ button: 'OK', text: '5' });
    wb.call('aggregateReports');
  };

  it('a failure while writing: the dialog says what was left and to run Tổng hợp again', () => {
    const clean = afterFirstRun();
    clean.emu.calls.reset();
    fromMenu(clean);
    const points = clean.emu.calls.total();
    const seen = new Set<string>();
    // The last calls: the output tabs' last writes, the log line, the notices lowered, the lock, the toast, the tab opened.
    for (let k = points - 12; k <= points; k++) {
      const wb = afterFirstRun();
      const shown = wb.emu.ui.alerts.length;
      wb.emu.failCall(k);
      fromMenu(wb);
      const dialog = wb.emu.ui.alerts.slice(shown).find((a) => a.kind === 'alert')?.prompt;
      const noticed = outputs(wb).some((output) => output.firstCell.startsWith(NOTICE_MARK));
      if (dialog === undefined) {
        expect(noticed).toBe(false);
        seen.add('finished');
        continue;
      }
      expect(dialog).toMatch(new RegExp(`^Tổng hợp tháng 5/2026 (không thành công|chưa hoàn tất) vì Google báo lỗi\\. .* Hãy chạy lại Tổng hợp\\.\\n\\(Lỗi: ${escaped(INJECTED_FAULT)}\\)$`, 's'));
      expect(dialog.includes(NOTICE_MARK)).toBe(noticed);
      seen.add(dialog.includes('chưa hoàn tất') ? 'written, a notice left' : noticed ? 'written in part' : 'nothing written');
    }
    expect([...seen].sort()).toEqual(['finished', 'written in part', 'written, a notice left']);
  });
});

describe('Tổng hợp with nothing to change', () => {
  it('writes its log line only: no notice, no flush', () => {
    const wb = villagesWorkbook();
    wb.call('aggregateMonth', [5]);
    wb.emu.calls.reset();
    wb.call('aggregateMonth', [5]);
    const writes = Object.entries(wb.emu.calls.snapshot()).filter(([name]) => /^(Range|Sheet|Spreadsheet|Protection)\.(set|insert|merge|breakApart|clear|remove|protect|add|hide)|^SpreadsheetApp\.flush$/.test(name));
    // The log line: its values, its date format, and wrapping (log.ts).
    expect(Object.fromEntries(writes)).toEqual({ 'Range.setNumberFormat': 1, 'Range.setValues': 1, 'Range.setWrap': 1 });
  });
});
