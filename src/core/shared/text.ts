/** Vietnamese text and number formatting shared by every tab, message and email. */

/**
 * Canonical form for comparing names people type: compatibility forms folded (NFKC: fullwidth
 * letters and digits, ligatures), invisible characters removed, trimmed, inner spaces collapsed,
 * case-folded. So "Thôn 1\u200b" and "ＴＨÔＮ  1" are the same name as "Thôn 1" (docs/tabs.md).
 */
export function normalizeName(text: unknown): string {
  if (text === '' || text === null || text === undefined) return '';
  // Unicode has no Vietnamese-specific case mappings (only Lithuanian, Turkish and Azeri have), so
  // toLowerCase() gives what toLocaleLowerCase('vi') would, several times faster: names are
  // compared on every cell of every header row of every tab.
  return collapseSpaces(withoutInvisible(String(text).normalize('NFKC'))).toLowerCase();
}

export function sameName(a: unknown, b: unknown): boolean {
  return normalizeName(a) === normalizeName(b);
}

/**
 * Characters that show as nothing yet make two texts differ: zero-width space, non-joiner and
 * joiner, word joiner, byte order mark, soft hyphen. One pattern to test (cheap, and most text has
 * none), one to remove them all.
 */
const HAS_INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** `text` without its invisible characters. */
export function withoutInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** `text` with each invisible character written out, so a message can show why two names differ: `Thôn 1⟨ký tự ẩn U+200B⟩`. */
export function revealInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, (ch) => `⟨ký tự ẩn U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}⟩`) : text;
}

/** Whitespace other than a lone space (`\s` includes no-break spaces). */
const UNTIDY_SPACE = /[^\S ]| {2}/;
const SPACE_RUNS = /\s+/g;

/** Clean display form of something a person typed: NFC, trimmed, inner spaces collapsed. */
export function tidyText(text: unknown): string {
  if (text === '' || text === null || text === undefined) return '';
  return collapseSpaces(String(text).normalize('NFC'));
}

/**
 * Text of several lines as a person typed it (a `Ghi chú`, `Nơi nhận`): NFC, each line trimmed,
 * blank lines at either end dropped, the line breaks kept.
 */
export function tidyLines(text: unknown): string {
  if (text === '' || text === null || text === undefined) return '';
  const lines = String(text).normalize('NFC').split(/\r\n|\r|\n/).map((line) => line.trim());
  const first = lines.findIndex((line) => line !== '');
  if (first < 0) return '';
  const last = lines.length - 1 - [...lines].reverse().findIndex((line) => line !== '');
  return lines.slice(first, last + 1).join('\n');
}

function collapseSpaces(text: string): string {
  // Testing is much cheaper than replacing, and most text has nothing to collapse.
  return (UNTIDY_SPACE.test(text) ? text.replace(SPACE_RUNS, ' ') : text).trim();
}

/** `thôn` → `Thôn`: the first letter upper case, Vietnamese rules, the rest as written (`VNeID` stays). */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** `Tỉnh Tuyên Quang` → `tỉnh Tuyên Quang`: the first letter lower case, as inside a sentence, the rest as written. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/** `1234567` → `1.234.567` (Vietnamese grouping). */
export function formatInt(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  if (digits.length <= 3) return sign + digits;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A ratio 0.855 → `85,5%`; one decimal, trailing `,0` dropped. */
export function formatPercent(ratio: number): string {
  return `${formatDecimal(ratio * 100)}%`;
}

/** `85.5` → `85,5`; `80` → `80`. */
export function formatDecimal(value: number, decimals = 1): string {
  const fixed = value.toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = formatInt(Number(whole)) === '0' && whole.startsWith('-') ? '-0' : formatInt(Number(whole));
  return fraction && /[1-9]/.test(fraction) ? `${grouped},${fraction.replace(/0+$/, '')}` : grouped;
}

/**
 * Text that came from a person, made safe to write into a cell: Sheets would turn `=…` into a
 * formula and `0912…`, `1.234`, `TRUE` into numbers or booleans; a leading apostrophe keeps it text.
 */
export function asCellText(text: unknown): string {
  const s = String(text ?? '');
  return s === '' ? '' : `'${s}`;
}

/** HTML-escape for sidebars and emails. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()"]+$/;

export function isPlausibleEmail(text: unknown): boolean {
  return EMAIL.test(String(text ?? '').trim());
}

/** Bytes of `text` in UTF-8, as Apps Script measures a property value. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
