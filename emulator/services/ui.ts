import type { Api } from '../api';
import type { CallCounter } from '../callCounter';
import { Button, ButtonSet, type ButtonName } from '../enums';
import { EmuObject } from '../guard';
import type { EmuHtmlOutput } from './html';

export type RecordedMenuItem = { caption: string; functionName: string; submenu?: RecordedMenu } | null;

/**
 * The name of a menu under Extensions, which the platform sets: "If the script is running as an
 * add-on, the sub-menu name matches the add-on's name in the web store; if the script is bound to
 * the document directly, the sub-menu name matches the script's name" (Ui.createAddonMenu).
 */
const ADDON_MENU_NAME = '(add-on)';

export interface RecordedMenu {
  name: string;
  /**
   * True when the menu lives under Extensions as the add-on's (or bound script's) sub-menu:
   * createAddonMenu(), or createMenu() added by a published add-on.
   */
  addon: boolean;
  /** Separators are null; a sub-menu has functionName '' and its own items. */
  items: RecordedMenuItem[];
}

export interface RecordedAlert {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  response: { button: ButtonName; text?: string };
  at: Date;
}

export interface RecordedHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number;
  height: number;
  at: Date;
}

export interface UiRecorder {
  menus: RecordedMenu[];
  alerts: RecordedAlert[];
  sidebars: RecordedHtml[];
  dialogs: RecordedHtml[];
  responses: { button?: ButtonName; text?: string }[];
  now(): Date;
}

export class EmuMenu extends EmuObject implements Api<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly items: RecordedMenuItem[] = [];

  constructor(
    counter: CallCounter,
    private readonly rec: UiRecorder,
    readonly name: string,
    private readonly addon: boolean,
    private readonly publishedAddon: boolean,
  ) {
    super(counter, 'Menu');
  }

  addItem(caption: string, functionName: string) {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator() {
    this.items.push(null);
    return this;
  }
  addSubMenu(menu: EmuMenu) {
    this.items.push({ caption: menu.name, functionName: '', submenu: menu._record() });
    return this;
  }
  /**
   * Ui.createMenu: "If the script is published as an add-on, the caption parameter is ignored and
   * the menu is added as a sub-menu of the Extensions menu, equivalent to createAddonMenu()".
   * Unpublished add-ons (test deployments) keep top-level menus (Custom menus for Editor add-ons).
   */
  addToUi() {
    const record = this._record();
    this.rec.menus.push(this.publishedAddon ? { ...record, name: ADDON_MENU_NAME, addon: true } : record);
  }

  _record(): RecordedMenu {
    return { name: this.name, addon: this.addon, items: this.items.map((i) => (i && { ...i })) };
  }
}

class EmuPromptResponse extends EmuObject implements Api<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> {
  constructor(counter: CallCounter, private readonly text: string, private readonly button: ButtonName) {
    super(counter, 'PromptResponse');
  }
  getResponseText() { return this.text; }
  getSelectedButton() { return this.button; }
}

/** [title, prompt, buttons] of alert/prompt(prompt) | (prompt, buttons) | (title, prompt, buttons). */
function dialogArguments(a: string, b: unknown, c: unknown): [string, string, string] {
  if (c !== undefined) return [a, String(b), String(c)];
  return b !== undefined ? ['', String(a), String(b)] : ['', String(a), 'OK'];
}

/** Dialogs answer from queued responses; without one, the first button of the set is pressed. */
export class EmuUi extends EmuObject implements Api<GoogleAppsScript.Base.Ui,
  'createMenu' | 'createAddonMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog'> {
  constructor(counter: CallCounter, private readonly rec: UiRecorder, private readonly publishedAddon: boolean) {
    super(counter, 'Ui');
  }

  get Button() { return Button; }
  get ButtonSet() { return ButtonSet; }

  createMenu(caption: string) { return new EmuMenu(this.counter, this.rec, String(caption), false, this.publishedAddon); }
  createAddonMenu() { return new EmuMenu(this.counter, this.rec, ADDON_MENU_NAME, true, this.publishedAddon); }

  private answer(kind: 'alert' | 'prompt', title: string, prompt: string, buttons: string) {
    const queued = this.rec.responses.shift();
    const first: ButtonName = buttons.startsWith('YES') ? 'YES' : 'OK';
    const response = { button: queued?.button ?? first, ...(kind === 'prompt' && { text: queued?.text ?? '' }) };
    this.rec.alerts.push({ kind, title, prompt, buttons, response, at: this.rec.now() });
    return response;
  }

  alert(a: string, b?: unknown, c?: unknown) {
    return this.answer('alert', ...dialogArguments(a, b, c)).button;
  }

  prompt(a: string, b?: unknown, c?: unknown) {
    const r = this.answer('prompt', ...dialogArguments(a, b, c));
    return new EmuPromptResponse(this.counter, r.text ?? '', r.button);
  }

  private show(kind: RecordedHtml['kind'], html: EmuHtmlOutput, title?: string) {
    const record = { kind, title: title ?? html.title, content: html.content, width: html.width, height: html.height, at: this.rec.now() };
    (kind === 'sidebar' ? this.rec.sidebars : this.rec.dialogs).push(record);
  }
  showSidebar(userInterface: EmuHtmlOutput) { this.show('sidebar', userInterface); }
  showModalDialog(userInterface: EmuHtmlOutput, title: string) { this.show('modal', userInterface, title); }
  showModelessDialog(userInterface: EmuHtmlOutput, title: string) { this.show('modeless', userInterface, title); }
}
