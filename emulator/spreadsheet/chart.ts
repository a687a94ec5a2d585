import type { Api } from '../api';
import type { CallCounter } from '../callCounter';
import { EmuObject } from '../guard';
import type { EmuRange } from './range';

export interface ChartSpec {
  chartId?: number;
  chartType?: string;
  ranges: EmuRange[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  numHeaders?: number;
  transposeRowsAndColumns?: boolean;
  mergeStrategy?: string;
  hiddenDimensionStrategy?: string;
}

type BarBuilder = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;

/**
 * One class stands for EmbeddedChartBuilder and its as*Chart() variants: every call is recorded
 * into a spec, typed setters (setTitle, setColors, …) as options under their Charts option path.
 */
export class EmuEmbeddedChartBuilder extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
    'addRange' | 'removeRange' | 'clearRanges' | 'getRanges' | 'setChartType' | 'getChartType' | 'setPosition'
    | 'setOption' | 'setNumHeaders' | 'setTransposeRowsAndColumns' | 'setMergeStrategy' | 'setHiddenDimensionStrategy'
    | 'asBarChart' | 'asColumnChart' | 'asLineChart' | 'asPieChart' | 'asAreaChart' | 'asComboChart' | 'asTableChart' | 'build'>,
  Api<BarBuilder, 'setTitle' | 'setXAxisTitle' | 'setYAxisTitle' | 'setColors' | 'setLegendPosition' | 'setStacked'
    | 'setRange' | 'setBackgroundColor' | 'reverseCategories' | 'setTitleTextStyle'> {
  constructor(counter: CallCounter, private readonly spec: ChartSpec, apiClass = 'EmbeddedChartBuilder') {
    super(counter, apiClass);
  }

  private as(type: string, apiClass: string) {
    this.spec.chartType = type;
    return new EmuEmbeddedChartBuilder(this.counter, this.spec, apiClass);
  }
  private opt(key: string, value: unknown): this {
    this.spec.options[key] = value;
    return this;
  }

  addRange(range: EmuRange) { this.spec.ranges.push(range); return this; }
  removeRange(range: EmuRange) {
    this.spec.ranges = this.spec.ranges.filter((r) => r.getA1Notation() !== range.getA1Notation() || r.sheet !== range.sheet);
    return this;
  }
  clearRanges() { this.spec.ranges = []; return this; }
  getRanges() { return [...this.spec.ranges]; }
  setChartType(type: GoogleAppsScript.Charts.ChartType) { this.spec.chartType = String(type); return this; }
  getChartType() { return this.spec.chartType; }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.spec.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown) { return this.opt(option, value); }
  setNumHeaders(headers: number) { this.spec.numHeaders = headers; return this; }
  setTransposeRowsAndColumns(t: boolean) { this.spec.transposeRowsAndColumns = t; return this; }
  setMergeStrategy(s: GoogleAppsScript.Charts.ChartMergeStrategy) { this.spec.mergeStrategy = String(s); return this; }
  setHiddenDimensionStrategy(s: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy) { this.spec.hiddenDimensionStrategy = String(s); return this; }

  asBarChart() { return this.as('BAR', 'EmbeddedBarChartBuilder'); }
  asColumnChart() { return this.as('COLUMN', 'EmbeddedColumnChartBuilder'); }
  asLineChart() { return this.as('LINE', 'EmbeddedLineChartBuilder'); }
  asPieChart() { return this.as('PIE', 'EmbeddedPieChartBuilder'); }
  asAreaChart() { return this.as('AREA', 'EmbeddedAreaChartBuilder'); }
  asComboChart() { return this.as('COMBO', 'EmbeddedComboChartBuilder'); }
  asTableChart() { return this.as('TABLE', 'EmbeddedTableChartBuilder'); }

  setTitle(title: string) { return this.opt('title', title); }
  setXAxisTitle(title: string) { return this.opt('hAxis.title', title); }
  setYAxisTitle(title: string) { return this.opt('vAxis.title', title); }
  setColors(colors: string[]) { return this.opt('colors', [...colors]); }
  setLegendPosition(p: GoogleAppsScript.Charts.Position) { return this.opt('legend.position', String(p).toLowerCase()); }
  setStacked() { return this.opt('isStacked', true); }
  setRange(start: number, end: number) { return this.opt('vAxis.viewWindow', { min: start, max: end }); }
  setBackgroundColor(color: string) { return this.opt('backgroundColor', color); }
  reverseCategories() { return this.opt('reverseCategories', true); }
  setTitleTextStyle(style: GoogleAppsScript.Charts.TextStyle) { return this.opt('titleTextStyle', style); }

  build(): EmuEmbeddedChart {
    return new EmuEmbeddedChart(this.counter, { ...this.spec, ranges: [...this.spec.ranges], options: { ...this.spec.options } });
  }
}

export class EmuEmbeddedChart extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getChartId' | 'getRanges' | 'getOptions' | 'modify' | 'getContainerInfo'> {
  constructor(counter: CallCounter, readonly spec: ChartSpec) {
    super(counter, 'EmbeddedChart');
  }

  getChartId() { return this.spec.chartId ?? null; }
  getRanges() { return [...this.spec.ranges]; }
  getOptions() { return new EmuChartOptions(this.counter, this.spec.options); }
  getContainerInfo() { return new EmuContainerInfo(this.counter, this.spec.position); }
  modify() {
    return new EmuEmbeddedChartBuilder(this.counter, { ...this.spec, ranges: [...this.spec.ranges], options: { ...this.spec.options } });
  }
}

class EmuChartOptions extends EmuObject implements Api<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(counter: CallCounter, private readonly options: Record<string, unknown>) {
    super(counter, 'ChartOptions');
  }
  get(option: string) { return this.options[option] ?? null; }
}

class EmuContainerInfo extends EmuObject
  implements Api<GoogleAppsScript.Spreadsheet.ContainerInfo, 'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'> {
  constructor(counter: CallCounter, private readonly pos: ChartSpec['position']) {
    super(counter, 'ContainerInfo');
  }
  getAnchorRow() { return this.pos.anchorRow; }
  getAnchorColumn() { return this.pos.anchorColumn; }
  getOffsetX() { return this.pos.offsetX; }
  getOffsetY() { return this.pos.offsetY; }
}
