/**
 * A registry village with its tab parsed and every month assessed: what Tổng hợp, Kiểm tra số liệu,
 * the dashboard and the reminders all start from.
 */
import type { AssessedVillage } from './aggregation';
import { assessVillage, type MonthAssessment } from './monthAssessment';
import { vnDateOf } from '../shared/calendar';
import type { Grid } from '../shared/grid';
import type { Village } from '../config/registry';
import type { IndicatorSetting, Settings } from '../config/settings';
import type { ValidationContext } from '../entry/validation';
import { parseVillageTab, type VillageReport } from '../entry/monthReports';

export interface AssessedTab extends AssessedVillage {
  /** Name of the village's tab; null when the workbook has none. */
  tabName: string | null;
  /** Null when there is no tab or its layout is not recognised. */
  report: VillageReport | null;
  /** Months 1–12; empty when there is no report. */
  assessments: MonthAssessment[];
}

export interface AssessmentInput {
  settings: Settings;
  /** Applied indicators. */
  indicators: IndicatorSetting[];
  now: Date;
}

export function validationContextOf(village: Pick<Village, 'name' | 'denominators'>, input: AssessmentInput): ValidationContext {
  return { villageName: village.name, village, settings: input.settings, indicators: input.indicators, today: vnDateOf(input.now) };
}

/** `tab` is the village's tab as read (its name and grid), or null when it has none. */
export function assessVillageTab(village: Village, tab: { name: string; grid: Grid } | null, input: AssessmentInput): AssessedTab {
  const report = tab ? parseVillageTab(tab.name, tab.grid, input.indicators) : null;
  const assessments = report ? assessVillage(report, validationContextOf(village, input)) : [];
  return { village, tabName: tab?.name ?? null, report, assessments };
}
