/**
 * Plain-text tables for a terminal of CONSOLE_WIDTH columns. Widths count characters of the NFC
 * form: every Vietnamese letter, diacritics and all, has a precomposed code point and takes one column.
 */
export const CONSOLE_WIDTH = 100;

export function columnsOf(text: string): number {
  return Array.from(text.normalize('NFC')).length;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columnsOf(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - columnsOf(text))) + text;

/** Words of `text` in lines of at most `width` columns; a word longer than a line is cut, never lost. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (columnsOf(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (columnsOf(rest) > width) {
      const chars = Array.from(rest.normalize('NFC'));
      lines.push(chars.slice(0, width).join(''));
      rest = chars.slice(width).join('');
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** `lead` then `text` wrapped to the console, later lines indented under the text. */
export function hangingLines(lead: string, text: string, width = CONSOLE_WIDTH): string[] {
  const indent = columnsOf(lead);
  return wrapWords(text, width - indent).map((line, i) => (i === 0 ? lead : ' '.repeat(indent)) + line);
}

export interface Column {
  /** Header lines, top to bottom (a header may take two lines to keep the column narrow). */
  header: string[];
  align: 'left' | 'right';
  /** Fixed width; the one column without it (the label) takes the rest of the console. */
  width?: number;
}


/**
 * A table fitted to `width`, `gap` spaces between columns: fixed columns keep their width, the label column takes the rest (at most
 * what its longest cell needs) and wraps its text onto extra lines rather than cutting it.
 */
export function table(columns: readonly Column[], rows: readonly string[][], { width = CONSOLE_WIDTH, gap = 2 } = {}): string[] {
  const GAP = ' '.repeat(gap);
  const fixed = columns.reduce((n, c) => n + (c.width ?? 0), 0) + gap * (columns.length - 1);
  const needed = (i: number) => Math.max(...[...columns[i].header, ...rows.map((r) => r[i] ?? '')].map(columnsOf));
  const widths = columns.map((c, i) => c.width ?? Math.min(needed(i), width - fixed));
  const headerLines = Math.max(...columns.map((c) => c.header.length));
  const line = (cells: string[]) => cells.map((cell, i) => (columns[i].align === 'left' ? padEnd(cell, widths[i]) : padStart(cell, widths[i]))).join(GAP).trimEnd();
  const out: string[] = [];
  for (let h = 0; h < headerLines; h++) out.push(line(columns.map((c) => c.header[h - (headerLines - c.header.length)] ?? '')));
  out.push('-'.repeat(widths.reduce((n, w) => n + w, 0) + GAP.length * (columns.length - 1)));
  for (const row of rows) {
    const wrapped = row.map((cell, i) => (columns[i].align === 'left' ? wrapWords(cell, widths[i]) : [cell]));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) out.push(line(wrapped.map((w) => w[k] ?? '')));
  }
  return out;
}
