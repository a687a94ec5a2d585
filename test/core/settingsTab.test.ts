import { getPreset } from '../../src/core/config/presets';
import { readSettingsGrid, settingsLayout } from '../../src/core/config/settingsGrid';

const preset = getPreset('bach-ngoc');
const fresh = () => settingsLayout(preset.settings, preset.indicators).rows.map((r) => [...r]);

describe('readSettingsGrid', () => {
  it('finds settings by label after rows and columns are inserted above and before', () => {
    const grid = fresh().map((r) => ['', ...r]);
    grid.unshift(Array(grid[0].length).fill(''), Array(grid[0].length).fill(''));
    const reading = readSettingsGrid(grid);
    expect(reading.settings).toEqual(preset.settings);
    expect(reading.indicators.map((i) => i.code)).toEqual(preset.indicators.map((i) => i.code));
  });

  it('accepts numbers typed as text and labels typed loosely', () => {
    const grid = fresh();
    const row = grid.findIndex((r) => String(r[0]).startsWith('Hạn nộp báo cáo tháng'));
    grid[row] = ['  hạn nộp BÁO CÁO tháng ', '15', ''];
    const reading = readSettingsGrid(grid);
    expect(reading.settings.dueDay).toBe(15);
  });

  it('falls back to the default with a message naming the cell for an impossible due day', () => {
    const grid = fresh();
    const row = grid.findIndex((r) => String(r[0]).startsWith('Hạn nộp báo cáo tháng'));
    grid[row][1] = 31;
    const reading = readSettingsGrid(grid);
    expect(reading.settings.dueDay).toBe(20);
    expect(reading.findings).toEqual([
      {
        level: 'warning',
        sheet: 'Cấu hình',
        cell: `B${row + 1}`,
        message: 'Hạn nộp báo cáo tháng (ngày 1–28): "31" không hợp lệ (cần số nguyên từ 1 đến 28). Tạm dùng 20.',
      },
    ]);
  });

  it('reads the indicator table: targets, applied ticks, unknown codes reported', () => {
    const grid = fresh();
    const header = grid.findIndex((r) => r[0] === 'Mã');
    grid.push(['XYZ', 'Chỉ tiêu lạ', '', '', '', 50, true]);
    const smart = grid.findIndex((r) => r[0] === 'HO_SMART_HP');
    grid[smart][6] = 'x';
    grid[smart][5] = '90';
    const reading = readSettingsGrid(grid);
    expect(reading.indicators.find((i) => i.code === 'HO_SMART_HP')).toMatchObject({ applied: true, targetPercent: 90 });
    expect(reading.findings.map((f) => f.message)).toEqual(['Mã chỉ tiêu "XYZ" không có trong danh mục; bỏ qua dòng này.']);
    expect(header).toBeGreaterThan(0);
  });

  it('an unknown choice is reported and the default kept', () => {
    const grid = fresh();
    const row = grid.findIndex((r) => r[0] === 'Hạn nộp rơi vào');
    grid[row][1] = 'tháng SAU';
    expect(readSettingsGrid(grid).settings.dueMonth).toBe('Tháng sau');
    grid[row][1] = 'hôm qua';
    const reading = readSettingsGrid(grid);
    expect(reading.settings.dueMonth).toBe('Cùng tháng');
    expect(reading.findings[0].cell).toBe(`B${row + 1}`);
  });
});
