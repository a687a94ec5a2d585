import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { types } from 'node:util';
import * as vm from 'node:vm';
import { REPO_ROOT, type AppsScriptEmulator, type RunContext } from './index';

/**
 * Values cross between the host and the script realm (arrays from getValues, errors thrown by
 * services). Apps Script has a single realm, so `instanceof Array/Error/Object` must hold for
 * them inside the script too; subclasses keep the ordinary check.
 */
const REALM_PRELUDE = `(function (isError) {
  var ordinary = Function.prototype[Symbol.hasInstance];
  function patch(C, test) {
    Object.defineProperty(C, Symbol.hasInstance, { configurable: true, value: function (x) {
      return this === C ? test(x) || ordinary.call(C, x) : ordinary.call(this, x);
    } });
  }
  patch(Array, function (x) { return Array.isArray(x); });
  patch(Error, isError);
  patch(Object, function (x) { return x !== null && (typeof x === 'object' || typeof x === 'function'); });
})`;

/** Runs the bundle in a fresh realm whose only globals are the emulated services (no Node APIs). */
export function loadBundle(emu: AppsScriptEmulator, codePath: string = join(REPO_ROOT, 'dist', 'Code.js')): vm.Context {
  const context = vm.createContext({ ...emu.globals() }, { name: 'Apps Script' });
  (vm.runInContext(REALM_PRELUDE, context) as (f: (x: unknown) => boolean) => void)((x) => types.isNativeError(x));
  vm.runInContext(readFileSync(codePath, 'utf8'), context, { filename: 'Code.js' });
  return context;
}

/** Calls a top-level function of the bundle as one execution. */
export function callEntry(emu: AppsScriptEmulator, context: vm.Context, name: string, args: unknown[] = [], ctx: RunContext = {}): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  return emu.run(ctx, () => (fn as (...a: unknown[]) => unknown)(...args));
}
