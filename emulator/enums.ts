/**
 * Apps Script enums are objects whose members stringify to their names; emulated members are
 * those name strings, so `e.authMode == ScriptApp.AuthMode.FULL` and `String(x)` behave alike.
 */
function enumOf<const K extends string>(...names: K[]): Readonly<Record<K, K>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<K, K>);
}

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
export const ProtectionType = enumOf('RANGE', 'SHEET');
export const SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');
export const DataValidationCriteria = enumOf(
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
);
export const BooleanCriteria = enumOf(
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'CUSTOM_FORMULA',
);
export const BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const ChartType = enumOf(
  'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE',
  'RADAR', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL',
);
export const LegendPosition = enumOf('BOTTOM', 'LEFT', 'NONE', 'RIGHT', 'TOP');
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
export const ChartHiddenDimensionStrategy = enumOf('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH');
export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export const SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');

export type ButtonName = keyof typeof Button;
