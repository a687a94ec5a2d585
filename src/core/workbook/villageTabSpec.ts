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
import { vocabularyOf, type VocabularySettings } from '../config/vocabulary';
import { isPlausibleEmail } from '../shared/text';
import { block, ownFormat, ownRow, ownValue } from './specCells';
import { HEADER_STYLE, claimTitleBlock } from './tabStyles';
import { emptyTabSpec, type Block, type ProtectionSpec, type TabSpec, type ValidationRule } from './tabSpec';
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
  START_LABEL,
  monthLabel,
  planVillageTabRepair,
  statusRowLabels,
  villageTabLayout,
  villageTabTitle,
  type VillageTabMap,
} from './villageTabLayout';
import { ownProtection } from './ownProtection';
import { approvedMonthsIn } from '../entry/approval';

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
  /** The words of `Cấu hình` the protections are described in (`trưởng thôn`, `tổ trưởng tổ dân phố`). */
  words: VocabularySettings;
}

export type VillageTabPlan =
  | { outcome: 'unrecognised'; findings: Finding[] }
  | { outcome: 'created' | 'repaired' | 'unchanged'; spec: TabSpec; added: string[]; findings: Finding[] };

/**
 * Standard widths of a tab laid out by setup: code, label, unit, Đầu năm, then the months. The
 * frozen code and label fit in 200 px, so a phone keeps most of its screen for the month it fills
 * (docs/tabs.md, "Village tabs"); the label wraps onto as many lines as it needs.
 */
export const COLUMN_WIDTHS: readonly number[] = [52, 148, 60, 70, ...MONTHS.map(() => 78)];
/** The help text wraps across the two frozen columns only. */
const HELP_ROW_HEIGHT = 112;

const START_HELP = 'Do phòng VH-XH ghi: số lũy kế đến hết năm trước (lệnh "Năm mới" tự điền).';
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
      // A rebuilt tick row shows checkboxes, ticked where a surviving stamp proves the submission;
      // ticks a person makes later are theirs.
      const stamps = rows.find((row) => row[map.codeCol] === STATUS_CODES.submittedAt);
      for (const c of map.monthCols) if (c >= 0) ownValue(spec, rows.length, c + 1, { ifBlank: stamps?.[c] instanceof Date });
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
  if (map.startCol >= 0) ownValue(spec, headerRow, map.startCol + 1, START_LABEL);
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
    if (map.startCol >= 0 && run.kind === 'TY_LE') {
      const start = block(run.first + 1, map.startCol + 1, run.count, 1);
      ownFormat(spec, start, { numberFormat: '#,##0', align: 'right' });
      spec.validations.push({ block: start, rule: countRule(`${columnLetter(map.startCol + 1)}${run.first + 1}`, START_HELP) });
    }
  }
  // Office-only (the tab's protection leaves it out of the head's cells), and it looks it.
  if (map.startCol >= 0) ownFormat(spec, block(headerRow + 1, map.startCol + 1, Math.max(1, ...map.rows.values()) - headerRow + 1, 1), { background: PALETTE.autoRowBg });
  const submittedRow = map.rows.get(STATUS_CODES.submitted);
  if (submittedRow !== undefined) {
    // requireCheckbox, not insertCheckboxes: the latter resets every tick to false.
    spec.validations.push({ block: block(submittedRow + 1, firstCol, 1, numCols), rule: { kind: 'checkbox' } });
    ownFormat(spec, block(submittedRow + 1, 1, 1, lastCol), { background: PALETTE.submittedRowBg, bold: true });
  }
  // NGAY_NOP (stamped by the add-on) and DA_DUYET (the office's approval date): grey, shown as dates.
  for (const code of [STATUS_CODES.submittedAt, STATUS_CODES.approvedAt]) {
    const dateRow = map.rows.get(code);
    if (dateRow === undefined) continue;
    ownFormat(spec, block(dateRow + 1, 1, 1, lastCol), { background: PALETTE.autoRowBg, fontColor: PALETTE.hint });
    ownFormat(spec, block(dateRow + 1, firstCol, 1, numCols), { numberFormat: 'dd/MM/yyyy', align: 'center' });
  }
  const noteRow = map.rows.get(STATUS_CODES.note);
  if (noteRow !== undefined) ownFormat(spec, block(noteRow + 1, firstCol, 1, numCols), { wrap: true, numberFormat: '@' });
  const lastRow = Math.max(1, ...map.rows.values()) + 1;
  const bodyRows = lastRow - headerRow;
  // A long code wraps in its narrow column rather than hide under the label.
  ownFormat(spec, block(headerRow + 1, codeCol, bodyRows, 1), { fontColor: PALETTE.codeFg, fontSize: 8, wrap: true });
  ownFormat(spec, block(headerRow + 1, codeCol + 1, bodyRows, 1), { wrap: true });
  spec.conditionalFormats = { marker: SHADING_MARKER, rules: monthShading(headerRow, firstCol, numCols, bodyRows, input.year) };
  spec.protections = villageProtections(input, map);
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

/** The month cells of a village tab: its head's to fill, with the office. */
export function inputsProtectionWhat(tab: string, words: VocabularySettings): string {
  return `ô nhập số liệu tab ${tab}: ${vocabularyOf(words).head} và phòng VH-XH`;
}

/**
 * Locked down (docs/tabs.md, "Who may edit what"): the whole tab is the office's but for the cells
 * its head fills, so nobody else can add rows, columns or a second table. Sheets exempts those
 * cells from the tab's protection (exempt cells are open to every editor of the file), and a range
 * protection over the month columns then narrows them to the head and the office.
 */
function villageProtections(input: VillageTabInput, map: VillageTabMap): ProtectionSpec[] {
  const name = input.name;
  const withHead = isPlausibleEmail(input.headEmail) ? [...input.office, input.headEmail] : [...input.office];
  const unprotected = openInputBlocks(map, approvedMonthsIn(input.grid));
  const months = monthColumnsBlock(map);
  return [
    { ...ownProtection(null, `tab ${name}: chỉ phòng VH-XH sửa, trừ các ô nhập số liệu`, input.office), unprotected },
    ...(months ? [ownProtection(months, inputsProtectionWhat(name, input.words), withHead)] : []),
  ];
}

/** Every month column, from the first row under the header to the last row of the table; null without months. */
function monthColumnsBlock(map: VillageTabMap): Block | null {
  const cols = map.monthCols.filter((c) => c >= 0);
  if (cols.length === 0) return null;
  const first = Math.min(...cols);
  return block(map.headerRow + 2, first + 1, Math.max(...map.rows.values()) - map.headerRow, Math.max(...cols) - first + 1);
}

/** Rows the add-on alone writes: the stamp and the approval date. */
const OFFICE_ROWS: readonly string[] = [STATUS_CODES.submittedAt, STATUS_CODES.approvedAt];

/**
 * The cells a head fills, as blocks: the month columns not approved (in runs of adjacent columns)
 * across the table's rows but NGAY_NOP and DA_DUYET (in runs of adjacent rows). An approved month,
 * left out, falls back under the tab's protection: office-only (docs/periods-and-status.md, "Approval").
 */
export function openInputBlocks(map: VillageTabMap, approvedMonths: readonly number[]): Block[] {
  const officeRows = OFFICE_ROWS.map((code) => map.rows.get(code));
  const tableRows = Array.from({ length: Math.max(...map.rows.values()) - map.headerRow }, (_, i) => map.headerRow + 1 + i);
  const rows = runsOf(tableRows.filter((r) => !officeRows.includes(r)));
  const cols = runsOf(MONTHS.filter((m) => !approvedMonths.includes(m)).map((m) => map.monthCols[m - 1]).filter((c) => c >= 0).sort((a, b) => a - b));
  return cols.flatMap((c) => rows.map((r) => block(r.first + 1, c.first + 1, r.count, c.count)));
}

/** Sorted positions as runs of consecutive ones. */
function runsOf(positions: readonly number[]): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (const p of positions) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === p) last.count++;
    else runs.push({ first: p, count: 1 });
  }
  return runs;
}

