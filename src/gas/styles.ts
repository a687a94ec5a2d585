/** One palette for every tab, so the workbook reads as one product. */
export const COLORS = {
  title: '#1f4e79',
  headerBg: '#1f4e79',
  headerFg: '#ffffff',
  hint: '#666666',
  codeFg: '#7f7f7f',
  inputBg: '#ffffff',
  submittedRowBg: '#e2efda',
  autoRowBg: '#eeeeee',
  futureMonthBg: '#f2f2f2',
  currentMonthHeaderBg: '#ffc000',
  good: '#c6efce',
  near: '#ffeb9c',
  bad: '#ffc7ce',
} as const;

export function styleTitle(range: GoogleAppsScript.Spreadsheet.Range): void {
  range.setFontWeight('bold').setFontSize(13).setFontColor(COLORS.title);
}

export function styleHint(range: GoogleAppsScript.Spreadsheet.Range): void {
  range.setFontStyle('italic').setFontColor(COLORS.hint).setWrap(true).setVerticalAlignment('top');
}

export function styleHeader(range: GoogleAppsScript.Spreadsheet.Range): void {
  range
    .setFontWeight('bold')
    .setBackground(COLORS.headerBg)
    .setFontColor(COLORS.headerFg)
    .setHorizontalAlignment('center')
    .setVerticalAlignment('middle')
    .setWrap(true);
}
