/** Creating and repairing a village's tab; the layout itself lives in core/villageTab. */
import { columnLetter } from '../core/shared/a1';
import { PALETTE } from '../core/shared/palette';
import type { IndicatorSetting } from '../core/config/settings';
import { TAB_LOG } from '../core/workbook/tabNames';
import {
  FIRST_MONTH_COL,
  FROZEN_COLUMNS,
  MONTHS,
  STATUS_CODES,
  indicatorRowLabels,
  locateVillageTab,
  planVillageTabRepair,
  statusRowLabels,
  villageTabLayout,
  type VillageTabMap,
} from '../core/workbook/villageTabLayout';
import { styleHeader, styleHint, styleTitle } from './styles';
import { readGrid, writeRows } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type VillageTabOutcome = 'created' | 'repaired' | 'unchanged' | 'unrecognised';

export interface VillageTabResult {
  sheet: Sheet;
  outcome: VillageTabOutcome;
  added: string[];
  /** Months whose column is missing: setup will not guess where a person moved or deleted it. */
  missingMonths: number[];
  /** Where things are in the tab now; null when unrecognised. */
  map: VillageTabMap | null;
}

export function ensureVillageSheet(ss: Spreadsheet, name: string, year: number, indicators: readonly IndicatorSetting[]): VillageTabResult {
  const existing = ss.getSheetByName(name);
  if (!existing) {
    const sheet = createVillageSheet(ss, name);
    return { sheet, outcome: 'created', added: [], missingMonths: [], map: fillFreshLayout(sheet, name, year, indicators) };
  }
  const grid = readGrid(existing);
  const map = locateVillageTab(grid);
  if (!map) {
    const blank = grid.every((row) => row.every((v) => v === ''));
    if (!blank) return { sheet: existing, outcome: 'unrecognised', added: [], missingMonths: [], map: null };
    return { sheet: existing, outcome: 'created', added: [], missingMonths: [], map: fillFreshLayout(existing, name, year, indicators) };
  }
  const added = repairVillageSheet(existing, map, indicators);
  const current = added.length > 0 ? (locateVillageTab(readGrid(existing)) as VillageTabMap) : map;
  formatVillageSheet(existing, current, indicators, year);
  const missingMonths = planVillageTabRepair(current, indicators).missingMonths;
  return { sheet: existing, outcome: added.length > 0 ? 'repaired' : 'unchanged', added, missingMonths, map: current };
}

/** Village tabs go before `Nhật ký`, which stays last. */
function createVillageSheet(ss: Spreadsheet, name: string): Sheet {
  const log = ss.getSheetByName(TAB_LOG);
  return log ? ss.insertSheet(name, log.getIndex() - 1) : ss.insertSheet(name);
}

function fillFreshLayout(sheet: Sheet, name: string, year: number, indicators: readonly IndicatorSetting[]): VillageTabMap {
  const layout = villageTabLayout(name, year, indicators);
  writeRows(sheet, 1, layout.rows);
  styleTitle(sheet.getRange(1, 1));
  // Sheets refuses a merge across the freeze line (docs/tabs.md), so the help spans the frozen columns only.
  styleHint(sheet.getRange(2, 1, 1, FROZEN_COLUMNS).merge());
  sheet.setRowHeight(2, 84);
  sheet.setColumnWidth(1, 90);
  sheet.setColumnWidth(2, 300);
  sheet.setColumnWidth(3, 60);
  sheet.setColumnWidths(FIRST_MONTH_COL + 1, MONTHS.length, 78);
  const map = locateVillageTab(layout.rows) as VillageTabMap;
  formatVillageSheet(sheet, map, indicators, year);
  return map;
}

/** Inserts rows for applied indicators and status rows the tab lacks, above the status rows. */
function repairVillageSheet(sheet: Sheet, map: VillageTabMap, indicators: readonly IndicatorSetting[]): string[] {
  const plan = planVillageTabRepair(map, indicators);
  const added: string[] = [];
  if (plan.missingIndicators.length > 0) {
    const statusRows = Object.values(STATUS_CODES).map((c) => map.rows.get(c)).filter((r): r is number => r !== undefined);
    const lastIndicatorRow = Math.max(map.headerRow, ...[...map.rows.values()].filter((r) => !statusRows.includes(r)));
    const at = (statusRows.length > 0 ? Math.min(...statusRows) : lastIndicatorRow + 1) + 1; // 1-based
    sheet.insertRowsBefore(at, plan.missingIndicators.length);
    writeRows(sheet, at, plan.missingIndicators.map(indicatorRowLabels), map.codeCol + 1);
    added.push(...plan.missingIndicators.map((i) => i.code));
  }
  if (plan.missingStatus.length > 0) {
    const last = sheet.getLastRow();
    writeRows(sheet, last + 1, plan.missingStatus.map(statusRowLabels), map.codeCol + 1);
    added.push(...plan.missingStatus);
  }
  return added;
}

/**
 * Formatting, validation and checkboxes, applied to the rows where the codes are found, so a tab
 * someone rearranged is formatted where its data really is. Values are never touched.
 */
function formatVillageSheet(sheet: Sheet, map: VillageTabMap, indicators: readonly IndicatorSetting[], year: number): void {
  const headerRow = map.headerRow + 1;
  const monthCols = map.monthCols.filter((c) => c >= 0).map((c) => c + 1);
  if (monthCols.length === 0) return;
  const firstCol = Math.min(...monthCols);
  const numCols = Math.max(...monthCols) - firstCol + 1;
  styleHeader(sheet.getRange(headerRow, 1, 1, firstCol + numCols - 1));
  sheet.setFrozenRows(headerRow);
  sheet.setFrozenColumns(map.codeCol + FROZEN_COLUMNS);

  const help: Record<string, string> = {
    TY_LE: 'Số nguyên ≥ 0: tổng số LŨY KẾ tính đến cuối tháng (không giảm so với tháng trước). Để trống nếu chưa có số.',
    SO_LUONG: 'Số nguyên ≥ 0: số phát sinh TRONG THÁNG. Không có thì ghi 0.',
    TRANG_THAI: 'Số nguyên ≥ 0: số hiện tại vào cuối tháng.',
  };
  for (const run of kindRuns(map, indicators)) {
    // One rule per run of rows: Sheets shifts the formula's relative references to each cell.
    const cell = `${columnLetter(firstCol)}${run.first + 1}`;
    sheet.getRange(run.first + 1, firstCol, run.count, numCols).setNumberFormat('#,##0').setHorizontalAlignment('right').setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireFormulaSatisfied(`=AND(ISNUMBER(${cell}),${cell}>=0,${cell}=INT(${cell}))`)
        .setAllowInvalid(false)
        .setHelpText(help[run.kind])
        .build(),
    );
  }
  const submittedRow = map.rows.get(STATUS_CODES.submitted);
  if (submittedRow !== undefined) {
    // requireCheckbox, not insertCheckboxes: the latter resets every tick to false.
    sheet.getRange(submittedRow + 1, firstCol, 1, numCols).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.getRange(submittedRow + 1, 1, 1, firstCol + numCols - 1).setBackground(PALETTE.submittedRowBg).setFontWeight('bold');
  }
  const stampRow = map.rows.get(STATUS_CODES.submittedAt);
  if (stampRow !== undefined) {
    sheet.getRange(stampRow + 1, 1, 1, firstCol + numCols - 1).setBackground(PALETTE.autoRowBg).setFontColor(PALETTE.hint);
    sheet.getRange(stampRow + 1, firstCol, 1, numCols).setNumberFormat('dd/MM/yyyy').setHorizontalAlignment('center');
  }
  const noteRow = map.rows.get(STATUS_CODES.note);
  if (noteRow !== undefined) sheet.getRange(noteRow + 1, firstCol, 1, numCols).setWrap(true).setNumberFormat('@');
  const bodyRows = Math.max(1, ...map.rows.values()) + 1 - headerRow;
  sheet.getRange(headerRow + 1, map.codeCol + 1, bodyRows, 1).setFontColor(PALETTE.codeFg).setFontSize(8);
  sheet.getRange(headerRow + 1, map.codeCol + 2, bodyRows, 1).setWrap(true);
  setMonthShading(sheet, headerRow, firstCol, numCols, bodyRows, year);
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
function setMonthShading(sheet: Sheet, headerRow: number, firstCol: number, numCols: number, bodyRows: number, year: number): void {
  const body = sheet.getRange(headerRow + 1, firstCol, bodyRows, numCols);
  const header = sheet.getRange(headerRow, firstCol, 1, numCols);
  const head = `${columnLetter(firstCol)}$${headerRow}`;
  const monthOf = `VALUE(SUBSTITUTE(${head},"Tháng ",""))`;
  const future = `=OR(YEAR(TODAY())<${year},AND(YEAR(TODAY())=${year},${monthOf}>MONTH(TODAY())))`;
  const current = `=AND(YEAR(TODAY())=${year},${monthOf}=MONTH(TODAY()))`;
  const ours = [
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(current).setBackground(PALETTE.currentMonthHeaderBg).setFontColor('#000000').setRanges([header]).build(),
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(future).setBackground(PALETTE.futureMonthBg).setFontColor('#999999').setRanges([body]).build(),
  ];
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const formula = rule.getBooleanCondition()?.getCriteriaValues()[0];
    return !(typeof formula === 'string' && formula.includes('SUBSTITUTE(') && formula.includes('"Tháng "'));
  });
  sheet.setConditionalFormatRules([...kept, ...ours]);
}
