/**
 * The settings form of the Cài đặt sidebar: the settings of `Cấu hình` and the yearly target of each
 * applied rate indicator. The same code runs in the browser (instant messages next to each field)
 * and on the server (which never trusts the browser), so both sides agree.
 */
import { a1 } from '../shared/a1';
import type { Grid } from '../shared/grid';
import { readCount } from '../shared/cellValues';
import { CATALOGUE, catalogueEntry } from './catalogue';
import { SETTING_FIELDS, TARGET_RULE, isValidSetting, readTarget, readTextSetting, weightsWarning, type SettingField, type SettingKey, type Settings } from './settings';
import { locateSettingCells, locateTargetCells, multilineRowHeight, readSettingsGrid, type SettingsReading } from './settingsGrid';
import { asCellText, isPlausibleEmail, normalizeName, tidyText } from '../shared/text';

/** The form's name for the yearly target of an indicator (its code after the prefix). */
export type TargetKey = `target:${string}`;
export type FormKey = SettingKey | TargetKey;

const TARGET_PREFIX = 'target:';
export const targetKey = (code: string): TargetKey => `${TARGET_PREFIX}${code}`;

export type FieldErrors = Partial<Record<FormKey, string>>;

/** `targets`: each yearly target the form holds, by indicator code; null where the plan sets none. */
export type SettingsFormResult = { ok: true; settings: Settings; targets: Map<string, number | null> } | { ok: false; errors: FieldErrors };

/** Reads what the form holds (strings as typed, or numbers) the way the tab itself is read. */
export function parseSettingsForm(values: unknown): SettingsFormResult {
  const input = asRecord(values);
  const coerced: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) coerced[field.key] = coerceField(field, input[field.key]);

  const errors: FieldErrors = {};
  for (const field of SETTING_FIELDS) {
    if (!isValidSetting(field, coerced[field.key])) errors[field.key] = fieldMessage(field, input[field.key]);
  }
  const settings = coerced as Settings;
  if (!errors.officeEmail && settings.officeEmail !== '' && !isPlausibleEmail(settings.officeEmail)) {
    errors.officeEmail = `"${settings.officeEmail}" không phải địa chỉ email hợp lệ.`;
  }
  if (!errors.teamMin && !errors.teamMax && settings.teamMin > settings.teamMax) {
    errors.teamMax = `Số tối đa (${settings.teamMax}) phải lớn hơn hoặc bằng số tối thiểu (${settings.teamMin}).`;
  }
  const targets = new Map<string, number | null>();
  for (const [key, raw] of Object.entries(input)) {
    if (!key.startsWith(TARGET_PREFIX)) continue;
    const target = readTarget(raw);
    if (target.ok) targets.set(key.slice(TARGET_PREFIX.length), target.value);
    else errors[key as TargetKey] = `"${target.shown}" không hợp lệ: ${TARGET_RULE}.`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings, targets };
}

function coerceField(field: SettingField, raw: unknown): unknown {
  if (field.type === 'text') return readTextSetting(field, raw);
  if (field.type === 'choice') return field.choices.find((c) => normalizeName(c) === normalizeName(raw)) ?? tidyText(raw);
  const reading = readCount(raw);
  // Anything that is not a whole number stays as typed, so validation rejects it.
  return reading.kind === 'count' ? reading.value : tidyText(raw);
}

function fieldMessage(field: SettingField, raw: unknown): string {
  const typed = tidyText(raw);
  if (field.type === 'int') {
    const need = `cần số nguyên từ ${field.min} đến ${field.max}`;
    return typed === '' ? `Chưa nhập: ${need}.` : `"${typed}" không hợp lệ: ${need}.`;
  }
  if (field.type === 'choice') return `Chọn một trong: ${field.choices.join(', ')}.`;
  return 'Không được để trống.';
}

/** A form value in the form it is compared in: line breaks count only in a multi-line text. */
function comparable(key: string, raw: unknown): string {
  const field = SETTING_FIELDS.find((f) => f.key === key);
  return field?.type === 'text' ? readTextSetting(field, raw) : tidyText(raw);
}

export interface SettingChange {
  key: FormKey;
  label: string;
  /** What the cell held: the value as read, or the text typed there when it was not valid. */
  from: string | number;
  to: string | number;
}

/** A value to put into one cell of `Cấu hình` (1-based, as Sheets counts). */
export interface SettingWrite {
  key: FormKey;
  row: number;
  column: number;
  value: string | number;
  /** Of a multi-line text: the row height that shows it whole. */
  rowHeight?: number;
}

export type SettingsSavePlan =
  | { ok: false; errors: FieldErrors }
  | { ok: true; settings: Settings; before: Settings; changes: SettingChange[]; writes: SettingWrite[]; missing: string[]; warnings: string[] };

/**
 * What saving the form means for the tab as it is now. `baseline` is what the form was loaded
 * with: a field the user did not touch is left as the tab has it, so an edit someone made in the
 * tab meanwhile survives. Value cells are found by label, target cells by the indicator's code, so
 * inserted or moved rows do not matter and no other row of the indicator table is touched.
 */
export function planSettingsSave(grid: Grid, form: unknown, baseline?: unknown): SettingsSavePlan {
  const reading = readSettingsGrid(grid);
  const cells = locateSettingCells(grid);
  const targetCells = locateTargetCells(grid);
  const flagged = new Set(reading.findings.map((f) => f.cell).filter((cell) => cell !== ''));
  const formValues = asRecord(form);
  const base = baseline === undefined ? null : asRecord(baseline);
  const touched = (key: string) => base === null || comparable(key, formValues[key]) !== comparable(key, base[key]);
  const indicator = (code: string) => reading.indicators.find((i) => i.code === code);

  const merged: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) merged[field.key] = touched(field.key) ? formValues[field.key] : reading.settings[field.key];
  // In the table's order, so the log reads as the tab does.
  const tableOrder = (key: string) => CATALOGUE.findIndex((d) => targetKey(d.code) === key);
  const targetKeys = Object.keys(formValues)
    .filter((key): key is TargetKey => key.startsWith(TARGET_PREFIX) && touched(key))
    .sort((x, y) => tableOrder(x) - tableOrder(y));
  for (const key of targetKeys) merged[key] = formValues[key];
  const parsed = parseSettingsForm(merged);
  if (!parsed.ok) return parsed;

  const changes: SettingChange[] = [];
  const writes: SettingWrite[] = [];
  const missing: string[] = [];
  /** The write of one changed value, if it changed and its cell is there. */
  const record = (key: FormKey, label: string, cell: { row: number; col: number } | undefined, current: string | number, to: string | number, value: string | number): SettingWrite | null => {
    const address = cell ? a1(cell.row + 1, cell.col + 1) : '';
    const stale = flagged.has(address);
    if (!stale && current === to) return null;
    if (!cell) {
      missing.push(label);
      return null;
    }
    changes.push({ key, label, from: stale ? tidyText(grid[cell.row][cell.col]) : current, to });
    const write: SettingWrite = { key, row: cell.row + 1, column: cell.col + 1, value };
    writes.push(write);
    return write;
  };
  for (const field of SETTING_FIELDS) {
    if (!touched(field.key)) continue;
    const to = parsed.settings[field.key];
    // Typed text goes in as text so `=IMPORTXML(…)` or `0912…` stays exactly what was typed.
    const value = typeof to === 'number' || field.type === 'choice' ? to : asCellText(to);
    const write = record(field.key, field.label, cells.get(field.key), reading.settings[field.key], to, value);
    if (write && field.type === 'text' && field.multiline) write.rowHeight = multilineRowHeight(String(to));
  }
  for (const key of targetKeys) {
    const code = key.slice(TARGET_PREFIX.length);
    const to = parsed.targets.get(code) ?? '';
    const label = `Chỉ tiêu năm (%) của "${indicator(code)?.label ?? catalogueEntry(code)?.label ?? code}"`;
    record(key, label, targetCells.get(code), indicator(code)?.targetPercent ?? '', to, to);
  }
  const warning = weightsWarning(parsed.settings);
  return { ok: true, settings: parsed.settings, before: reading.settings, changes, writes, missing, warnings: warning ? [warning] : [] };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A value inside one log line: the lines of a multi-line text joined by ` / `. */
const shown = (v: unknown) => (v === '' || v === null ? '(trống)' : String(v).split('\n').join(' / '));

/**
 * One log line: `Năm: 2026 → 2027; Email phòng VH-XH: (trống) → vhxh@…`. `brief` (the sidebar's
 * status line): a multi-line text only says it changed, where the log keeps both texts whole.
 */
export function describeChanges(changes: readonly SettingChange[], brief = false): string {
  return changes.map((c) => (brief && isMultiline(c.key) ? `${c.label}: ${briefChange(String(c.to))}` : `${c.label}: ${shown(c.from)} → ${shown(c.to)}`)).join('; ');
}

const isMultiline = (key: FormKey) => SETTING_FIELDS.some((f) => f.key === key && f.type === 'text' && f.multiline === true);

const briefChange = (to: string) => (to === '' ? 'đã xóa hết' : `đã sửa, nay có ${to.split('\n').length} dòng`);

/**
 * Everything of `Cấu hình` the office may have changed, as one `Nhật ký` line to type back from:
 * each setting by its label, then each indicator's label, denominator, yearly target and whether it
 * is applied, in the columns' words. Written before a preset replaces the tab (docs/indicators.md, "Presets").
 */
export function describeSettingsTab(reading: Pick<SettingsReading, 'settings' | 'indicators'>): string {
  const settings = SETTING_FIELDS.map((f) => `${f.label}: ${shown(reading.settings[f.key])}`).join('; ');
  const indicators = reading.indicators.map((i) => {
    const target = i.targetPercent === null ? '(trống)' : `${i.targetPercent}%`;
    return `${i.code} "${i.label}" — Mẫu số: ${shown(i.denominator)}, Chỉ tiêu năm: ${target}, Áp dụng: ${i.applied ? 'có' : 'không'}`;
  });
  return `Cài đặt cũ: ${settings}. Danh mục chỉ tiêu cũ: ${indicators.join('; ')}.`;
}
