import type { Api } from '../api';
import { EmuObject } from '../guard';
import type { CallCounter } from '../callCounter';

export class EmuUser extends EmuObject implements Api<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(counter: CallCounter, readonly email: string) {
    super(counter, 'User');
  }

  getEmail(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

/** Apps Script methods that take "an email address or a User". */
export function emailOf(x: unknown): string {
  if (x instanceof EmuUser) return x.email;
  if (typeof x === 'string') return x;
  throw new Error(`Invalid argument: ${String(x)}`);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
