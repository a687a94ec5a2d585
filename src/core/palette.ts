/**
 * Colours of the tabs the core lays out (Tổng hợp, Báo cáo). Same values as src/gas/styles.ts
 * COLORS, which the setup adapters use; the core cannot import from the gas layer.
 */
export const PALETTE = {
  title: '#1f4e79',
  headerBg: '#1f4e79',
  headerFg: '#ffffff',
  sectionBg: '#d9e2f3',
  hint: '#666666',
  codeFg: '#7f7f7f',
  noData: '#f2f2f2',
  good: '#c6efce',
  near: '#ffeb9c',
  bad: '#ffc7ce',
  stale: '#9c5700',
  chartRate: '#2e75b6',
  chartTarget: '#bfbfbf',
} as const;
