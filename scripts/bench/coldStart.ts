/**
 * Cold start: every Apps Script execution parses and runs the whole bundle's top level before the
 * called function. Timed here as compiling and running dist/Code.js in a fresh `vm` context (median
 * of several runs on this machine; each run's source differs by a comment, so V8's compilation
 * cache never answers), with the bundle's and each sidebar's size. Printed, never asserted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { AppsScriptEmulator, REPO_ROOT } from '../../emulator';

const RUNS = 9;
const DIST = join(REPO_ROOT, 'dist');

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchColdStart(): Promise<string[]> {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const globals = new AppsScriptEmulator().globals();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = vm.createContext({ ...globals });
    const source = `${code}\n// cold start ${i} ${Date.now()}\n`;
    const started = performance.now();
    new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - started);
  }
  const sidebars = readdirSync(DIST).filter((f) => f.endsWith('.html')).sort();
  return [
    `Cold start — dist/Code.js (${kib(statSync(join(DIST, 'Code.js')).size)}) compiled and its top level run in a fresh vm context:`,
    `  median ${median(times).toFixed(1)} ms of ${RUNS} runs on this machine (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); Apps Script adds its own start-up`,
    `  sidebars: ${sidebars.map((f) => `${f} ${kib(statSync(join(DIST, f)).size)}`).join(', ')}`,
  ];
}
