/**
 * How many lines a text takes in a wrapped, merged cell of a tab the add-on lays out (Báo cáo in
 * Times New Roman, Tổng hợp in Arial). Sheets does not grow a merged row to fit its text, so the
 * layouts set each height themselves: too low cuts the text, too high leaves blank gaps on the page.
 * A flat width per character overestimates Vietnamese prose (many short words, narrow spaces) by a
 * line in five, so this measures with the fonts' own advance widths (the Adobe metrics of Times and
 * Helvetica, per 1000 em; Times New Roman and Liberation Serif, Arial and Liberation Sans have the
 * same) and wraps at spaces as Sheets does.
 */

export type FontFamily = 'Times New Roman' | 'Arial';

interface FontMetrics {
  lower: readonly number[];
  upper: readonly number[];
  other: Readonly<Record<string, number>>;
  digit: number;
}

const TIMES: FontMetrics = {
  lower: [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444],
  upper: [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611],
  other: {
    ' ': 250, ',': 250, '.': 250, ':': 278, ';': 278, '/': 278, '(': 333, ')': 333, '-': 333, '–': 500, '%': 833,
    '…': 1000, '“': 444, '”': 444, '"': 408, "'": 180, 'đ': 500, 'Đ': 722, '+': 564, '=': 564,
  },
  digit: 500,
};

const ARIAL: FontMetrics = {
  lower: [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500],
  upper: [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611],
  other: {
    ' ': 278, ',': 278, '.': 278, ':': 278, ';': 278, '/': 278, '(': 333, ')': 333, '-': 333, '–': 556, '%': 889,
    '…': 1000, '“': 333, '”': 333, '"': 355, "'": 191, 'đ': 556, 'Đ': 722, '+': 584, '=': 584,
  },
  digit: 556,
};

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
/** Bold is a little wider, italic a little narrower (measured on the rendered report). */
const BOLD_FACTOR = 1.08;
const ITALIC_FACTOR = 0.97;
/** What Sheets keeps free inside a cell, in pixels (padding on both sides). */
const CELL_PADDING_PX = 8;
/**
 * The metrics are the fonts' own, so no margin beyond the cell padding: a margin of 2% already
 * added a blank line under one paragraph in three of the printed report.
 */
const SAFETY = 1;
const PX_PER_PT = 4 / 3;
/** Line spacing (ascent + descent + gap, in em: 1.15 for both fonts), a little over for safety. */
const LINE_SPACING = 1.17;
/** Space above and below the text inside a row. */
const ROW_PADDING_PX = 6;

function widthsOf(metrics: FontMetrics): ReadonlyMap<string, number> {
  return new Map<string, number>([
    ...[...LOWER].map((c, i) => [c, metrics.lower[i]] as const),
    ...[...LOWER.toUpperCase()].map((c, i) => [c, metrics.upper[i]] as const),
    ...Object.entries(metrics.other),
  ]);
}

const FONTS: Readonly<Record<FontFamily, { widths: ReadonlyMap<string, number>; digit: number }>> = {
  'Times New Roman': { widths: widthsOf(TIMES), digit: TIMES.digit },
  Arial: { widths: widthsOf(ARIAL), digit: ARIAL.digit },
};

/** Advance width of a character in 1/1000 em: a Vietnamese letter is its base letter (the marks sit above or below it). */
function charWidth(char: string, font: (typeof FONTS)[FontFamily]): number {
  const known = font.widths.get(char);
  if (known !== undefined) return known;
  if (char >= '0' && char <= '9') return font.digit;
  return font.widths.get(char.normalize('NFD').charAt(0)) ?? font.digit;
}

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  /** Times New Roman unless said. */
  family?: FontFamily;
}

/** Width in pixels of `text` at `fontSize` points. */
export function textWidthPx(text: string, fontSize: number, style: FontStyle = {}): number {
  const font = FONTS[style.family ?? 'Times New Roman'];
  let units = 0;
  for (const char of text) units += charWidth(char, font);
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
