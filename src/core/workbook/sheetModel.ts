/**
 * A tab the add-on rewrites whole (Tổng hợp, Báo cáo), laid out row by row into a TabSpec that owns
 * every cell's value and format, so layouts are tested in Node and written in a fixed number of calls.
 */
import { asCellText } from '../shared/text';
import { FORMAT_ATTRIBUTES, emptyTabSpec, type FormatGrids, type ProtectionSpec, type TabSpec } from './tabSpec';

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface CellFormat {
  /** Null: no fill (white would hide the gridlines). */
  background?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  /** Default: right for numbers, left otherwise. */
  align?: HorizontalAlign;
  valign?: VerticalAlign;
  wrap?: boolean;
  /** Default: `#,##0` for numbers, `@` (text) otherwise. */
  numberFormat?: string;
}

/** 1-based, as Sheets counts. */
export interface Block {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ChartModel {
  title: string;
  /** First range: category labels; the others: series. Each includes its header row. */
  ranges: Block[];
  anchorRow: number;
  anchorCol: number;
  width: number;
  height: number;
  colors: string[];
  axisTitle: string;
}

/**
 * Every key of CellFormat, in one order. Cell formats start from it so they all share one shape,
 * which keeps build()'s reads of thousands of cells fast in V8; a key left undefined means the default.
 */
const NO_FORMAT: Readonly<Record<keyof CellFormat, undefined>> = {
  background: undefined,
  bold: undefined,
  italic: undefined,
  fontSize: undefined,
  fontColor: undefined,
  align: undefined,
  valign: undefined,
  wrap: undefined,
  numberFormat: undefined,
};

/** Where the built tab goes and who may edit it. */
export interface WholeTab {
  name: string;
  /** 0-based index for the tab when it has to be created. */
  position: number;
  protections: ProtectionSpec[];
  hiddenGridlines?: boolean;
}

export class WholeTabBuilder {
  private readonly values: unknown[][] = [];
  /**
   * The cells of a row share one format object until a cell is formatted on its own (formatCell
   * replaces a cell's object, never changes it): a 500-village tab has thousands of cells, and a
   * copy for each was a large part of the time spent laying it out.
   */
  private readonly formats: CellFormat[][] = [];
  private readonly merges: Block[] = [];
  private readonly borders: Block[] = [];
  private readonly rules: Block[] = [];
  private readonly rowHeights: { row: number; height: number }[] = [];
  private readonly charts: ChartModel[] = [];
  private frozenRows = 0;

  constructor(
    readonly width: number,
    private readonly base: { fontSize: number; fontFamily: string },
  ) {}

  /** 1-based number of the last row added (0 when empty). */
  get lastRow(): number {
    return this.values.length;
  }

  /**
   * Adds a row (values beyond the width are an error in the layout) and returns its number.
   * `cells[i]`: what column i + 1 has beyond the row's format.
   */
  addRow(values: readonly unknown[], format: CellFormat = {}, cells: readonly CellFormat[] = []): number {
    if (values.length > this.width) throw new Error(`Row of ${values.length} cells in a ${this.width}-column layout`);
    const row: unknown[] = [];
    for (let c = 0; c < this.width; c++) row.push(c < values.length ? values[c] : '');
    this.values.push(row);
    // A copy, so a caller changing its format object later does not change this row.
    this.formats.push(Array<CellFormat>(this.width).fill({ ...NO_FORMAT, ...format }));
    cells.forEach((cell, c) => this.formatCell(this.values.length, c + 1, cell));
    return this.values.length;
  }

  addBlank(height?: number): number {
    const row = this.addRow([]);
    if (height !== undefined) this.setRowHeight(row, height);
    return row;
  }

  format(block: Block, format: CellFormat): void {
    for (let r = block.row; r < block.row + block.numRows; r++) {
      for (let c = block.col; c < block.col + block.numCols; c++) this.formatCell(r, c, format);
    }
  }

  formatCell(row: number, col: number, format: CellFormat): void {
    const cells = this.formats[row - 1];
    cells[col - 1] = { ...cells[col - 1], ...format };
  }

  merge(block: Block): void {
    if (block.numRows * block.numCols > 1) this.merges.push(block);
  }

  /** A table: a thin border around and inside the block. */
  border(block: Block): void {
    this.borders.push(block);
  }

  /** A thin line along the top of the block (the short rules under headings of Nghị định 30). */
  rule(block: Block): void {
    this.rules.push(block);
  }

  /** Wrapped text in merged cells does not grow its row by itself. */
  setRowHeight(row: number, height: number): void {
    this.rowHeights.push({ row, height });
  }

  freezeRows(rows: number): void {
    this.frozenRows = rows;
  }

  addChart(chart: ChartModel): void {
    this.charts.push(chart);
  }

  build(tab: WholeTab, columnWidths: readonly number[]): TabSpec {
    const values: unknown[][] = [];
    const formats = Object.fromEntries(FORMAT_ATTRIBUTES.map((attribute) => [attribute, []])) as unknown as Required<FormatGrids>;
    this.values.forEach((rowValues, r) => {
      const cells = this.formats[r];
      const isNumber = (c: number) => typeof rowValues[c] === 'number';
      // Every string goes in as text: names and labels come from people, and `=…` must not run.
      values.push(rowValues.map((value) => (typeof value === 'string' ? asCellText(value) : value)));
      formats.background.push(cells.map((f) => f.background ?? null));
      formats.fontWeight.push(cells.map((f) => (f.bold ? 'bold' : 'normal')));
      formats.fontStyle.push(cells.map((f) => (f.italic ? 'italic' : 'normal')));
      formats.fontSize.push(cells.map((f) => f.fontSize ?? this.base.fontSize));
      formats.fontColor.push(cells.map((f) => f.fontColor ?? '#000000'));
      formats.fontFamily.push(cells.map(() => this.base.fontFamily));
      formats.horizontalAlignment.push(cells.map((f, c) => f.align ?? (isNumber(c) ? 'right' : 'left')));
      formats.verticalAlignment.push(cells.map((f) => f.valign ?? 'middle'));
      formats.wrap.push(cells.map((f) => f.wrap ?? false));
      formats.numberFormat.push(cells.map((f, c) => f.numberFormat ?? (isNumber(c) ? '#,##0' : '@')));
    });
    return {
      ...emptyTabSpec(tab.name, tab.position, 0, this.width),
      rows: values.length,
      values,
      formats,
      merges: this.merges,
      ownsAllMerges: true,
      frozenRows: this.frozenRows,
      frozenColumns: 0,
      columnWidths: [...columnWidths],
      rowHeights: this.rowHeights,
      hiddenGridlines: tab.hiddenGridlines ?? null,
      protections: tab.protections,
      borders: this.borders,
      rules: this.rules,
      charts: this.charts,
      ownsWholeTab: true,
    };
  }
}
