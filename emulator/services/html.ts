import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api } from '../api';
import type { CallCounter } from '../callCounter';
import { SandboxMode, XFrameOptionsMode } from '../enums';
import { EmuObject, gasError } from '../guard';

export class EmuHtmlOutput extends EmuObject implements Api<GoogleAppsScript.HTML.HtmlOutput,
  | 'getContent' | 'setContent' | 'append' | 'appendUntrusted' | 'clear' | 'getTitle' | 'setTitle' | 'getWidth' | 'setWidth'
  | 'getHeight' | 'setHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag' | 'getMetaTags'
  | 'setFaviconUrl' | 'getFaviconUrl'> {
  content: string;
  title = '';
  width = 0;
  height = 0;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: { name: string; content: string }[] = [];
  faviconUrl: string | null = null;

  constructor(counter: CallCounter, html: string) {
    super(counter, 'HtmlOutput');
    this.content = html;
  }

  getContent() { return this.content; }
  setContent(content: string) { this.content = String(content); return this; }
  append(addedContent: string) { this.content += String(addedContent); return this; }
  appendUntrusted(addedContent: string) {
    this.content += String(addedContent).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    return this;
  }
  clear() { this.content = ''; return this; }
  getTitle() { return this.title; }
  setTitle(title: string) { this.title = String(title); return this; }
  getWidth() { return this.width; }
  setWidth(width: number) { this.width = width; return this; }
  getHeight() { return this.height; }
  setHeight(height: number) { this.height = height; return this; }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode) { this.sandboxMode = String(mode); return this; }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode) { this.xFrameOptionsMode = String(mode); return this; }
  addMetaTag(name: string, content: string) { this.metaTags.push({ name, content }); return this; }
  getMetaTags() { return this.metaTags.map((m) => ({ ...m })); }
  setFaviconUrl(iconUrl: string) { this.faviconUrl = iconUrl; return this; }
  getFaviconUrl() { return this.faviconUrl; }
}

export class EmuHtmlService extends EmuObject implements Api<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'> {
  constructor(counter: CallCounter, private readonly files: Record<string, string> | undefined, private readonly distDir: string) {
    super(counter, 'HtmlService');
  }

  get SandboxMode() { return SandboxMode; }
  get XFrameOptionsMode() { return XFrameOptionsMode; }

  createHtmlOutput(html?: string) {
    return new EmuHtmlOutput(this.counter, html === undefined ? '' : String(html));
  }

  /** Project HTML files: from the emulator options, else dist/<name>.html next to the bundle. */
  createHtmlOutputFromFile(filename: string) {
    const name = String(filename).replace(/\.html$/, '');
    if (this.files) {
      if (name in this.files) return new EmuHtmlOutput(this.counter, this.files[name]);
    } else {
      const path = join(this.distDir, `${name}.html`);
      if (existsSync(path)) return new EmuHtmlOutput(this.counter, readFileSync(path, 'utf8'));
    }
    throw gasError(`No HTML file named ${name} was found.`);
  }
}
