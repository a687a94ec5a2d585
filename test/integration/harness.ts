/** Integration tests run the BUILT bundle (dist/Code.js) in the emulator, as Apps Script would. */
import type * as vm from 'node:vm';
import { AppsScriptEmulator, type EmulatorOptions, type RunContext } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';
import { getPreset, type PresetId } from '../../src/core/presets';

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

/** A workbook set up with a preset by the office; every sample village head is a spreadsheet editor. */
export function workbookWithPreset(id: PresetId, opts: EmulatorOptions = {}): TestWorkbook {
  const heads = getPreset(id).villages.map((v) => v.email);
  const wb = newWorkbook({ editors: heads, ...opts });
  wb.call('applyPreset', [id]);
  return wb;
}
