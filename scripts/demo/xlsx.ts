/**
 * Writes the emulated workbook as .xlsx so a person can open what the add-on built: values, number
 * formats, fonts, fills, alignment, borders, merges, sizes, frozen panes, notes, validations,
 * conditional formats. Dates are written as Vietnam's wall clock, as the spreadsheet shows them.
 * exceljs cannot write charts: the pace chart of `Tổng hợp` goes in as a picture (paceChart.ts).
 */
import ExcelJS from 'exceljs';
import type { SheetSnapshot, WorkbookSnapshot } from '../../emulator';
import { a1Range } from '../../src/core/shared/a1';
import { isDate } from '../../src/core/shared/cellValues';
import { RATE_TABLE_HEADERS } from '../../src/core/reports/summaryLayout';
import { TAB_SUMMARY } from '../../src/core/workbook/tabNames';
import { vnWallClock } from './wallClock';

const PX_PER_CHAR = 7;
const PT_PER_PX = 0.75;
/** LibreOffice and Excel read `[$-42A]` as "Vietnamese", so numbers render as 1.234 and 85,5%. */
const VIETNAMESE = '[$-42A]';

/** The emulator's dates may come from the bundle's own realm, where `instanceof Date` is false. */

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function excelFormat(sheetsFormat: string | undefined): string | undefined {
  if (!sheetsFormat || sheetsFormat === 'General') return undefined;
  if (sheetsFormat === '@') return '@';
  if (/[dyHhs]/.test(sheetsFormat) && !/[#0]/.test(sheetsFormat)) return sheetsFormat.replace(/MM(?!:)/g, 'mm');
  return VIETNAMESE + sheetsFormat;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetSnapshot): void {
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row, c.col);
    // xlsx has no checkbox: show the tick as Sheets draws it.
    const value = c.validation?.criteria === 'CHECKBOX' && typeof c.value === 'boolean' ? (c.value ? '☑' : '☐') : isDate(c.value) ? vnWallClock(c.value) : c.value;
    cell.value = c.formula ? { formula: c.formula.replace(/^=/, ''), result: undefined } as ExcelJS.CellFormulaValue : value === '' ? null : value;
    const f = c.format;
    const numFmt = excelFormat(f.numberFormat);
    if (numFmt) cell.numFmt = numFmt;
    cell.font = {
      name: f.fontFamily ?? 'Arial',
      size: f.fontSize ?? 10,
      bold: f.fontWeight === 'bold',
      italic: f.fontStyle === 'italic',
      ...(f.fontColor && { color: { argb: argb(f.fontColor) } }),
    };
    if (f.background && f.background !== '#ffffff') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.background) } };
    const horizontal = f.horizontalAlignment && f.horizontalAlignment !== 'general' ? (f.horizontalAlignment.replace('normal', 'left') as ExcelJS.Alignment['horizontal']) : undefined;
    const vertical = f.verticalAlignment ? (f.verticalAlignment === 'middle' ? 'middle' : (f.verticalAlignment as ExcelJS.Alignment['vertical'])) : undefined;
    const wrap = Boolean(f.wrap) || f.wrapStrategy === 'WRAP';
    if (horizontal || vertical || wrap) cell.alignment = { horizontal, vertical, wrapText: wrap };
    if (f.borders) {
      const edge = (e?: { color: string; style: string }) => (e ? { style: (e.style.includes('DOUBLE') ? 'double' : e.style.includes('THICK') || e.style.includes('MEDIUM') ? 'medium' : e.style.includes('DASH') ? 'dashed' : 'thin') as ExcelJS.BorderStyle, color: { argb: argb(e.color) } } : undefined);
      cell.border = { top: edge(f.borders.top), left: edge(f.borders.left), bottom: edge(f.borders.bottom), right: edge(f.borders.right) };
    }
    if (c.note) cell.note = c.note;
    if (c.validation?.criteria === 'VALUE_IN_LIST') {
      cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${(c.validation.values[0] as string[]).join(',')}"`] };
    } else if (c.validation?.criteria === 'CUSTOM_FORMULA') {
      cell.dataValidation = { type: 'custom', allowBlank: true, formulae: [String(c.validation.values[0]).replace(/^=/, '')], showInputMessage: true, prompt: c.validation.helpText, showErrorMessage: !c.validation.allowInvalid, error: c.validation.helpText };
    }
  }
  for (const merge of sheet.merges) ws.mergeCells(merge);
  for (const [col, px] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col)).width = px / PX_PER_CHAR;
  for (const [row, px] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = px * PT_PER_PX;
  for (const [row, pt] of wrappedRowHeights(sheet)) ws.getRow(row).height = pt;
  for (const row of sheet.hiddenRows) ws.getRow(row).hidden = true;
  for (const col of sheet.hiddenColumns) ws.getColumn(col).hidden = true;
  if (sheet.frozenRows || sheet.frozenColumns) ws.views = [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }];
  for (const rule of sheet.conditionalFormats) {
    if (rule.criteria !== 'CUSTOM_FORMULA') continue;
    ws.addConditionalFormatting({
      ref: rule.ranges.join(' '),
      rules: [{
        type: 'expression',
        priority: 1,
        formulae: [String(rule.values[0]).replace(/^=/, '')],
        style: {
          ...(rule.background && { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } } }),
          ...(rule.fontColor && { font: { color: { argb: argb(rule.fontColor) } } }),
        },
      }],
    });
  }
}

/**
 * Sheets grows a row to fit wrapped text; an xlsx viewer keeps the default height and the lines
 * overlap. Estimate the lines each wrapped, unmerged cell needs in its column's width.
 */
function wrappedRowHeights(sheet: SheetSnapshot): Map<number, number> {
  const merged = new Set(sheet.merges.map((m) => m.split(':')[0]));
  const heights = new Map<number, number>();
  for (const c of sheet.cells) {
    const wrap = c.format.wrap || c.format.wrapStrategy === 'WRAP';
    if (!wrap || merged.has(c.a1) || sheet.rowHeights[c.row] || typeof c.value !== 'string' || c.value === '') continue;
    const size = c.format.fontSize ?? 10;
    const charsPerLine = Math.max(4, Math.floor((sheet.columnWidths[c.col] ?? 100) / (size * 0.62)));
    const lines = c.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / charsPerLine)), 0);
    const pt = lines * size * 1.35 + 4;
    heights.set(c.row, Math.max(heights.get(c.row) ?? 0, pt));
  }
  return heights;
}

/** Excel's limits on tab names (31 characters, no []:*?/\). */
function excelSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  for (let i = 2; taken.has(base.toLowerCase()); i++) base = `${base.slice(0, 28)}~${i}`;
  taken.add(base.toLowerCase());
  return base;
}

/** A picture for a tab: the pace chart of `Tổng hợp`. */
export interface Picture {
  png: Buffer;
  width: number;
  height: number;
}

/** The rate table of `Tổng hợp`, found by its header labels: the row of its header and its last column. */
function rateTableHeader(sheet: SheetSnapshot): { row: number; lastCol: number } | null {
  const [first, second] = RATE_TABLE_HEADERS;
  const at = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c.value]));
  const header = sheet.cells.find((c) => c.value === first && at.get(`${c.row}:${c.col + 1}`) === second);
  if (!header) return null;
  return { row: header.row, lastCol: Math.max(...sheet.cells.filter((c) => c.row === header.row && c.value !== '').map((c) => c.col)) };
}

/** The chart Tổng hợp inserted beside its rate table (the layout leaves room for it), if any. */
function summaryChart(sheet: SheetSnapshot, table: { row: number }): SheetSnapshot['charts'][number] | undefined {
  return sheet.charts.find((chart) => chart.ranges.some((range) => new RegExp(`^[A-Z]+${table.row}:`).test(range)));
}

/** The size Tổng hợp gave its chart, so the picture fills the room the tab keeps for it. */
export function summaryChartSize(model: WorkbookSnapshot): { width: number; height: number } | null {
  const sheet = model.sheets.find((s) => s.name === TAB_SUMMARY);
  const table = sheet && rateTableHeader(sheet);
  const chart = sheet && table && summaryChart(sheet, table);
  const { width, height } = chart?.options ?? {};
  return typeof width === 'number' && typeof height === 'number' ? { width, height } : null;
}

/**
 * Where the pace chart stands in `Tổng hợp`: at the anchor of the chart the add-on inserted for the
 * rate table, else beside the table (its header row, one blank column after it). 1-based.
 */
export function pictureAnchor(sheet: SheetSnapshot): { row: number; col: number } | null {
  const table = rateTableHeader(sheet);
  if (!table) return null;
  const chart = summaryChart(sheet, table);
  return chart ? { row: chart.position.anchorRow, col: chart.position.anchorColumn } : { row: table.row, col: table.lastCol + 2 };
}

function placePicture(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: SheetSnapshot, picture: Picture): string | null {
  const at = pictureAnchor(sheet);
  if (!at) return null;
  const image = wb.addImage({ buffer: picture.png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, { tl: { col: at.col - 1, row: at.row - 1 }, ext: { width: picture.width, height: picture.height } });
  return a1Range(at.row, at.col, 1, 1);
}

/** Returns the cell where `summaryPicture` was placed (null without one, or without a rate table). */
export async function writeXlsx(model: WorkbookSnapshot, path: string, summaryPicture?: Picture): Promise<string | null> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tổ CNSCĐ add-on (demo)';
  const taken = new Set<string>();
  let placed: string | null = null;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(excelSheetName(sheet.name, taken), {
      pageSetup: { paperSize: 9, orientation: sheet.name === 'Báo cáo' ? 'portrait' : 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 10, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    });
    writeSheet(ws, sheet);
    if (summaryPicture && sheet.name === TAB_SUMMARY) placed = placePicture(wb, ws, sheet, summaryPicture);
  }
  await wb.xlsx.writeFile(path);
  return placed;
}
