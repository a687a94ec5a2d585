import type { Api } from '../api';
import type { Env } from '../env';
import { AuthMode, EventType, TriggerSource, WeekDay } from '../enums';
import { EmuObject, gasError } from '../guard';
import { EmuSpreadsheet } from '../spreadsheet/spreadsheet';
import { isValidTimeZone } from '../time/zone';

const SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
const MAX_TRIGGERS_PER_USER = 20;

export interface ClockSchedule {
  everyDays?: number;
  everyHours?: number;
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
  'everyDays' | 'everyHours' | 'atHour' | 'nearMinute' | 'inTimezone' | 'create'> {
  private readonly schedule: ClockSchedule;

  constructor(private readonly app: EmuScriptApp, private readonly handler: string, timeZone: string) {
    super(app.counter, 'ClockTriggerBuilder');
    this.schedule = { timeZone };
  }

  everyDays(n: number) { this.schedule.everyDays = n; return this; }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError('The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
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
    if (!this.schedule.everyDays && !this.schedule.everyHours) throw new Error('not emulated: ClockTriggerBuilder schedules other than everyDays/everyHours');
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

/** Triggers belong to the user who created them; each user sees only their own. */
export class EmuScriptApp extends EmuObject implements Api<GoogleAppsScript.Script.ScriptApp,
  'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId'> {
  constructor(private readonly env: Env, private readonly registry: TriggerRegistry, private readonly scriptId: string) {
    super(env.calls, 'ScriptApp');
  }

  get AuthMode() { return AuthMode; }
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
    const t = new EmuTrigger(this.env, this.registry.nextUid(), handler, eventType, source, sourceId, this.env.exec.effectiveUser, this.env.clock.now(), schedule);
    this.registry.triggers.push(t);
    return t;
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
