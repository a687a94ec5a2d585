/**
 * `npm run bench`: every benchmark (service calls in the emulator with their estimated Apps Script
 * seconds from the emulator's cost model, timings of the pure core, cold start and sizes); figures
 * are printed, never asserted. `npm run bench -- setup reminders` runs only those. Progress goes to
 * stderr.
 */
import { benchAggregate } from './bench/aggregate';
import { benchApproval } from './bench/approval';
import { benchColdStart } from './bench/coldStart';
import { benchCore } from './bench/core';
import { benchDashboard } from './bench/dashboard';
import { benchDataEntry } from './bench/dataEntry';
import { benchReminders } from './bench/reminders';
import { benchSetup } from './bench/setup';

const BENCHES: Record<string, () => Promise<string[]>> = {
  coldStart: benchColdStart, setup: benchSetup, dataEntry: benchDataEntry, aggregate: benchAggregate, dashboard: benchDashboard,
  reminders: benchReminders, approval: benchApproval, core: benchCore,
};

async function main(wanted: string[]): Promise<void> {
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}.`);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const started = performance.now();
    process.stderr.write(`[bench] ${name}…\n`);
    const lines = await BENCHES[name]();
    console.log(`${lines.join('\n')}\n`);
    process.stderr.write(`[bench] ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
