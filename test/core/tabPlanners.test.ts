/** The tab planners of setup, without the emulator: what each claims, and what it leaves to people. */
import { sampleVillages } from '../../scripts/demo/sampleVillages';
import { getPreset } from '../../src/core/config/presets';
import { planLogTab } from '../../src/core/workbook/logTabSpec';
import { OWN_PROTECTION_PREFIX } from '../../src/core/workbook/ownProtection';
import { registryRow } from '../../src/core/config/registry';
import { planRegistryTab } from '../../src/core/workbook/registryTabSpec';
import { planSettingsTab } from '../../src/core/workbook/settingsTabSpec';
import { newProgress, parseProgress, recordStep, resumedProgress, setupSteps, setupUnderWayText, withinBudget, SETUP_BUDGET_MS } from '../../src/core/workbook/setupPlan';
import { isIfBlank, type TabSpec } from '../../src/core/workbook/tabSpec';
import { planVillageTab, type VillageTabInput } from '../../src/core/workbook/villageTabSpec';
import { FIRST_MONTH_COL, STATUS_CODES, locateVillageTab, villageTabLayout } from '../../src/core/workbook/villageTabLayout';

const preset = getPreset('bach-ngoc');
const applied = preset.indicators.filter((i) => i.applied);
const OFFICE = ['office@example.gov.vn'];

function input(grid: unknown[][] | null): VillageTabInput {
  return { name: 'Thôn 3', year: 2026, indicators: applied, grid, position: 2, office: OFFICE, headEmail: 'thon3@example.com', words: preset.settings };
}

/** The frozen columns' widths, which a phone keeps on screen beside the month it fills. */
const frozenWidth = (spec: TabSpec) => spec.columnWidths.slice(0, spec.frozenColumns ?? 0).reduce((sum: number, w) => sum + (w ?? Infinity), 0);

/** A tab as setup wrote it, with a head's figures and a tick in Tháng 5. */
function filledTab(): unknown[][] {
  const rows = villageTabLayout('Thôn 3', 2026, applied).rows.map((r) => [...r]);
  const map = locateVillageTab(rows);
  if (!map) throw new Error('layout not recognised');
  for (const ind of applied) rows[map.rows.get(ind.code) as number][FIRST_MONTH_COL + 4] = 7;
  rows[map.rows.get(STATUS_CODES.submitted) as number][FIRST_MONTH_COL + 4] = true;
  return rows;
}

describe('village tab planner', () => {
  it('lays out a missing tab: title, labels, checkboxes only where blank, frozen panes, protections', () => {
    const plan = planVillageTab(input(null));
    if (plan.outcome === 'unrecognised') throw new Error('unexpected');
    expect(plan.outcome).toBe('created');
    const { spec } = plan;
    expect(String(spec.values[0][0])).toContain('THÔN 3');
    expect(spec.values[3].slice(0, 5)).toEqual(['Mã', 'Chỉ tiêu', 'ĐVT', 'Đầu năm', 'Tháng 1']);
    const tickRow = spec.values.findIndex((r) => r[0] === STATUS_CODES.submitted);
    expect(isIfBlank(spec.values[tickRow][FIRST_MONTH_COL])).toBe(true);
    expect(spec.frozenRows).toBe(4);
    expect(spec.frozenColumns).toBe(2);
    expect(frozenWidth(spec)).toBeLessThanOrEqual(200);
    // The help is merged across the frozen columns only: Sheets refuses a freeze line through a merge.
    expect(spec.merges).toEqual([{ row: 2, col: 1, numRows: 1, numCols: 2 }]);
    expect(spec.protections.every((p) => p.description.startsWith(OWN_PROTECTION_PREFIX))).toBe(true);
    // Locked down: the tab is the office's but for the month cells, which the head shares.
    const [whole, inputs] = spec.protections;
    expect([whole.block, whole.editors]).toEqual([null, [...OFFICE]]);
    // The head's cells: indicators to DA_NOP, then GHI_CHU; NGAY_NOP and DA_DUYET stay the office's.
    const tick = tickRow + 1;
    expect(whole.unprotected).toEqual([
      { row: 5, col: FIRST_MONTH_COL + 1, numRows: tick - 4, numCols: 12 },
      { row: tick + 2, col: FIRST_MONTH_COL + 1, numRows: 1, numCols: 12 },
    ]);
    expect(inputs.block).toEqual({ row: 5, col: FIRST_MONTH_COL + 1, numRows: spec.values.length - 4, numCols: 12 });
    expect(inputs.editors).toEqual([...OFFICE, 'thon3@example.com']);
    expect(inputs.description).toBe(`${OWN_PROTECTION_PREFIX}ô nhập số liệu tab Thôn 3: trưởng thôn và phòng VH-XH`);
  });

  it('describes the head in the words of a ward: tổ trưởng tổ dân phố, never thôn', () => {
    const ward = getPreset('an-hai').settings;
    const plan = planVillageTab({ ...input(null), name: 'Tổ dân phố số 2', words: ward });
    if (plan.outcome === 'unrecognised') throw new Error('unexpected');
    const descriptions = plan.spec.protections.map((p) => p.description);
    expect(descriptions).toContain(`${OWN_PROTECTION_PREFIX}ô nhập số liệu tab Tổ dân phố số 2: tổ trưởng tổ dân phố và phòng VH-XH`);
    expect(descriptions.join(' ')).not.toMatch(/thôn|địa bàn/i);
  });

  it('gives an existing tab laid out for a desktop the phone\'s narrow frozen columns, and leaves a rearranged one\'s widths alone', () => {
    const plan = planVillageTab(input(filledTab()));
    if (plan.outcome === 'unrecognised') throw new Error('unexpected');
    expect(plan.spec.frozenColumns).toBe(2);
    expect(frozenWidth(plan.spec)).toBeLessThanOrEqual(200);
    const moved = filledTab().map((r) => ['', ...r]); // a column inserted before Mã: widths are the office's now
    const other = planVillageTab(input(moved));
    if (other.outcome === 'unrecognised') throw new Error('unexpected');
    expect(other.spec.columnWidths).toEqual([]);
  });

  it('never claims a head figure, tick or note in an existing tab', () => {
    const grid = filledTab();
    const plan = planVillageTab(input(grid));
    if (plan.outcome === 'unrecognised') throw new Error('unexpected');
    expect(plan.outcome).toBe('unchanged');
    expect(plan.spec.structure).toEqual([]);
    const map = locateVillageTab(grid);
    if (!map) throw new Error('layout not recognised');
    for (const code of [...applied.map((i) => i.code), ...Object.values(STATUS_CODES)]) {
      for (const col of map.monthCols) expect(plan.spec.values[map.rows.get(code) as number]?.[col]).toBeUndefined();
    }
  });

  it('inserts a missing indicator above the status rows and claims only its labels', () => {
    const withoutFirst = applied.slice(1);
    const grid = villageTabLayout('Thôn 3', 2026, withoutFirst).rows.map((r) => [...r]);
    const plan = planVillageTab(input(grid));
    if (plan.outcome === 'unrecognised') throw new Error('unexpected');
    expect(plan.outcome).toBe('repaired');
    expect(plan.added).toEqual([applied[0].code]);
    const statusRow = grid.findIndex((r) => r[0] === STATUS_CODES.submitted);
    expect(plan.spec.structure).toEqual([{ insertRowsBefore: statusRow + 1, count: 1 }]);
    expect(plan.spec.values[statusRow][0]).toBe(applied[0].code);
    expect(plan.spec.values[statusRow].slice(FIRST_MONTH_COL).every((v) => v === undefined)).toBe(true);
  });

  it('rebuilds a deleted tick row at the end with checkboxes, ticked where a stamp survives', () => {
    const grid = filledTab().filter((r) => r[0] !== STATUS_CODES.submitted);
    grid.find((r) => r[0] === STATUS_CODES.submittedAt)?.splice(FIRST_MONTH_COL + 1, 1, new Date('2026-02-15T02:00:00Z'));
    const plan = planVillageTab(input(grid));
    if (plan.outcome === 'unrecognised') throw new Error('unexpected');
    expect(plan.added).toEqual([STATUS_CODES.submitted]);
    expect(plan.spec.values[grid.length][0]).toBe(STATUS_CODES.submitted);
    expect(plan.spec.values[grid.length][FIRST_MONTH_COL]).toEqual({ ifBlank: false });
    expect(plan.spec.values[grid.length][FIRST_MONTH_COL + 1]).toEqual({ ifBlank: true });
  });

  it('leaves a tab it does not recognise alone, with a finding', () => {
    const plan = planVillageTab(input([['Số liệu của tôi', 5]]));
    expect(plan.outcome).toBe('unrecognised');
    expect(plan.findings[0].message).toContain('không sửa gì');
  });
});

describe('settings, registry and log planners', () => {
  it('a fresh Cấu hình is claimed whole; an existing one only where setup put labels', () => {
    const fresh = planSettingsTab({ grid: null, mode: 'keep', settings: preset.settings, indicators: preset.indicators, office: OFFICE });
    expect(fresh.created).toBe(true);
    expect(fresh.spec.ownsWholeTab).toBe(true);
    const grid = fresh.spec.values.map((r) => r.map((v) => (v === undefined ? '' : v)));
    grid[5][1] = 'Giá trị của xã';
    const again = planSettingsTab({ grid, mode: 'keep', settings: preset.settings, indicators: preset.indicators, office: OFFICE });
    expect(again.added).toEqual([]);
    expect(again.spec.ownsWholeTab).toBe(false);
    expect(again.spec.values.flat().every((v) => v === undefined)).toBe(true);
    expect(again.spec.validations.map((v) => v.rule.kind).sort()).toEqual(fresh.spec.validations.map((v) => v.rule.kind).sort());
  });

  it('a preset replaces every value of Cấu hình', () => {
    const grid = [['anything']];
    const plan = planSettingsTab({ grid, mode: 'replace', settings: preset.settings, indicators: preset.indicators, office: OFFICE });
    expect(plan.spec.ownsWholeTab).toBe(true);
    expect(plan.spec.values[0][0]).not.toBeUndefined();
  });

  it('Danh sách keeps the office rows and claims the layout', () => {
    const fresh = planRegistryTab({ grid: null, villageWord: 'Thôn', office: OFFICE });
    const grid: unknown[][] = fresh.spec.values.filter((r) => r.some((v) => v !== undefined)).map((r) => r.map((v) => (v === undefined ? '' : v)));
    grid.push(...sampleVillages('bach-ngoc').map(registryRow));
    const again = planRegistryTab({ grid, villageWord: 'Thôn', office: OFFICE });
    expect(again.created).toBe(false);
    // Of the values, only the hidden tab-id column's code and label are claimed.
    const claimed = again.spec.values.flatMap((r, i) => r.flatMap((v, j) => (v === undefined ? [] : [[i + 1, j + 1, v]])));
    expect(claimed).toEqual([[3, again.tabIdColumn, 'MA_TAB'], [4, again.tabIdColumn, grid[3][10]]]);
    expect(again.tabIdColumn).toBe(11);
    expect(again.spec.hiddenRows).toEqual(fresh.spec.hiddenRows);
    // The number rules reach 200 rows past the last village, whatever the office has added.
    const rows = (spec: typeof fresh.spec) => spec.validations[0].block.numRows;
    expect(rows(again.spec)).toBe(rows(fresh.spec) - 1 + sampleVillages('bach-ngoc').length);
  });

  it('Nhật ký: the header, and a protection only when the office is known', () => {
    expect(planLogTab(9, OFFICE).protections).toHaveLength(1);
    expect(planLogTab(9, []).protections).toHaveLength(0);
  });
});

describe('setup progress', () => {
  const steps = setupSteps(['Thôn 1', 'Thôn 2']);

  it('resumes only into the same list of steps', () => {
    const progress = newProgress(steps);
    recordStep(progress, 'Cấu hình', 'unchanged', []);
    recordStep(progress, 'Danh sách', 'created', []);
    const saved = parseProgress(JSON.stringify(progress));
    expect(resumedProgress(saved, steps).next).toBe(2);
    expect(resumedProgress(saved, setupSteps(['Thôn 1', 'Thôn 3'])).next).toBe(0);
    expect(parseProgress('{broken')).toBeNull();
    expect(parseProgress('{"next":"2"}')).toBeNull();
    expect(resumedProgress(null, steps).next).toBe(0);
  });

  it('the dashboard says how far a setup under way got', () => {
    const progress = newProgress(steps);
    recordStep(progress, 'Cấu hình', 'unchanged', []);
    expect(setupUnderWayText(progress)).toContain('đã xong 1/8 tab');
    expect(setupUnderWayText(null)).toBeNull();
  });

  it('counts what changed and keeps a short list of names', () => {
    const progress = newProgress(setupSteps([]));
    for (let i = 0; i < 30; i++) recordStep(progress, `Thôn ${i}`, 'created', []);
    expect(progress.createdCount).toBe(30);
    expect(progress.created).toHaveLength(20);
    expect(progress.changed).toBe(true);
    expect(JSON.stringify(progress).length).toBeLessThan(9 * 1024);
  });

  it('starts no step once the budget is spent', () => {
    expect(withinBudget(SETUP_BUDGET_MS - 1)).toBe(true);
    expect(withinBudget(SETUP_BUDGET_MS)).toBe(false);
  });
});
