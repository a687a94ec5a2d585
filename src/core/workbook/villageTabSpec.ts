/**
 * A village's tab as data (docs/tabs.md, "Village tabs"): its labels, looks, validation, shading and
 * protections, laid over the rows where its codes really are, so a tab someone rearranged is kept
 * as it is. The head's figures, ticks and notes are never claimed; a repair adds missing rows.
 */
import { columnLetter } from '../shared/a1';
import type { Finding } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { PALETTE } from '../shared/palette';
import type { IndicatorSetting } from '../config/settings';
import { isPlausibleEmail } from '../shared/text';
import { block, ownFormat, ownRow, ownValue } from './specCells';
import { HEADER_STYLE, claimTitleBlock } from './tabStyles';
import { emptyTabSpec, type ProtectionSpec, type TabSpec, type ValidationRule } from './tabSpec';
import {
  FIRST_MONTH_COL,
  FROZEN_COLUMNS,
  HEADER_ROW_TEXT,
  MONTHS,
  STATUS_CODES,
  VILLAGE_TAB_HELP,
  WIDTH,
  indicatorRowLabels,
  locateVillageTab,
  monthLabel,
  planVillageTabRepair,
  statusRowLabels,
  villageTabLayout,
  villageTabTitle,
  type VillageTabMap,
} from './villageTabLayout';
import { ownProtection } from './ownProtection';

export interface VillageTabInput {
  name: string;
  year: number;
  /** Applied indicators, in catalogue order. */
  indicators: readonly IndicatorSetting[];
  /** What the tab holds now (one getValues), or null when there is no tab. */
  grid: Grid | null;
  /** 0-based position for a new tab. */
  position: number;
  office: readonly string[];
  headEmail: string;
}

export type VillageTabPlan =
  | { outcome: 'unrecognised'; findings: Finding[] }
  | { outcome: 'created' | 'repaired' | 'unchanged'; spec: TabSpec; added: string[]; findings: Finding[] };

/** Standard widths of a tab laid out by setup: code, label, unit, then the months. */
const COLUMN_WIDTHS = [90, 300, 60, ...MONTHS.map(() => 78)];
const HELP_ROW_HEIGHT = 84;

const HELP_BY_KIND: Record<IndicatorSetting['kind'], string> = {
  TY_LE: 'Số nguyên ≥ 0: tổng số LŨY KẾ tính đến cuối tháng (không giảm so với tháng trước). Để trống nếu chưa có số.',
  SO_LUONG: 'Số nguyên ≥ 0: số phát sinh TRONG THÁNG. Không có thì ghi 0.',
  TRANG_THAI: 'Số nguyên ≥ 0: số hiện tại vào cuối tháng.',
};

/** Marks the month-shading rules as the add-on's among conditional formats people may add. */
const SHADING_MARKER = '"Tháng "';

export function planVillageTab(input: VillageTabInput): VillageTabPlan {
  const found = input.grid ? locateVillageTab(input.grid) : null;
  if (!found) {
    const blank = !input.grid || input.grid.every((row) => row.every((v) => v === ''));
    if (!blank) {
      return {
        outcome: 'unrecognised',
        findings: [{ level: 'warning', sheet: input.name, cell: '', message: `Tab "${input.name}" đã có dữ liệu nhưng không có ${HEADER_ROW_TEXT}; không sửa gì trong tab này.` }],
      };
    }
    return { outcome: 'created', added: [], findings: [], spec: freshSpec(input) };
  }
  const repair = planVillageTabRepair(found, input.indicators);
  const spec = emptyTabSpec(input.name, input.position, 0, 0);
  const map = applyRepair(spec, found, repair, input.grid as Grid);
  const added = [...repair.missingIndicators.map((i) => i.code), ...repair.missingStatus];
  claimLayout(spec, map, input);
  const findings: Finding[] = repair.missingMonths.map((m) => ({
    level: 'warning',
    sheet: input.name,
    cell: '',
    message: `${input.name}: thiếu cột "Tháng ${m}"; hãy thêm lại cột này vào dòng tiêu đề.`,
  }));
  return { outcome: added.length > 0 ? 'repaired' : 'unchanged', spec, added, findings };
}

function freshSpec(input: VillageTabInput): TabSpec {
  const layout = villageTabLayout(input.name, input.year, input.indicators);
  const spec = emptyTabSpec(input.name, input.position, 0, 0);
  const submittedRow = layout.statusRow.submitted;
  layout.rows.forEach((row, r) => ownRow(spec, r + 1, 1, r + 1 === submittedRow ? row.map((v, c) => (c >= FIRST_MONTH_COL ? { ifBlank: v } : v)) : row));
  claimLayout(spec, locateVillageTab(layout.rows) as VillageTabMap, input);
  return spec;
}

/**
 * Rows for missing indicators go above the status rows, missing status rows at the end; returns
 * where everything is once they are in. Only labels are written into the new rows.
 */
function applyRepair(spec: TabSpec, map: VillageTabMap, repair: ReturnType<typeof planVillageTabRepair>, grid: Grid): VillageTabMap {
  const rows = grid.map((row) => [...row]);
  if (repair.missingIndicators.length > 0) {
    const statusRows = Object.values(STATUS_CODES).map((c) => map.rows.get(c)).filter((r): r is number => r !== undefined);
    const indicatorRows = [...map.rows.values()].filter((r) => !statusRows.includes(r));
    const at = statusRows.length > 0 ? Math.min(...statusRows) : Math.max(map.headerRow, ...indicatorRows) + 1; // 0-based
    spec.structure.push({ insertRowsBefore: at + 1, count: repair.missingIndicators.length });
    const labels = repair.missingIndicators.map(indicatorRowLabels);
    rows.splice(at, 0, ...labels.map((l) => placed(l, map.codeCol, rows[0]?.length ?? WIDTH)));
    labels.forEach((l, i) => ownRow(spec, at + i + 1, map.codeCol + 1, l));
  }
  for (const code of repair.missingStatus) {
    const labels = statusRowLabels(code);
    rows.push(placed(labels, map.codeCol, rows[0]?.length ?? WIDTH));
    ownRow(spec, rows.length, map.codeCol + 1, labels);
    if (code === STATUS_CODES.submitted) {
      // A rebuilt tick row shows checkboxes; ticks a person makes later are theirs.
      for (const c of map.monthCols) if (c >= 0) ownValue(spec, rows.length, c + 1, { ifBlank: false });
    }
  }
  return locateVillageTab(rows) as VillageTabMap;
}

function placed(labels: readonly unknown[], codeCol: number, width: number): unknown[] {
  const row = Array<unknown>(Math.max(width, codeCol + labels.length)).fill('');
  labels.forEach((v, i) => (row[codeCol + i] = v));
  return row;
}

/** Everything setup keeps right in a recognised tab: labels, looks, validation, shading, protections. */
function claimLayout(spec: TabSpec, map: VillageTabMap, input: VillageTabInput): void {
  const headerRow = map.headerRow + 1;
  const monthCols = map.monthCols.filter((c) => c >= 0).map((c) => c + 1);
  const codeCol = map.codeCol + 1;
  const standard = map.headerRow === 3 && map.codeCol === 0;
  if (standard) {
    ownValue(spec, 1, 1, villageTabTitle(input.name, input.year));
    ownValue(spec, 2, 1, VILLAGE_TAB_HELP);
    // Sheets refuses a merge across the freeze line (docs/tabs.md), so the help spans the frozen columns only.
    claimTitleBlock(spec, FROZEN_COLUMNS);
    spec.rowHeights.push({ row: 2, height: HELP_ROW_HEIGHT });
    spec.columnWidths = [...COLUMN_WIDTHS];
  }
  for (const code of map.rows.keys()) {
    const indicator = input.indicators.find((i) => i.code === code);
    const isStatus = (Object.values(STATUS_CODES) as string[]).includes(code);
    if (indicator || isStatus) ownRow(spec, (map.rows.get(code) as number) + 1, codeCol, indicator ? indicatorRowLabels(indicator) : statusRowLabels(code));
  }
  ownRow(spec, headerRow, codeCol, ['Mã', 'Chỉ tiêu', 'ĐVT']);
  MONTHS.forEach((m) => {
    if (map.monthCols[m - 1] >= 0) ownValue(spec, headerRow, map.monthCols[m - 1] + 1, monthLabel(m));
  });
  if (monthCols.length === 0) return;
  const firstCol = Math.min(...monthCols);
  const numCols = Math.max(...monthCols) - firstCol + 1;
  const lastCol = firstCol + numCols - 1;
  ownFormat(spec, block(headerRow, 1, 1, lastCol), HEADER_STYLE);
  spec.frozenRows = headerRow;
  spec.frozenColumns = map.codeCol + FROZEN_COLUMNS;

  for (const run of kindRuns(map, input.indicators)) {
    // One rule per run of rows: Sheets shifts the formula's relative references to each cell.
    const cell = `${columnLetter(firstCol)}${run.first + 1}`;
    const rows = block(run.first + 1, firstCol, run.count, numCols);
    ownFormat(spec, rows, { numberFormat: '#,##0', align: 'right' });
    spec.validations.push({ block: rows, rule: countRule(cell, HELP_BY_KIND[run.kind]) });
  }
  const submittedRow = map.rows.get(STATUS_CODES.submitted);
  if (submittedRow !== undefined) {
    // requireCheckbox, not insertCheckboxes: the latter resets every tick to false.
    spec.validations.push({ block: block(submittedRow + 1, firstCol, 1, numCols), rule: { kind: 'checkbox' } });
    ownFormat(spec, block(submittedRow + 1, 1, 1, lastCol), { background: PALETTE.submittedRowBg, bold: true });
  }
  const stampRow = map.rows.get(STATUS_CODES.submittedAt);
  if (stampRow !== undefined) {
    ownFormat(spec, block(stampRow + 1, 1, 1, lastCol), { background: PALETTE.autoRowBg, fontColor: PALETTE.hint });
    ownFormat(spec, block(stampRow + 1, firstCol, 1, numCols), { numberFormat: 'dd/MM/yyyy', align: 'center' });
  }
  const noteRow = map.rows.get(STATUS_CODES.note);
  if (noteRow !== undefined) ownFormat(spec, block(noteRow + 1, firstCol, 1, numCols), { wrap: true, numberFormat: '@' });
  const lastRow = Math.max(1, ...map.rows.values()) + 1;
  const bodyRows = lastRow - headerRow;
  ownFormat(spec, block(headerRow + 1, codeCol, bodyRows, 1), { fontColor: PALETTE.codeFg, fontSize: 8 });
  ownFormat(spec, block(headerRow + 1, codeCol + 1, bodyRows, 1), { wrap: true });
  spec.conditionalFormats = { marker: SHADING_MARKER, rules: monthShading(headerRow, firstCol, numCols, bodyRows, input.year) };
  spec.protections = villageProtections(input, map, headerRow, lastRow, Math.max(WIDTH, lastCol));
}

function countRule(cell: string, helpText: string): ValidationRule {
  return { kind: 'formula', formula: `=AND(ISNUMBER(${cell}),${cell}>=0,${cell}=INT(${cell}))`, helpText };
}

interface KindRun {
  kind: IndicatorSetting['kind'];
  first: number; // 0-based grid row
  count: number;
}

/** Indicator rows grouped into runs of consecutive rows of the same kind. */
function kindRuns(map: VillageTabMap, indicators: readonly IndicatorSetting[]): KindRun[] {
  const rows = indicators
    .flatMap((ind) => (map.rows.has(ind.code) ? [{ kind: ind.kind, row: map.rows.get(ind.code) as number }] : []))
    .sort((a, b) => a.row - b.row);
  const runs: KindRun[] = [];
  for (const { kind, row } of rows) {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && last.first + last.count === row) last.count++;
    else runs.push({ kind, first: row, count: 1 });
  }
  return runs;
}

/**
 * Past, current and future months look different, and stay right as months pass: the rules compare
 * each column's "Tháng N" header with TODAY(), so they follow the column if someone inserts one.
 * The current month is marked on its header only: a conditional colour over the input cells would
 * hide the marks Kiểm tra số liệu puts on wrong values there.
 */
function monthShading(headerRow: number, firstCol: number, numCols: number, bodyRows: number, year: number) {
  const head = `${columnLetter(firstCol)}$${headerRow}`;
  const monthOf = `VALUE(SUBSTITUTE(${head},${SHADING_MARKER},""))`;
  return [
    {
      formula: `=AND(YEAR(TODAY())=${year},${monthOf}=MONTH(TODAY()))`,
      background: PALETTE.currentMonthHeaderBg,
      fontColor: '#000000',
      ranges: [block(headerRow, firstCol, 1, numCols)],
    },
    {
      formula: `=OR(YEAR(TODAY())<${year},AND(YEAR(TODAY())=${year},${monthOf}>MONTH(TODAY())))`,
      background: PALETTE.futureMonthBg,
      fontColor: '#999999',
      ranges: [block(headerRow + 1, firstCol, bodyRows, numCols)],
    },
  ];
}

/** The NGAY_NOP row of a village tab: the office and the edit trigger's owner alone write it. */
export function stampProtectionWhat(tab: string): string {
  return `ngày nộp tab ${tab} (tiện ích tự ghi)`;
}

/** The head edits their own tab; its structure and the NGAY_NOP stamp are the office's alone. */
function villageProtections(input: VillageTabInput, map: VillageTabMap, headerRow: number, lastRow: number, lastCol: number): ProtectionSpec[] {
  const name = input.name;
  const withHead = isPlausibleEmail(input.headEmail) ? [...input.office, input.headEmail] : [...input.office];
  const stampRow = map.rows.get(STATUS_CODES.submittedAt);
  return [
    ownProtection(null, `tab ${name}: chỉ trưởng ${name} và phòng VH-XH sửa`, withHead),
    ownProtection(block(1, 1, headerRow, lastCol), `tiêu đề tab ${name}`, input.office),
    ownProtection(block(headerRow + 1, map.codeCol + 1, lastRow - headerRow, 3), `cột mã, chỉ tiêu tab ${name}`, input.office),
    ...(stampRow === undefined ? [] : [ownProtection(block(stampRow + 1, 1, 1, lastCol), stampProtectionWhat(name), input.office)]),
  ];
}

