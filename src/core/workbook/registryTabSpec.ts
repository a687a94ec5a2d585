/**
 * `Danh sách` as data (docs/tabs.md, "Danh sách"). A fresh tab is the empty table; in an existing one
 * the office's rows are theirs, and setup claims only the title block, the hidden code row, the
 * header, the looks and rules of the data columns, the hidden column of tab ids, and the protection.
 */
import type { Grid } from '../shared/grid';
import { labelKey } from '../shared/grid';
import { DENOMINATORS } from '../config/catalogue';
import { REGISTRY_COLUMNS, REGISTRY_TITLE, TAB_ID_CODE, registryLayout, tabIdColumn } from '../config/registry';
import { TAB_REGISTRY } from './tabNames';
import { ownTabProtection } from './ownProtection';
import { block, ownFormat, ownRow, ownValue } from './specCells';
import { HEADER_STYLE, claimTitleBlock } from './tabStyles';
import { emptyTabSpec, type TabSpec } from './tabSpec';

export interface RegistryTabInput {
  grid: Grid | null;
  villageWord: string;
  office: readonly string[];
}

/** Rows below the last village that already carry the number rules, ready for new villages. */
const SPARE_ROWS = 200;
const POSITION = 1;

export interface RegistryTabPlan {
  spec: TabSpec;
  created: boolean;
  /** The column of tab ids, which the writer hides (1-based); null in a tab setup did not lay out. */
  tabIdColumn: number | null;
}

export function planRegistryTab(input: RegistryTabInput): RegistryTabPlan {
  const layout = registryLayout(input.villageWord);
  const spec = emptyTabSpec(TAB_REGISTRY, POSITION, 0, 0);
  spec.protections = [ownTabProtection(TAB_REGISTRY, input.office)];
  if (!input.grid) layout.rows.forEach((row, r) => ownRow(spec, r + 1, 1, row));
  // A tab setup did not lay out is left as the office made it, protection aside.
  else if (labelKey(input.grid[0]?.[0]) !== labelKey(REGISTRY_TITLE)) return { spec, created: false, tabIdColumn: null };
  const idColumn = input.grid ? tabIdColumn(input.grid) : layout.tabIdColumn;
  // A registry made before the column existed gets its code and label wherever the column goes.
  if (idColumn !== null) {
    ownValue(spec, layout.codeRow, idColumn, TAB_ID_CODE);
    ownValue(spec, layout.headerRow, idColumn, layout.rows[layout.headerRow - 1][layout.tabIdColumn - 1]);
  }
  const villages = input.grid ? Math.max(0, input.grid.length - layout.firstDataRow + 1) : 0;
  // What people see and type: every column but the hidden ids.
  const width = REGISTRY_COLUMNS.length - 1;
  claimTitleBlock(spec, width);
  ownFormat(spec, block(layout.headerRow, 1, 1, width), HEADER_STYLE);
  spec.hiddenRows = [layout.codeRow];
  // No frozen column: the help row's merge spans the table, and Sheets refuses a merge across a freeze line.
  spec.frozenRows = layout.headerRow;
  spec.columnWidths = [170, 160, 160, 160, 160, ...Array<number>(width - 5).fill(110)];
  const dataRows = Math.max(villages, 1) + SPARE_ROWS;
  const first = layout.firstDataRow;
  ownFormat(spec, block(first, 4, dataRows, 1), { numberFormat: '@' });
  const denominators = block(first, 6, dataRows, DENOMINATORS.length);
  ownFormat(spec, denominators, { numberFormat: '#,##0' });
  spec.validations.push({
    block: denominators,
    rule: {
      kind: 'formula',
      formula: `=OR(ISBLANK(F${first}),AND(ISNUMBER(F${first}),F${first}>=0,F${first}=INT(F${first})))`,
      helpText: 'Nhập số nguyên ≥ 0 (mẫu số để tính tỷ lệ).',
    },
  });
  return { spec, created: !input.grid, tabIdColumn: idColumn };
}

/**
 * The tab ids setup found, written into the hidden column (`idColumn`, 1-based) of the rows in
 * `tabIdByRow` (1-based row → sheetId); every other cell stays as it is. Only differences are written.
 */
export function planRegistryTabIds(idColumn: number, tabIdByRow: ReadonlyMap<number, number>): TabSpec {
  const spec = emptyTabSpec(TAB_REGISTRY, POSITION, 0, 0);
  for (const [row, id] of tabIdByRow) ownValue(spec, row, idColumn, id);
  return spec;
}
