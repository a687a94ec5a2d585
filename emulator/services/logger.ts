import type { Api } from '../api';
import type { Env, LogLine } from '../env';
import { EmuObject } from '../guard';
import { formatString } from './utilities';

function render(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? String(a.stack ?? a) : safeJson(a))).join(' ');
}

function safeJson(x: unknown): string {
  try {
    return typeof x === 'object' && x !== null && !(x instanceof Date) ? JSON.stringify(x) : String(x);
  } catch {
    return String(x);
  }
}

export class EmuLogger extends EmuObject implements Api<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  constructor(private readonly env: Env) {
    super(env.calls, 'Logger');
  }

  /** log(data) | log(format, ...values) */
  log(data: unknown, ...values: unknown[]) {
    const message = values.length && typeof data === 'string' ? formatString(data, values) : render([data]);
    this.env.logs.push({ source: 'Logger', level: 'log', message, at: this.env.clock.now() });
    return this;
  }
  getLog() {
    return this.env.logs.filter((l) => l.source === 'Logger').map((l) => l.message).join('\n');
  }
  clear() {
    const keep = this.env.logs.filter((l) => l.source !== 'Logger');
    this.env.logs.splice(0, this.env.logs.length, ...keep);
  }
}

/** Apps Script's console (Cloud Logging); lines are recorded, not printed. */
export class EmuConsole extends EmuObject {
  constructor(private readonly env: Env) {
    super(env.calls, 'console');
  }

  private push(level: LogLine['level'], args: unknown[]): void {
    this.env.logs.push({ source: 'console', level, message: render(args), at: this.env.clock.now() });
  }

  log(...args: unknown[]) { this.push('log', args); }
  info(...args: unknown[]) { this.push('info', args); }
  warn(...args: unknown[]) { this.push('warn', args); }
  error(...args: unknown[]) { this.push('error', args); }
  debug(...args: unknown[]) { this.push('debug', args); }
}
