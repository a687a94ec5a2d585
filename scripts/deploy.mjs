// Pushes dist/ to one of the two Apps Script projects (see docs/deployment.md):
//   bound (default)  .clasp.json        the script bound to one spreadsheet
//   addon            .clasp.addon.json  the standalone project published as an Editor add-on
// It refuses while the chosen settings file still holds its placeholder scriptId. Lint, typecheck, test
// and build are the package.json "deploy" script's job; this only checks the target and runs `clasp push`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = {
  bound: { file: '.clasp.json', what: 'the script bound to the spreadsheet (Extensions → Apps Script)' },
  addon: { file: '.clasp.addon.json', what: 'the standalone Apps Script project of the Editor add-on' },
};
const isTarget = (name) => typeof name === 'string' && Object.hasOwn(TARGETS, name);
const USAGE = 'usage: node scripts/deploy.mjs [--target bound|addon] [--force]   (npm run deploy -- --target addon)';

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  let target;
  let force = false;
  const setTarget = (value) => {
    if (target !== undefined && target !== value) fail(`two targets given (${target}, ${value}).\n${USAGE}`);
    target = value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--force' || arg === '-f') force = true;
    else if (arg === '--target') {
      if (!argv[i + 1] || argv[i + 1].startsWith('-')) fail(`--target needs a value: bound or addon.\n${USAGE}`);
      setTarget(argv[++i]);
    } else if (arg.startsWith('--target=')) setTarget(arg.slice('--target='.length));
    else if (isTarget(arg)) setTarget(arg); // `npm run deploy --target addon` (without --) leaves only "addon"
    else fail(`unknown argument "${arg}".\n${USAGE}`);
  }
  // `npm run deploy --target=addon` (without --) reaches us only as npm_config_target.
  const fromNpm = process.env.npm_config_target;
  if (target === undefined && isTarget(fromNpm)) target = fromNpm;
  target ??= 'bound';
  if (!isTarget(target)) fail(`unknown target "${target}": use bound or addon.\n${USAGE}`);
  return { target, force };
}

const { target, force } = parseArgs(process.argv.slice(2));
const { file, what } = TARGETS[target];
const settingsPath = join(root, file);

if (!existsSync(settingsPath)) {
  fail(`${file} not found. Target "${target}" (${what}) reads its clasp settings from it: create it with
  { "scriptId": "<Script ID from Apps Script → Project Settings>", "rootDir": "dist" }`);
}
let settings;
try {
  settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
} catch (err) {
  fail(`${file} is not valid JSON: ${err.message}`);
}
const scriptId = typeof settings.scriptId === 'string' ? settings.scriptId.trim() : '';
if (scriptId === '' || scriptId.startsWith('REPLACE_WITH_')) {
  fail(`${file} still has the placeholder scriptId "${settings.scriptId ?? ''}".
  Put the Script ID of ${what} there
  (Apps Script editor → Project Settings → IDs → Script ID), then deploy again. Nothing was pushed.`);
}
if (!/^[A-Za-z0-9_-]{20,}$/.test(scriptId)) {
  fail(`${file}: scriptId "${scriptId}" does not look like an Apps Script Script ID (copy it from Project Settings → IDs). Nothing was pushed.`);
}
if (settings.rootDir !== 'dist') {
  fail(`${file}: rootDir is ${JSON.stringify(settings.rootDir)}, expected "dist" (the bundle built by npm run build). Nothing was pushed.`);
}
// clasp push replaces the whole remote project with the pushed files: never push an empty dist/.
for (const needed of ['appsscript.json', 'Code.js']) {
  if (!existsSync(join(root, 'dist', needed))) fail(`dist/${needed} is missing: run npm run build first. Nothing was pushed.`);
}

const clasp = resolve(root, 'node_modules/@google/clasp/build/src/index.js');
if (!existsSync(clasp)) fail('@google/clasp is not installed: run npm install.');

console.log(`deploy: target ${target} → ${file} (scriptId ${scriptId})`);
const args = [clasp, '--project', settingsPath, 'push', ...(force ? ['--force'] : [])];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
if (run.status !== 0) process.exit(run.status ?? 1);

if (target === 'addon') {
  console.log(`deploy: pushed to the add-on project's head code only. Installed users keep running the version
  number set in the Marketplace SDK (App Configuration). To release: create a new version and enter its number
  there — see docs/deployment.md, "Release a new version of the add-on".`);
} else {
  console.log('deploy: the bound script runs its latest pushed code, so this is live for the spreadsheet now.');
}
