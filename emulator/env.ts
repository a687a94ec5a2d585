import { CallCounter } from './callCounter';
import { Clock } from './clock';
import { gasError, gateCalls } from './guard';
import { permissionDenied, requiredScopes } from './scopes';
import { sameEmail } from './spreadsheet/user';
import { makeClockDate } from './time/clockDate';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/**
 * How the project runs: a container-bound script, an Editor add-on test deployment (Deploy > Test
 * deployments) or a published Editor add-on. Add-ons follow extra trigger and menu rules.
 */
export type Deployment = 'bound' | 'addon-test' | 'addon';

export interface Execution {
  authMode: AuthModeName;
  /** The person whose action started the execution (who is at the keyboard). */
  activeUser: string;
  /**
   * What Session.getActiveUser().getEmail() returns: '' where Google withholds the active user's
   * identity from the account the script runs under (see Env.disclosedEmail).
   */
  activeUserEmail: string;
  effectiveUser: string;
  /** Time-driven executions have no user interface; SpreadsheetApp.getUi() throws there. */
  hasUi: boolean;
  /** Locks this execution holds; released when it ends, as Apps Script does. */
  heldLocks: Set<string>;
}

export interface ResolvedOptions {
  now: Date;
  owner: string;
  editors: string[];
  spreadsheetName: string;
  spreadsheetTimeZone: string;
  scriptTimeZone: string;
  locale: string;
  mailQuota: number;
  htmlFiles?: Record<string, string>;
  /** Scopes the user granted; null when the manifest lets Apps Script detect them (all granted). */
  grantedScopes: string[] | null;
  /** Scopes the project requests (appsscript.json oauthScopes), which the user is asked to grant. */
  requestedScopes: readonly string[];
  deployment: Deployment;
  /** Email domains of consumer Google accounts, which never form a Google Workspace domain. */
  consumerDomains: readonly string[];
}

export interface AuthorizationPrompt {
  scopes: string[];
  at: Date;
}

export interface LogLine {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  at: Date;
}

const ORDER: Record<AuthModeName, number> = { NONE: 0, LIMITED: 1, FULL: 2 };

/** State shared by all emulated services of one emulator instance. */
export class Env {
  readonly calls = new CallCounter();
  readonly clock: Clock;
  /** The script-visible Date (clock-driven, script time zone). */
  readonly DateClass: DateConstructor;
  readonly logs: LogLine[] = [];
  /** Lock kinds currently held by some other (simulated) execution. */
  readonly foreignLocks = new Set<string>();
  /** Consent prompts ScriptApp.requireScopes/requireAllScopes rendered before ending an execution. */
  readonly authorizationPrompts: AuthorizationPrompt[] = [];
  private readonly stack: Execution[] = [];
  private readonly idle: Execution;
  /** Fault injection (AppsScriptEmulator.failCall): calls left before the one that throws, and its message. */
  private fault: { callsLeft: number; message: string } | null = null;

  constructor(readonly opts: ResolvedOptions) {
    this.clock = new Clock(opts.now);
    this.DateClass = makeClockDate(this.clock, opts.scriptTimeZone);
    this.idle = {
      authMode: 'FULL', activeUser: opts.owner, activeUserEmail: opts.owner, effectiveUser: opts.owner, hasUi: true, heldLocks: new Set(),
    };
    gateCalls(this.calls, (call) => {
      this.requireScopes(call);
      this.injectFault();
    });
  }

  /** Arms one failure: the `n`-th counted call from now throws `message` before it has any effect. */
  failCall(n: number, message: string): void {
    this.fault = { callsLeft: n, message };
  }

  private injectFault(): void {
    if (!this.fault || --this.fault.callsLeft > 0) return;
    const { message } = this.fault;
    this.fault = null;
    throw gasError(message);
  }

  get exec(): Execution {
    return this.stack[this.stack.length - 1] ?? this.idle;
  }

  /**
   * Without an explicit activeUserEmail, the identity is withheld in AuthMode.NONE and, in LIMITED
   * (simple triggers, which run without the user's authorization), disclosed only as to the
   * script's developer, here its owner. In FULL the user authorized the script and is disclosed.
   */
  run<T>(ctx: Partial<Omit<Execution, 'heldLocks'>>, fn: () => T): T {
    const authMode = ctx.authMode ?? 'FULL';
    const activeUser = ctx.activeUser ?? this.opts.owner;
    const disclosed = { NONE: '', LIMITED: this.disclosedEmail(activeUser, this.opts.owner), FULL: activeUser }[authMode];
    this.stack.push({
      authMode,
      activeUser,
      activeUserEmail: ctx.activeUserEmail ?? disclosed,
      effectiveUser: ctx.effectiveUser ?? activeUser,
      hasUi: ctx.hasUi ?? true,
      heldLocks: new Set(),
    });
    try {
      return fn();
    } finally {
      this.stack.pop();
      // The end of an execution commits its queued spreadsheet writes (cost model, costMeter.ts).
      this.calls.meter.endExecution();
    }
  }

  date(ms: number): Date {
    return new this.DateClass(ms);
  }

  /** Throws the authorization error Apps Script raises when the mode is below `min`. */
  requireMode(min: AuthModeName, method: string, scope: string): void {
    if (ORDER[this.exec.authMode] < ORDER[min]) throw permissionDenied(method, scope);
  }

  isGranted(scope: string): boolean {
    return this.opts.grantedScopes === null || this.opts.grantedScopes.includes(scope);
  }

  /** Refuses a call none of whose scopes the user granted (with explicit scopes in the manifest). */
  private requireScopes(call: string): void {
    const required = requiredScopes(call);
    if (required && !required.some((s) => this.isGranted(s))) throw permissionDenied(call, required);
  }

  /**
   * `user`'s email as Google discloses it to a script running under `authority`'s authorization:
   * the same account, or both in one Google Workspace domain; otherwise ''. Session.getActiveUser:
   * "these restrictions generally do not apply if the developer runs the script themselves or
   * belongs to the same Google Workspace domain as the user". Consumer accounts (gmail.com) share
   * no domain.
   */
  disclosedEmail(user: string, authority: string): string {
    if (sameEmail(user, authority)) return user;
    const domain = (email: string) => email.trim().toLowerCase().split('@')[1] ?? '';
    const d = domain(user);
    return d !== '' && d === domain(authority) && !this.opts.consumerDomains.includes(d) ? user : '';
  }

  isOwner(email: string): boolean {
    return email.toLowerCase() === this.opts.owner.toLowerCase();
  }
}
