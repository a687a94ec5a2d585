import type { Api } from '../api';
import type { Env } from '../env';
import { EmuObject, gasError } from '../guard';

const MAX_VALUE_BYTES = 9 * 1024;
/** Per property store, keys and values together. */
const MAX_STORE_BYTES = 500 * 1024;

/** The value as stored (a string), or Apps Script's error if it is over the size limit. */
function fitting(value: unknown): string {
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw gasError('Argument too large: value');
  return v;
}

/** One property store; values are always strings, as in Apps Script. */
export class EmuProperties extends EmuObject implements Api<GoogleAppsScript.Properties.Properties,
  'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'> {
  constructor(env: Env, private readonly store: Map<string, string>) {
    super(env.calls, 'Properties');
  }

  private put(key: string, value: unknown): void {
    this.store.set(String(key), fitting(value));
  }

  /** Refuses a write that would take the store past its total quota; nothing is written then. */
  private assertRoomFor(entries: readonly [string, unknown][], clearing: boolean): void {
    const next = new Map(clearing ? [] : this.store);
    for (const [k, v] of entries) next.set(String(k), String(v));
    let bytes = 0;
    for (const [k, v] of next) bytes += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
    if (bytes > MAX_STORE_BYTES) throw gasError('You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  getProperty(key: string) { return this.store.get(String(key)) ?? null; }
  setProperty(key: string, value: string) {
    fitting(value);
    this.assertRoomFor([[key, value]], false);
    this.put(key, value);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
    const entries = Object.entries(properties);
    // All values are checked before anything is deleted or written.
    for (const [, v] of entries) fitting(v);
    this.assertRoomFor(entries, Boolean(deleteAllOthers));
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of entries) this.put(k, v);
    return this;
  }
  getProperties() { return Object.fromEntries(this.store); }
  getKeys() { return [...this.store.keys()]; }
  deleteProperty(key: string) { this.store.delete(String(key)); return this; }
  deleteAllProperties() { this.store.clear(); return this; }
}

/** Script and document stores are shared; user stores belong to the effective user. */
export class EmuPropertiesService extends EmuObject implements Api<GoogleAppsScript.Properties.PropertiesService,
  'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'> {
  constructor(
    private readonly env: Env,
    private readonly script: Map<string, string>,
    private readonly document: Map<string, string>,
    private readonly user: (email: string) => Map<string, string>,
  ) {
    super(env.calls, 'PropertiesService');
  }

  private check(method: string): void {
    this.env.requireMode('LIMITED', `PropertiesService.${method}`, 'https://www.googleapis.com/auth/script.storage');
  }

  getScriptProperties() { this.check('getScriptProperties'); return new EmuProperties(this.env, this.script); }
  getDocumentProperties() { this.check('getDocumentProperties'); return new EmuProperties(this.env, this.document); }
  getUserProperties() { this.check('getUserProperties'); return new EmuProperties(this.env, this.user(this.env.exec.effectiveUser)); }
}
