/**
 * The settings form of the Cài đặt sidebar. The same code runs in the browser (instant messages
 * next to each field) and on the server (which never trusts the browser), so both sides agree.
 */
import { a1 } from '../shared/a1';
import type { Grid } from '../shared/grid';
import { readCount } from '../shared/cellValues';
import { SETTING_FIELDS, isValidSetting, type SettingField, type SettingKey, type Settings } from './settings';
import { locateSettingCells, readSettingsGrid, type SettingsReading } from './settingsGrid';
import { asCellText, isPlausibleEmail, normalizeName, tidyText } from '../shared/text';

export type FieldErrors = Partial<Record<SettingKey, string>>;

export type SettingsFormResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

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
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}

function coerceField(field: SettingField, raw: unknown): unknown {
  if (field.type === 'text') return tidyText(raw);
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

export interface SettingChange {
  key: SettingKey;
  label: string;
  /** What the cell held: the setting as read, or the text typed there when it was not valid. */
  from: string | number;
  to: string | number;
}

/** A value to put into one cell of `Cấu hình` (1-based, as Sheets counts). */
export interface SettingWrite {
  key: SettingKey;
  row: number;
  column: number;
  value: string | number;
}

export type SettingsSavePlan =
  | { ok: false; errors: FieldErrors }
  | { ok: true; settings: Settings; before: Settings; changes: SettingChange[]; writes: SettingWrite[]; missing: string[] };

/**
 * What saving the form means for the tab as it is now. `baseline` is what the form was loaded
 * with: a field the user did not touch is left as the tab has it, so an edit someone made in the
 * tab meanwhile survives. Value cells are found by label, so inserted or moved rows do not matter.
 */
export function planSettingsSave(grid: Grid, form: unknown, baseline?: unknown): SettingsSavePlan {
  const reading = readSettingsGrid(grid);
  const cells = locateSettingCells(grid);
  const flagged = new Set(reading.findings.map((f) => f.cell).filter((cell) => cell !== ''));
  const formValues = asRecord(form);
  const base = baseline === undefined ? null : asRecord(baseline);
  const touched = (key: SettingKey) => base === null || tidyText(formValues[key]) !== tidyText(base[key]);

  const merged: Record<string, unknown> = {};
  for (const field of SETTING_FIELDS) merged[field.key] = touched(field.key) ? formValues[field.key] : reading.settings[field.key];
  const parsed = parseSettingsForm(merged);
  if (!parsed.ok) return parsed;

  const changes: SettingChange[] = [];
  const writes: SettingWrite[] = [];
  const missing: string[] = [];
  for (const field of SETTING_FIELDS) {
    if (!touched(field.key)) continue;
    const cell = cells.get(field.key);
    const address = cell ? a1(cell.row + 1, cell.col + 1) : '';
    const stale = flagged.has(address);
    const to = parsed.settings[field.key];
    if (!stale && reading.settings[field.key] === to) continue;
    if (!cell) {
      missing.push(field.label);
      continue;
    }
    changes.push({ key: field.key, label: field.label, from: stale ? tidyText(grid[cell.row][cell.col]) : reading.settings[field.key], to });
    // Typed text goes in as text so `=IMPORTXML(…)` or `0912…` stays exactly what was typed.
    const value = typeof to === 'number' || field.type === 'choice' ? to : asCellText(to);
    writes.push({ key: field.key, row: cell.row + 1, column: cell.col + 1, value });
  }
  return { ok: true, settings: parsed.settings, before: reading.settings, changes, writes, missing };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const shown = (v: unknown) => (v === '' || v === null ? '(trống)' : String(v));

/** One log line: `Năm: 2026 → 2027; Email phòng VH-XH: (trống) → vhxh@…`. */
export function describeChanges(changes: readonly SettingChange[]): string {
  return changes.map((c) => `${c.label}: ${shown(c.from)} → ${shown(c.to)}`).join('; ');
}

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
