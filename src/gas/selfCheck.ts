/**
 * Menu "Tự kiểm tra cài đặt": reads what is in place on the real sheet, lets core/selfCheck judge
 * it, shows the report and logs one line. It changes nothing else.
 */
import { REQUIRED_SCOPES, selfCheckLines, selfCheckText, type CheckLine, type SelfCheckFacts, type VillageTabFact } from '../core/automation/selfCheck';
import { OWN_TABS } from '../core/workbook/tabNames';
import { automationFacts } from './automation';
import { appendLog } from './log';
import { menuCommand } from './office';
import { inputsProtectionWhat } from '../core/workbook/villageTabSpec';
import { rangeProtectionOf, sheetProtectionOf } from './protections';
import { readConfig } from './settingsSheet';
import { myTriggers, TRIGGER_KINDS } from './triggers';
import { tabFinder } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TITLE = 'Tự kiểm tra cài đặt';

export interface SelfCheckReport {
  lines: CheckLine[];
  text: string;
}

type Probe<T> = { value: T } | { missing: true };

/** The required scopes this user has not granted (granular consent lets a user grant only some). */
function missingScopes(): string[] {
  const wanted = REQUIRED_SCOPES.map((s) => s.scope);
  const granted = new Set(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, wanted).getAuthorizedScopes());
  return wanted.filter((s) => !granted.has(s));
}

/** A call that needs a scope the user may not have granted: Apps Script then refuses with "You do not have permission to call …". */
function probe<T>(call: () => T): Probe<T> {
  try {
    return { value: call() };
  } catch (error) {
    if (/permission/i.test(error instanceof Error ? error.message : String(error))) return { missing: true };
    throw error;
  }
}

const valueOf = <T>(p: Probe<T>, fallback: T): T => ('value' in p ? p.value : fallback);

/** Apps Script lets only a protection's editors read its editors; anyone else sees it as 'unreadable'. */
function editorsOf(protection: GoogleAppsScript.Spreadsheet.Protection | null): string[] | null | 'unreadable' {
  if (!protection) return null;
  return protection.canEdit() ? protection.getEditors().map((u) => u.getEmail().toLowerCase()) : 'unreadable';
}

function canTakeLock(): boolean {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(3000)) return false;
  lock.releaseLock();
  return true;
}

function readFacts(ss: Spreadsheet, me: Probe<string>, quota: Probe<number>): SelfCheckFacts {
  const config = readConfig(ss);
  const mine = probe(() => ScriptApp.getProjectTriggers());
  const email = valueOf(me, '');
  const triggers = automationFacts(email);
  const findTab = tabFinder(ss, config?.villages);
  const villages: VillageTabFact[] = !config ? [] : config.villages.flatMap((v) => {
    const tab = findTab(v.name);
    if (!tab) return [];
    // The stamp row is under the tab's own protection, outside the head's cells.
    // Setup describes its protections with the village's name, whatever the tab is called now.
    const inputs = rangeProtectionOf(tab.sheet, inputsProtectionWhat(v.name, config.settings));
    return [{ village: v.name, tab: tab.name, headEmail: v.email, editors: editorsOf(inputs), stampEditors: editorsOf(sheetProtectionOf(tab.sheet)) }];
  });
  const ownTabs = OWN_TABS.flatMap((name) => {
    const sheet = ss.getSheetByName(name);
    return sheet ? [{ tab: name, editors: editorsOf(sheetProtectionOf(sheet)) }] : [];
  });
  return {
    now: new Date(),
    missingScopes: missingScopes(),
    setUp: config !== null,
    villageWord: config?.settings.villageWord ?? 'Thôn',
    spreadsheetEditors: [ss.getOwner()?.getEmail() ?? '', ...ss.getEditors().map((u) => u.getEmail())].filter((e) => e !== '').map((e) => e.toLowerCase()),
    triggers,
    presentTriggers: 'value' in mine ? TRIGGER_KINDS.filter((kind) => myTriggers(kind).length > 0) : null,
    villages,
    ownTabs,
    mailQuota: valueOf(quota, null),
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
    lockAvailable: canTakeLock(),
  };
}

export function selfCheck(): SelfCheckReport | null {
  return menuCommand(TITLE, (ss) => {
    const me = probe(() => Session.getEffectiveUser().getEmail());
    const quota = probe(() => MailApp.getRemainingDailyQuota());
    const lines = selfCheckLines(readFacts(ss, me, quota));
    const text = selfCheckText(lines);
    const problems = lines.filter((l) => l.level !== 'ok').map((l) => l.text);
    appendLog(ss, [{ action: TITLE, detail: problems.length ? problems.join(' | ') : 'Mọi thứ đã sẵn sàng.' }], new Date(), valueOf(me, '') || 'không rõ (thiếu quyền biết email)');
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, text, ui.ButtonSet.OK);
    return { lines, text };
  });
}
