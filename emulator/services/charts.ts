import type { CallCounter } from '../callCounter';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType, LegendPosition } from '../enums';
import { EmuObject } from '../guard';

/** The Charts service: only its enums (embedded charts are built through Sheet.newChart()). */
export class EmuCharts extends EmuObject {
  constructor(counter: CallCounter) {
    super(counter, 'Charts');
  }

  get ChartType() { return ChartType; }
  get LegendPosition() { return LegendPosition; }
  get Position() { return LegendPosition; }
  get ChartMergeStrategy() { return ChartMergeStrategy; }
  get ChartHiddenDimensionStrategy() { return ChartHiddenDimensionStrategy; }
}
