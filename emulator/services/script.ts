import type { Api } from '../api';
import type { Env } from '../env';
import { AuthMode, AuthorizationStatus, EventType, TriggerSource, WeekDay } from '../enums';
import { EmuObject, gasError } from '../guard';
import { EmuSpreadsheet } from '../spreadsheet/spreadsheet';
import { isValidTimeZone } from '../time/zone';

const SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const MAX_TRIGGERS_PER_USER = 20;

/**
 * Refusal of a second trigger of one type by one user in an add-on. The time-based wording is
 * the platform's, as users report it; the other types' wording is an approximation modelled on it.
 */
const ADDON_TRIGGER_KINDS: Record<keyof typeof EventType, string> = {
  CLOCK: 'time-based', ON_OPEN: 'open', ON_EDIT: 'edit', ON_FORM_SUBMIT: 'form-submit', ON_CHANGE: 'change', ON_EVENT_UPDATED: 'calendar',
};

export interface ClockSchedule {
  everyDays?: number;
  everyHours?: number;
  everyMinutes?: number;
  /** A one-off trigger: fires once, this many ms after it was created. */
  afterMs?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone: string;
}

/** An installable trigger. Fields are for test inspection; scripts see only the Trigger API. */
export class EmuTrigger extends EmuObject implements Api<GoogleAppsScript.Script.Trigger,
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'> {
  /** Instant up to which time-driven occurrences have been fired (or skipped). */
  lastChecked: number;

  constructor(
    env: Env,
    readonly uid: string,
    readonly handler: string,
    readonly eventType: keyof typeof EventType,
    readonly source: keyof typeof TriggerSource,
    readonly sourceId: string | null,
    readonly owner: string,
    readonly createdAt: Date,
    readonly schedule?: ClockSchedule,
  ) {
    super(env.calls, 'Trigger');
    this.lastChecked = createdAt.getTime();
  }

  getUniqueId() { return this.uid; }
  getHandlerFunction() { return this.handler; }
  getEventType() { return this.eventType; }
  getTriggerSource() { return this.source; }
  getTriggerSourceId() { return this.sourceId; }
}

export interface TriggerRegistry {
  triggers: EmuTrigger[];
  nextUid(): string;
}

class EmuSpreadsheetTriggerBuilder extends EmuObject implements Api<GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  'onEdit' | 'onOpen' | 'onChange' | 'onFormSubmit' | 'create'> {
  private event?: keyof typeof EventType;

  constructor(private readonly app: EmuScriptApp, private readonly handler: string, private readonly sourceId: string) {
    super(app.counter, 'SpreadsheetTriggerBuilder');
  }

  onEdit() { this.event = 'ON_EDIT'; return this; }
  onOpen() { this.event = 'ON_OPEN'; return this; }
  onChange() { this.event = 'ON_CHANGE'; return this; }
  onFormSubmit() { this.event = 'ON_FORM_SUBMIT'; return this; }
  create() {
    if (!this.event) throw gasError('Missing event type for the trigger. Call onEdit(), onOpen(), onChange() or onFormSubmit() first.');
    return this.app._add(this.handler, this.event, 'SPREADSHEETS', this.sourceId);
  }
}

class EmuClockTriggerBuilder extends EmuObject implements Api<GoogleAppsScript.Script.ClockTriggerBuilder,
  'after' | 'everyDays' | 'everyHours' | 'everyMinutes' | 'atHour' | 'nearMinute' | 'inTimezone' | 'create'> {
  private readonly schedule: ClockSchedule;

  constructor(private readonly app: EmuScriptApp, private readonly handler: string, timeZone: string) {
    super(app.counter, 'ClockTriggerBuilder');
    this.schedule = { timeZone };
  }

  /**
   * ClockTriggerBuilder.after: "the minimum duration (in milliseconds) after the current time that the
   * trigger runs. The actual duration might vary, but won't be less than your specified minimum."
   */
  after(durationMilliseconds: number) {
    if (!Number.isInteger(durationMilliseconds) || durationMilliseconds < 0) throw gasError('Invalid argument: durationMilliseconds');
    this.schedule.afterMs = durationMilliseconds;
    return this;
  }
  everyDays(n: number) { this.schedule.everyDays = n; return this; }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError('The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
    return this;
  }
  /** ClockTriggerBuilder.everyMinutes: "n must be 1, 5, 10, 15 or 30" (the message is an approximation). */
  everyMinutes(n: number) {
    if (![1, 5, 10, 15, 30].includes(n)) throw gasError('The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.');
    this.schedule.everyMinutes = n;
    return this;
  }
  atHour(hour: number) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw gasError('The hour must be an integer between 0 and 23.');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number) { this.schedule.nearMinute = minute; return this; }
  inTimezone(timezone: string) {
    if (!isValidTimeZone(timezone)) throw gasError(`Invalid argument: timezone ${timezone}`);
    this.schedule.timeZone = timezone;
    return this;
  }
  create() {
    const { afterMs, everyDays, everyHours, everyMinutes } = this.schedule;
    if (afterMs === undefined && !everyDays && !everyHours && !everyMinutes) throw new Error('not emulated: ClockTriggerBuilder schedules other than after/everyDays/everyHours/everyMinutes');
    return this.app._add(this.handler, 'CLOCK', 'CLOCK', null, { ...this.schedule });
  }
}

class EmuTriggerBuilder extends EmuObject implements Api<GoogleAppsScript.Script.TriggerBuilder, 'forSpreadsheet' | 'timeBased'> {
  constructor(private readonly app: EmuScriptApp, private readonly handler: string, private readonly scriptTz: string) {
    super(app.counter, 'TriggerBuilder');
  }

  forSpreadsheet(sheet: EmuSpreadsheet | string) {
    const id = sheet instanceof EmuSpreadsheet ? sheet.id : String(sheet);
    return new EmuSpreadsheetTriggerBuilder(this.app, this.handler, id);
  }
  timeBased() { return new EmuClockTriggerBuilder(this.app, this.handler, this.scriptTz); }
}

/**
 * Whether the user granted the scopes asked about (ScriptApp.getAuthorizationInfo). Only
 * AuthMode.FULL requires that users grant authorization, so other modes never report REQUIRED.
 */
export class EmuAuthorizationInfo extends EmuObject implements Api<GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl'> {
  constructor(env: Env, private readonly missing: string[], private readonly authorized: string[], private readonly url: string) {
    super(env.calls, 'AuthorizationInfo');
  }

  getAuthorizationStatus() { return this.missing.length > 0 ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED; }
  /** null when no authorization is required (AuthorizationInfo reference). */
  getAuthorizationUrl() { return this.missing.length > 0 ? this.url : null; }
  /** The authorized scopes among those asked about (granular consent, 2025; not yet in @types). */
  getAuthorizedScopes() { return [...this.authorized]; }
}

/** Triggers belong to the user who created them; each user sees only their own. */
export class EmuScriptApp extends EmuObject implements Api<GoogleAppsScript.Script.ScriptApp,
  | 'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId' | 'getAuthorizationInfo'
  | 'requireScopes' | 'requireAllScopes'> {
  constructor(private readonly env: Env, private readonly registry: TriggerRegistry, private readonly scriptId: string) {
    super(env.calls, 'ScriptApp');
  }

  get AuthMode() { return AuthMode; }
  get AuthorizationStatus() { return AuthorizationStatus; }
  get EventType() { return EventType; }
  get TriggerSource() { return TriggerSource; }
  get WeekDay() { return WeekDay; }

  private check(method: string): void {
    this.env.requireMode('FULL', `ScriptApp.${method}`, SCOPE);
  }

  private mine(): EmuTrigger[] {
    const me = this.env.exec.effectiveUser.toLowerCase();
    return this.registry.triggers.filter((t) => t.owner.toLowerCase() === me);
  }

  _add(handler: string, eventType: EmuTrigger['eventType'], source: EmuTrigger['source'], sourceId: string | null, schedule?: ClockSchedule): EmuTrigger {
    this.check('newTrigger');
    if (this.mine().length >= MAX_TRIGGERS_PER_USER) {
      throw gasError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    if (this.env.opts.deployment !== 'bound') this.checkAddonTrigger(eventType, schedule);
    const t = new EmuTrigger(this.env, this.registry.nextUid(), handler, eventType, source, sourceId, this.env.exec.effectiveUser, this.env.clock.now(), schedule);
    this.registry.triggers.push(t);
    return t;
  }

  /**
   * Triggers for Editor add-ons › Restrictions: "Each add-on can only have one trigger of each
   * type, per user, per document" (the emulator holds one document) and "Time-driven triggers
   * cannot run more frequently than once per hour" (that message is an approximation).
   */
  private checkAddonTrigger(eventType: EmuTrigger['eventType'], schedule?: ClockSchedule): void {
    if (this.mine().some((t) => t.eventType === eventType)) {
      throw gasError(`This add-on has created too many ${ADDON_TRIGGER_KINDS[eventType]} triggers in this document for this Google user account.`);
    }
    if (schedule?.everyMinutes) throw gasError('Add-ons can only create time-driven triggers that run at most once per hour.');
  }

  /**
   * The scopes asked about: the given ones, each of which the script must request ("Scopes that
   * are invalid or not required by the script lead to an error"; the message is an approximation),
   * else every scope the manifest requests.
   */
  private askedScopes(oAuthScopes?: string[]): string[] {
    const requested = this.env.opts.requestedScopes;
    if (oAuthScopes === undefined) return [...requested];
    const asked = [...oAuthScopes].map(String);
    if (asked.some((s) => !requested.includes(s))) throw gasError('Invalid argument: oAuthScopes');
    return asked;
  }

  /** Scopes among `asked` the user has not granted; only AuthMode.FULL requires that users grant any. */
  private missingScopes(authMode: string, asked: string[]): string[] {
    return authMode === AuthMode.FULL ? asked.filter((s) => !this.env.isGranted(s)) : [];
  }

  /** The URL's shape is an assumption: Google documents only that it opens the consent dialog. */
  private authorizationUrl(): string {
    return `https://script.google.com/macros/d/${this.scriptId}/authorize`;
  }

  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes?: string[]) {
    const asked = this.askedScopes(oAuthScopes);
    const authorized = asked.filter((s) => this.env.isGranted(s));
    return new EmuAuthorizationInfo(this.env, this.missingScopes(String(authMode), asked), authorized, this.authorizationUrl());
  }

  /**
   * "If any of the specified consents are missing, then this method ends the current execution and
   * renders an authorization prompt": the prompt is recorded (where there is a UI) and the execution
   * ends with Apps Script's authorization error (that it is this message is an assumption).
   */
  private requireConsent(authMode: string, asked: string[]): void {
    const missing = this.missingScopes(authMode, asked);
    if (missing.length === 0) return;
    if (this.env.exec.hasUi) this.env.authorizationPrompts.push({ scopes: missing, at: this.env.clock.now() });
    throw gasError('Authorization is required to perform that action.');
  }

  requireScopes(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes: string[]) {
    this.requireConsent(String(authMode), this.askedScopes(oAuthScopes));
  }
  requireAllScopes(authMode: GoogleAppsScript.Script.AuthMode) {
    this.requireConsent(String(authMode), this.askedScopes());
  }

  newTrigger(functionName: string) {
    this.check('newTrigger');
    return new EmuTriggerBuilder(this, String(functionName), this.env.opts.scriptTimeZone);
  }
  getProjectTriggers() {
    this.check('getProjectTriggers');
    return this.mine();
  }
  getUserTriggers(spreadsheet: EmuSpreadsheet) {
    this.check('getUserTriggers');
    return this.mine().filter((t) => t.sourceId === spreadsheet.id);
  }
  deleteTrigger(trigger: EmuTrigger) {
    this.check('deleteTrigger');
    if (!this.mine().includes(trigger)) throw gasError('The trigger was not found or it belongs to another user.');
    this.registry.triggers.splice(this.registry.triggers.indexOf(trigger), 1);
  }
  getScriptId() { return this.scriptId; }
}
