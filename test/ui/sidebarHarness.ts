/**
 * Drives a BUILT sidebar (dist/<name>.html) in Debian Chromium with a google.script.run stand-in
 * backed by the emulator running the built bundle: each call runs the bundle's top-level function
 * as one execution and hands back a JSON clone, as the real bridge does.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import type * as vm from 'node:vm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { a1 } from '../../src/core/a1';
import { catalogueEntry, type DenominatorCode } from '../../src/core/catalogue';
import { readRegistryGrid } from '../../src/core/registry';
import { TAB_REGISTRY } from '../../src/core/tabNames';
import { locateVillageTab } from '../../src/core/villageTab';
import { AppsScriptEmulator, REPO_ROOT } from '../../emulator';
import { callEntry, loadBundle } from '../../emulator/loadBundle';

export const OFFICE = 'office@example.gov.vn';
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'ui');
export const SIDEBAR_WIDTH = 300;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Workbook {
  emu: AppsScriptEmulator;
  context: vm.Context;
  call(name: string, ...args: unknown[]): unknown;
}

export function newWorkbook(now: Date): Workbook {
  const emu = new AppsScriptEmulator({ now, owner: OFFICE });
  const context = loadBundle(emu);
  return { emu, context, call: (name, ...args) => callEntry(emu, context, name, args, { activeUser: OFFICE }) };
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

export async function openSidebar(browser: Browser, name: 'dashboard' | 'settings', wb: Workbook, options: { hold?: boolean } = {}): Promise<OpenSidebar> {
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
      const result = wb.call(fn, ...args);
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

/** Fills a village's month as its head would have: values, the tick, and the add-on's stamp. */
export function fillVillageMonth(wb: Workbook, village: string, month: number, fill: { ticked: boolean; submittedAt?: Date; share?: number; override?: Record<string, unknown> }): void {
  const grid = wb.emu.rawGrid(village);
  const map = locateVillageTab(grid);
  if (!map) throw new Error(`no village tab ${village}`);
  const registry = readRegistryGrid(wb.emu.rawGrid(TAB_REGISTRY)).villages.find((v) => v.name === village);
  const col = map.monthCols[month - 1] + 1;
  for (const [code, row] of map.rows) {
    const def = catalogueEntry(code);
    let value: unknown;
    if (code in (fill.override ?? {})) value = fill.override?.[code];
    else if (!def) continue;
    else if (def.kind === 'TY_LE') value = Math.floor((registry?.denominators[def.denominator as DenominatorCode] ?? 0) * (fill.share ?? 0.75));
    else if (def.kind === 'TRANG_THAI') value = 4;
    else value = 6;
    wb.emu.rawSet(village, a1(row + 1, col), value);
  }
  wb.emu.rawSet(village, a1((map.rows.get('DA_NOP') as number) + 1, col), fill.ticked);
  if (fill.submittedAt) wb.emu.rawSet(village, a1((map.rows.get('NGAY_NOP') as number) + 1, col), fill.submittedAt);
}
