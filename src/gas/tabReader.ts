/**
 * Reads what a TabSpec owns from an existing tab, in a fixed number of calls per kind of thing
 * (one getter per format attribute over the whole area, one getDataValidations…), never per cell.
 */
import type { Grid } from '../core/shared/grid';
import { OWN_PROTECTION_PREFIX } from '../core/workbook/ownProtection';
import type { Block } from '../core/workbook/sheetModel';
import { FORMAT_ATTRIBUTES, type FormatAttribute, type TabSpec } from '../core/workbook/tabSpec';
import { blockFromA1, rowBeforeInserts, type ConditionalFormatState, type ProtectionState, type ReadGrid, type TabState, type ValidationState } from '../core/workbook/tabState';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The objects the writer acts on, in the order of the matching TabState lists. */
export interface TabHandles {
  conditionalFormats: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  protections: GoogleAppsScript.Spreadsheet.Protection[];
  charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[];
}

export interface TabReading {
  state: TabState;
  handles: TabHandles;
}

/** Each attribute's name in Range's plural getter and setter (getBackgrounds, setBackgrounds…). */
export const FORMAT_METHODS: Record<FormatAttribute, string> = {
  background: 'Backgrounds',
  fontWeight: 'FontWeights',
  fontStyle: 'FontStyles',
  fontSize: 'FontSizes',
  fontColor: 'FontColors',
  fontFamily: 'FontFamilies',
  horizontalAlignment: 'HorizontalAlignments',
  verticalAlignment: 'VerticalAlignments',
  wrap: 'Wraps',
  numberFormat: 'NumberFormats',
};

/**
 * The tab as it is, before the spec's row inserts. `values`: the tab's getDataRange().getValues(),
 * when the caller already read it to plan the spec.
 */
export function readTab(sheet: Sheet, spec: TabSpec, values?: Grid): TabReading {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const ownsValues = spec.ownsWholeTab || spec.values.some((row) => row.some((v) => v !== undefined));
  const data = values ?? (ownsValues ? sheet.getDataRange().getValues() : []);
  const inserted = spec.structure.reduce((sum, change) => sum + change.count, 0);
  const specRows = Math.max(0, spec.rows - inserted);
  // A whole tab is read as far as anything is in it, so what lies beyond the spec can be cleared.
  const whole = spec.ownsWholeTab;
  const rows = Math.min(maxRows, whole ? Math.max(specRows, data.length) : specRows);
  const columns = Math.min(maxColumns, whole ? Math.max(spec.width, data[0]?.length ?? 0) : spec.width);
  const area = rows > 0 && columns > 0 ? sheet.getRange(1, 1, rows, columns) : null;
  const handles: TabHandles = { conditionalFormats: [], protections: [], charts: [] };
  const state: TabState = {
    maxRows,
    maxColumns,
    values: data,
    formats: area ? readFormats(area, spec, ownsValues) : {},
    merges: readMerges(sheet, spec, maxRows, maxColumns),
    frozenRows: spec.frozenRows === null ? 0 : sheet.getFrozenRows(),
    frozenColumns: spec.frozenColumns === null ? 0 : sheet.getFrozenColumns(),
    columnWidths: spec.columnWidths.map((width, i) => (width === undefined || i >= maxColumns ? undefined : sheet.getColumnWidth(i + 1))),
    ...readRows(sheet, spec, maxRows),
    hiddenGridlines: spec.hiddenGridlines === null ? false : sheet.hasHiddenGridlines(),
    validations: area && (spec.validations.length > 0 || whole) ? readValidations(area) : null,
    conditionalFormats: spec.conditionalFormats ? readConditionalFormats(sheet, spec.conditionalFormats.marker, handles) : [],
    protections: spec.protections.length > 0 || whole ? readProtections(sheet, handles) : [],
    charts: spec.charts.length > 0 || whole ? readCharts(sheet, handles) : [],
  };
  return { state, handles };
}

/** The attributes the spec owns, and number formats wherever it writes values (they decide how text goes in). */
function readFormats(area: Range, spec: TabSpec, ownsValues: boolean): TabState['formats'] {
  const owned = (attribute: FormatAttribute) =>
    spec.ownsWholeTab || (spec.formats[attribute]?.some((row) => row.some((v) => v !== undefined)) ?? false) || (attribute === 'numberFormat' && ownsValues);
  const formats: TabState['formats'] = {};
  const getters = area as unknown as Record<string, () => ReadGrid>;
  for (const attribute of FORMAT_ATTRIBUTES) if (owned(attribute)) formats[attribute] = getters[`get${FORMAT_METHODS[attribute]}`]();
  return formats;
}

/** All of them when the spec owns every merge; otherwise only those that could stand in a wanted one's way. */
function readMerges(sheet: Sheet, spec: TabSpec, maxRows: number, maxColumns: number): Block[] {
  const rows = spec.ownsAllMerges ? maxRows : Math.min(maxRows, spec.rows);
  const columns = spec.ownsAllMerges ? maxColumns : Math.min(maxColumns, spec.width);
  if ((!spec.ownsAllMerges && spec.merges.length === 0) || rows === 0 || columns === 0) return [];
  return sheet.getRange(1, 1, rows, columns).getMergedRanges().map((range) => blockFromA1(range.getA1Notation()));
}

/** Heights and hidden flags of the rows the spec sets, looked up where those rows are before the inserts. */
function readRows(sheet: Sheet, spec: TabSpec, maxRows: number): Pick<TabState, 'rowHeights' | 'hiddenRows'> {
  const existing = (row: number) => {
    const before = rowBeforeInserts(row, spec.structure);
    return before !== null && before <= maxRows ? before : null;
  };
  const rowHeights = spec.rowHeights.flatMap(({ row }) => {
    const before = existing(row);
    return before === null ? [] : [{ row: before, height: sheet.getRowHeight(before) }];
  });
  const hiddenRows = spec.hiddenRows.flatMap((row) => {
    const before = existing(row);
    return before !== null && sheet.isRowHiddenByUser(before) ? [before] : [];
  });
  return { rowHeights, hiddenRows };
}

function readValidations(area: Range): (ValidationState | null)[][] {
  // Cells set together share one rule object: each is described once.
  const seen = new Map<GoogleAppsScript.Spreadsheet.DataValidation, ValidationState>();
  return area.getDataValidations().map((row) => row.map((rule) => {
    if (!rule) return null;
    let state = seen.get(rule);
    if (!state) {
      state = validationState(rule);
      seen.set(rule, state);
    }
    return state;
  }));
}

function validationState(rule: GoogleAppsScript.Spreadsheet.DataValidation): ValidationState {
  const values = rule.getCriteriaValues();
  const allowInvalid = rule.getAllowInvalid();
  const helpText = () => rule.getHelpText() ?? '';
  switch (String(rule.getCriteriaType())) {
    case 'CHECKBOX':
      return values.length === 0 ? { kind: 'checkbox', allowInvalid } : { kind: 'other' };
    case 'CUSTOM_FORMULA':
      return { kind: 'formula', formula: String(values[0]), helpText: helpText(), allowInvalid };
    case 'VALUE_IN_LIST':
      return { kind: 'list', values: (values[0] as unknown[]).map(String), allowInvalid };
    case 'NUMBER_BETWEEN':
      return { kind: 'numberBetween', min: Number(values[0]), max: Number(values[1]), helpText: helpText(), allowInvalid };
    default:
      return { kind: 'other' };
  }
}

/** Every rule's formula; colours and ranges only of ours (the others are kept as they are). */
function readConditionalFormats(sheet: Sheet, marker: string, handles: TabHandles): ConditionalFormatState[] {
  handles.conditionalFormats = sheet.getConditionalFormatRules();
  return handles.conditionalFormats.map((rule) => {
    const condition = rule.getBooleanCondition();
    const first: unknown = condition?.getCriteriaValues()[0];
    const formula = typeof first === 'string' ? first : '';
    if (!condition || !formula.includes(marker)) return { formula, background: null, fontColor: null, ranges: [] };
    return {
      formula,
      background: condition.getBackground(),
      fontColor: condition.getFontColor(),
      ranges: rule.getRanges().map((range) => blockFromA1(range.getA1Notation())),
    };
  });
}

/** The sheet protection first (Sheets allows one), then range protections; editors of the add-on's own only. */
function readProtections(sheet: Sheet, handles: TabHandles): ProtectionState[] {
  const type = SpreadsheetApp.ProtectionType;
  const sheetProtections = sheet.getProtections(type.SHEET);
  const rangeProtections = sheet.getProtections(type.RANGE);
  handles.protections = [...sheetProtections, ...rangeProtections];
  return handles.protections.map((protection, i) => {
    const description = protection.getDescription();
    const block = i < sheetProtections.length ? null : blockFromA1(protection.getRange().getA1Notation());
    if (!description.startsWith(OWN_PROTECTION_PREFIX)) return { block, description, editors: [], warningOnly: false, domainEdit: false, unprotected: [] };
    return {
      block,
      description,
      editors: protection.getEditors().map((user) => user.getEmail().toLowerCase()),
      warningOnly: protection.isWarningOnly(),
      domainEdit: protection.canDomainEdit(),
      unprotected: block ? [] : protection.getUnprotectedRanges().map((range) => blockFromA1(range.getA1Notation())),
    };
  });
}

function readCharts(sheet: Sheet, handles: TabHandles): TabState['charts'] {
  handles.charts = sheet.getCharts();
  return handles.charts.map((chart) => ({
    title: String(chart.getOptions().get('title') ?? ''),
    ranges: chart.getRanges().map((range) => range.getA1Notation()),
  }));
}
