/** Server side of the Bảng điều khiển sidebar: one call reads the workbook and returns plain data. */
import { buildDashboard, notSetUpDashboard, type DashboardData } from '../core/dashboard';
import { appliedIndicators, readConfig } from './settingsSheet';
import { readVillageTabs } from './villageTabs';
import { activeSpreadsheet } from './workbook';

export function getDashboardData(): DashboardData {
  const ss = activeSpreadsheet();
  const now = new Date();
  const config = readConfig(ss);
  if (!config) return notSetUpDashboard(now);
  return buildDashboard({
    settings: config.settings,
    indicators: appliedIndicators(config),
    villages: readVillageTabs(ss, config, now),
    configFindings: config.findings,
    now,
  });
}

export function showDashboard(): void {
  const html = HtmlService.createHtmlOutputFromFile('dashboard').setTitle('Bảng điều khiển');
  SpreadsheetApp.getUi().showSidebar(html);
}
