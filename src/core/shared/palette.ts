/** One palette for every tab, so the workbook reads as one product: core layouts and gas adapters alike. */
export const PALETTE = {
  title: '#1f4e79',
  headerBg: '#1f4e79',
  headerFg: '#ffffff',
  sectionBg: '#d9e2f3',
  hint: '#666666',
  codeFg: '#7f7f7f',
  inputBg: '#ffffff',
  settingValueBg: '#fffde7',
  submittedRowBg: '#e2efda',
  autoRowBg: '#eeeeee',
  futureMonthBg: '#f2f2f2',
  currentMonthHeaderBg: '#ffc000',
  noData: '#f2f2f2',
  good: '#c6efce',
  near: '#ffeb9c',
  bad: '#ffc7ce',
  /** `Đúng tiến độ`: on the plan's line but not yet at the year's target — lighter than `good`. */
  onPace: '#e2f0c4',
  /** Tổng hợp's chart: `Kế hoạch đến kỳ` between the rate (`chartRate`) and the year's target (`chartTarget`). */
  chartPlan: '#9dc3e6',
  stale: '#9c5700',
  chartRate: '#2e75b6',
  chartTarget: '#bfbfbf',
} as const;
