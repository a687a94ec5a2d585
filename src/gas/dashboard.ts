/** Server side of the Bảng điều khiển sidebar: one call reads the workbook and returns plain data. */
import { buildDashboard, notSetUpDashboard, type DashboardData } from '../core/reports/dashboard';
import { appliedIndicators } from '../core/config/settings';
import { readConfig } from './settingsSheet';
import { readVillageTabs } from './villageTabs';
import { automationFacts } from './automation';
import { asOffice, menuCommand } from './office';
import { setupUnderWayText } from '../core/workbook/setupPlan';
import { loadProgress } from './setupProgress';

export function getDashboardData(): DashboardData {
  return asOffice((ss) => {
    const now = new Date();
    const config = readConfig(ss);
    const setupUnderWay = setupUnderWayText(loadProgress());
    if (!config) return notSetUpDashboard(now, setupUnderWay);
    return buildDashboard({
      settings: config.settings,
      indicators: appliedIndicators(config),
      villages: readVillageTabs(ss, config, now),
      configFindings: config.findings,
      automation: automationFacts(),
      setupUnderWay,
      now,
    });
  });
}

export function showDashboard(): void {
  menuCommand('Bảng điều khiển', () => {
    const html = HtmlService.createHtmlOutputFromFile('dashboard').setTitle('Bảng điều khiển');
    SpreadsheetApp.getUi().showSidebar(html);
  });
}
