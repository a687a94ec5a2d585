/** The shared looks of titles, help lines and header rows, as format data every tab planner uses. */
import { PALETTE } from '../shared/palette';
import type { OwnedFormat } from './specCells';

export const TITLE_STYLE: OwnedFormat = { bold: true, fontSize: 13, fontColor: PALETTE.title };

export const HINT_STYLE: OwnedFormat = { italic: true, fontColor: PALETTE.hint, wrap: true, valign: 'top' };

export const HEADER_STYLE: OwnedFormat = {
  bold: true,
  background: PALETTE.headerBg,
  fontColor: PALETTE.headerFg,
  align: 'center',
  valign: 'middle',
  wrap: true,
};
