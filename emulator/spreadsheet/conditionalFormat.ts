import type { Api } from '../api';
import type { CallCounter } from '../callCounter';
import { BooleanCriteria } from '../enums';
import { EmuObject, gasError } from '../guard';
import { normalizeColor } from './cell';
import type { EmuRange } from './range';

type Criteria = keyof typeof BooleanCriteria;

export interface RuleSpec {
  criteria?: Criteria;
  values: unknown[];
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  ranges: EmuRange[];
}

class EmuBooleanCondition extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.BooleanCondition, 'getCriteriaType' | 'getCriteriaValues' | 'getBold' | 'getItalic' | 'getBackground' | 'getFontColor'> {
  constructor(counter: CallCounter, private readonly spec: RuleSpec) {
    super(counter, 'BooleanCondition');
  }
  getCriteriaType() { return this.spec.criteria; }
  getCriteriaValues() { return [...this.spec.values]; }
  /** The colour as the builder normalised it (#rrggbb), null when the rule sets none. */
  getBackground() { return this.spec.background ?? null; }
  getFontColor() { return this.spec.fontColor ?? null; }
  getBold() { return this.spec.bold ?? null; }
  getItalic() { return this.spec.italic ?? null; }
}

/** Stored rules keep their ranges up to date when rows/columns are inserted or deleted. */
export class EmuConditionalFormatRule extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, 'getRanges' | 'getBooleanCondition' | 'getGradientCondition' | 'copy'> {
  constructor(counter: CallCounter, readonly spec: RuleSpec) {
    super(counter, 'ConditionalFormatRule');
  }
  getRanges(): EmuRange[] { return [...this.spec.ranges]; }
  getBooleanCondition() { return new EmuBooleanCondition(this.counter, this.spec); }
  getGradientCondition() { return null; }
  copy() { return new EmuConditionalFormatRuleBuilder(this.counter, { ...this.spec, ranges: [...this.spec.ranges] }); }
}

export class EmuConditionalFormatRuleBuilder extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
    'whenNumberGreaterThan' | 'whenNumberGreaterThanOrEqualTo' | 'whenNumberLessThan' | 'whenNumberLessThanOrEqualTo'
    | 'whenNumberBetween' | 'whenNumberNotBetween' | 'whenNumberEqualTo' | 'whenNumberNotEqualTo' | 'whenFormulaSatisfied'
    | 'whenTextEqualTo' | 'whenTextContains' | 'whenTextDoesNotContain' | 'whenTextStartsWith' | 'whenTextEndsWith'
    | 'whenCellEmpty' | 'whenCellNotEmpty' | 'setBackground' | 'setFontColor' | 'setBold' | 'setItalic'
    | 'setStrikethrough' | 'setUnderline' | 'setRanges' | 'getRanges' | 'build' | 'copy' | 'getBooleanCondition'> {
  private spec: RuleSpec;

  constructor(counter: CallCounter, spec?: RuleSpec) {
    super(counter, 'ConditionalFormatRuleBuilder');
    this.spec = spec ?? { values: [], ranges: [] };
  }

  private when(criteria: Criteria, values: unknown[]): this {
    this.spec = { ...this.spec, criteria, values };
    return this;
  }
  private style(change: Partial<RuleSpec>): this {
    this.spec = { ...this.spec, ...change };
    return this;
  }

  whenNumberGreaterThan(n: number) { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number) { return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: number) { return this.when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number) { return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberBetween(a: number, b: number) { return this.when('NUMBER_BETWEEN', [a, b]); }
  whenNumberNotBetween(a: number, b: number) { return this.when('NUMBER_NOT_BETWEEN', [a, b]); }
  whenNumberEqualTo(n: number) { return this.when('NUMBER_EQUAL_TO', [n]); }
  whenNumberNotEqualTo(n: number) { return this.when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenFormulaSatisfied(formula: string) { return this.when('CUSTOM_FORMULA', [formula]); }
  whenTextEqualTo(t: string) { return this.when('TEXT_EQUAL_TO', [t]); }
  whenTextContains(t: string) { return this.when('TEXT_CONTAINS', [t]); }
  whenTextDoesNotContain(t: string) { return this.when('TEXT_DOES_NOT_CONTAIN', [t]); }
  whenTextStartsWith(t: string) { return this.when('TEXT_STARTS_WITH', [t]); }
  whenTextEndsWith(t: string) { return this.when('TEXT_ENDS_WITH', [t]); }
  whenCellEmpty() { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty() { return this.when('CELL_NOT_EMPTY', []); }

  setBackground(color: string | null) { return this.style({ background: color ? normalizeColor(color) : undefined }); }
  setFontColor(color: string | null) { return this.style({ fontColor: color ? normalizeColor(color) : undefined }); }
  setBold(bold: boolean | null) { return this.style({ bold: bold ?? undefined }); }
  setItalic(italic: boolean | null) { return this.style({ italic: italic ?? undefined }); }
  setStrikethrough(v: boolean | null) { return this.style({ strikethrough: v ?? undefined }); }
  setUnderline(v: boolean | null) { return this.style({ underline: v ?? undefined }); }
  setRanges(ranges: EmuRange[]) { return this.style({ ranges: [...ranges] }); }
  getRanges() { return [...this.spec.ranges]; }
  getBooleanCondition() { return this.spec.criteria ? new EmuBooleanCondition(this.counter, this.spec) : null; }

  build(): EmuConditionalFormatRule {
    if (!this.spec.criteria) throw gasError('You must specify a condition for a conditional format rule.');
    return new EmuConditionalFormatRule(this.counter, { ...this.spec, ranges: [...this.spec.ranges] });
  }

  copy() { return new EmuConditionalFormatRuleBuilder(this.counter, { ...this.spec, ranges: [...this.spec.ranges] }); }
}
