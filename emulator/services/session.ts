import { createHash } from 'node:crypto';
import type { Api } from '../api';
import type { Env } from '../env';
import { EmuObject } from '../guard';
import { EmuUser } from '../spreadsheet/user';

export class EmuSession extends EmuObject implements Api<GoogleAppsScript.Base.Session,
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'> {
  constructor(private readonly env: Env) {
    super(env.calls, 'Session');
  }

  /** Empty where Google withholds the user's identity (AuthMode.NONE, see Execution.activeUserEmail). */
  getActiveUser() {
    return new EmuUser(this.counter, this.env.exec.activeUserEmail);
  }
  getEffectiveUser() {
    return new EmuUser(this.counter, this.env.exec.authMode === 'NONE' ? '' : this.env.exec.effectiveUser);
  }
  getScriptTimeZone() { return this.env.opts.scriptTimeZone; }
  getActiveUserLocale() { return this.env.opts.locale.split('_')[0]; }
  getTemporaryActiveUserKey() {
    return createHash('sha256').update(`emu-key:${this.env.exec.activeUser.toLowerCase()}`).digest('base64url').slice(0, 43);
  }
}
