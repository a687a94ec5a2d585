// Each sidebar in src/ui/<name>/ (index.html + main.ts + style.css) becomes one self-contained
// dist/<name>.html, because HtmlService serves a single file with no separate script fetches.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function buildSidebars(root, dist) {
  const uiRoot = join(root, 'src/ui');
  if (!existsSync(uiRoot)) return [];
  const names = readdirSync(uiRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(uiRoot, d.name, 'index.html')))
    .map((d) => d.name);
  for (const name of names) {
    const dir = join(uiRoot, name);
    const script = await build({
      entryPoints: [join(dir, 'main.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      charset: 'utf8',
      // The settings panel shares the settings descriptors and form checks with the server.
      minify: true,
      keepNames: true,
      write: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    const css = existsSync(join(dir, 'style.css')) ? await bundleCss(join(dir, 'style.css')) : '';
    const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const html = readFileSync(join(dir, 'index.html'), 'utf8')
      .replace('<!-- STYLE -->', () => `<style>\n${css}</style>`)
      .replace('<!-- SCRIPT -->', () => `<script>\n${js}</script>`);
    writeFileSync(join(dist, `${name}.html`), html);
  }
  return names;
}

// Through esbuild so a sidebar's style.css can `@import '../shared/base.css'` and still ship inline.
async function bundleCss(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, charset: 'utf8', logLevel: 'warning' });
  return result.outputFiles[0].text;
}
