import { setup } from './helpers';

const OWNER = 'office@example.gov.vn';
const HEAD1 = 'head1@example.com';

describe('triggers', () => {
  test('getProjectTriggers returns only the effective user\'s triggers; deleteTrigger', () => {
    const { emu, g } = setup();
    const ss = g.SpreadsheetApp.getActive();
    const t = g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    emu.run({ activeUser: HEAD1 }, () => {
      g.ScriptApp.newTrigger('mine').timeBased().everyDays(1).atHour(8).create();
      expect(g.ScriptApp.getProjectTriggers().map((x: { getHandlerFunction(): string }) => x.getHandlerFunction())).toEqual(['mine']);
    });
    const mine = g.ScriptApp.getProjectTriggers();
    expect(mine).toHaveLength(1);
    expect(mine[0].getEventType()).toBe(g.ScriptApp.EventType.ON_EDIT);
    expect(mine[0].getTriggerSource()).toBe('SPREADSHEETS');
    expect(mine[0].getTriggerSourceId()).toBe(ss.getId());
    expect(mine[0].getUniqueId()).toBe(t.getUniqueId());
    expect(emu.triggers).toHaveLength(2);
    g.ScriptApp.deleteTrigger(mine[0]);
    expect(g.ScriptApp.getProjectTriggers()).toHaveLength(0);
    expect(emu.triggers.map((x) => x.owner)).toEqual([HEAD1]);
  });

  test('userEdit fires the installable edit trigger as its owner with a real-shaped event', () => {
    const { emu, g } = setup();
    const ss = g.SpreadsheetApp.getActive();
    const sheet = ss.insertSheet('Thôn 1');
    sheet.getRange('B2').setValue(7);
    g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(ss).onEdit().create();
    const seen: Record<string, unknown>[] = [];
    const context = {
      handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit & { triggerUid: string }) {
        seen.push({
          a1: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue, user: e.user.getEmail(), authMode: e.authMode,
          effective: g.Session.getEffectiveUser().getEmail(), active: g.Session.getActiveUser().getEmail(),
          sourceId: e.source.getId(), uid: e.triggerUid,
        });
      },
    };
    const event = emu.userEdit(context, { user: HEAD1, sheet: 'Thôn 1', a1: 'B2', value: '1.250' });
    // HEAD1 (example.com) is outside the installer's Workspace domain, so Google withholds the email.
    expect(seen).toEqual([{
      a1: 'B2', value: '1250', oldValue: '7', user: '', authMode: 'FULL', effective: OWNER, active: '',
      sourceId: ss.getId(), uid: emu.triggers[0].uid,
    }]);
    expect(event.value).toBe('1250');
    emu.userEdit(context, { user: HEAD1, sheet: 'Thôn 1', a1: 'C2', value: '12,5', raw: true });
    expect(sheet.getRange('C2').getValue()).toBe('12,5');
    expect(seen[1]).toMatchObject({ value: '12,5', oldValue: undefined });
    emu.userEdit(context, { user: HEAD1, sheet: 'Thôn 1', a1: 'B2:C2', value: [[1, 2]] });
    expect(seen[2]).toMatchObject({ a1: 'B2:C2', value: undefined });
    // Script writes never fire edit triggers.
    sheet.getRange('B2').setValue(3);
    expect(seen).toHaveLength(3);
  });

  test('handler errors are recorded and rethrown, but the edit stays', () => {
    const { emu, g } = setup();
    g.ScriptApp.newTrigger('handleEdit').forSpreadsheet(g.SpreadsheetApp.getActive()).onEdit().create();
    const name = emu.sheetNames()[0];
    expect(() => emu.userEdit({}, { user: OWNER, sheet: name, a1: 'A1', value: 'x' })).toThrow('Script function not found: handleEdit');
    expect(emu.rawGet(name, 'A1')).toBe('x');
    expect(emu.executions[0].error).toBeDefined();
  });

  test('daily time triggers fire once per day at their hour in their zone, without UI', () => {
    const { emu, g } = setup({ now: new Date('2026-05-10T00:00:00Z') }); // 07:00 in Hanoi
    g.ScriptApp.newTrigger('runScheduledReminders').timeBased().everyDays(1).atHour(8).inTimezone('Asia/Ho_Chi_Minh').create();
    const runs: { at: string; hour: number; uiError?: string }[] = [];
    const context = {
      runScheduledReminders() {
        let uiError: string | undefined;
        try { g.SpreadsheetApp.getUi(); } catch (e) { uiError = (e as Error).message; }
        runs.push({ at: new Date(emu.clock.nowMs()).toISOString(), hour: Number(g.Utilities.formatDate(new g.Date(), 'Asia/Ho_Chi_Minh', 'H')), uiError });
      },
    };
    expect(emu.fireDueTimeTriggers(context)).toBe(0);
    emu.clock.set(new Date('2026-05-10T02:00:00Z')); // 09:00
    expect(emu.fireDueTimeTriggers(context)).toBe(1);
    expect(emu.fireDueTimeTriggers(context)).toBe(0);
    emu.clock.set(new Date('2026-05-13T02:00:00Z'));
    expect(emu.fireDueTimeTriggers(context)).toBe(3);
    expect(runs.map((r) => r.hour)).toEqual([8, 8, 8, 8]);
    expect(runs[0].uiError).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(emu.clock.now().toISOString()).toBe('2026-05-13T02:00:00.000Z');
  });
});

describe('MailApp', () => {
  test('sends, counts quota per recipient, validates, fails and resets daily', () => {
    const { emu, g } = setup({ mailQuota: 3 });
    g.MailApp.sendEmail('a@example.com', 'S', 'B', { htmlBody: '<b>B</b>', name: 'Phòng VH-XH' });
    g.MailApp.sendEmail({ to: 'b@example.com,c@example.com', subject: 'S2', body: 'B2' });
    expect(g.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(emu.mail.outbox.map((m) => m.to)).toEqual(['a@example.com', 'b@example.com,c@example.com']);
    expect(emu.mail.outbox[0]).toMatchObject({ subject: 'S', htmlBody: '<b>B</b>', name: 'Phòng VH-XH', from: OWNER });
    expect(() => g.MailApp.sendEmail('d@example.com', 'S', 'B')).toThrow('Service invoked too many times for one day: email.');
    emu.clock.advance(24 * 3600 * 1000);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(3);
    expect(() => g.MailApp.sendEmail('not-an-email', 'S', 'B')).toThrow('Invalid email: not-an-email');
    emu.mail.failAddress('bad@example.com');
    expect(() => g.MailApp.sendEmail('bad@example.com', 'S', 'B')).toThrow(/bad@example.com/);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(3);
    emu.mail.setRemainingQuota(1);
    expect(g.MailApp.getRemainingDailyQuota()).toBe(1);
  });
});

describe('auth modes', () => {
  test('AuthMode.NONE blocks the document and mail but not menus', () => {
    const { emu, g } = setup();
    emu.run({ authMode: 'NONE' }, () => {
      expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
      expect(() => g.MailApp.sendEmail('a@example.com', 'S', 'B')).toThrow(/You do not have permission to call MailApp.sendEmail/);
      g.SpreadsheetApp.getUi().createMenu('Tổ CNSCĐ').addItem('Khởi tạo', 'setupWorkbook').addSeparator()
        .addSubMenu(g.SpreadsheetApp.getUi().createMenu('Sub').addItem('X', 'x')).addToUi();
    });
    emu.run({ authMode: 'LIMITED' }, () => {
      expect(g.SpreadsheetApp.getActiveSpreadsheet().getName()).toBeTruthy();
      expect(() => g.ScriptApp.getProjectTriggers()).toThrow(/permission/);
    });
    expect(emu.ui.menus[0]).toEqual({
      name: 'Tổ CNSCĐ', addon: false,
      items: [{ caption: 'Khởi tạo', functionName: 'setupWorkbook' }, null,
        { caption: 'Sub', functionName: '', submenu: { name: 'Sub', addon: false, items: [{ caption: 'X', functionName: 'x' }] } }],
    });
  });
});

describe('Ui, Html', () => {
  test('alerts and prompts consume queued responses; sidebars are recorded', () => {
    const { emu, g } = setup({ htmlFiles: { Sidebar: '<p>hi</p>' } });
    const ui = g.SpreadsheetApp.getUi();
    expect(ui.alert('Xin chào')).toBe(ui.Button.OK);
    emu.ui.queueResponse({ button: 'NO' });
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe('NO');
    emu.ui.queueResponse({ button: 'OK', text: 'Thôn 9' });
    const r = ui.prompt('Tên?');
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual(['OK', 'Thôn 9']);
    ui.showSidebar(g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Bảng điều khiển').append('<i>x</i>').appendUntrusted('<b>'));
    expect(emu.ui.sidebars[0]).toMatchObject({ title: 'Bảng điều khiển', content: '<p>hi</p><i>x</i>&lt;b&gt;' });
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    g.SpreadsheetApp.getActive().toast('Đã xong', 'Tổ CNSCĐ');
    expect(emu.ui.toasts[0]).toMatchObject({ message: 'Đã xong', title: 'Tổ CNSCĐ' });
  });
});

describe('PropertiesService and LockService', () => {
  test('properties are strings, per user, and limited to 9 KB per value', () => {
    const { emu, g } = setup();
    g.PropertiesService.getScriptProperties().setProperty('n', 5 as unknown as string);
    expect(g.PropertiesService.getScriptProperties().getProperty('n')).toBe('5');
    expect(emu.properties.script.get('n')).toBe('5');
    g.PropertiesService.getUserProperties().setProperty('k', 'owner');
    emu.run({ activeUser: HEAD1 }, () => expect(g.PropertiesService.getUserProperties().getProperty('k')).toBeNull());
    const doc = g.PropertiesService.getDocumentProperties();
    doc.setProperties({ a: '1', b: '2' });
    doc.setProperties({ c: '3' }, true);
    expect(doc.getKeys()).toEqual(['c']);
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(doc.getProperty('missing')).toBeNull();
  });

  test('locks contend with a simulated other execution and advance the clock', () => {
    const { emu, g } = setup();
    const t0 = emu.clock.nowMs();
    emu.locks.holdDocumentLock(true);
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(emu.clock.nowMs() - t0).toBe(31000);
    expect(g.LockService.getScriptLock().tryLock(10)).toBe(true);
    emu.locks.holdDocumentLock(false);
    emu.run({}, () => {
      const l = g.LockService.getDocumentLock();
      l.waitLock(1000);
      expect(l.hasLock()).toBe(true);
      l.releaseLock();
      expect(l.hasLock()).toBe(false);
    });
  });
});

describe('Utilities and Session', () => {
  test('formatDate in any zone, independent of the host zone', () => {
    const { g } = setup();
    const d = new Date('2026-05-09T17:30:05Z');
    const f = g.Utilities.formatDate;
    expect(f(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe('10/05/2026 00:30:05');
    expect(f(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-05-09T17:30:05Z');
    expect(f(d, 'America/New_York', 'EEE, d MMM yy h:mm a Z')).toBe('Sat, 9 May 26 1:30 PM -0400');
    expect(f(d, 'GMT+7', "'Ngày' d 'tháng' M")).toBe('Ngày 10 tháng 5');
    expect(f(d, 'Asia/Ho_Chi_Minh', 'XXX')).toBe('+07:00');
    expect(g.Utilities.parseDate('10/05/2026 08:00', 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm').toISOString()).toBe('2026-05-10T01:00:00.000Z');
    expect(g.Utilities.formatString('%s có %d thôn, %.1f%%', 'Xã', 12, 85.55)).toBe('Xã có 12 thôn, 85.6%');
  });

  test('sleep advances the clock; Session reports users and zone', () => {
    const { emu, g } = setup();
    const t0 = emu.clock.nowMs();
    g.Utilities.sleep(1500);
    expect(emu.clock.nowMs() - t0).toBe(1500);
    emu.run({ activeUser: HEAD1, effectiveUser: OWNER }, () => {
      expect(g.Session.getActiveUser().getEmail()).toBe(HEAD1);
      expect(g.Session.getEffectiveUser().getEmail()).toBe(OWNER);
    });
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(g.Session.getActiveUserLocale()).toBe('vi');
  });
});

describe('emulation guard and call counting', () => {
  test('unimplemented members throw "not emulated"', () => {
    const { g } = setup();
    const range = g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1');
    expect(() => range.getRichTextValue()).toThrow('not emulated: Range.getRichTextValue');
    expect(() => g.SpreadsheetApp.openByIdd).toThrow('not emulated: SpreadsheetApp.openByIdd');
    expect(() => g.Utilities.computeDigest()).toThrow('not emulated: Utilities.computeDigest');
    expect(() => range.rect).toThrow('not emulated: Range.rect');
    expect(range.then).toBeUndefined();
    expect(String(range)).toBe('Range');
    // A failing assertion on an emulated object must print, not throw "not emulated".
    expect(() => expect(range).toBeNull()).toThrow('toBeNull');
  });

  test('calls are counted per Class.method', () => {
    const { emu, g } = setup();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1:B2').getValues();
    sheet.getRange('A1').setValue(1);
    expect(emu.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(emu.calls.get('Sheet.getRange')).toBe(2);
    expect(emu.calls.get('Range.getValues')).toBe(1);
    expect(emu.calls.total((n) => n.startsWith('Range.'))).toBe(2);
    expect(emu.calls.snapshot()).toEqual({
      'Range.getValues': 1, 'Range.setValue': 1, 'Sheet.getRange': 2,
      'Spreadsheet.getActiveSheet': 1, 'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    // The test-side raw accessors are not script calls: they count nothing.
    emu.rawSet(emu.sheetNames()[0], 'C1', 'x');
    emu.rawGet(emu.sheetNames()[0], 'C1');
    emu.rawGrid(emu.sheetNames()[0]);
    expect(emu.calls.total()).toBe(6);
    emu.calls.reset();
    expect(emu.calls.total()).toBe(0);
  });
});
