import { CallCounter } from './callCounter';
import { Clock } from './clock';
import { gasError } from './guard';
import { makeClockDate } from './time/clockDate';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface Execution {
  authMode: AuthModeName;
  activeUser: string;
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
  private readonly stack: Execution[] = [];
  private readonly idle: Execution;

  constructor(readonly opts: ResolvedOptions) {
    this.clock = new Clock(opts.now);
    this.DateClass = makeClockDate(this.clock, opts.scriptTimeZone);
    this.idle = { authMode: 'FULL', activeUser: opts.owner, effectiveUser: opts.owner, hasUi: true, heldLocks: new Set() };
  }

  get exec(): Execution {
    return this.stack[this.stack.length - 1] ?? this.idle;
  }

  run<T>(ctx: Partial<Omit<Execution, 'heldLocks'>>, fn: () => T): T {
    const activeUser = ctx.activeUser ?? this.opts.owner;
    this.stack.push({
      authMode: ctx.authMode ?? 'FULL',
      activeUser,
      effectiveUser: ctx.effectiveUser ?? activeUser,
      hasUi: ctx.hasUi ?? true,
      heldLocks: new Set(),
    });
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  date(ms: number): Date {
    return new this.DateClass(ms);
  }

  /** Throws the authorization error Apps Script raises when the mode is below `min`. */
  requireMode(min: AuthModeName, method: string, scope: string): void {
    if (ORDER[this.exec.authMode] < ORDER[min]) {
      throw gasError(`You do not have permission to call ${method}. Required permissions: ${scope}`);
    }
  }

  isOwner(email: string): boolean {
    return email.toLowerCase() === this.opts.owner.toLowerCase();
  }
}
