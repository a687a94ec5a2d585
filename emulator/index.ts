import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallCounter } from './callCounter';
import type { Clock } from './clock';
import { Env, type AuthModeName, type AuthorizationPrompt, type Deployment, type LogLine } from './env';
import { expose } from './guard';
import { snapshotWorkbook, type WorkbookSnapshot } from './model';
import { EmuCharts } from './services/charts';
import { EmuHtmlService } from './services/html';
import { EmuLockService } from './services/lock';
import { EmuConsole, EmuLogger } from './services/logger';
import { EmuMailApp, type SentMail } from './services/mail';
import { EmuPropertiesService } from './services/properties';
import { EmuScriptApp, type EmuTrigger } from './services/script';
import { EmuSession } from './services/session';
import { EmuUi, type RecordedAlert, type RecordedHtml, type RecordedMenu, type UiRecorder } from './services/ui';
import { EmuUtilities } from './services/utilities';
import { EmuSpreadsheetApp } from './spreadsheet/app';
import type { EmuRange } from './spreadsheet/range';
import { EmuSpreadsheet, type RecordedToast } from './spreadsheet/spreadsheet';
import { exactValue, readable } from './spreadsheet/values';
import { applyUserEdit, fireTimeTriggers, type ExecutionRecord, type SuppressedTriggerRun, type UserEdit } from './triggerRunner';

export interface EmulatorOptions {
  now?: Date;
  owner?: string;
  editors?: string[];
  spreadsheetName?: string;
  spreadsheetTimeZone?: string;
  /** The script's time zone (appsscript.json); drives the script's Date. Default Asia/Ho_Chi_Minh. */
  scriptTimeZone?: string;
  locale?: string;
  mailQuota?: number;
  htmlFiles?: Record<string, string>;
  /**
   * The OAuth scopes the user granted. Default: the oauthScopes of the repo's appsscript.json.
   * A shorter list emulates partial (granular) consent; calls needing a missing scope throw.
   */
  oauthScopes?: string[];
  /**
   * 'bound' (default): a script bound to the spreadsheet. 'addon-test': an Editor add-on test
   * deployment, where installable triggers never fire. 'addon': a published Editor add-on. Both
   * add-on kinds allow one trigger of each type per user and time-driven triggers at most hourly.
   */
  deployment?: Deployment;
  /** Domains of consumer Google accounts, never a shared Workspace domain. Default gmail.com, googlemail.com. */
  consumerDomains?: string[];
  /**
   * Move the clock by each call's estimated Apps Script latency (latency.ts, costMeter.ts), so a
   * script that budgets itself with Date.now() sees time pass as on the platform. Default false:
   * the clock moves only when a test moves it (or the script sleeps or waits for a lock).
   */
  advanceClockByLatency?: boolean;
}

export interface RunContext {
  authMode?: AuthModeName;
  activeUser?: string;
  effectiveUser?: string;
}

export const REPO_ROOT = join(__dirname, '..');

/** The project's manifest: its oauthScopes are the scopes it requests (absent: detected automatically). */
function manifestScopes(): string[] | undefined {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
  return manifest.oauthScopes;
}

/**
 * An in-memory Apps Script runtime for one spreadsheet project (a bound script or an Editor
 * add-on, see EmulatorOptions.deployment). Scripts see
 * the services through globals(); tests drive people (userEdit), time (clock,
 * fireDueTimeTriggers) and inspect what happened (model(), mail, ui, calls, logs).
 */
export class AppsScriptEmulator {
  readonly clock: Clock;
  readonly calls: CallCounter;
  /** The container spreadsheet, as scripts see it (calls on it are counted). */
  readonly spreadsheet: EmuSpreadsheet;
  readonly mail: { outbox: SentMail[]; setRemainingQuota(n: number): void; failAddress(email: string): void };
  readonly ui: {
    menus: RecordedMenu[]; alerts: RecordedAlert[]; toasts: RecordedToast[]; sidebars: RecordedHtml[]; dialogs: RecordedHtml[];
    authorizationPrompts: AuthorizationPrompt[];
    queueResponse(r: { button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'; text?: string }): void;
  };
  readonly triggers: EmuTrigger[] = [];
  readonly properties: { script: Map<string, string>; document: Map<string, string>; user(email: string): Map<string, string> };
  readonly locks: { holdDocumentLock(held: boolean): void; holdScriptLock(held: boolean): void };
  /** Every trigger execution run by userEdit / fireDueTimeTriggers, with its error if it failed. */
  readonly executions: ExecutionRecord[] = [];
  /** Installable trigger runs the platform would not make (add-on test deployments). */
  readonly suppressedTriggerRuns: SuppressedTriggerRun[] = [];
  readonly logs: LogLine[];

  readonly _env: Env;
  readonly _ss: EmuSpreadsheet;
  private readonly services: Record<string, unknown>;

  constructor(opts: EmulatorOptions = {}) {
    const requested = manifestScopes();
    const env = new Env({
      now: opts.now ?? new Date('2026-05-10T01:00:00Z'),
      owner: opts.owner ?? 'office@example.gov.vn',
      editors: [...(opts.editors ?? [])],
      spreadsheetName: opts.spreadsheetName ?? 'Báo cáo Tổ CNSCĐ',
      spreadsheetTimeZone: opts.spreadsheetTimeZone ?? 'Asia/Ho_Chi_Minh',
      scriptTimeZone: opts.scriptTimeZone ?? 'Asia/Ho_Chi_Minh',
      locale: opts.locale ?? 'vi_VN',
      mailQuota: opts.mailQuota ?? 100,
      htmlFiles: opts.htmlFiles,
      grantedScopes: opts.oauthScopes ?? requested ?? null,
      requestedScopes: requested ?? opts.oauthScopes ?? [],
      deployment: opts.deployment ?? 'bound',
      consumerDomains: (opts.consumerDomains ?? ['gmail.com', 'googlemail.com']).map((d) => d.toLowerCase()),
    });
    this._env = env;
    this.clock = env.clock;
    this.calls = env.calls;
    if (opts.advanceClockByLatency) env.calls.meter.advance = (ms) => env.clock.advance(ms);
    this.logs = env.logs;
    const o = env.opts;
    this._ss = new EmuSpreadsheet(env, o.spreadsheetName, o.owner, o.editors, o.spreadsheetTimeZone, o.locale);
    this.spreadsheet = expose(this._ss);

    const rec: UiRecorder = { menus: [], alerts: [], sidebars: [], dialogs: [], responses: [], now: () => env.clock.now() };
    this.ui = {
      menus: rec.menus, alerts: rec.alerts, toasts: this._ss.toasts, sidebars: rec.sidebars, dialogs: rec.dialogs,
      authorizationPrompts: env.authorizationPrompts,
      queueResponse: (r) => { rec.responses.push(r); },
    };

    const mail = new EmuMailApp(env);
    this.mail = {
      outbox: mail.outbox,
      setRemainingQuota: (n) => mail._setRemaining(n),
      failAddress: (email) => { mail.failing.add(email.trim().toLowerCase()); },
    };

    const script = new Map<string, string>();
    const document = new Map<string, string>();
    const users = new Map<string, Map<string, string>>();
    const user = (email: string) => {
      const key = email.trim().toLowerCase();
      if (!users.has(key)) users.set(key, new Map());
      return users.get(key) as Map<string, string>;
    };
    this.properties = { script, document, user };

    this.locks = {
      holdDocumentLock: (held) => { if (held) env.foreignLocks.add('document'); else env.foreignLocks.delete('document'); },
      holdScriptLock: (held) => { if (held) env.foreignLocks.add('script'); else env.foreignLocks.delete('script'); },
    };

    let uid = 0;
    const registry = { triggers: this.triggers, nextUid: () => String(9_000_000 + ++uid) };
    const ui = new EmuUi(env.calls, rec, o.deployment === 'addon');
    this.services = {
      SpreadsheetApp: expose(new EmuSpreadsheetApp(env, this._ss, ui)),
      MailApp: expose(mail),
      PropertiesService: expose(new EmuPropertiesService(env, script, document, user)),
      LockService: expose(new EmuLockService(env)),
      ScriptApp: expose(new EmuScriptApp(env, registry, `1EmuScript${this._ss.id.slice(4, 40)}`)),
      Session: expose(new EmuSession(env)),
      Utilities: expose(new EmuUtilities(env)),
      HtmlService: expose(new EmuHtmlService(env.calls, o.htmlFiles, join(REPO_ROOT, 'dist'))),
      Logger: expose(new EmuLogger(env)),
      console: expose(new EmuConsole(env)),
      Charts: expose(new EmuCharts(env.calls)),
    };
  }

  /** The script's global services plus its clock-driven, script-time-zone Date. */
  globals(): Record<string, unknown> {
    return { ...this.services, Date: this._env.DateClass };
  }

  /**
   * Estimated Apps Script milliseconds of the calls counted since `calls.reset()` (the cost model:
   * latency.ts per call, a flush after queued writes; `calls.meter.breakdown()` per call).
   */
  estimatedMs(): number {
    return this.calls.estimatedMs();
  }

  run<T>(ctx: RunContext, fn: () => T): T {
    return this._env.run(ctx, fn);
  }

  userEdit(context: object, edit: UserEdit): GoogleAppsScript.Events.SheetsOnEdit {
    return applyUserEdit(this, context as Record<string, unknown>, edit);
  }

  /**
   * The user's consent changes after the fact: with granular consent a user may grant only some of
   * the manifest's scopes, and a redeploy with a narrower manifest has the same effect.
   */
  setGrantedScopes(scopes: readonly string[]): void {
    this._env.opts.grantedScopes = [...scopes];
  }

  /**
   * Fault injection: the `n`-th counted service call from now (1 = the next one) throws
   * `Exception: <message>` instead of taking effect, as a call that fails on the platform would
   * (a time-out, "Service unavailable"). One failure per arming; calls before it keep their effects.
   */
  failCall(n: number, message = 'Service Spreadsheets failed while accessing document (injected fault).'): void {
    this._env.failCall(n, message);
  }

  fireDueTimeTriggers(context: object): number {
    return fireTimeTriggers(this, context as Record<string, unknown>);
  }

  model(): WorkbookSnapshot {
    return snapshotWorkbook(this._ss);
  }

  sheetNames(): string[] {
    return this._ss.sheets.map((s) => s.name);
  }

  private rawRange(sheetName: string, a1: string): EmuRange {
    const sheet = this._ss._sheet(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    return sheet._rangeA1(a1);
  }

  /** Stores the value exactly (no typed parsing, no protection, not counted); a 2-D array fills a range. */
  rawSet(sheetName: string, a1: string, value: unknown): void {
    const range = this.rawRange(sheetName, a1);
    const { row, col, numRows, numCols } = range.rect;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const v = Array.isArray(value) ? (value as unknown[][])[i]?.[j] : value;
        range._storeExact(range.sheet._ensure(row + i, col + j), exactValue(v));
      }
    }
  }

  /** The top-left value as getValue() returns it (not counted). */
  rawGet(sheetName: string, a1: string): unknown {
    const range = this.rawRange(sheetName, a1);
    const cell = range.sheet._cell(range.rect.row, range.rect.col);
    return cell ? readable(cell.value, (ms) => new Date(ms)) : '';
  }

  /** The sheet's data range as getValues() returns it (not counted); [] when empty. */
  rawGrid(sheetName: string): unknown[][] {
    const sheet = this._ss._sheet(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    const rows = sheet._lastRow();
    const cols = sheet._lastCol();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => {
      const cell = sheet._cell(r + 1, c + 1);
      return cell ? readable(cell.value, (ms) => new Date(ms)) : '';
    }));
  }
}

export { Clock } from './clock';
export { CallCounter } from './callCounter';
export { CostMeter } from './costMeter';
export { LATENCY, latencyOf, flushMs, type Latency, type CallKind } from './latency';
export type { AuthModeName, AuthorizationPrompt, Deployment, LogLine } from './env';
export type { SentMail } from './services/mail';
export type { RecordedMenu, RecordedMenuItem, RecordedAlert, RecordedHtml } from './services/ui';
export type { RecordedToast } from './spreadsheet/spreadsheet';
export type { ExecutionRecord, SuppressedTriggerRun, UserEdit } from './triggerRunner';
export type { WorkbookSnapshot, SheetSnapshot, CellSnapshot, ProtectionSnapshot } from './model';
export type { CellFormat, Borders, BorderEdge } from './spreadsheet/cell';
export { EmuTrigger } from './services/script';
export { EmuSpreadsheet } from './spreadsheet/spreadsheet';
export { EmuSheet } from './spreadsheet/sheet';
export { EmuRange } from './spreadsheet/range';
export { EmuProtection, PROTECTED_MESSAGE } from './spreadsheet/protection';
export { EmuDataValidation, EmuDataValidationBuilder } from './spreadsheet/dataValidation';
export { EmuConditionalFormatRule, EmuConditionalFormatRuleBuilder } from './spreadsheet/conditionalFormat';
export { EmuEmbeddedChart, EmuEmbeddedChartBuilder } from './spreadsheet/chart';
export { EmuUser } from './spreadsheet/user';
export { EmuSpreadsheetApp } from './spreadsheet/app';
export { EmuMailApp } from './services/mail';
export { EmuUi, EmuMenu } from './services/ui';
export { EmuHtmlOutput, EmuHtmlService } from './services/html';
export { EmuProperties, EmuPropertiesService } from './services/properties';
export { EmuLock, EmuLockService } from './services/lock';
export { EmuScriptApp, EmuAuthorizationInfo } from './services/script';
export { EmuSession } from './services/session';
export { EmuUtilities } from './services/utilities';
export { EmuLogger, EmuConsole } from './services/logger';
export { GasException } from './guard';
