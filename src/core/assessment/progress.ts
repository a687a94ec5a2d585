/**
 * Progress of a cumulative indicator against the year plan (docs/periods-and-status.md, "Progress to
 * plan"): the plan to date is a straight line from the start of the year to the year's target, and
 * the year-end projection continues the line from the start of the year through today's rate.
 * Rates are compared as shown, to one decimal, so 69,96% (shown 70,0%) meets a 70% line.
 */

export type Evaluation = 'DA_DAT' | 'DUNG_TIEN_DO' | 'CHAM_TIEN_DO' | 'DAT' | 'CHUA_DAT';

/** `Đánh giá` words: the first three before the year's last month, the last two at its end. */
export const EVALUATION_LABELS: Readonly<Record<Evaluation, string>> = {
  DA_DAT: 'Đã đạt',
  DUNG_TIEN_DO: 'Đúng tiến độ',
  CHAM_TIEN_DO: 'Chậm tiến độ',
  DAT: 'Đạt',
  CHUA_DAT: 'Chưa đạt',
};

export const MONTHS_IN_YEAR = 12;

/** Whether `rate` reaches `line` as both are shown (one decimal). */
export function reaches(rate: number, line: number): boolean {
  return Math.round(rate * 10) >= Math.round(line * 10);
}

/** The plan for the period ending in `month`: baseline + (target − baseline) × month ÷ 12. */
export function planToDate(baseline: number, target: number, month: number): number {
  return baseline + ((target - baseline) * month) / MONTHS_IN_YEAR;
}

/**
 * The rate at the year's end if the pace since January holds: baseline + (rate − baseline) × 12 ÷
 * month, kept within 0–100% (a share of people or households cannot leave that range).
 */
export function projectedYearEnd(baseline: number, rate: number, month: number): number {
  const projected = baseline + ((rate - baseline) * MONTHS_IN_YEAR) / month;
  return Math.min(100, Math.max(0, projected));
}

/** `Đánh giá` of a rate with a target at the end of `month` (12: the year's own verdict). */
export function evaluate(rate: number, target: number, baseline: number, month: number): Evaluation {
  if (month >= MONTHS_IN_YEAR) return reaches(rate, target) ? 'DAT' : 'CHUA_DAT';
  if (reaches(rate, target)) return 'DA_DAT';
  return reaches(rate, planToDate(baseline, target, month)) ? 'DUNG_TIEN_DO' : 'CHAM_TIEN_DO';
}

/** Behind the plan: what the report's "tồn tại, hạn chế" and "nhiệm vụ tháng tới" are drawn from. */
export function isBehind(evaluation: Evaluation | null): boolean {
  return evaluation === 'CHAM_TIEN_DO' || evaluation === 'CHUA_DAT';
}
