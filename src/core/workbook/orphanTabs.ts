/**
 * Tabs with a village's report that no row of `Danh sách` owns: a village whose row was deleted, or
 * renamed before setup recorded its tab. Their figures count nowhere, so setup and Kiểm tra số liệu
 * name them (docs/tabs.md, "Danh sách").
 */
import type { Finding } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { SETUP_CAPTION } from '../shared/menuCaptions';
import { TAB_REGISTRY } from './tabNames';
import { locateVillageTab } from './villageTabLayout';

/** A village tab's table with something in a month column: a figure, a tick, a stamp or a note. */
export function holdsVillageReport(grid: Grid): boolean {
  const map = locateVillageTab(grid);
  if (!map) return false;
  const columns = map.monthCols.filter((c) => c >= 0);
  for (let r = map.headerRow + 1; r < grid.length; r++) {
    if (columns.some((c) => grid[r][c] !== '' && grid[r][c] !== false)) return true;
  }
  return false;
}

export function orphanTabFinding(tab: string): Finding {
  return {
    level: 'warning',
    sheet: tab,
    cell: '',
    message: `Tab "${tab}" có số liệu báo cáo nhưng không thuộc địa bàn nào trong "${TAB_REGISTRY}", nên số liệu này không được tính. Nếu là tab cũ của một địa bàn đã đổi tên, hãy chép số liệu sang tab của địa bàn đó; nếu địa bàn bị xóa nhầm khỏi danh sách, hãy ghi lại tên "${tab}" vào "${TAB_REGISTRY}" rồi chạy "${SETUP_CAPTION}".`,
  };
}
