// Bundles src/ for Apps Script: one IIFE exposing `__app`, then one top-level forwarder per export,
// because Apps Script only sees top-level function declarations (menus, triggers, google.script.run).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildSidebars } from './buildSidebars.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'src/Code.ts')],
  bundle: true,
  format: 'iife',
  globalName: '__app',
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  charset: 'utf8',
  // Minified to keep every execution's parse small. Names are not kept (keepNames costs ~5 KiB):
  // a minified bundle is one line, so a stack trace is read from the log line, not the function names.
  minify: true,
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
});
const bundle = result.outputFiles[0].text;

// The export list comes from the bundle itself, so a forwarder can never drift from the code.
const sandbox = {};
vm.runInNewContext(`${bundle}\nthis.__names = Object.keys(__app);`, sandbox);
const names = sandbox.__names.filter((n) => n !== 'default').sort();
const forwarders = names.map((n) => `function ${n}() { return __app.${n}.apply(this, arguments); }`).join('\n');
writeFileSync(join(dist, 'Code.js'), `${bundle}\n${forwarders}\n`);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
const sidebars = await buildSidebars(root, dist);
const kib = (file) => `${(Buffer.byteLength(readFileSync(join(dist, file))) / 1024).toFixed(1)} KiB`;
console.log(`dist/Code.js: ${kib('Code.js')}, ${names.length} entry points${sidebars.length ? `; sidebars: ${sidebars.map((n) => `${n} ${kib(`${n}.html`)}`).join(', ')}` : ''}`);
