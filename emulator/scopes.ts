import { gasError, type GasException } from './guard';

/** OAuth scopes of the emulated services (https://developers.google.com/apps-script/concepts/scopes). */
export const Scope = {
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

const SPREADSHEET = [Scope.spreadsheetsCurrentOnly, Scope.spreadsheets];
const CONTAINER_UI = [Scope.containerUi];
const SEND_MAIL = [Scope.sendMail];
const SCRIPT_APP = [Scope.scriptApp];
const USERINFO_EMAIL = [Scope.userinfoEmail];

/**
 * The scopes that allow each emulated call (any one of them suffices), copied from the
 * "Authorization" section of each method's page under developers.google.com/apps-script/reference.
 * Keys are 'Class.method' or a whole 'Class' (every method of Spreadsheet, Sheet, Range and
 * Protection lists the two spreadsheet scopes). A call not listed has no Authorization section and
 * needs no scope: SpreadsheetApp.getUi/flush/new*, Ui.alert/prompt/createMenu/createAddonMenu,
 * Menu, HtmlService, PropertiesService, LockService, Utilities, Logger, console, Charts, User, the
 * builders and rule objects, ScriptApp.getScriptId/getAuthorizationInfo/require*Scopes, Trigger.
 */
const REQUIRED: Record<string, readonly string[]> = {
  'SpreadsheetApp.getActive': SPREADSHEET,
  'SpreadsheetApp.getActiveSpreadsheet': SPREADSHEET,
  'SpreadsheetApp.getActiveSheet': SPREADSHEET,
  'SpreadsheetApp.getActiveRange': SPREADSHEET,
  'SpreadsheetApp.openById': SPREADSHEET,
  'SpreadsheetApp.openByUrl': SPREADSHEET,
  Spreadsheet: SPREADSHEET,
  Sheet: SPREADSHEET,
  Range: SPREADSHEET,
  Protection: SPREADSHEET,
  'Ui.showSidebar': CONTAINER_UI,
  'Ui.showModalDialog': CONTAINER_UI,
  'Ui.showModelessDialog': CONTAINER_UI,
  'MailApp.sendEmail': SEND_MAIL,
  'MailApp.getRemainingDailyQuota': SEND_MAIL,
  'ScriptApp.newTrigger': SCRIPT_APP,
  'ScriptApp.getProjectTriggers': SCRIPT_APP,
  'ScriptApp.getUserTriggers': SCRIPT_APP,
  'ScriptApp.deleteTrigger': SCRIPT_APP,
  'Session.getActiveUser': USERINFO_EMAIL,
  'Session.getEffectiveUser': USERINFO_EMAIL,
};

/** Any-of scopes a 'Class.method' call needs, or undefined when it needs none. */
export function requiredScopes(call: string): readonly string[] | undefined {
  return REQUIRED[call] ?? REQUIRED[call.slice(0, call.indexOf('.'))];
}

const TROUBLESHOOTING = 'https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';

/**
 * Apps Script's refusal, worded as the platform reports it (2025): "You do not have permission to
 * call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email.
 * For more information, see …#authorization-is"; any-of scopes print as "(a || b)".
 */
export function permissionDenied(call: string, scopes: readonly string[] | string): GasException {
  const required = typeof scopes === 'string' ? scopes : scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return gasError(`You do not have permission to call ${call}. Required permissions: ${required}. For more information, see ${TROUBLESHOOTING}`);
}
