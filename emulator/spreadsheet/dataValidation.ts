import type { Api } from '../api';
import type { CallCounter } from '../callCounter';
import { EmuObject, gasError } from '../guard';
import { DataValidationCriteria } from '../enums';
import { satisfiesCustomFormula, type CellPosition } from './customFormula';
import type { CellValue } from './values';

type Criteria = keyof typeof DataValidationCriteria;

interface Spec {
  criteria?: Criteria;
  values: unknown[];
  helpText: string;
  allowInvalid: boolean;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** An immutable data-validation rule, as attached to cells. */
export class EmuDataValidation extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.DataValidation, 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'getAllowInvalid' | 'copy'> {
  constructor(
    counter: CallCounter,
    readonly spec: Readonly<Spec>,
    /** Top-left cell of the range the rule was set on: a custom formula is written for that cell. */
    private readonly anchor?: CellPosition,
  ) {
    super(counter, 'DataValidation');
  }

  /** This rule as set on a range whose top-left cell is (row, col). */
  _anchoredAt(row: number, col: number): EmuDataValidation {
    return new EmuDataValidation(this.counter, this.spec, { row, col });
  }

  getCriteriaType(): string | undefined {
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }

  getHelpText(): string | null {
    return this.spec.helpText || null;
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  copy(): EmuDataValidationBuilder {
    return new EmuDataValidationBuilder(this.counter, { ...this.spec, values: [...this.spec.values] });
  }

  /** Whether Sheets would accept this value typed into the cell at `at`. */
  _accepts(v: CellValue, at: CellPosition): boolean {
    const [a, b] = this.spec.values as [unknown, unknown];
    const num = typeof v === 'number' ? v : NaN;
    const text = typeof v === 'string' ? v : String(v);
    switch (this.spec.criteria) {
      case 'CHECKBOX':
        return this.spec.values.length ? v === a || v === b || text === String(a) || text === String(b) : typeof v === 'boolean';
      case 'VALUE_IN_LIST': return (a as unknown[]).map(String).includes(text);
      case 'NUMBER_BETWEEN': return num >= Number(a) && num <= Number(b);
      case 'NUMBER_NOT_BETWEEN': return num < Number(a) || num > Number(b);
      case 'NUMBER_EQUAL_TO': return num === Number(a);
      case 'NUMBER_NOT_EQUAL_TO': return !Number.isNaN(num) && num !== Number(a);
      case 'NUMBER_GREATER_THAN': return num > Number(a);
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return num >= Number(a);
      case 'NUMBER_LESS_THAN': return num < Number(a);
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return num <= Number(a);
      case 'DATE_IS_VALID_DATE': return v instanceof Date;
      case 'TEXT_IS_VALID_EMAIL': return EMAIL.test(text);
      case 'TEXT_CONTAINS': return text.includes(String(a));
      case 'TEXT_DOES_NOT_CONTAIN': return !text.includes(String(a));
      case 'TEXT_EQUAL_TO': return text === String(a);
      case 'CUSTOM_FORMULA': return satisfiesCustomFormula(String(a), v, at, this.anchor ?? at);
      default: return true;
    }
  }
}

export class EmuDataValidationBuilder extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.DataValidationBuilder,
    'requireCheckbox' | 'requireValueInList' | 'requireValueInRange' | 'requireNumberBetween' | 'requireNumberNotBetween'
    | 'requireNumberEqualTo' | 'requireNumberNotEqualTo' | 'requireNumberGreaterThan' | 'requireNumberGreaterThanOrEqualTo'
    | 'requireNumberLessThan' | 'requireNumberLessThanOrEqualTo' | 'requireDate' | 'requireFormulaSatisfied'
    | 'requireTextIsEmail' | 'requireTextContains' | 'requireTextDoesNotContain' | 'requireTextEqualTo'
    | 'setAllowInvalid' | 'setHelpText' | 'withCriteria' | 'build' | 'copy'
    | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'getAllowInvalid'> {
  private spec: Spec;

  constructor(counter: CallCounter, spec?: Spec) {
    super(counter, 'DataValidationBuilder');
    // Apps Script's builder allows invalid input unless told otherwise.
    this.spec = spec ?? { values: [], helpText: '', allowInvalid: true };
  }

  private set(criteria: Criteria, values: unknown[]): this {
    this.spec = { ...this.spec, criteria, values };
    return this;
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown) {
    return this.set('CHECKBOX', checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  requireValueInList(values: string[], showDropdown?: boolean) {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown ?? true]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean) {
    return this.set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  requireNumberBetween(start: number, end: number) { return this.set('NUMBER_BETWEEN', [start, end]); }
  requireNumberNotBetween(start: number, end: number) { return this.set('NUMBER_NOT_BETWEEN', [start, end]); }
  requireNumberEqualTo(n: number) { return this.set('NUMBER_EQUAL_TO', [n]); }
  requireNumberNotEqualTo(n: number) { return this.set('NUMBER_NOT_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number) { return this.set('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number) { return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number) { return this.set('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number) { return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireDate() { return this.set('DATE_IS_VALID_DATE', []); }
  requireFormulaSatisfied(formula: string) { return this.set('CUSTOM_FORMULA', [formula]); }
  requireTextIsEmail() { return this.set('TEXT_IS_VALID_EMAIL', []); }
  requireTextContains(text: string) { return this.set('TEXT_CONTAINS', [text]); }
  requireTextDoesNotContain(text: string) { return this.set('TEXT_DOES_NOT_CONTAIN', [text]); }
  requireTextEqualTo(text: string) { return this.set('TEXT_EQUAL_TO', [text]); }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]) {
    return this.set(String(criteria) as Criteria, [...args]);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.spec = { ...this.spec, allowInvalid: !!allowInvalid };
    return this;
  }

  setHelpText(helpText: string): this {
    this.spec = { ...this.spec, helpText: String(helpText ?? '') };
    return this;
  }

  getCriteriaType() { return this.spec.criteria; }
  getCriteriaValues() { return [...this.spec.values]; }
  getHelpText() { return this.spec.helpText || null; }
  getAllowInvalid() { return this.spec.allowInvalid; }

  build(): EmuDataValidation {
    if (!this.spec.criteria) throw gasError('You must specify a criteria type.');
    return new EmuDataValidation(this.counter, { ...this.spec, values: [...this.spec.values] });
  }

  copy(): EmuDataValidationBuilder {
    return new EmuDataValidationBuilder(this.counter, { ...this.spec, values: [...this.spec.values] });
  }
}
