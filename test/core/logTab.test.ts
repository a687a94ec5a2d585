/** `Nhật ký` prints readably: its columns fit a landscape A4 page and its header wraps. */
import { LOG_COLUMN_WIDTHS, LOG_HEADERS, planLogTab } from '../../src/core/workbook/logTabSpec';

describe('Nhật ký layout', () => {
  it('columns add up to a landscape A4 page at full size, one width per header, the detail widest', () => {
    const spec = planLogTab(9, []);
    expect(spec.columnWidths).toHaveLength(LOG_HEADERS.length);
    expect(LOG_COLUMN_WIDTHS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1040);
    expect(Math.max(...LOG_COLUMN_WIDTHS)).toBe(LOG_COLUMN_WIDTHS[LOG_HEADERS.indexOf('Chi tiết')]);
    expect(spec.formats.wrap?.[0]).toEqual(Array(LOG_HEADERS.length).fill(true));
  });
});
