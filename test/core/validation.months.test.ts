/**
 * The one-pass paths Tổng hợp uses for speed must agree with the simple ones: validateMonths with
 * validateMonth month by month, and a month's readings with an ordinary Map.
 */
import * as fc from 'fast-check';
import { assessVillage } from '../../src/core/assessment/monthAssessment';
import { otherYearFinding } from '../../src/core/assessment/reportYear';
import { readCount } from '../../src/core/shared/cellValues';
import { validateMonth, validateMonths } from '../../src/core/entry/validation';
import { parseVillageTab } from '../../src/core/entry/monthReports';
import { applied, baseGrid, cellOf, colOf, contextFor, layout, set, village } from './villageFixture';

const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -50, max: 3000 }),
  fc.double({ min: -5, max: 50 }),
  fc.boolean(),
  fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-03-01T00:00:00Z') }),
  fc.constantFrom('x', 'có', ' 12 ', '1.234', '1 234', '12,5', '-0', '#REF!', 'chưa có', 'Tháng 4', 'TV_TO'),
);

/** The real layout, some months filled and ticked, then cells overwritten and rows or a column dropped. */
const editedTab = fc
  .record({
    filled: fc.integer({ min: 0, max: 12 }),
    writes: fc.array(fc.tuple(fc.nat(layout.rows.length + 2), fc.nat(16), cellValue), { maxLength: 40 }),
    dropRows: fc.array(fc.nat(layout.rows.length - 1), { maxLength: 3 }),
    dropCol: fc.option(fc.nat(14)),
  })
  .map(({ filled, writes, dropRows, dropCol }) => {
    const grid = baseGrid();
    for (let m = 6; m <= filled; m++) for (const ind of applied) set(grid, ind.code, m, 10 + 3 * m);
    for (const [r, c, v] of writes) {
      while (grid.length <= r) grid.push(Array(15).fill(''));
      grid[r][c] = v;
    }
    const kept = grid.filter((_, r) => !dropRows.includes(r));
    return dropCol === null ? kept : kept.map((row) => row.filter((_, c) => c !== dropCol));
  });

describe('validateMonths', () => {
  it('finds, month by month, exactly what validateMonth finds', () => {
    let compared = 0;
    fc.assert(
      fc.property(editedTab, fc.boolean(), (grid, inRegistry) => {
        const report = parseVillageTab('Thôn 3', grid, applied);
        if (!report) return;
        const ctx = contextFor('Thôn 3', inRegistry ? [village] : []);
        const together = validateMonths(report, ctx);
        expect(together).toHaveLength(12);
        together.forEach((findings, i) => expect(findings).toEqual(validateMonth(report, i + 1, ctx)));
        // Assessing adds one finding of its own: a stamp of another year (docs/periods-and-status.md, "The year").
        const otherYear = report.months.map((m) => otherYearFinding(report, ctx.villageName, m, ctx.settings));
        expect(assessVillage(report, ctx).map((a) => a.findings)).toEqual(together.map((findings, i) => [...findings, ...(otherYear[i] ? [otherYear[i]] : [])]));
        compared++;
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('a month of readings', () => {
  it('reads like a Map from code to cell, in the order of the indicators', () => {
    const grid = baseGrid();
    set(grid, 'TV_TO', 2, ' 1.234 ');
    const month = parseVillageTab('Thôn 3', grid, applied)?.months[1];
    if (!month) throw new Error('layout not recognised');
    const asMap = new Map(applied.map((ind) => [ind.code, month.values.get(ind.code)]));
    expect(month.values.size).toBe(applied.length);
    expect([...month.values]).toEqual([...asMap]);
    expect([...month.values.entries()]).toEqual([...asMap.entries()]);
    expect([...month.values.keys()]).toEqual([...asMap.keys()]);
    expect([...month.values.values()]).toEqual([...asMap.values()]);
    const seen: unknown[] = [];
    month.values.forEach((reading, code, map) => seen.push([code, reading, map === month.values]));
    expect(seen).toEqual([...asMap].map(([code, reading]) => [code, reading, true]));
    expect(month.values.get('TV_TO')).toEqual({ cell: cellOf('TV_TO', 2), raw: ' 1.234 ', reading: { kind: 'count', value: 1234 } });
    expect(month.values.has('DA_NOP')).toBe(false);
    expect(month.values.get('DA_NOP')).toBeUndefined();
  });

  it('is empty for a month whose column is missing', () => {
    const grid = baseGrid().map((row) => row.filter((_, c) => c !== colOf(4)));
    const month = parseVillageTab('Thôn 3', grid, applied)?.months[3];
    expect(month?.present).toBe(false);
    expect(month?.values.size).toBe(0);
    expect([...(month?.values ?? [])]).toEqual([]);
  });
});

describe('readCount', () => {
  it('gives equal readings for equal counts, and keeps -0 as typed', () => {
    expect(readCount(7)).toEqual(readCount('7'));
    expect(readCount(12345)).toEqual({ kind: 'count', value: 12345 });
    expect(Object.is((readCount('-0') as { value: number }).value, -0)).toBe(true);
    expect(readCount('')).toEqual({ kind: 'blank' });
  });
});
