import type { Api } from '../api';
import type { Env } from '../env';
import * as E from '../enums';
import { EmuObject, gasError } from '../guard';
import { EmuUi } from '../services/ui';
import { EmuConditionalFormatRuleBuilder } from './conditionalFormat';
import { EmuDataValidationBuilder } from './dataValidation';
import type { EmuSpreadsheet } from './spreadsheet';

const SPREADSHEET_SCOPES = '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)';

export class EmuSpreadsheetApp extends EmuObject implements Api<GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | 'getActive' | 'getActiveSpreadsheet' | 'getActiveSheet' | 'getActiveRange' | 'getUi' | 'newDataValidation'
  | 'newConditionalFormatRule' | 'flush' | 'openById' | 'openByUrl'> {
  constructor(private readonly env: Env, private readonly ss: EmuSpreadsheet, private readonly ui: EmuUi) {
    super(env.calls, 'SpreadsheetApp');
  }

  get ProtectionType() { return E.ProtectionType; }
  get DataValidationCriteria() { return E.DataValidationCriteria; }
  get BooleanCriteria() { return E.BooleanCriteria; }
  get BorderStyle() { return E.BorderStyle; }
  get WrapStrategy() { return E.WrapStrategy; }
  get SheetType() { return E.SheetType; }

  /** The bound document is unavailable in AuthMode.NONE (an add-on's onOpen before use). */
  private active(method: string): EmuSpreadsheet {
    this.env.requireMode('LIMITED', `SpreadsheetApp.${method}`, SPREADSHEET_SCOPES);
    return this.ss;
  }

  getActive() { return this.active('getActive'); }
  getActiveSpreadsheet() { return this.active('getActiveSpreadsheet'); }
  getActiveSheet() { return this.active('getActiveSheet').activeSheet; }
  getActiveRange() { return this.active('getActiveRange').activeRange; }

  getUi() {
    if (!this.env.exec.hasUi) throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.ui;
  }

  newDataValidation() { return new EmuDataValidationBuilder(this.counter); }
  newConditionalFormatRule() { return new EmuConditionalFormatRuleBuilder(this.counter); }
  /** Writes are applied immediately, so there is nothing to flush. */
  flush() {}

  /** The add-on's spreadsheets.currentonly scope does not allow opening other files. */
  openById(_id: string) {
    throw gasError('You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets');
  }
  openByUrl(_url: string) {
    throw gasError('You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets');
  }
}
