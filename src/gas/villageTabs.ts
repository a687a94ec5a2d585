/**
 * The village tabs as every command reads them: found by the tab id `Danh sách` records, else by
 * name (tabFinder), one `getValues()` each, parsed and assessed.
 */
import { assessVillageTab, type AssessedTab } from '../core/assessment/villageAssessment';
import type { Grid } from '../core/shared/grid';
import type { Village } from '../core/config/registry';
import { appliedIndicators } from '../core/config/settings';
import { type WorkbookConfig } from './settingsSheet';
import { tabFinder, type TabFinder } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface VillageTabRead extends AssessedTab {
  sheet: Sheet | null;
  /** The data range the grid was read from (Kiểm tra số liệu marks cells in it). */
  range: Range | null;
  grid: Grid | null;
}

export interface ReadVillageTabsOptions {
  /** Only these villages (default: every village of the registry). */
  villages?: readonly Village[];
  /** A finder the caller keeps using afterwards, so no tab is looked up twice. */
  findTab?: TabFinder;
}

export function readVillageTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, config: WorkbookConfig, now: Date, options: ReadVillageTabsOptions = {}): VillageTabRead[] {
  const findTab = options.findTab ?? tabFinder(ss, config.villages);
  const input = { settings: config.settings, indicators: appliedIndicators(config), now };
  return (options.villages ?? config.villages).map((village) => {
    const tab = findTab(village.name);
    if (!tab) return { ...assessVillageTab(village, null, input), sheet: null, range: null, grid: null };
    const range = tab.sheet.getDataRange();
    const grid = range.getValues();
    return { ...assessVillageTab(village, { name: tab.name, grid }, input), sheet: tab.sheet, range, grid };
  });
}
