import type { EmuDataValidation } from './dataValidation';
import type { CellValue, Stored } from './values';

export interface BorderEdge {
  color: string;
  style: string;
}

export interface Borders {
  top?: BorderEdge;
  left?: BorderEdge;
  bottom?: BorderEdge;
  right?: BorderEdge;
}

export interface CellFormat {
  numberFormat?: string;
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  fontSize?: number;
  fontStyle?: string;
  fontFamily?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  borders?: Borders;
}

export interface Cell {
  value: CellValue;
  formula?: string;
  note?: string;
  format: CellFormat;
  validation?: EmuDataValidation;
}

/** What Apps Script reports for a cell that never had the attribute set. */
export const FORMAT_DEFAULTS = {
  numberFormat: 'General',
  background: '#ffffff',
  fontWeight: 'normal',
  fontColor: '#000000',
  fontSize: 10,
  fontStyle: 'normal',
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  wrapStrategy: 'OVERFLOW',
} as const;

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  orange: '#ffa500', gray: '#808080', grey: '#808080', purple: '#800080', lime: '#00ff00', transparent: '#ffffff',
};

/** Sheets reports colours as lower-case #rrggbb whatever CSS form was set. */
export function normalizeColor(c: string): string {
  const s = c.trim().toLowerCase();
  if (NAMED_COLORS[s]) return NAMED_COLORS[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return s;
}

/** Puts what a write stores into a cell; a format Sheets picks by itself never replaces a set one. */
export function putStored(cell: Cell, stored: Stored): void {
  cell.value = stored.value;
  if (stored.formula) cell.formula = stored.formula;
  else delete cell.formula;
  if (stored.autoFormat && !cell.format.numberFormat) cell.format.numberFormat = stored.autoFormat;
}

export function cloneCell(c: Cell): Cell {
  return { ...c, format: { ...c.format, ...(c.format.borders && { borders: { ...c.format.borders } }) } };
}
