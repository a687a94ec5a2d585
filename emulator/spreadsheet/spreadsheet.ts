import type { Api } from '../api';
import type { Env } from '../env';
import { EmuObject, gasError, notEmulated } from '../guard';
import { isValidTimeZone } from '../time/zone';
import { parseA1 } from './a1';
import type { EmuRange } from './range';
import { assertSheetNameLength, EmuSheet } from './sheet';
import { EmuUser, emailOf, sameEmail } from './user';

export interface RecordedToast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: Date;
}

/** The container spreadsheet: sheets, sharing, locale and time zone. */
export class EmuSpreadsheet extends EmuObject implements Api<GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'getId' | 'getName' | 'rename' | 'getUrl' | 'getSheets' | 'getNumSheets' | 'getSheetByName' | 'getSheetById'
  | 'insertSheet' | 'deleteSheet' | 'getActiveSheet' | 'setActiveSheet' | 'getActiveRange' | 'setActiveRange'
  | 'setActiveSelection' | 'getRange' | 'toast' | 'getSpreadsheetTimeZone' | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale' | 'setSpreadsheetLocale' | 'getOwner' | 'getEditors' | 'addEditor' | 'addEditors'
  | 'removeEditor' | 'getProtections' | 'moveActiveSheet'> {
  readonly id: string;
  sheets: EmuSheet[] = [];
  activeSheet: EmuSheet;
  activeRange: EmuRange | null = null;
  readonly toasts: RecordedToast[] = [];
  /** Set while a person's edit is applied, so protections are checked against that person. */
  editingUser: string | null = null;
  private idCounter = 0;

  constructor(
    readonly env: Env,
    public name: string,
    readonly owner: string,
    readonly editors: string[],
    public timeZone: string,
    public locale: string,
  ) {
    super(env.calls, 'Spreadsheet');
    this.id = `1EmU${Buffer.from(name).toString('base64url').padEnd(40, 'x').slice(0, 40)}`;
    const first = new EmuSheet(this, this.defaultSheetName(1), 0);
    this.sheets.push(first);
    this.activeSheet = first;
  }

  _actingUser(): string {
    return this.editingUser ?? this.env.exec.effectiveUser;
  }

  /** Deterministic ids for sheets and charts, shaped like Sheets' large integers. */
  _nextId(): number {
    this.idCounter += 1;
    return (this.idCounter * 1_234_567_891) % 2_147_483_647;
  }

  /** New sheets are named per the spreadsheet locale ("Trang tính1" in Vietnamese). */
  private defaultSheetName(n: number): string {
    return `${this.locale.startsWith('vi') ? 'Trang tính' : 'Sheet'}${n}`;
  }

  _sheet(name: string): EmuSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  getId() { return this.id; }
  getName() { return this.name; }
  rename(newName: string) { this.name = String(newName); }
  getUrl() { return `https://docs.google.com/spreadsheets/d/${this.id}/edit`; }
  getSheets() { return [...this.sheets]; }
  getNumSheets() { return this.sheets.length; }
  getSheetByName(name: string) { return this._sheet(name) ?? null; }
  getSheetById(id: number) { return this.sheets.find((s) => s.sheetId === id) ?? null; }

  insertSheet(a?: string | number | object, b?: number) {
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : b;
    if (a !== undefined && typeof a === 'object') throw notEmulated('Spreadsheet', 'insertSheet(options)');
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((s) => s.name.toLowerCase() === this.defaultSheetName(n).toLowerCase())) n++;
      finalName = this.defaultSheetName(n);
    } else if (this.sheets.some((s) => s.name.toLowerCase() === finalName?.toLowerCase())) {
      // Names are unique ignoring case (socialpoint-labs/sheetfu#26); the message is quoted from Apps Script logs in public repos.
      throw gasError(`A sheet with the name "${finalName}" already exists. Please enter another name.`);
    } else {
      assertSheetNameLength('Spreadsheet', 'insertSheet', finalName);
    }
    const sheet = new EmuSheet(this, finalName, this._nextId());
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet;
  }

  deleteSheet(sheet: EmuSheet) {
    if (!this.sheets.includes(sheet)) throw gasError('Sheet not found');
    if (this.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    sheet._assertStructure();
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[0];
      this.activeRange = null;
    }
  }

  getActiveSheet() { return this.activeSheet; }
  setActiveSheet(sheet: EmuSheet) { return sheet.activate(); }
  getActiveRange() { return this.activeRange; }
  setActiveRange(range: EmuRange) { return range.activate(); }
  setActiveSelection(a1: string | EmuRange) {
    return (typeof a1 === 'string' ? this.getRange(a1) : a1).activate();
  }
  moveActiveSheet(pos: number) {
    this.activeSheet._assertStructure();
    this.sheets = this.sheets.filter((s) => s !== this.activeSheet);
    this.sheets.splice(Math.max(0, Math.min(pos - 1, this.sheets.length)), 0, this.activeSheet);
  }

  getRange(a1Notation: string) {
    const ref = parseA1(a1Notation);
    const sheet = ref.sheetName === undefined ? this.activeSheet : this._sheet(ref.sheetName);
    if (!sheet) throw gasError('Range not found');
    return sheet._rangeA1(ref.sheetName === undefined ? a1Notation : a1Notation.slice(a1Notation.lastIndexOf('!') + 1));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number) {
    this.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? 5, at: this.env.clock.now() });
  }

  getSpreadsheetTimeZone() { return this.timeZone; }
  setSpreadsheetTimeZone(timezone: string) {
    if (!isValidTimeZone(timezone)) throw gasError(`Invalid argument: timezone`);
    this.timeZone = timezone;
  }
  getSpreadsheetLocale() { return this.locale; }
  setSpreadsheetLocale(locale: string) { this.locale = String(locale); }

  getOwner() { return new EmuUser(this.counter, this.owner); }
  getEditors() { return [this.owner, ...this.editors].map((e) => new EmuUser(this.counter, e)); }
  addEditor(emailAddress: string | EmuUser) {
    const email = emailOf(emailAddress);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw gasError(`Invalid email: ${email}`);
    if (!this._canAccess(email)) this.editors.push(email);
    return this;
  }
  addEditors(emailAddresses: string[]) {
    emailAddresses.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(emailAddress: string | EmuUser) {
    const email = emailOf(emailAddress);
    const i = this.editors.findIndex((e) => sameEmail(e, email));
    if (i >= 0) this.editors.splice(i, 1);
    return this;
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }

  /** Whether `email` may edit the spreadsheet at all (owner or editor). */
  _canAccess(email: string): boolean {
    return sameEmail(email, this.owner) || this.editors.some((e) => sameEmail(e, email));
  }
}
