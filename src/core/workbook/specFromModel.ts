/** A dense SheetModel (the Tổng hợp and Báo cáo layouts) as the spec of a tab the add-on rewrites whole. */
import type { SheetModel } from './sheetModel';
import { emptyTabSpec, type ProtectionSpec, type TabSpec } from './tabSpec';

export function specFromModel(name: string, position: number, model: SheetModel, protections: ProtectionSpec[], extra: { hiddenGridlines?: boolean } = {}): TabSpec {
  const rows = model.values.length;
  const f = model.formats;
  return {
    ...emptyTabSpec(name, position, rows, model.width),
    values: model.values.map((row) => [...row]),
    formats: {
      background: f.backgrounds,
      fontWeight: f.fontWeights,
      fontStyle: f.fontStyles,
      fontSize: f.fontSizes,
      fontColor: f.fontColors,
      fontFamily: model.values.map(() => Array<string>(model.width).fill(model.fontFamily)),
      horizontalAlignment: f.horizontalAlignments,
      verticalAlignment: f.verticalAlignments,
      wrap: f.wraps,
      numberFormat: f.numberFormats,
    },
    merges: [...model.merges],
    ownsAllMerges: true,
    frozenRows: model.frozenRows,
    frozenColumns: 0,
    columnWidths: [...model.columnWidths],
    rowHeights: [...model.rowHeights],
    hiddenGridlines: extra.hiddenGridlines ?? null,
    protections,
    borders: [...model.borders],
    rules: [...model.rules],
    charts: [...model.charts],
    ownsWholeTab: true,
  };
}

