import type { CallCounter } from './callCounter';

/**
 * Every object handed to script code is a Proxy over an EmuObject. The proxy exposes only the
 * prototype methods (the emulated API), counts each call as 'Class.method' (and meters its
 * estimated Apps Script time, costMeter.ts), and throws
 * `not emulated: Class.member` for anything else, so a script never silently relies on a
 * missing feature. Emulator internals always work on the raw targets: arguments are unwrapped
 * on the way in and EmuObject results wrapped on the way out.
 */
export abstract class EmuObject {
  constructor(
    readonly counter: CallCounter,
    readonly apiClass: string,
  ) {}

  toString(): string {
    return this.apiClass;
  }
}

/** Apps Script V8 errors print as "Exception: <message>". */
export class GasException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function gasError(message: string): GasException {
  return new GasException(message);
}

export function notEmulated(apiClass: string, member: string): Error {
  return new Error(`not emulated: ${apiClass}.${member}`);
}

/** Property names that test frameworks, promises and inspectors probe on any object. */
const PROBES = new Set([
  'then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'constructor', 'inspect',
  'valueOf', 'tagName', '_isMockFunction', 'nodeName', 'length', 'size', 'prototype',
]);

const proxyToTarget = new WeakMap<object, EmuObject>();
const targetToProxy = new WeakMap<EmuObject, object>();
const callGates = new WeakMap<CallCounter, (call: string) => void>();

/**
 * Every call counted by `counter` first passes `gate`, which throws to refuse it: the one place
 * where platform-wide rules (the manifest's OAuth scopes, see scopes.ts) apply to all services.
 */
export function gateCalls(counter: CallCounter, gate: (call: string) => void): void {
  callGates.set(counter, gate);
}

function findMember(target: EmuObject, prop: string): PropertyDescriptor | undefined {
  for (let p = Object.getPrototypeOf(target); p && p !== EmuObject.prototype; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return d;
  }
  return undefined;
}

function unwrapArg(x: unknown): unknown {
  if (Array.isArray(x)) return x.map((e) => (e !== null && typeof e === 'object' ? unwrap(e) : e));
  return x !== null && typeof x === 'object' ? unwrap(x) : x;
}

function wrapResult(x: unknown): unknown {
  if (x instanceof EmuObject) return expose(x);
  if (Array.isArray(x) && x.some((e) => e instanceof EmuObject)) return x.map(wrapResult);
  return x;
}

const handler: ProxyHandler<EmuObject> = {
  get(target, prop) {
    if (typeof prop === 'symbol') return undefined;
    if (prop === 'toString') return () => target.toString();
    if (PROBES.has(prop) || prop.startsWith('@@')) return undefined;
    const d = prop.startsWith('_') ? undefined : findMember(target, prop);
    if (d?.get) return wrapResult(d.get.call(target));
    if (d && typeof d.value === 'function') {
      const method = d.value as (...a: unknown[]) => unknown;
      const name = `${target.apiClass}.${prop}`;
      return function emulated(...args: unknown[]) {
        callGates.get(target.counter)?.(name);
        target.counter.increment(name);
        const raw = args.map(unwrapArg);
        target.counter.meter.charge(name, target, raw);
        return wrapResult(method.apply(target, raw));
      };
    }
    throw notEmulated(target.apiClass, prop);
  },
  set(target, prop) {
    throw notEmulated(target.apiClass, `set ${String(prop)}`);
  },
  // Inspectors (jest, util.inspect) enumerate own keys; the emulator's state is not API.
  ownKeys() {
    return [];
  },
  getOwnPropertyDescriptor() {
    return undefined;
  },
  has(target, prop) {
    return typeof prop === 'string' && !prop.startsWith('_') && findMember(target, prop) !== undefined;
  },
};

/** The script-facing proxy of an emulated object (one per object, so identity is stable). */
export function expose<T extends EmuObject>(obj: T): T {
  let p = targetToProxy.get(obj);
  if (!p) {
    p = new Proxy(obj, handler);
    targetToProxy.set(obj, p);
    proxyToTarget.set(p, obj);
  }
  return p as T;
}

/** The raw emulated object behind a proxy (or the value itself). */
function unwrap<T>(x: T): T {
  return ((x !== null && typeof x === 'object' && proxyToTarget.get(x as object)) || x) as T;
}
