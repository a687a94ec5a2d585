/** Thousands of random grids through the parser and the rules: nothing throws, every finding is locatable. */
import * as fc from 'fast-check';
import { assessVillage } from '../../src/core/assessment/monthAssessment';
import { readCount } from '../../src/core/shared/cellValues';
import { formatInt } from '../../src/core/shared/text';
import { validateMonth, validateTabLayout } from '../../src/core/entry/validation';
import { parseVillageTab } from '../../src/core/entry/monthReports';
import { applied, contextFor, layout, village } from './villageFixture';

const CODES = [...applied.map((i) => i.code), 'DA_NOP', 'NGAY_NOP', 'GHI_CHU'];

const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ min: new Date('1899-12-30T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }),
  fc.constantFrom('Mã', 'Chỉ tiêu', 'ĐVT', '#REF!', '#N/A', 'x', 'có', '✓', ' ', '1.234', '1 234', '12,5', '-0', '+', '.', 'Tháng', ...CODES),
  fc.integer({ min: 0, max: 14 }).map((m) => `Tháng ${m}`),
  fc.string({ unit: fc.constantFrom(...'0123456789.,- \u00a0#!ThángMãx'.split('')), maxLength: 12 }),
  fc.string({ maxLength: 8 }),
);

/** Any ragged grid at all, half of them with the real header row somewhere so the rules run. */
const anyGrid = fc
  .tuple(fc.array(fc.array(cellValue, { maxLength: 18 }), { maxLength: 24 }), fc.boolean(), fc.nat())
  .map(([grid, withHeader, at]) => {
    if (withHeader) grid.splice(at % (grid.length + 1), 0, [...layout.rows[layout.headerRow - 1]]);
    return grid;
  });

/** The real layout with random cells overwritten, rows dropped and columns removed: tabs people edited. */
const editedGrid = fc
  .record({
    writes: fc.array(fc.tuple(fc.nat(layout.rows.length + 3), fc.nat(17), cellValue), { maxLength: 60 }),
    dropRows: fc.array(fc.nat(layout.rows.length - 1), { maxLength: 4 }),
    dropCol: fc.option(fc.nat(14)),
  })
  .map(({ writes, dropRows, dropCol }) => {
    const grid = layout.rows.map((r) => [...r]);
    for (const [r, c, v] of writes) {
      while (grid.length <= r) grid.push(Array(15).fill(''));
      grid[r][c] = v;
    }
    const kept = grid.filter((_, r) => !dropRows.includes(r));
    return dropCol === null ? kept : kept.map((row) => row.filter((_, c) => c !== dropCol));
  });

/** getValues() grids are rectangular: the width is the widest row. */
function insideGrid(cell: string, grid: readonly (readonly unknown[])[]): boolean {
  if (cell === '') return true;
  const m = /^([A-Z]+)([1-9]\d*)$/.exec(cell);
  if (!m) return false;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return row <= grid.length && col <= Math.max(...grid.map((r) => r.length));
}

/** Returns how many findings there were, or -1 when the grid is not a village tab. */
function checkEverything(grid: unknown[][], tab: string, withVillage: boolean): number {
  const report = parseVillageTab(tab, grid, applied);
  if (!report) return -1;
  const ctx = contextFor(tab, withVillage ? [village] : []);
  const findings = [...validateTabLayout(report, ctx), ...assessVillage(report, ctx).flatMap((m) => m.findings)];
  for (let m = 1; m <= 12; m++) validateMonth(report, m, ctx);
  for (const f of findings) {
    expect(f.sheet).toBe(tab);
    expect(insideGrid(f.cell, grid)).toBe(true);
    expect(f.message.startsWith(`${ctx.villageName}`)).toBe(true);
    expect(['error', 'warning']).toContain(f.level);
  }
  return findings.length;
}

describe('validation on random grids', () => {
  it('any grid: parsing and rules never throw, findings name a real cell or the tab', () => {
    let parsed = 0;
    fc.assert(
      fc.property(anyGrid, fc.boolean(), (grid, withVillage) => {
        if (checkEverything(grid, 'Thôn 3', withVillage) >= 0) parsed++;
      }),
      { numRuns: 3000 },
    );
    expect(parsed).toBeGreaterThan(1000);
  });

  it('edited real tabs: the same holds, and the rules really ran on most of them', () => {
    let parsed = 0;
    let findings = 0;
    fc.assert(
      fc.property(editedGrid, fc.boolean(), (grid, withVillage) => {
        const count = checkEverything(grid, 'Thôn 3', withVillage);
        if (count >= 0) parsed++;
        findings += Math.max(0, count);
      }),
      { numRuns: 3000 },
    );
    expect(parsed).toBeGreaterThan(1500);
    expect(findings).toBeGreaterThan(3000);
  });

  it('readCount: only whole numbers ≥ 0 are counts, and every way of writing one reads back', () => {
    fc.assert(
      fc.property(cellValue, (raw) => {
        const reading = readCount(raw);
        if (reading.kind === 'count') expect(Number.isInteger(reading.value) && reading.value >= 0).toBe(true);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (n) => {
        for (const raw of [n, String(n), formatInt(n), formatInt(n).replace(/\./g, ' '), ` ${n} `, `+${n}`]) {
          expect(readCount(raw)).toEqual({ kind: 'count', value: n });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
