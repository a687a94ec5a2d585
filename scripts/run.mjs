// Runs a TypeScript script of this repo (demo, bench) by bundling it with esbuild for Node first:
// no ts-node or tsx is needed on a fresh machine.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const outfile = join(root, 'build', `${basename(entry, '.ts')}.cjs`);
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [join(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
