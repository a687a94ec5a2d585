import { rectToA1 } from './spreadsheet/a1';
import type { CellFormat } from './spreadsheet/cell';
import { displayValue } from './spreadsheet/numberFormat';
import type { EmuSheet } from './spreadsheet/sheet';
import type { EmuSpreadsheet } from './spreadsheet/spreadsheet';
import { CellError } from './spreadsheet/values';

/** A deep, read-only copy of the workbook for assertions and the xlsx exporter. */
export interface CellSnapshot {
  row: number;
  col: number;
  a1: string;
  /** Error cells carry their code ('#REF!'); blanks are ''. */
  value: string | number | boolean | Date;
  isError: boolean;
  formula?: string;
  note?: string;
  displayValue: string;
  format: CellFormat;
  validation?: { criteria: string; values: unknown[]; helpText: string; allowInvalid: boolean };
}

export interface ProtectionSnapshot {
  type: 'SHEET' | 'RANGE';
  range: string | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  unprotectedRanges: string[];
}

export interface SheetSnapshot {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  gridlinesHidden: boolean;
  /** Only explicitly set sizes, keyed by 1-based position. */
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  hiddenRows: number[];
  hiddenColumns: number[];
  autoResizedColumns: number[];
  merges: string[];
  cells: CellSnapshot[];
  conditionalFormats: { ranges: string[]; criteria?: string; values: unknown[]; background?: string; fontColor?: string; bold?: boolean; italic?: boolean }[];
  charts: { chartId: number | null; chartType?: string; ranges: string[]; options: Record<string, unknown>; position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number }; numHeaders?: number }[];
  protections: ProtectionSnapshot[];
}

export interface WorkbookSnapshot {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  editors: string[];
  activeSheet: string;
  sheets: SheetSnapshot[];
}

const sized = (arr: (number | undefined)[]) =>
  Object.fromEntries(arr.flatMap((v, i) => (v === undefined ? [] : [[i + 1, v]])));
const flagged = (arr: boolean[]) => arr.flatMap((v, i) => (v ? [i + 1] : []));

function sheetSnapshot(sheet: EmuSheet, ss: EmuSpreadsheet): SheetSnapshot {
  const cells: CellSnapshot[] = [];
  sheet.grid.forEach((line, r) => line?.forEach((cell, c) => {
    if (!cell) return;
    const empty = cell.value === '' && !cell.formula && !cell.note && !cell.validation && Object.keys(cell.format).length === 0;
    if (empty) return;
    const isError = cell.value instanceof CellError;
    const v = cell.value;
    cells.push({
      row: r + 1,
      col: c + 1,
      a1: rectToA1({ row: r + 1, col: c + 1, numRows: 1, numCols: 1 }),
      value: v instanceof CellError ? v.code : v instanceof Date ? new Date(v.getTime()) : v,
      isError,
      ...(cell.formula && { formula: cell.formula }),
      ...(cell.note && { note: cell.note }),
      displayValue: displayValue(cell.value, cell.format.numberFormat, ss.locale, ss.timeZone),
      format: { ...cell.format, ...(cell.format.borders && { borders: { ...cell.format.borders } }) },
      ...(cell.validation && {
        validation: {
          criteria: cell.validation.spec.criteria ?? '',
          values: [...cell.validation.spec.values],
          helpText: cell.validation.spec.helpText,
          allowInvalid: cell.validation.spec.allowInvalid,
        },
      }),
    });
  }));
  const a1 = (r: { sheet: EmuSheet; getA1Notation(): string }) => (r.sheet === sheet ? r.getA1Notation() : `${r.sheet.name}!${r.getA1Notation()}`);
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    index: ss.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxCols,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenCols,
    tabColor: sheet.tabColor,
    gridlinesHidden: sheet.gridlinesHidden,
    columnWidths: sized(sheet.colWidths),
    rowHeights: sized(sheet.rowHeights),
    hiddenRows: flagged(sheet.hiddenRows),
    hiddenColumns: flagged(sheet.hiddenCols),
    autoResizedColumns: [...sheet.autoResized],
    merges: sheet.merges.map(rectToA1),
    cells,
    conditionalFormats: sheet.cfRules.map(({ spec }) => ({
      ranges: spec.ranges.map(a1), criteria: spec.criteria, values: [...spec.values],
      ...(spec.background && { background: spec.background }), ...(spec.fontColor && { fontColor: spec.fontColor }),
      ...(spec.bold !== undefined && { bold: spec.bold }), ...(spec.italic !== undefined && { italic: spec.italic }),
    })),
    charts: sheet.charts.map(({ spec }) => ({
      chartId: spec.chartId ?? null, chartType: spec.chartType, ranges: spec.ranges.map(a1), options: { ...spec.options },
      position: { ...spec.position }, ...(spec.numHeaders !== undefined && { numHeaders: spec.numHeaders }),
    })),
    protections: sheet.protections.map((p) => ({
      type: p.type, range: p.rect ? rectToA1(p.rect) : null, description: p.description, editors: [...p.editors],
      warningOnly: p.warningOnly, domainEdit: p.domainEdit, unprotectedRanges: p.unprotected.map(rectToA1),
    })),
  };
}

export function snapshotWorkbook(ss: EmuSpreadsheet): WorkbookSnapshot {
  return {
    id: ss.id,
    name: ss.name,
    timeZone: ss.timeZone,
    locale: ss.locale,
    owner: ss.owner,
    editors: [...ss.editors],
    activeSheet: ss.activeSheet.name,
    sheets: ss.sheets.map((s) => sheetSnapshot(s, ss)),
  };
}
