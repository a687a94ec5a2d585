/**
 * Drives a BUILT sidebar (dist/<name>.html) in Chromium with a google.script.run stand-in
 * backed by the emulator running the built bundle: each call runs the bundle's top-level function
 * as one execution and hands back a JSON clone, as the real bridge does.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../emulator';
import type { TestWorkbook } from '../integration/harness';
import { chromiumExecutable } from './chromiumExecutable';

export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'ui');
export const SIDEBAR_WIDTH = 300;

/** One Chromium for the calling test file: launched before its tests, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: await chromiumExecutable(),
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // The bundled Chromium is unpacked without SwiftShader (see chromiumExecutable.ts): this keeps its GPU process from
        // trying to load it, logging an error and exiting. Pages render the same either way.
        '--disable-software-rasterizer',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running');
    return browser;
  };
}

/** What crossed the bridge, for assertions. */
export interface BridgeLog {
  calls: { name: string; args: unknown[] }[];
  /** Return values the real bridge would refuse (a Date, a function…), by function name. */
  refused: string[];
}

export interface OpenSidebar {
  page: Page;
  bridge: BridgeLog;
  /** Dialogs (alert/confirm/prompt) the page opened: none are expected. */
  dialogs: string[];
  /** Makes calls wait until the returned function is called (to see the loading state). */
  hold(): () => void;
  /** With `hold: true`, lets the first call (the one painting the panel) through. */
  releaseFirst(): void;
  /** The next call of `name` fails as a server exception with `message`. */
  failNext(name: string, message: string): void;
  shot(file: string): Promise<void>;
}

/** The stand-in, injected before the page's own script runs. */
const GOOGLE_SCRIPT_RUN = `(() => {
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get(_, prop) {
        if (prop === 'withSuccessHandler') return (fn) => runner(fn, onFailure);
        if (prop === 'withFailureHandler') return (fn) => runner(onSuccess, fn);
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return (...args) => {
          window.__gasCall(prop, JSON.stringify(args)).then((reply) => {
            if (reply.ok) { if (onSuccess) onSuccess(reply.value); }
            else if (onFailure) onFailure(new Error(reply.message));
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();`;

function findRefused(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol';
  if (seen.has(value)) return false;
  seen.add(value);
  if (types.isDate(value)) return true;
  return Object.values(value as Record<string, unknown>).some((v) => findRefused(v, seen));
}

export async function openSidebar(browser: Browser, name: 'dashboard' | 'settings', wb: TestWorkbook, options: { hold?: boolean } = {}): Promise<OpenSidebar> {
  const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height: 900 } });
  const bridge: BridgeLog = { calls: [], refused: [] };
  const dialogs: string[] = [];
  const failures = new Map<string, string>();
  let gate: Promise<void> = Promise.resolve();
  const hold = () => {
    let release = () => {};
    gate = new Promise<void>((resolve) => (release = resolve));
    return () => release();
  };
  const initialRelease = options.hold ? hold() : null;

  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // A sidebar has no business on the network: anything but the page itself is refused.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.exposeFunction('__gasCall', async (fn: string, argsJson: string) => {
    await gate;
    const args = JSON.parse(argsJson) as unknown[];
    bridge.calls.push({ name: fn, args });
    const injected = failures.get(fn);
    if (injected !== undefined) {
      failures.delete(fn);
      return { ok: false, message: injected };
    }
    try {
      const result = wb.call(fn, args);
      if (findRefused(result)) bridge.refused.push(fn);
      return { ok: true, value: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
    } catch (error) {
      return { ok: false, message: error instanceof Error || types.isNativeError(error) ? (error as Error).message : String(error) };
    }
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN);
  await page.goto(pathToFileURL(join(REPO_ROOT, 'dist', `${name}.html`)).href);
  return {
    releaseFirst: () => initialRelease?.(),
    page,
    bridge,
    dialogs,
    hold,
    failNext: (fn, message) => failures.set(fn, message),
    shot: async (file) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      // A viewport as tall as the page, so sticky parts sit where they belong in the picture.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const viewport = page.viewportSize();
      await page.setViewportSize({ width: SIDEBAR_WIDTH, height });
      await page.screenshot({ path: join(ARTIFACTS, file) });
      if (viewport) await page.setViewportSize(viewport);
    },
  };
}
