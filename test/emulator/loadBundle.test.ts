import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsScriptEmulator } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';

const CODE = `
function onOpen(e) { App.onOpen(e); }
function probe() {
  return [typeof setTimeout, typeof require, typeof process, typeof URL, typeof fetch, typeof TextEncoder, typeof module].join(',');
}
function realm() {
  var sheet = SpreadsheetApp.getActive().getActiveSheet();
  sheet.getRange('A1:B1').setValues([[new Date(2026, 4, 10), 3]]);
  var v = sheet.getRange('A1:B1').getValues();
  var caught;
  try { sheet.getRange(0, 1); } catch (err) { caught = err instanceof Error && String(err); }
  return {
    arrays: v instanceof Array && v[0] instanceof Array,
    date: v[0][0] instanceof Date,
    day: v[0][0].getDate(),
    hours: v[0][0].getHours(),
    now: new Date().toISOString(),
    caught: caught,
  };
}
function whoAmI() { return Session.getActiveUser().getEmail() + '|' + Session.getEffectiveUser().getEmail(); }
var App = (function () {
  return {
    onOpen: function (e) {
      SpreadsheetApp.getUi().createMenu('Tổ CNSCĐ').addItem('Tổng hợp', 'aggregateReports').addToUi();
      if (e && e.authMode !== ScriptApp.AuthMode.NONE) SpreadsheetApp.getActive().toast('opened');
    },
  };
})();
`;

function load(emu: AppsScriptEmulator) {
  const dir = mkdtempSync(join(tmpdir(), 'emu-bundle-'));
  const file = join(dir, 'Code.js');
  writeFileSync(file, CODE);
  return loadBundle(emu, file);
}

describe('loadBundle', () => {
  test('exposes top-level functions and no Node/browser globals', () => {
    const emu = new AppsScriptEmulator();
    const ctx = load(emu);
    expect(typeof ctx.onOpen).toBe('function');
    expect(callEntry(emu, ctx, 'probe')).toBe(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined'].join(','));
  });

  test('values cross realms: arrays, Dates in the script zone, Errors', () => {
    const emu = new AppsScriptEmulator({ now: new Date('2026-05-10T01:00:00Z') });
    const ctx = load(emu);
    const r = callEntry(emu, ctx, 'realm') as Record<string, unknown>;
    expect(r).toEqual({
      arrays: true, date: true, day: 10, hours: 0, now: '2026-05-10T01:00:00.000Z',
      caught: 'Exception: The starting row of the range is too small.',
    });
    expect(emu.rawGet(emu.sheetNames()[0], 'A1')).toEqual(new Date('2026-05-09T17:00:00Z'));
  });

  test('callEntry runs as the given users and auth mode', () => {
    const emu = new AppsScriptEmulator({ editors: ['head@example.com'] });
    const ctx = load(emu);
    expect(callEntry(emu, ctx, 'whoAmI', [], { activeUser: 'head@example.com' })).toBe('head@example.com|head@example.com');
    callEntry(emu, ctx, 'onOpen', [{ authMode: 'NONE' }], { authMode: 'NONE' });
    callEntry(emu, ctx, 'onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED' });
    expect(emu.ui.menus).toHaveLength(2);
    expect(emu.ui.toasts.map((t) => t.message)).toEqual(['opened']);
    expect(() => callEntry(emu, ctx, 'nope')).toThrow('Script function not found: nope');
  });
});
