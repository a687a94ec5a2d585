import type { Api } from '../api';
import { EmuObject, gasError, notEmulated } from '../guard';
import { containsCell, intersects, type Rect } from './a1';
import { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import { EmuUser, emailOf, sameEmail } from './user';

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * A sheet or range protection. Its area follows row/column insertions and deletions; writes
 * are checked against it by EmuSheet._assertCanEdit.
 */
export class EmuProtection extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.Protection,
    'addEditor' | 'addEditors' | 'removeEditor' | 'removeEditors' | 'getEditors' | 'setDescription' | 'getDescription'
    | 'setWarningOnly' | 'isWarningOnly' | 'setDomainEdit' | 'canDomainEdit' | 'setUnprotectedRanges'
    | 'getUnprotectedRanges' | 'getRange' | 'setRange' | 'remove' | 'canEdit' | 'getProtectionType'> {
  description = '';
  editors: string[];
  warningOnly = false;
  domainEdit = false;
  unprotected: Rect[] = [];
  removed = false;

  constructor(
    readonly sheet: EmuSheet,
    readonly type: 'SHEET' | 'RANGE',
    public rect: Rect | null,
  ) {
    super(sheet.counter, 'Protection');
    // A new protection starts with the spreadsheet's editors (owner included), as in Sheets.
    this.editors = [sheet.ss.owner, ...sheet.ss.editors];
  }

  private get env() {
    return this.sheet.ss.env;
  }

  _allows(email: string): boolean {
    if (this.env.isOwner(email)) return true;
    if (this.editors.some((e) => sameEmail(e, email))) return true;
    return this.domainEdit && email.split('@')[1]?.toLowerCase() === this.sheet.ss.owner.split('@')[1]?.toLowerCase();
  }

  /** Whether this protection stops `email` from writing to any cell of `area`. */
  _blocks(area: Rect, email: string): boolean {
    if (this.removed || this.warningOnly || this._allows(email)) return false;
    if (this.type === 'RANGE') return this.rect !== null && intersects(this.rect, area);
    const rows = Math.min(area.row + area.numRows, this.sheet.maxRows + 1);
    const cols = Math.min(area.col + area.numCols, this.sheet.maxCols + 1);
    if (this.unprotected.length === 0) return true;
    for (let r = area.row; r < rows; r++) {
      for (let c = area.col; c < cols; c++) {
        if (!this.unprotected.some((u) => containsCell(u, r, c))) return true;
      }
    }
    return false;
  }

  /**
   * Only editors of a protection may change it (Protection docs: getEditors and canDomainEdit throw
   * for a user without permission to edit the protected range; the removeEditors sample warns that
   * losing that permission makes the script throw). A warning-only protection has no editors (Sheets
   * API ProtectedRange: "Editors are not supported with warningOnly protection"), so anyone may.
   * The exact message is not known, so the refusal is reported as not emulated.
   */
  private editable(method: string): void {
    if (this.removed) throw gasError('The protection has been removed.');
    if (!this.warningOnly && !this._allows(this.sheet.ss._actingUser())) {
      throw notEmulated('Protection', `${method} by someone who cannot edit this protection`);
    }
  }

  addEditor(emailAddress: string | EmuUser) {
    this.editable('addEditor');
    const email = emailOf(emailAddress);
    if (!this.editors.some((e) => sameEmail(e, email))) this.editors.push(email);
    return this;
  }
  addEditors(emailAddresses: string[]) {
    this.editable('addEditors');
    emailAddresses.forEach((e) => this.addEditor(e));
    return this;
  }
  removeEditor(emailAddress: string | EmuUser) {
    this.editable('removeEditor');
    return this.removeEditors([emailOf(emailAddress)]);
  }
  /**
   * "Neither the owner of the spreadsheet nor the current user can be removed" (Protection docs,
   * removeEditors); they silently stay.
   */
  removeEditors(emailAddresses: (string | EmuUser)[]) {
    this.editable('removeEditors');
    const keep = (e: string) => this.env.isOwner(e) || sameEmail(e, this.env.exec.effectiveUser);
    const drop = emailAddresses.map(emailOf);
    this.editors = this.editors.filter((e) => keep(e) || !drop.some((d) => sameEmail(d, e)));
    return this;
  }
  getEditors() {
    this.editable('getEditors');
    return this.editors.map((e) => new EmuUser(this.counter, e));
  }
  setDescription(description: string) { this.editable('setDescription'); this.description = String(description); return this; }
  getDescription() { return this.description; }
  setWarningOnly(warningOnly: boolean) { this.editable('setWarningOnly'); this.warningOnly = !!warningOnly; return this; }
  isWarningOnly() { return this.warningOnly; }
  setDomainEdit(editable: boolean) { this.editable('setDomainEdit'); this.domainEdit = !!editable; return this; }
  canDomainEdit() { this.editable('canDomainEdit'); return this.domainEdit; }

  setUnprotectedRanges(ranges: EmuRange[]) {
    this.editable('setUnprotectedRanges');
    if (this.type !== 'SHEET') throw gasError('Unprotected ranges can only be set on a sheet protection.');
    if (ranges.some((r) => r.sheet !== this.sheet)) throw gasError('The unprotected ranges must be on the protected sheet.');
    this.unprotected = ranges.map((r) => ({ ...r.rect }));
    return this;
  }
  getUnprotectedRanges() {
    return this.unprotected.map((r) => new EmuRange(this.sheet, r));
  }
  getRange() {
    return new EmuRange(this.sheet, this.rect ?? { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxCols });
  }
  setRange(range: EmuRange) {
    this.editable('setRange');
    if (this.type !== 'RANGE') throw gasError('Cannot set the range of a sheet protection.');
    this.rect = { ...range.rect };
    return this;
  }
  remove() {
    this.editable('remove');
    this._drop();
  }
  /** Deletes the protection without a permission check (its range was deleted). */
  _drop(): void {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  canEdit() { return !this.removed && this._allows(this.env.exec.effectiveUser); }
  getProtectionType() { return this.type; }
}

export function assertNotProtected(protections: EmuProtection[], area: Rect, email: string): void {
  if (protections.some((p) => p._blocks(area, email))) throw gasError(PROTECTED_MESSAGE);
}
