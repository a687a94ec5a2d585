/**
 * `npm run bench`: every benchmark (service calls in the emulator, timings of the pure core); figures
 * are printed, never asserted. `npm run bench -- setup reminders` runs only those.
 */
import { benchAggregate } from './bench/aggregate';
import { benchCore } from './bench/core';
import { benchDataEntry } from './bench/dataEntry';
import { benchReminders } from './bench/reminders';
import { benchSetup } from './bench/setup';

const BENCHES: Record<string, () => Promise<string[]>> = { setup: benchSetup, dataEntry: benchDataEntry, aggregate: benchAggregate, core: benchCore, reminders: benchReminders };

async function main(wanted: string[]): Promise<void> {
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}.`);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const name of names) console.log(`${(await BENCHES[name]()).join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
