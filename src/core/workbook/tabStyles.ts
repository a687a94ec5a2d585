/** The shared looks of titles, help lines and header rows, as format data every tab planner uses. */
import { PALETTE } from '../shared/palette';
import { block, ownFormat, type OwnedFormat } from './specCells';
import type { TabSpec } from './tabSpec';

export const TITLE_STYLE: OwnedFormat = { bold: true, fontSize: 13, fontColor: PALETTE.title };

const HINT_STYLE: OwnedFormat = { italic: true, fontColor: PALETTE.hint, wrap: true, valign: 'top' };

export const HEADER_STYLE: OwnedFormat = {
  bold: true,
  background: PALETTE.headerBg,
  fontColor: PALETTE.headerFg,
  align: 'center',
  valign: 'middle',
  wrap: true,
};

/** The title in A1 and, below it, the help line merged across `helpWidth` columns, as setup lays them out. */
export function claimTitleBlock(spec: TabSpec, helpWidth: number): void {
  ownFormat(spec, block(1, 1), TITLE_STYLE);
  spec.merges.push(block(2, 1, 1, helpWidth));
  ownFormat(spec, block(2, 1, 1, helpWidth), HINT_STYLE);
}
