import type { Api } from '../api';
import type { Env } from '../env';
import { EmuObject, gasError } from '../guard';

type Kind = 'document' | 'script' | 'user';

/**
 * Locks are held per execution (released when it ends). Contention comes from
 * Env.foreignLocks, which simulates another execution holding a lock; a failed wait advances
 * the clock by the time waited.
 */
export class EmuLock extends EmuObject implements Api<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(private readonly env: Env, private readonly key: string) {
    super(env.calls, 'Lock');
  }

  tryLock(timeoutInMillis: number) {
    if (this.env.exec.heldLocks.has(this.key)) return true;
    if (this.env.foreignLocks.has(this.key)) {
      this.env.clock.advance(Math.max(0, Number(timeoutInMillis) || 0));
      return false;
    }
    this.env.exec.heldLocks.add(this.key);
    return true;
  }
  waitLock(timeoutInMillis: number) {
    if (!this.tryLock(timeoutInMillis)) throw gasError('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock() { this.env.exec.heldLocks.delete(this.key); }
  hasLock() { return this.env.exec.heldLocks.has(this.key); }
}

export class EmuLockService extends EmuObject implements Api<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  constructor(private readonly env: Env) {
    super(env.calls, 'LockService');
  }

  private lock(kind: Kind): EmuLock {
    return new EmuLock(this.env, kind === 'user' ? `user:${this.env.exec.effectiveUser.toLowerCase()}` : kind);
  }

  getDocumentLock() { return this.lock('document'); }
  getScriptLock() { return this.lock('script'); }
  getUserLock() { return this.lock('user'); }
}
