/** Validation and status of every month of a village tab in one pass (Tổng hợp, reminders, dashboard). */
import { errorsOf, type Finding } from '../shared/findings';
import { otherYearFinding } from './reportYear';
import { monthStatus, type MonthStatus } from './status';
import { validateMonths, type ValidationContext } from '../entry/validation';
import type { VillageReport } from '../entry/monthReports';

export interface MonthAssessment {
  month: number;
  status: MonthStatus;
  findings: Finding[];
}

export function assessVillage(report: VillageReport, ctx: ValidationContext): MonthAssessment[] {
  const findingsByMonth = validateMonths(report, ctx);
  return report.months.map((monthReport, i) => {
    const otherYear = otherYearFinding(report, ctx.villageName, monthReport, ctx.settings);
    const findings = otherYear ? [...findingsByMonth[i], otherYear] : findingsByMonth[i];
    return { month: monthReport.month, status: monthStatus(monthReport, findings.length > 0 && errorsOf(findings).length > 0, ctx.settings), findings };
  });
}
