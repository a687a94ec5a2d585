/**
 * The pace chart of `Tổng hợp` as a PNG for the demo xlsx (exceljs places pictures but cannot write
 * charts): per rate indicator, the rate against the plan to date and the year's target. Apache
 * ECharts draws it as SVG on the server; resvg turns the SVG into PNG with a font loaded from disk
 * (it reads no system font by default), so Vietnamese diacritics render the same on any machine
 * that has one of FONTS. Demo only: nothing here reaches the Apps Script bundle.
 */
import { existsSync } from 'node:fs';
import * as echarts from 'echarts';
import type { AggregationSummary, IndicatorSummary } from '../../src/core/assessment/aggregation';
import { shortLabel } from '../../src/core/config/indicatorNames';
import { PALETTE } from '../../src/core/shared/palette';
import { formatDecimal } from '../../src/core/shared/text';
import type { Picture } from './xlsx';

/** Fonts with Vietnamese glyphs: Debian/Ubuntu (fonts-dejavu-core, fonts-liberation), Fedora, macOS, Windows. */
const FONTS: readonly { file: string; family: string }[] = [
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { file: '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { file: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
  { file: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', family: 'Noto Sans' },
  { file: '/Library/Fonts/Arial Unicode.ttf', family: 'Arial Unicode MS' },
  { file: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf', family: 'Arial Unicode MS' },
  { file: 'C:\\Windows\\Fonts\\arial.ttf', family: 'Arial' },
];

const WIDTH = 760;
const ROW_HEIGHT = 46;

export type PaceChart = Picture | { missing: string };

interface Size {
  width: number;
  height: number;
}

/** The rate indicators that have a rate to draw. */
function drawable(summary: AggregationSummary): IndicatorSummary[] {
  return summary.indicators.filter((i) => i.kind === 'TY_LE' && i.ratePercent !== null);
}

/** The chart as SVG (ECharts, server-side rendering) with text in `fontFamily`; null when there is nothing to draw. */
export function paceChartSvg(summary: AggregationSummary, fontFamily: string, size?: Size | null): { svg: string } & Size | null {
  const indicators = drawable(summary).reverse(); // ECharts draws the first category at the bottom.
  if (indicators.length === 0) return null;
  const { width, height } = size ?? { width: WIDTH, height: 110 + indicators.length * ROW_HEIGHT };
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  const series = (name: string, colour: string, pick: (i: IndicatorSummary) => number | null) => ({
    name,
    type: 'bar' as const,
    barGap: '10%',
    itemStyle: { color: colour },
    label: { show: true, position: 'right' as const, fontSize: 10, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatDecimal(p.value) : '') },
    data: indicators.map((i) => percent(pick(i))),
  });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily },
    title: { text: `Tiến độ thực hiện so với kế hoạch — ${summary.periodLabel}`, left: 'center', textStyle: { fontSize: 14, color: PALETTE.title } },
    legend: { bottom: 8, itemGap: 24 },
    grid: { left: 12, right: 48, top: 44, bottom: 44, containLabel: true },
    xAxis: { type: 'value', max: 100, name: '%', axisLabel: { formatter: (v: number) => formatDecimal(v, 0) } },
    yAxis: { type: 'category', data: indicators.map((i) => shortLabel(i)), axisLabel: { width: 280, overflow: 'break', fontSize: 11 } },
    series: [
      series('Tỷ lệ thực hiện', PALETTE.chartRate, (i) => i.ratePercent),
      series('Kế hoạch đến kỳ', PALETTE.chartPlan, (i) => i.planPercent),
      series('Chỉ tiêu năm', PALETTE.chartTarget, (i) => i.targetPercent),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return { svg, width, height };
}

/**
 * The chart as PNG (`size`: the room `Tổng hợp` keeps for its chart), or why it could not be drawn
 * (no font with Vietnamese letters, no resvg build for this machine); null with no rate to draw.
 */
export async function paceChartPng(summary: AggregationSummary, size?: Size | null): Promise<PaceChart | null> {
  const font = FONTS.find((f) => existsSync(f.file));
  if (!font) return { missing: 'không tìm thấy phông chữ có dấu tiếng Việt (trên Debian/Ubuntu: apt-get install fonts-dejavu-core)' };
  const drawn = paceChartSvg(summary, font.family, size);
  if (!drawn) return null;
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (error) {
    return { missing: `thiếu @resvg/resvg-js cho máy này (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const png = new Resvg(drawn.svg, {
    background: '#ffffff',
    font: { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
  }).render().asPng();
  return { png, width: drawn.width, height: drawn.height };
}
