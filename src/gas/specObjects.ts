/** The Apps Script objects a TabSpec describes as data: validation rules, conditional formats, charts. */
import type { ChartModel } from '../core/workbook/sheetModel';
import type { ConditionalFormatSpec, ValidationRule } from '../core/workbook/tabSpec';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Every rule but the checkbox refuses invalid input (a checkbox refuses anything but a tick anyway). */
export function dataValidation(rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (rule.kind) {
    case 'checkbox':
      // requireCheckbox, not insertCheckboxes: the latter resets every tick to false.
      return builder.requireCheckbox().build();
    case 'formula':
      return builder.requireFormulaSatisfied(rule.formula).setAllowInvalid(false).setHelpText(rule.helpText).build();
    case 'list':
      return builder.requireValueInList([...rule.values], true).setAllowInvalid(false).build();
    case 'numberBetween':
      return builder.requireNumberBetween(rule.min, rule.max).setAllowInvalid(false).setHelpText(rule.helpText).build();
  }
}

export function conditionalFormatRule(rule: ConditionalFormatSpec, ranges: Range[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  return SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(rule.formula)
    .setBackground(rule.background)
    .setFontColor(rule.fontColor)
    .setRanges(ranges)
    .build();
}

/** `ranges`: the chart's category labels, then its series, each with its header row. */
export function barChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, chart: ChartModel, ranges: Range[]): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  let builder = sheet.newChart();
  for (const range of ranges) builder = builder.addRange(range);
  return builder
    .asBarChart()
    .setTitle(chart.title)
    .setColors(chart.colors)
    .setLegendPosition(Charts.Position.BOTTOM)
    .setXAxisTitle(chart.axisTitle)
    .setNumHeaders(1)
    .setOption('hAxis.viewWindow.min', 0)
    .setOption('width', chart.width)
    .setOption('height', chart.height)
    .setPosition(chart.anchorRow, chart.anchorCol, 0, 0)
    .build();
}
