/** Validation and status of every month of a village tab in one pass (Tổng hợp, reminders, dashboard). */
import { errorsOf, type Finding } from './findings';
import { monthStatus, type MonthStatus } from './status';
import { validateMonth, type ValidationContext } from './validation';
import type { VillageReport } from './villageReport';

export interface MonthAssessment {
  month: number;
  status: MonthStatus;
  findings: Finding[];
}

export function assessVillage(report: VillageReport, ctx: ValidationContext, now: Date): MonthAssessment[] {
  return report.months.map((monthReport) => {
    const findings = validateMonth(report, monthReport.month, ctx);
    return { month: monthReport.month, status: monthStatus(monthReport, errorsOf(findings).length > 0, ctx.settings, now), findings };
  });
}
