/** `Nhật ký` as data (docs/tabs.md, "Nhật ký"): the header setup keeps; rows below are appended by every command. */
import { PALETTE } from '../shared/palette';
import { TAB_LOG } from './tabNames';
import { ownTabProtection } from './ownProtection';
import { block, ownFormat, ownRow } from './specCells';
import { emptyTabSpec, type TabSpec } from './tabSpec';

export const LOG_HEADERS = ['Thời gian', 'Người thực hiện', 'Hành động', 'Địa bàn', 'Kỳ', 'Chi tiết'] as const;

/** `position`: the tab goes last, after every village tab. No `office`: protected by the next setup. */
export function planLogTab(position: number, office: readonly string[]): TabSpec {
  const spec = emptyTabSpec(TAB_LOG, position, 0, 0);
  ownRow(spec, 1, 1, [...LOG_HEADERS]);
  ownFormat(spec, block(1, 1, 1, LOG_HEADERS.length), { bold: true, background: PALETTE.sectionBg });
  spec.frozenRows = 1;
  // "Trưởng thôn Nguyễn Thị Giang (theo Danh sách)" when Google withholds the editor's email.
  spec.columnWidths = [140, 280, 140, 140, 140, 420];
  if (office.length > 0) spec.protections = [ownTabProtection(TAB_LOG, office)];
  return spec;
}
