/**
 * What no person should read (issue 13, "Done when"): "thôn" as a word in a ward (and a ward's words
 * in a commune), indicator codes in
 * `Báo cáo`, English words. Each rule returns the offending words of a text, so a report can say
 * where and what.
 */
import { CATALOGUE, DENOMINATOR_CODES } from '../../src/core/config/catalogue';
import { STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import type { ReadableText } from './readableText';

/** A letter, a combining mark or a digit: Vietnamese words are runs of these (NFC or not). */
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

const asWord = (word: string, flags: string) => new RegExp(`(?<!${WORD_CHAR})${word}(?!${WORD_CHAR})`, flags);

/** `thôn`, `Thôn`, `THÔN` on its own, not inside another word. */
const THON = asWord('thôn', 'giu');

export function thonWords(text: string): string[] {
  return [...text.normalize('NFC').matchAll(THON)].map((m) => m[0]);
}

/** A ward's words in a commune: `phường`, `tổ dân phố`, in any case, as words. */
const WARD = asWord('(?:phường|tổ dân phố)', 'giu');

export function wardWords(text: string): string[] {
  return [...text.normalize('NFC').matchAll(WARD)].map((m) => m[0]);
}

/** The codes an official must never read in `Báo cáo`: indicators, denominators, the status rows of a village tab. */
export const REPORT_CODES: readonly string[] = [...CATALOGUE.map((c) => c.code), ...DENOMINATOR_CODES, ...Object.values(STATUS_CODES)];

const CODE_PATTERN = new RegExp(`(?<![A-Za-z0-9_])(?:${[...REPORT_CODES].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_])`, 'g');

export function indicatorCodes(text: string): string[] {
  return [...text.matchAll(CODE_PATTERN)].map((m) => m[0]);
}

/**
 * English words that reach people when platform messages or developer words leak into what they
 * read. Chosen so none is also a Vietnamese syllable written without its marks ("to", "do", "an",
 * "hay", "can" are), so a hit is English. "email" is not in the list: Vietnamese offices write it
 * ("địa chỉ email", "Email phòng VH-XH"), as they write "Zalo" and "Google".
 */
export const ENGLISH_WORDS: readonly string[] = [
  'installed', 'install', 'uninstalled', 'trigger', 'triggers', 'error', 'errors', 'failed', 'failure', 'fail', 'timeout',
  'timed', 'service', 'services', 'exception', 'undefined', 'null', 'true', 'false', 'sheet', 'sheets',
  'spreadsheet', 'spreadsheets', 'document', 'accessing', 'script', 'scripts', 'permission', 'permissions', 'denied',
  'quota', 'exceeded', 'invalid', 'unknown', 'loading', 'cancel', 'submit', 'submitted', 'pending', 'approved',
  'dashboard', 'settings', 'setup', 'reminder', 'reminders', 'digest', 'preview', 'draft', 'warning', 'lock', 'locked',
  'owner', 'editor', 'editors', 'user', 'users', 'function', 'object', 'report', 'reports', 'summary', 'village',
  'villages', 'add-on', 'addon', 'the', 'and', 'of', 'with', 'while', 'please', 'retry', 'try', 'again', 'not', 'found',
];

/** Written only this way by JavaScript: "nan" is also Vietnamese ("nan giải"). */
const EXACT_CASE_WORDS = ['NaN', 'Infinity'];

/** Names of products and services an official uses by name, and the words of Google's own menus. */
export const PRODUCT_NAMES: readonly string[] = ['Google Sheets', 'Google Trang tính', 'Google', 'Gmail', 'Zalo', 'VNeID', 'VssID', 'Smart Hải Phòng'];

const ENGLISH = new RegExp(`(?<!${WORD_CHAR}|-)(?:${ENGLISH_WORDS.join('|')})(?!${WORD_CHAR}|-)`, 'giu');
const EXACT_CASE = new RegExp(`(?<!${WORD_CHAR})(?:${EXACT_CASE_WORDS.join('|')})(?!${WORD_CHAR})`, 'gu');
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** Text with addresses, links and product names blanked: they are not words of the sentence. */
export function withoutNames(text: string): string {
  let out = text.normalize('NFC').replace(URL, ' ').replace(EMAIL_ADDRESS, ' ');
  for (const name of PRODUCT_NAMES) out = out.split(name).join(' ');
  return out;
}

export function englishWords(text: string): string[] {
  const words = withoutNames(text);
  return [...words.matchAll(ENGLISH), ...words.matchAll(EXACT_CASE)].map((m) => m[0]);
}

export interface Hit {
  rule: string;
  where: string;
  words: string[];
  text: string;
}

/** Every text of `texts` that `rule` finds words in. */
export function hitsOf(rule: string, find: (text: string) => string[], texts: readonly ReadableText[]): Hit[] {
  return texts.flatMap((t) => {
    const words = find(t.text);
    return words.length > 0 ? [{ rule, where: t.where, words: [...new Set(words)], text: t.text }] : [];
  });
}

/** One line a hit, the text cut around the first word so the report stays readable. */
export function describeHits(hits: readonly Hit[]): string {
  return hits
    .map((h) => {
      const at = Math.max(0, h.text.indexOf(h.words[0]) - 60);
      const excerpt = `${at > 0 ? '…' : ''}${h.text.slice(at, at + 160).replace(/\s+/g, ' ')}${at + 160 < h.text.length ? '…' : ''}`;
      return `- [${h.rule}] ${h.where} — ${h.words.join(', ')}: ${excerpt}`;
    })
    .join('\n');
}
