/**
 * Integration tests (and the benchmarks) run the BUILT bundle (dist/Code.js) in the emulator, as Apps
 * Script would. Workbooks, and what people do to them between commands.
 */
import type * as vm from 'node:vm';
import { AppsScriptEmulator, type EmulatorOptions, type RunContext, type SheetSnapshot } from '../../emulator';
import { ProtectionType } from '../../emulator/enums';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import { catalogueEntry, type DenominatorCode } from '../../src/core/config/catalogue';
import type { PresetId } from '../../src/core/config/presets';
import { readRegistryGrid, registryRow, type Village } from '../../src/core/config/registry';
import { TAB_REGISTRY, TAB_SETTINGS } from '../../src/core/workbook/tabNames';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import { pasteVillages, sampleVillages } from '../../scripts/demo/sampleVillages';

export { pasteVillages, sampleVillages, type SampleVillage } from '../../scripts/demo/sampleVillages';

export const OFFICE = 'office@example.gov.vn';

export interface TestWorkbook {
  emu: AppsScriptEmulator;
  ctx: vm.Context;
  /** Calls a top-level function of the bundle; by default as the office, in AuthMode FULL. */
  call<T = unknown>(name: string, args?: unknown[], as?: RunContext): T;
}

export function newWorkbook(opts: EmulatorOptions = {}): TestWorkbook {
  const emu = new AppsScriptEmulator({ owner: OFFICE, ...opts });
  const ctx = loadBundle(emu);
  return {
    emu,
    ctx,
    call: <T>(name: string, args: unknown[] = [], as: RunContext = { activeUser: OFFICE }) => callEntry(emu, ctx, name, args, as) as T,
  };
}

/**
 * A workbook set up with a preset by the office, which then types the sample villages into
 * `Danh sách` and runs setup again (presets only fill `Cấu hình`: docs/indicators.md); every sample village
 * head is a spreadsheet editor.
 */
export function workbookWithPreset(id: PresetId, opts: EmulatorOptions = {}): TestWorkbook {
  const villages = sampleVillages(id);
  const wb = newWorkbook({ editors: villages.map((v) => v.email), ...opts });
  wb.call('applyPreset', [id]);
  if (readRegistryGrid(wb.emu.rawGrid(TAB_REGISTRY)).villages.length === 0) {
    pasteVillages(wb.emu, villages, OFFICE);
    wb.call('setupWorkbook');
  }
  return wb;
}

/** One tab of the workbook model (values, formats, notes, protections…), for assertions. */
export function sheetSnapshot(emu: AppsScriptEmulator, name: string): SheetSnapshot | undefined {
  return emu.model().sheets.find((s) => s.name === name);
}

/** A cell's note as the sheet holds it ('' when none). */
export function noteOf(emu: AppsScriptEmulator, sheet: string, a1: string): string {
  return sheetSnapshot(emu, sheet)?.cells.find((c) => c.a1 === a1)?.note ?? '';
}

/** A cell's background as the sheet holds it ('' when none set). */
export function backgroundOf(emu: AppsScriptEmulator, sheet: string, a1: string): string {
  return sheetSnapshot(emu, sheet)?.cells.find((c) => c.a1 === a1)?.format.background ?? '';
}

/** `Nhật ký` below its header, each row from its `Hành động` column on, as text. */
export function logRows(emu: AppsScriptEmulator): string[][] {
  return emu.rawGrid('Nhật ký').slice(1).map((r) => r.slice(2).map(String));
}

/** Fills a village's month as its head would have: values, the tick, and the add-on's stamp. */
export function fillVillageMonth(emu: AppsScriptEmulator, village: string, month: number, fill: { ticked: boolean; submittedAt?: Date; share?: number; override?: Record<string, unknown> }): void {
  const grid = emu.rawGrid(village);
  const map = locateVillageTab(grid);
  if (!map) throw new Error(`no village tab ${village}`);
  const registry = readRegistryGrid(emu.rawGrid(TAB_REGISTRY)).villages.find((v) => v.name === village);
  const cell = (code: string) => monthCellA1(map, code, month) as string;
  for (const code of map.rows.keys()) {
    const def = catalogueEntry(code);
    let value: unknown;
    if (code in (fill.override ?? {})) value = fill.override?.[code];
    else if (!def) continue;
    else if (def.kind === 'TY_LE') value = Math.floor((registry?.denominators[def.denominator as DenominatorCode] ?? 0) * (fill.share ?? 0.75));
    else if (def.kind === 'TRANG_THAI') value = 4;
    else value = 6;
    emu.rawSet(village, cell(code), value);
  }
  emu.rawSet(village, cell(STATUS_CODES.submitted), fill.ticked);
  if (fill.submittedAt) emu.rawSet(village, cell(STATUS_CODES.submittedAt), fill.submittedAt);
}

/**
 * The office takes `email` off a tab's protection by hand (Data › Protected sheets and ranges): a
 * village tab's month cells, or another tab's own protection.
 */
export function removeFromTabProtection(emu: AppsScriptEmulator, tab: string, email: string): void {
  emu.run({ activeUser: OFFICE }, () => {
    const sheet = emu.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    const type = (t: unknown) => t as GoogleAppsScript.Spreadsheet.ProtectionType;
    const inputs = sheet.getProtections(type(ProtectionType.RANGE)).find((p) => p.getDescription().includes('ô nhập số liệu'));
    (inputs ?? sheet.getProtections(type(ProtectionType.SHEET))[0]).removeEditor(email);
  });
}

/** Types a value into `Cấu hình` next to a setting's label, as the office would. */
export function setSetting(emu: AppsScriptEmulator, label: string, value: unknown): void {
  const row = emu.rawGrid(TAB_SETTINGS).findIndex((r) => r[0] === label) + 1;
  if (row === 0) throw new Error(`no setting "${label}"`);
  emu.rawSet(TAB_SETTINGS, `B${row}`, value);
}

/** Adds villages below the last row of `Danh sách`, as the office would paste them (setup not run). */
export function appendRegistryRows(emu: AppsScriptEmulator, villages: readonly Omit<Village, 'row'>[]): void {
  if (villages.length === 0) return;
  const rows = villages.map(registryRow);
  emu.run({ activeUser: OFFICE }, () => {
    const sheet = emu.spreadsheet.getSheetByName(TAB_REGISTRY);
    if (!sheet) throw new Error(`no ${TAB_REGISTRY}`);
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, rows[0].length).setValues(rows);
  });
}
