/** Server side of the Bảng điều khiển sidebar: one call reads the workbook and returns plain data. */
import { buildDashboard, notSetUpDashboard, type DashboardData, type VillageTab } from '../core/dashboard';
import type { Village } from '../core/registry';
import type { IndicatorSetting } from '../core/settings';
import { normalizeName } from '../core/text';
import { parseVillageTab } from '../core/villageReport';
import { appliedIndicators, readConfig } from './settingsSheet';
import { activeSpreadsheet, readGrid, sheetsByName } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function getDashboardData(): DashboardData {
  const ss = activeSpreadsheet();
  const now = new Date();
  const config = readConfig(ss);
  if (!config) return notSetUpDashboard(now);
  const indicators = appliedIndicators(config);
  return buildDashboard({
    settings: config.settings,
    indicators,
    villages: config.villages,
    tabs: readVillageTabs(ss, config.villages, indicators),
    configFindings: config.findings,
    now,
  });
}

/** Each registered village's tab, one getValues() each; tab names matched as people type them. */
function readVillageTabs(ss: Spreadsheet, villages: readonly Village[], indicators: readonly IndicatorSetting[]): VillageTab[] {
  const sheets = sheetsByName(ss);
  return villages.flatMap((v) => {
    const sheet = sheets.get(normalizeName(v.name));
    return sheet ? [{ name: v.name, report: parseVillageTab(sheet.getName(), readGrid(sheet), indicators) }] : [];
  });
}

export function showDashboard(): void {
  const html = HtmlService.createHtmlOutputFromFile('dashboard').setTitle('Bảng điều khiển');
  SpreadsheetApp.getUi().showSidebar(html);
}
