/**
 * `Danh sách` as data (docs/tabs.md, "Danh sách"). A fresh tab is the empty table; in an existing one
 * the office's rows are theirs, and setup claims only the title block, the hidden code row, the
 * header, the looks and rules of the data columns, and the protection.
 */
import type { Grid } from '../shared/grid';
import { labelKey } from '../shared/grid';
import { REGISTRY_TITLE, registryLayout } from '../config/registry';
import { TAB_REGISTRY } from './tabNames';
import { ownTabProtection } from './ownProtection';
import { block, ownFormat, ownRow } from './specCells';
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

export function planRegistryTab(input: RegistryTabInput): { spec: TabSpec; created: boolean } {
  const layout = registryLayout(input.villageWord);
  const spec = emptyTabSpec(TAB_REGISTRY, POSITION, 0, 0);
  spec.protections = [ownTabProtection(TAB_REGISTRY, input.office)];
  if (!input.grid) layout.rows.forEach((row, r) => ownRow(spec, r + 1, 1, row));
  // A tab setup did not lay out is left as the office made it, protection aside.
  else if (labelKey(input.grid[0]?.[0]) !== labelKey(REGISTRY_TITLE)) return { spec, created: false };
  const villages = input.grid ? Math.max(0, input.grid.length - layout.firstDataRow + 1) : 0;
  const width = layout.width;
  claimTitleBlock(spec, width);
  ownFormat(spec, block(layout.headerRow, 1, 1, width), HEADER_STYLE);
  spec.hiddenRows = [layout.codeRow];
  // No frozen column: the help row's merge spans the table, and Sheets refuses a merge across a freeze line.
  spec.frozenRows = layout.headerRow;
  spec.columnWidths = [170, 160, 160, 160, 160, ...Array<number>(width - 5).fill(110)];
  const dataRows = Math.max(villages, 1) + SPARE_ROWS;
  const first = layout.firstDataRow;
  ownFormat(spec, block(first, 4, dataRows, 1), { numberFormat: '@' });
  const denominators = block(first, 6, dataRows, width - 5);
  ownFormat(spec, denominators, { numberFormat: '#,##0' });
  spec.validations.push({
    block: denominators,
    rule: {
      kind: 'formula',
      formula: `=OR(ISBLANK(F${first}),AND(ISNUMBER(F${first}),F${first}>=0,F${first}=INT(F${first})))`,
      helpText: 'Nhập số nguyên ≥ 0 (mẫu số để tính tỷ lệ).',
    },
  });
  return { spec, created: !input.grid };
}
