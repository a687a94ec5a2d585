/**
 * Estimated Apps Script latency per service call ('Class.method', as CallCounter counts them), for
 * the cost model of costMeter.ts. Every figure names its source: a public measurement, or
 * `estimate` with the reasoning. Apps Script publishes no latencies; these are orders of magnitude
 * for comparing designs and for budgeting an execution, not predictions of one run.
 *
 * How a call is charged depends on its kind:
 * - `read`: a spreadsheet read. It first commits the queued writes (a flush, see flushMs) and then
 *   costs its figure. Google: "Every time you do a read, we must first empty (commit) the write
 *   cache to ensure that you're reading the latest data" (SOURCES.blog2010).
 * - `write`: a spreadsheet change. It is queued (write cache): it costs its figure and adds the
 *   cells it touches to the next flush.
 * - `flush`: commits the queued writes (SpreadsheetApp.flush, Lock.releaseLock); the end of an
 *   execution does the same.
 * - `service`: a round trip to another service (properties, mail, triggers, lock, user); no flush.
 * - `local`: answered by the script's runtime without a round trip (builders, getters of an object
 *   already fetched, logging, formatting).
 * - `sleep`: Utilities.sleep, which costs its argument (the emulator's clock already moves by it).
 */

export type CallKind = 'read' | 'write' | 'flush' | 'service' | 'local' | 'sleep';

export interface Latency {
  ms: number;
  kind: CallKind;
  /** A public measurement, or `estimate: <reasoning>`. */
  source: string;
}

export const SOURCES = {
  blog2010: 'Google Apps Script blog, "Optimizing Spreadsheet Operations" (2010-06-01), http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html: look-ahead read cache and write cache; a read first commits the write cache',
  bestPractices: 'https://developers.google.com/apps-script/guides/support/best-practices ("Use batch operations": alternating reads and writes is slow; read once, write once)',
  so2013: 'Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?" (Mogsdad\'s answer, 2013; mirrored at ruby-bash.developreference.com/article/29263774): one setValues of 4,000 cells < 50 ms, 610 ms with a flush() after it; 400 row-by-row setValues 164 ms, almost 12 s with a flush() after each row (~30 ms a flush of 10 cells)',
  ziritione: 'Luis Peralta, "Google Apps Script APIs performance", https://ziritione.org/post/apps_script_performance (100 runs): getScriptProperties().getProperty avg 30 ms (min 20, max 84), setProperty avg 62 ms (min 43, max 231); user properties 34 / 64 ms',
  poehnelt: 'Justin Poehnelt, "Storage Wars: CacheService vs. PropertiesService vs. Firestore Benchmarks", https://justin.poehnelt.com/posts/apps-script-key-value-stores: PropertiesService write+read ~80 ms',
  smallOutbox: 'Small Outbox add-on FAQ (sites.google.com/quickfixters.com/add-onsuniverse/faq): "An email with total size of 100KB will take about 1.2 seconds to send"',
  issue: 'the project\'s cost-model issue (reference points gathered from public reports): cached reads ~2 ms; the flush a read forces ~30 ms, up to ~600 ms after a large write; document properties ~30 ms get / ~60 ms set; sendEmail 0.3–1.2 s',
} as const;

/** A flush commits the write cache: 30 ms, plus FLUSH_MS_PER_CELL for every cell written since the last one, at most FLUSH_MAX_MS. */
export const FLUSH_BASE_MS = 30;
/**
 * k, chosen from SOURCES.so2013: a 4,000-cell setValues took < 50 ms without a flush and 610 ms with
 * one, so that flush cost ≈ 560 ms = 30 ms + 4,000 k → k ≈ 0.13 ms a cell; a 10-cell row flush is
 * then 31 ms, matching the ~30 ms a row of the row-by-row run.
 */
export const FLUSH_MS_PER_CELL = 0.13;
/** The largest flush observed (SOURCES.so2013: 610 ms after 4,000 cells; the issue's ~600 ms). */
export const FLUSH_MAX_MS = 600;

/** Whole milliseconds, as the script's Date resolves time. */
export function flushMs(cells: number): number {
  return Math.min(FLUSH_MAX_MS, Math.round(FLUSH_BASE_MS + FLUSH_MS_PER_CELL * cells));
}

const READ_MS = 2;
const WRITE_MS = 20;

export const DEFAULT_READ: Latency = {
  ms: READ_MS, kind: 'read',
  source: `estimate: a read served by the look-ahead cache (${SOURCES.blog2010}); ~2 ms is the issue's cached-read figure. Not scaled with the cells read (no public measurement of the slope found)`,
};
export const DEFAULT_WRITE: Latency = {
  ms: WRITE_MS, kind: 'write',
  source: 'estimate: one queued spreadsheet change (values, formats, sizes, merges). SOURCES.so2013 measured 0.4 ms (row setValues) to ~1 ms (cell setValue) a call client-side, excluding the commit; 20 ms is the issue\'s default, kept as the pessimistic side so that budgets stop early rather than late',
};
export const DEFAULT_SERVICE: Latency = {
  ms: WRITE_MS, kind: 'service',
  source: 'estimate: an unlisted round trip to another service, priced like a spreadsheet write',
};
export const LOCAL: Latency = { ms: 0, kind: 'local', source: 'estimate: no round trip (builder, object already fetched, logging or formatting)' };

/** The spreadsheet classes: get*, is*, can*, has* read (and flush); anything else is a queued write. */
export const SPREADSHEET_CLASSES = new Set(['Range', 'RangeList', 'Sheet', 'Spreadsheet', 'Protection']);

/** Classes whose every method is answered locally (builders, fetched value objects, logging). */
export const LOCAL_CLASSES = new Set([
  'DataValidationBuilder', 'DataValidation', 'ConditionalFormatRuleBuilder', 'ConditionalFormatRule', 'BooleanCondition',
  'EmbeddedChartBuilder', 'EmbeddedBarChartBuilder', 'EmbeddedChart', 'TriggerBuilder', 'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder', 'Trigger', 'User', 'AuthorizationInfo', 'HtmlOutput', 'Menu', 'Logger', 'console',
  'Utilities', 'Charts', 'ChartOptions', 'ContainerInfo', 'PromptResponse',
]);

const estimate = (ms: number, kind: CallKind, why: string): Latency => ({ ms, kind, source: `estimate: ${why}` });
const measured = (ms: number, kind: CallKind, source: string): Latency => ({ ms, kind, source });

const RANGE_GEOMETRY = estimate(0, 'local', 'the Range object\'s own coordinates, known without a round trip');
const IDENTITY = estimate(0, 'local', 'an identifier of an object already fetched');
const STRUCTURE = estimate(300, 'write', 'a structural change (add or delete a tab) applied at once and answered with the new object: about a large flush (between the 30 ms and 600 ms of SOURCES.so2013); no published figure');
const PROTECT = estimate(250, 'write', 'creates a protected range server-side and returns it with its editors (the owner and the spreadsheet\'s editors) already resolved; no published figure');
const PROTECTION_EDITORS = estimate(400, 'write', 'changes a protection\'s editor list, which Sheets resolves against the file\'s sharing (Drive ACL) per address; public reports only call it slow; no published figure');
const PROTECTION_LIST = estimate(50, 'read', 'protections are sheet metadata outside the cell cache: one metadata round trip; no published figure');
const ACL_READ = estimate(100, 'read', 'resolves accounts from the file\'s sharing (Drive ACL); no published figure');
const TRIGGER_CREATE = estimate(500, 'service', 'registers the trigger with the trigger service and checks the installer\'s authorization; no published figure');
const TRIGGER_LIST = estimate(100, 'service', 'lists the project\'s triggers from the trigger service; no published figure');
const PROPERTY_GET = measured(30, 'service', `${SOURCES.ziritione}; ${SOURCES.poehnelt}; the issue's ~30 ms`);
const PROPERTY_SET = measured(60, 'service', `${SOURCES.ziritione}; ${SOURCES.poehnelt}; the issue's ~60 ms`);

/** Figures per 'Class.method'; unlisted calls fall back to latencyOf's defaults. */
export const LATENCY: Readonly<Record<string, Latency>> = {
  // Spreadsheet: flush points
  'SpreadsheetApp.flush': measured(2, 'flush', `with writes queued: flushMs(cells written since the last flush), from ${SOURCES.so2013}; with nothing queued, estimate: a no-op priced as a cached read`),
  'Lock.releaseLock': estimate(10, 'flush', 'commits the queued writes first (the Lock reference asks scripts to flush before releasing; the model charges that flush here) plus a lock round trip'),

  // Spreadsheet: reads and local getters
  'SpreadsheetApp.getActiveSpreadsheet': estimate(2, 'service', 'the container spreadsheet, already open for the execution; priced as a cached read'),
  'SpreadsheetApp.getActive': estimate(2, 'service', 'as getActiveSpreadsheet'),
  'SpreadsheetApp.getUi': LOCAL,
  'SpreadsheetApp.newDataValidation': LOCAL,
  'SpreadsheetApp.newConditionalFormatRule': LOCAL,
  'Range.getA1Notation': RANGE_GEOMETRY,
  'Range.getRow': RANGE_GEOMETRY,
  'Range.getColumn': RANGE_GEOMETRY,
  'Range.getLastRow': RANGE_GEOMETRY,
  'Range.getLastColumn': RANGE_GEOMETRY,
  'Range.getNumRows': RANGE_GEOMETRY,
  'Range.getNumColumns': RANGE_GEOMETRY,
  'Range.getHeight': RANGE_GEOMETRY,
  'Range.getWidth': RANGE_GEOMETRY,
  'Range.getSheet': RANGE_GEOMETRY,
  'Range.getGridId': RANGE_GEOMETRY,
  'Range.offset': RANGE_GEOMETRY,
  'Range.getCell': RANGE_GEOMETRY,
  'Sheet.getRange': estimate(0, 'local', 'builds a Range object; the round trip happens when it is read or written (SOURCES.bestPractices\' loops pay per get/set, not per getRange)'),
  'Spreadsheet.getRange': estimate(0, 'local', 'as Sheet.getRange'),
  'Sheet.getName': IDENTITY,
  'Sheet.getSheetId': IDENTITY,
  'Sheet.getParent': IDENTITY,
  'Spreadsheet.getId': IDENTITY,
  'Spreadsheet.getUrl': IDENTITY,
  'Spreadsheet.getName': IDENTITY,
  'Protection.getRange': IDENTITY,
  'Sheet.getProtections': PROTECTION_LIST,
  'Spreadsheet.getProtections': PROTECTION_LIST,
  'Protection.getEditors': ACL_READ,
  'Spreadsheet.getEditors': ACL_READ,
  'Spreadsheet.getViewers': ACL_READ,
  'Spreadsheet.getOwner': ACL_READ,

  // Spreadsheet: writes that are not simple queued changes
  'Spreadsheet.insertSheet': STRUCTURE,
  'Spreadsheet.deleteSheet': STRUCTURE,
  'Spreadsheet.duplicateActiveSheet': STRUCTURE,
  'Sheet.copyTo': STRUCTURE,
  'Sheet.protect': PROTECT,
  'Range.protect': PROTECT,
  'Protection.addEditor': PROTECTION_EDITORS,
  'Protection.addEditors': PROTECTION_EDITORS,
  'Protection.removeEditor': PROTECTION_EDITORS,
  'Protection.removeEditors': PROTECTION_EDITORS,
  'Protection.remove': PROTECT,
  'Sheet.setConditionalFormatRules': estimate(50, 'write', 'replaces the sheet\'s whole rule list (not a cell write); no published figure'),
  'Sheet.insertChart': estimate(200, 'write', 'adds an embedded chart object; no published figure'),
  'Spreadsheet.toast': estimate(20, 'service', 'a UI message pushed to the open editor; no published figure'),

  // Properties
  'PropertiesService.getDocumentProperties': estimate(0, 'local', 'returns the store; the measured figures below include it'),
  'PropertiesService.getScriptProperties': estimate(0, 'local', 'as getDocumentProperties'),
  'PropertiesService.getUserProperties': estimate(0, 'local', 'as getDocumentProperties'),
  'Properties.getProperty': PROPERTY_GET,
  'Properties.getProperties': PROPERTY_GET,
  'Properties.getKeys': PROPERTY_GET,
  'Properties.setProperty': PROPERTY_SET,
  'Properties.setProperties': PROPERTY_SET,
  'Properties.deleteProperty': PROPERTY_SET,
  'Properties.deleteAllProperties': PROPERTY_SET,

  // Mail
  'MailApp.sendEmail': measured(700, 'service', `${SOURCES.issue} (0.3–1.2 s: the midpoint); ${SOURCES.smallOutbox} (our messages are a few KB of text)`),
  'MailApp.getRemainingDailyQuota': estimate(30, 'service', 'a quota lookup, priced like a property read; no published figure'),

  // Triggers and authorization
  'ScriptApp.newTrigger': LOCAL,
  'ClockTriggerBuilder.create': TRIGGER_CREATE,
  'SpreadsheetTriggerBuilder.create': TRIGGER_CREATE,
  'ScriptApp.getProjectTriggers': TRIGGER_LIST,
  'ScriptApp.getUserTriggers': TRIGGER_LIST,
  'ScriptApp.deleteTrigger': estimate(300, 'service', 'removes a trigger from the trigger service; no published figure'),
  'ScriptApp.getAuthorizationInfo': estimate(50, 'service', 'reads the user\'s grants; no published figure'),
  'ScriptApp.getScriptId': LOCAL,
  'ScriptApp.requireScopes': estimate(50, 'service', 'as getAuthorizationInfo'),
  'ScriptApp.requireAllScopes': estimate(50, 'service', 'as getAuthorizationInfo'),

  // Lock, session, UI, HTML
  'LockService.getDocumentLock': LOCAL,
  'LockService.getScriptLock': LOCAL,
  'LockService.getUserLock': LOCAL,
  'Lock.tryLock': estimate(50, 'service', 'an uncontended lock round trip (a contended wait moves the clock by the time waited, see services/lock.ts); no published figure'),
  'Lock.waitLock': estimate(50, 'service', 'as tryLock'),
  'Lock.hasLock': LOCAL,
  'Session.getActiveUser': estimate(2, 'service', 'identity known to the execution; priced as a cached read'),
  'Session.getEffectiveUser': estimate(2, 'service', 'as getActiveUser'),
  'Session.getScriptTimeZone': LOCAL,
  'Ui.alert': estimate(0, 'local', 'server time only; the person\'s reading time is not modelled'),
  'Ui.prompt': estimate(0, 'local', 'as alert'),
  'Ui.createMenu': LOCAL,
  'Ui.createAddonMenu': LOCAL,
  'Ui.showSidebar': estimate(100, 'service', 'sends the HTML to the open editor; no published figure'),
  'Ui.showModelessDialog': estimate(100, 'service', 'as showSidebar'),
  'Ui.showModalDialog': estimate(100, 'service', 'as showSidebar'),
  'HtmlService.createHtmlOutputFromFile': estimate(20, 'service', 'reads a project file; no published figure'),
  'HtmlService.createHtmlOutput': LOCAL,
  'Utilities.sleep': { ms: 0, kind: 'sleep', source: 'its argument, by definition' },
};

const READ_PREFIX = /^(get|is|can|has)/;

/** The figure for a call: the table's, else a default by class and method name. */
export function latencyOf(call: string): Latency {
  const listed = LATENCY[call];
  if (listed) return listed;
  const dot = call.indexOf('.');
  const cls = call.slice(0, dot);
  const method = call.slice(dot + 1);
  if (SPREADSHEET_CLASSES.has(cls)) return READ_PREFIX.test(method) ? DEFAULT_READ : DEFAULT_WRITE;
  if (LOCAL_CLASSES.has(cls) || cls.endsWith('Builder')) return LOCAL;
  return READ_PREFIX.test(method) ? { ...DEFAULT_READ, kind: 'service' } : DEFAULT_SERVICE;
}
