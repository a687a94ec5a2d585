/**
 * How many lines a text takes in a wrapped, merged cell of the printed report. Sheets does not grow
 * a merged row to fit its text, so the report sets each height itself: too low cuts the text, too
 * high leaves blank gaps on the page. A flat width per character overestimates Vietnamese prose
 * (many short words, narrow spaces) by a line in five, so this measures with Times New Roman's own
 * advance widths (the Adobe metrics, per 1000 em; Liberation Serif has the same) and wraps at spaces
 * as Sheets does.
 */

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const LOWER_WIDTHS = [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444];
const UPPER_WIDTHS = [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611];
const OTHER: Record<string, number> = {
  ' ': 250, ',': 250, '.': 250, ':': 278, ';': 278, '/': 278, '(': 333, ')': 333, '-': 333, '–': 500, '%': 833,
  '…': 1000, '“': 444, '”': 444, '"': 408, "'": 180, 'đ': 500, 'Đ': 722, '+': 564, '=': 564,
};
const DIGIT = 500;
/** Bold Times is a little wider, italic a little narrower (measured on the rendered report). */
const BOLD_FACTOR = 1.08;
const ITALIC_FACTOR = 0.97;
/** What Sheets keeps free inside a cell, in pixels (padding on both sides). */
const CELL_PADDING_PX = 8;
/**
 * The metrics are the font's own (Liberation Serif, which LibreOffice prints with, has the same), so
 * no margin beyond the cell padding: a margin of 2% already added a blank line under one paragraph in three.
 */
const SAFETY = 1;
const PX_PER_PT = 4 / 3;
/** Times New Roman's line spacing (ascent + descent + gap, in em), a little over for safety. */
const LINE_SPACING = 1.17;
/** Space above and below the text inside a row. */
const ROW_PADDING_PX = 6;

const WIDTHS = new Map<string, number>([
  ...[...LOWER].map((c, i) => [c, LOWER_WIDTHS[i]] as const),
  ...[...LOWER.toUpperCase()].map((c, i) => [c, UPPER_WIDTHS[i]] as const),
  ...Object.entries(OTHER),
]);

/** Advance width of a character in 1/1000 em: a Vietnamese letter is its base letter (the marks sit above or below it). */
function charWidth(char: string): number {
  const known = WIDTHS.get(char);
  if (known !== undefined) return known;
  if (char >= '0' && char <= '9') return DIGIT;
  return WIDTHS.get(char.normalize('NFD').charAt(0)) ?? DIGIT;
}

/** Width in pixels of `text` at `fontSize` points. */
export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
}

export function textWidthPx(text: string, fontSize: number, style: FontStyle = {}): number {
  let units = 0;
  for (const char of text) units += charWidth(char);
  return (units / 1000) * fontSize * PX_PER_PT * (style.bold ? BOLD_FACTOR : 1) * (style.italic ? ITALIC_FACTOR : 1) * SAFETY;
}

/** Lines `text` takes in a wrapped cell `widthPx` wide: words wrap at spaces, a word too long for a line is broken. */
export function wrappedLines(text: string, widthPx: number, fontSize: number, style: FontStyle = {}): number {
  const room = Math.max(1, widthPx - CELL_PADDING_PX);
  const space = textWidthPx(' ', fontSize, style);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const width = textWidthPx(word, fontSize, style);
      const needed = used === 0 ? width : used + space + width;
      if (needed <= room) {
        used = needed;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell runs over as many lines as it needs.
      lines += Math.floor(width / room);
      used = width % room;
    }
  }
  return lines;
}

/** Row height in pixels for `lines` lines at `fontSize` points, in the font's own line spacing. */
export function linesHeightPx(lines: number, fontSize: number): number {
  return Math.ceil(lines * fontSize * PX_PER_PT * LINE_SPACING + ROW_PADDING_PX);
}
