/** Shared formatting of titles, hints and header rows (colours: core/palette). */
import { PALETTE } from '../core/shared/palette';

export function styleTitle(range: GoogleAppsScript.Spreadsheet.Range): void {
  range.setFontWeight('bold').setFontSize(13).setFontColor(PALETTE.title);
}

export function styleHint(range: GoogleAppsScript.Spreadsheet.Range): void {
  range.setFontStyle('italic').setFontColor(PALETTE.hint).setWrap(true).setVerticalAlignment('top');
}

export function styleHeader(range: GoogleAppsScript.Spreadsheet.Range): void {
  range
    .setFontWeight('bold')
    .setBackground(PALETTE.headerBg)
    .setFontColor(PALETTE.headerFg)
    .setHorizontalAlignment('center')
    .setVerticalAlignment('middle')
    .setWrap(true);
}
