import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type EmulatorOptions } from '../../emulator';
import { setup, type Globals } from './helpers';

/**
 * Rules of the real platform the emulator must enforce; each test cites its source and
 * emulator/CONFORMANCE.md lists them.
 */

const OWNER = 'office@example.gov.vn';
const COLLEAGUE = 'deputy@example.gov.vn';
const HEAD1 = 'head1@example.com';

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';
const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const SCRIPT_APP = 'https://www.googleapis.com/auth/script.scriptapp';
const USER_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const ALL_SCOPES = [CURRENT_ONLY, CONTAINER_UI, SEND_MAIL, SCRIPT_APP, USER_EMAIL];

/** Every scope granted, so identity and trigger tests do not depend on the repo's manifest. */
function granted(opts: EmulatorOptions = {}) {
  return setup({ oauthScopes: ALL_SCOPES, ...opts });
}

function without(scope: string): string[] {
  return ALL_SCOPES.filter((s) => s !== scope);
}

describe('the manifest\'s oauthScopes', () => {
  test('a call whose scope is not granted throws Apps Script\'s permission error', () => {
    // Messages as reported from the real platform (2025), e.g. "You do not have permission to call
    // Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email.
    // For more information, see …troubleshooting#authorization-is"; any-of scopes print as (a || b).
    const noEmail = setup({ oauthScopes: without(USER_EMAIL) }).g;
    expect(() => noEmail.Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email. '
      + 'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is');
    expect(() => noEmail.Session.getEffectiveUser()).toThrow(`Session.getEffectiveUser. Required permissions: ${USER_EMAIL}.`);
    expect(noEmail.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');

    const noSheets = setup({ oauthScopes: without(CURRENT_ONLY) }).g;
    expect(() => noSheets.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${CURRENT_ONLY} || ${SPREADSHEETS}).`);
    // getUi has no Authorization section; menus and alerts need no scope, sidebars and dialogs do.
    noSheets.SpreadsheetApp.getUi().createMenu('Tổ CNSCĐ').addItem('Mở', 'open').addToUi();
    // The broader scope also allows the spreadsheet.
    expect(setup({ oauthScopes: [SPREADSHEETS] }).g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1').getValue()).toBe('');

    const noUi = setup({ oauthScopes: without(CONTAINER_UI), htmlFiles: { Sidebar: '<p>x</p>' } }).g;
    const ui = noUi.SpreadsheetApp.getUi();
    expect(ui.alert('Xin chào')).toBe('OK');
    ui.createAddonMenu().addItem('Mở', 'open').addToUi();
    const html = noUi.HtmlService.createHtmlOutputFromFile('Sidebar');
    expect(() => ui.showSidebar(html)).toThrow(`Ui.showSidebar. Required permissions: ${CONTAINER_UI}.`);
    expect(() => ui.showModalDialog(html, 'T')).toThrow(`Ui.showModalDialog. Required permissions: ${CONTAINER_UI}.`);

    const noMail = setup({ oauthScopes: without(SEND_MAIL) }).g;
    expect(() => noMail.MailApp.sendEmail('a@example.com', 'S', 'B')).toThrow(`MailApp.sendEmail. Required permissions: ${SEND_MAIL}.`);
    expect(() => noMail.MailApp.getRemainingDailyQuota()).toThrow(`MailApp.getRemainingDailyQuota. Required permissions: ${SEND_MAIL}.`);

    const noTriggers = setup({ oauthScopes: without(SCRIPT_APP) }).g;
    expect(() => noTriggers.ScriptApp.newTrigger('f')).toThrow(`ScriptApp.newTrigger. Required permissions: ${SCRIPT_APP}.`);
    expect(() => noTriggers.ScriptApp.getProjectTriggers()).toThrow(`ScriptApp.getProjectTriggers. Required permissions: ${SCRIPT_APP}.`);
    expect(noTriggers.ScriptApp.getScriptId()).toMatch(/^1EmuScript/);

    // PropertiesService, LockService, Utilities, Logger: no Authorization section, no scope.
    const none = setup({ oauthScopes: [] }).g;
    none.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(none.LockService.getDocumentLock().tryLock(10)).toBe(true);
    expect(none.Utilities.formatString('%d', 3)).toBe('3');
    none.Logger.log('ok');
  });

  test('granted scopes default to the oauthScopes of the repo\'s appsscript.json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const { g } = setup();
    const info = g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizedScopes()).toEqual(manifest.oauthScopes);
    expect(info.getAuthorizationStatus()).toBe(g.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info.getAuthorizationUrl()).toBeNull();
  });

  test('granular consent: getAuthorizationInfo tells what is missing; requireScopes ends the execution', () => {
    const { emu, g } = setup({ oauthScopes: without(SEND_MAIL) });
    const FULL = g.ScriptApp.AuthMode.FULL;
    const all = g.ScriptApp.getAuthorizationInfo(FULL);
    expect(all.getAuthorizationStatus()).toBe('REQUIRED');
    expect(all.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
    expect(all.getAuthorizedScopes()).not.toContain(SEND_MAIL);
    // For a list of scopes: only those are evaluated, and only those are reported.
    const some = g.ScriptApp.getAuthorizationInfo(FULL, [CURRENT_ONLY, SEND_MAIL]);
    expect(some.getAuthorizedScopes()).toEqual([CURRENT_ONLY]);
    expect(g.ScriptApp.getAuthorizationInfo(FULL, [CURRENT_ONLY]).getAuthorizationStatus()).toBe('NOT_REQUIRED');
    // Only AuthMode.FULL requires that users grant authorization.
    expect(g.ScriptApp.getAuthorizationInfo(g.ScriptApp.AuthMode.LIMITED).getAuthorizationStatus()).toBe('NOT_REQUIRED');
    // Scopes the script does not request are an error.
    expect(() => g.ScriptApp.getAuthorizationInfo(FULL, ['https://www.googleapis.com/auth/drive'])).toThrow('Invalid argument');

    g.ScriptApp.requireScopes(FULL, [CURRENT_ONLY, USER_EMAIL]);
    expect(() => g.ScriptApp.requireScopes(FULL, [SEND_MAIL])).toThrow('Authorization is required to perform that action.');
    expect(() => g.ScriptApp.requireAllScopes(FULL)).toThrow('Authorization is required to perform that action.');
    expect(emu.ui.authorizationPrompts.map((p) => p.scopes)).toEqual([[SEND_MAIL], [SEND_MAIL]]);
    setup({ oauthScopes: ALL_SCOPES }).g.ScriptApp.requireAllScopes(FULL);
  });
});

type Seen = { handler: string; eventUser?: string; active: string; effective: string };

function recordingHandlers(g: Globals, seen: Seen[]) {
  const record = (handler: string) => (e: { user?: { getEmail(): string } }) => {
    seen.push({
      handler, eventUser: e.user?.getEmail(), active: g.Session.getActiveUser().getEmail(), effective: g.Session.getEffectiveUser().getEmail(),
    });
  };
  return { onEdit: record('onEdit'), handleEdit: record('handleEdit'), daily: record('daily') };
}

describe('identity in triggers', () => {
  test('installable edit trigger: the editor is disclosed only to its installer or within one Workspace domain', () => {
    // Session.getActiveUser: "the user's email address is not available in any context that allows a
    // script to run without that user's authorization … these restrictions generally do not apply if
    // the developer runs the script themselves or belongs to the same Google Workspace domain".
    const { emu, g } = granted({ editors: [COLLEAGUE, HEAD1] });
    const ss = g.SpreadsheetApp.getActive();
    g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    const seen: Seen[] = [];
    const context = { handleEdit: recordingHandlers(g, seen).handleEdit };
    const sheet = emu.sheetNames()[0];
    for (const user of [OWNER, COLLEAGUE, HEAD1]) emu.userEdit(context, { user, sheet, a1: 'A1', value: 1 });
    expect(seen).toEqual([
      { handler: 'handleEdit', eventUser: OWNER, active: OWNER, effective: OWNER },
      { handler: 'handleEdit', eventUser: COLLEAGUE, active: COLLEAGUE, effective: OWNER },
      { handler: 'handleEdit', eventUser: '', active: '', effective: OWNER },
    ]);
  });

  test('consumer accounts never share a domain', () => {
    const { emu, g } = granted({ owner: 'an.office@gmail.com', editors: ['a.head@gmail.com', 'b.head@googlemail.com'] });
    g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(g.SpreadsheetApp.getActive()).onEdit().create();
    const seen: Seen[] = [];
    const context = { handleEdit: recordingHandlers(g, seen).handleEdit };
    const sheet = emu.sheetNames()[0];
    emu.userEdit(context, { user: 'a.head@gmail.com', sheet, a1: 'A1', value: 1 });
    emu.userEdit(context, { user: 'an.office@gmail.com', sheet, a1: 'A1', value: 2 });
    expect(seen.map((s) => [s.eventUser, s.active])).toEqual([['', ''], ['an.office@gmail.com', 'an.office@gmail.com']]);
    // A domain can be declared consumer too.
    const custom = granted({ editors: [COLLEAGUE], consumerDomains: ['example.gov.vn'] });
    custom.g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(custom.g.SpreadsheetApp.getActive()).onEdit().create();
    const seen2: Seen[] = [];
    custom.emu.userEdit({ handleEdit: recordingHandlers(custom.g, seen2).handleEdit }, { user: COLLEAGUE, sheet: custom.emu.sheetNames()[0], a1: 'A1', value: 1 });
    expect(seen2[0].active).toBe('');
  });

  test('simple onEdit (LIMITED): the editor is disclosed only to the script owner or within the owner\'s domain', () => {
    const { emu, g } = granted({ editors: [COLLEAGUE, HEAD1] });
    const seen: Seen[] = [];
    const context = { onEdit: recordingHandlers(g, seen).onEdit };
    const sheet = emu.sheetNames()[0];
    for (const user of [OWNER, COLLEAGUE, HEAD1]) emu.userEdit(context, { user, sheet, a1: 'A1', value: 1 });
    expect(seen.map((s) => [s.eventUser, s.active])).toEqual([[OWNER, OWNER], [COLLEAGUE, COLLEAGUE], ['', '']]);
  });

  test('time-driven triggers: the event has no user; the active user is the installer', () => {
    // Event objects page: time-driven events carry no `user`; installable triggers run as their installer.
    const { emu, g } = granted({ now: new Date('2026-05-10T00:00:00Z') });
    emu.run({ activeUser: OWNER }, () => g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create());
    const seen: Seen[] = [];
    emu.clock.set(new Date('2026-05-10T03:00:00Z'));
    emu.fireDueTimeTriggers(recordingHandlers(g, seen));
    expect(seen).toEqual([{ handler: 'daily', eventUser: undefined, active: OWNER, effective: OWNER }]);
  });
});

describe('time-driven schedule', () => {
  test('a daily trigger\'s minute is chosen once and kept from day to day', () => {
    // Installable triggers page: "Apps Script chooses a time between 9 a.m. and 10 a.m., then keeps
    // that timing consistent from day to day so that 24 hours elapse before the trigger fires again."
    const { emu, g } = granted({ now: new Date('2026-05-10T00:00:00Z') });
    g.ScriptApp.newTrigger('random').timeBased().everyDays(1).atHour(8).create();
    g.ScriptApp.newTrigger('near').timeBased().everyDays(1).atHour(9).nearMinute(30).create();
    const runs: Record<string, { hour: number; minute: number }[]> = { random: [], near: [] };
    const at = (name: string) => () => {
      const [hour, minute] = g.Utilities.formatDate(new g.Date(), 'Asia/Ho_Chi_Minh', 'H:m').split(':').map(Number);
      runs[name].push({ hour, minute });
    };
    emu.clock.set(new Date('2026-05-24T00:00:00Z'));
    expect(emu.fireDueTimeTriggers({ random: at('random'), near: at('near') })).toBe(28);
    for (const [name, hour] of [['random', 8], ['near', 9]] as const) {
      expect(runs[name]).toHaveLength(14);
      expect(new Set(runs[name].map((r) => `${r.hour}:${r.minute}`))).toEqual(new Set([`${hour}:${runs[name][0].minute}`]));
    }
    expect(Math.abs(runs.near[0].minute - 30)).toBeLessThanOrEqual(15);
  });

  test('a one-off trigger fires once, no earlier than after(ms), and stays listed until deleted', () => {
    // ClockTriggerBuilder.after: "the minimum duration (in milliseconds) after the current time that the trigger runs".
    const { emu, g } = granted({ now: new Date('2026-05-10T00:00:00Z') });
    const trigger = g.ScriptApp.newTrigger('later').timeBased().after(60_000).create();
    const runs: number[] = [];
    const later = () => runs.push(new g.Date().getTime());
    emu.clock.advance(59_000);
    expect(emu.fireDueTimeTriggers({ later })).toBe(0);
    emu.clock.advance(10 * 60_000);
    expect(emu.fireDueTimeTriggers({ later })).toBe(1);
    expect(runs).toEqual([new Date('2026-05-10T00:01:00Z').getTime()]);
    emu.clock.advance(24 * 3600_000);
    expect(emu.fireDueTimeTriggers({ later })).toBe(0);
    expect(g.ScriptApp.getProjectTriggers().map((t: GoogleAppsScript.Script.Trigger) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
  });
});

describe('add-on rules', () => {
  test('addon-test: installable triggers can be created but never fire', () => {
    // Test an Editor add-on › Testing details: "Installable triggers aren't supported when testing."
    const { emu, g } = granted({ deployment: 'addon-test', now: new Date('2026-05-10T00:00:00Z') });
    g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(g.SpreadsheetApp.getActive()).onEdit().create();
    g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
    expect(emu.triggers).toHaveLength(2);
    const seen: Seen[] = [];
    const context = recordingHandlers(g, seen);
    emu.userEdit(context, { user: OWNER, sheet: emu.sheetNames()[0], a1: 'A1', value: 1 });
    emu.clock.set(new Date('2026-05-12T03:00:00Z'));
    expect(emu.fireDueTimeTriggers(context)).toBe(0);
    // The simple trigger still runs; the installable ones were suppressed, and that is recorded.
    expect(seen.map((s) => s.handler)).toEqual(['onEdit']);
    expect(emu.suppressedTriggerRuns.map((r) => [r.handler, r.kind])).toEqual([
      ['handleEdit', 'installable-onEdit'], ['daily', 'time'], ['daily', 'time'], ['daily', 'time'],
    ]);
    expect(emu.executions.map((x) => x.handler)).toEqual(['onEdit']);
  });

  test('add-ons: one trigger of each type per user and document', () => {
    // Triggers for Editor add-ons › Restrictions: "Each add-on can only have one trigger of each type,
    // per user, per document." Message as reported from the platform for time-driven triggers.
    for (const deployment of ['addon', 'addon-test'] as const) {
      const { emu, g } = granted({ deployment, editors: [HEAD1] });
      const ss = g.SpreadsheetApp.getActive();
      g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
      expect(() => g.ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create())
        .toThrow('This add-on has created too many time-based triggers in this document for this Google user account.');
      g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
      expect(() => g.ScriptApp.newTrigger('other').forSpreadsheet(ss).onEdit().create()).toThrow(/too many edit triggers/);
      // Another user has their own set.
      emu.run({ activeUser: HEAD1 }, () => g.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create());
      expect(emu.triggers).toHaveLength(3);
    }
    const bound = granted().g;
    bound.ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(8).create();
    bound.ScriptApp.newTrigger('b').timeBased().everyDays(1).atHour(9).create();
  });

  test('add-ons: time-driven triggers run at most once per hour', () => {
    // Installable triggers page: "add-ons can only use a time-driven trigger once per hour at most";
    // Triggers for Editor add-ons › Restrictions: "cannot run more frequently than once per hour".
    const addon = granted({ deployment: 'addon' }).g;
    expect(() => addon.ScriptApp.newTrigger('often').timeBased().everyMinutes(30).create()).toThrow(/at most once per hour/);
    addon.ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();

    const { emu, g } = granted({ now: new Date('2026-05-10T00:00:00Z') });
    expect(() => g.ScriptApp.newTrigger('x').timeBased().everyMinutes(7)).toThrow('everyMinutes');
    g.ScriptApp.newTrigger('often').timeBased().everyMinutes(15).create();
    emu.clock.set(new Date('2026-05-10T01:00:00Z'));
    expect(emu.fireDueTimeTriggers({ often() {} })).toBe(4);
  });

  test('menus: createAddonMenu lives under Extensions; a published add-on\'s createMenu does too', () => {
    // Ui.createMenu: "If the script is published as an add-on, the caption parameter is ignored and the
    // menu is added as a sub-menu of the Extensions menu, equivalent to createAddonMenu()."
    // Custom menus for Editor add-ons: unpublished add-ons can also create top-level menus.
    const build = (g: Globals) => {
      const ui = g.SpreadsheetApp.getUi();
      ui.createMenu('Tổ CNSCĐ').addItem('Mở', 'open').addSubMenu(ui.createMenu('Khác').addItem('X', 'x')).addToUi();
      ui.createAddonMenu().addItem('Bảng', 'dashboard').addToUi();
    };
    const placements = (opts: EmulatorOptions) => {
      const { emu, g } = granted(opts);
      build(g);
      return emu.ui.menus.map((m) => [m.name, m.addon]);
    };
    expect(placements({})).toEqual([['Tổ CNSCĐ', false], ['(add-on)', true]]);
    expect(placements({ deployment: 'addon-test' })).toEqual([['Tổ CNSCĐ', false], ['(add-on)', true]]);
    expect(placements({ deployment: 'addon' })).toEqual([['(add-on)', true], ['(add-on)', true]]);
    const { emu, g } = granted({ deployment: 'addon' });
    build(g);
    expect(emu.ui.menus[0].items[1]).toMatchObject({ caption: 'Khác', submenu: { name: 'Khác' } });
  });
});

describe('faults and storage quotas', () => {
  test('failCall(n): the n-th call from now throws before it has any effect; calls before it keep theirs', () => {
    const { emu, g } = granted();
    const props = g.PropertiesService.getDocumentProperties();
    emu.failCall(2, 'Service unavailable');
    props.setProperty('a', '1');
    expect(() => props.setProperty('b', '2')).toThrow('Service unavailable');
    expect(props.getProperties()).toEqual({ a: '1' });
    // One failure per arming.
    props.setProperty('b', '2');
    expect(props.getProperty('b')).toBe('2');
  });

  test('a property store holds 500 kB in all; a write past it is refused whole', () => {
    // Quotas for Google Services › "Properties total storage: 500kB / property store"; message as
    // reported from the platform (lucasvtiradentes/gcal-sync#115).
    const { g } = granted();
    const props = g.PropertiesService.getDocumentProperties();
    const chunk = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 62; i++) props.setProperty(`k${i}`, chunk);
    expect(() => props.setProperty('one-more', chunk)).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(() => props.setProperties({ a: chunk, b: chunk })).toThrow(/property storage quota/);
    expect(props.getProperty('a')).toBeNull();
    // Replacing a value counts the new size only.
    props.setProperty('k0', 'small');
    props.setProperty('one-more', chunk);
  });
});
