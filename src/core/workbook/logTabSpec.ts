/** `Nhật ký` as data (docs/tabs.md, "Nhật ký"): the header setup keeps; rows below are appended by every command. */
import { PALETTE } from '../shared/palette';
import { TAB_LOG } from './tabNames';
import { ownTabProtection } from './ownProtection';
import { block, ownFormat, ownRow } from './specCells';
import { emptyTabSpec, type TabSpec } from './tabSpec';

export const LOG_HEADERS = ['Thời gian', 'Người thực hiện', 'Hành động', 'Địa bàn', 'Kỳ', 'Chi tiết'] as const;

/**
 * The tab is printed and exported: about 1,040 px fits a landscape A4 page at full size, and rows
 * are written wrapped (gas/log.ts), so a long detail grows its row's height instead of running on
 * to the right and shrinking the whole printout. "Trưởng thôn Nguyễn Thị Giang (theo Danh sách)"
 * stands for the editor when Google withholds their email: two lines in `Người thực hiện`.
 */
export const LOG_COLUMN_WIDTHS = [140, 200, 160, 120, 90, 330] as const;

/** `position`: the tab goes last, after every village tab. No `office`: protected by the next setup. */
export function planLogTab(position: number, office: readonly string[]): TabSpec {
  const spec = emptyTabSpec(TAB_LOG, position, 0, 0);
  ownRow(spec, 1, 1, [...LOG_HEADERS]);
  ownFormat(spec, block(1, 1, 1, LOG_HEADERS.length), { bold: true, background: PALETTE.sectionBg, wrap: true, valign: 'top' });
  spec.frozenRows = 1;
  spec.columnWidths = [...LOG_COLUMN_WIDTHS];
  if (office.length > 0) spec.protections = [ownTabProtection(TAB_LOG, office)];
  return spec;
}
