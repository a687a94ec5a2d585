import { getPreset } from '../../src/core/config/presets';
import { multilineRowHeight, readSettingsGrid, settingsLayout } from '../../src/core/config/settingsGrid';
import { sheetPresetId } from '../../src/core/config/sheetPreset';
import { planSettingsTab } from '../../src/core/workbook/settingsTabSpec';

const preset = getPreset('bach-ngoc');
const fresh = () => settingsLayout(preset.settings, preset.indicators).rows.map((r) => [...r]);
const rowOf = (grid: unknown[][], start: string) => grid.findIndex((r) => String(r[0]).startsWith(start));

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
    grid[smart][5] = '90%';
    expect(readSettingsGrid(grid).findings.map((f) => [f.cell, f.message])).toContainEqual([
      `F${smart + 1}`,
      'Chỉ tiêu năm (%) của "Hộ được hướng dẫn cài đặt ứng dụng Smart Hải Phòng": "90%" không hợp lệ (cần số nguyên từ 0 đến 100, hoặc để trống nếu kế hoạch không giao). Tạm coi như chưa giao chỉ tiêu.',
    ]);
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

describe('multi-line settings and ranking weights in Cấu hình', () => {
  const settings = {
    ...preset.settings,
    recipients: 'Sở Khoa học và Công nghệ tỉnh Tuyên Quang (b/c);\nThường trực Đảng ủy, HĐND xã (b/c);\nLưu: VT, VHXH.',
    proposals: 'Đề nghị Sở hỗ trợ kinh phí tập huấn cho Tổ.\n\nĐề nghị cấp thêm 16 điện thoại thông minh.',
    weightResults: 60,
    weightTimeliness: 25,
    weightActivity: 15,
  };

  it('survive a write/read round trip, line breaks and blank lines between paragraphs included', () => {
    const reading = readSettingsGrid(settingsLayout(settings, preset.indicators).rows);
    expect(reading.findings).toEqual([]);
    expect(reading.settings).toEqual(settings);
  });

  it('read each line trimmed, whatever line breaks Sheets or a paste left, blank lines at the ends dropped', () => {
    const grid = fresh();
    grid[rowOf(grid, 'Nơi nhận')][1] = '\n  Sở Khoa học và Công nghệ (b/c);  \r\n   Lưu: VT, VHXH.\r  \n';
    grid[rowOf(grid, 'Đề xuất, kiến nghị')][1] = '   ';
    const reading = readSettingsGrid(grid);
    expect(reading.settings.recipients).toBe('Sở Khoa học và Công nghệ (b/c);\nLưu: VT, VHXH.');
    expect(reading.settings.proposals).toBe('');
  });

  it('three zero weights are a warning on the first weight\'s cell, and are kept as typed', () => {
    const grid = settingsLayout({ ...settings, weightResults: 0, weightTimeliness: 0, weightActivity: 0 }, preset.indicators).rows.map((r) => [...r]);
    const reading = readSettingsGrid(grid);
    expect(reading.settings).toMatchObject({ weightResults: 0, weightTimeliness: 0, weightActivity: 0 });
    expect(reading.findings).toEqual([
      {
        level: 'warning',
        sheet: 'Cấu hình',
        cell: `B${rowOf(grid, 'Trọng số xếp hạng: kết quả') + 1}`,
        message: 'Cả ba trọng số xếp hạng đều bằng 0: bảng xếp hạng tạm tính theo trọng số mặc định 50 / 30 / 20 (kết quả chỉ tiêu / nộp đúng hạn / hoạt động).',
      },
    ]);
  });

  it('setup wraps a multi-line value, starts its row at the top and makes it tall enough, also after the text grew', () => {
    const plan = planSettingsTab({ grid: null, mode: 'keep', settings, indicators: preset.indicators, office: [] }).spec;
    const grid = settingsLayout(settings, preset.indicators).rows;
    const recipientsRow = rowOf(grid.map((r) => [...r]), 'Nơi nhận') + 1;
    const proposalsRow = rowOf(grid.map((r) => [...r]), 'Đề xuất') + 1;
    expect(plan.rowHeights).toEqual([
      { row: recipientsRow, height: multilineRowHeight(settings.recipients) },
      { row: proposalsRow, height: multilineRowHeight(settings.proposals) },
    ]);
    expect(plan.formats.wrap?.[recipientsRow - 1][1]).toBe(true);
    expect(plan.formats.verticalAlignment?.[recipientsRow - 1].slice(0, 3)).toEqual(['top', 'top', 'top']);
    // The office typed two more lines in the tab: setup gives the row the height they need.
    const typed = grid.map((r) => [...r]);
    typed[recipientsRow - 1][1] = `${settings.recipients}\nUBND xã;\nĐảng ủy xã;`;
    const repaired = planSettingsTab({ grid: typed, mode: 'keep', settings, indicators: preset.indicators, office: [] }).spec;
    expect(repaired.rowHeights[0]).toEqual({ row: recipientsRow, height: multilineRowHeight(String(typed[recipientsRow - 1][1])) });
    expect(repaired.rowHeights[0].height).toBeGreaterThan(plan.rowHeights[0].height);
  });
});

describe('the preset a sheet follows', () => {
  it('a Bạch Ngọc sheet is Bạch Ngọc, even when An Hải was the last preset recorded', () => {
    const reading = readSettingsGrid(fresh());
    expect(sheetPresetId(null, reading.settings)).toBe('bach-ngoc');
    expect(sheetPresetId('an-hai', reading.settings)).toBe('bach-ngoc');
    // Typed loosely by hand, still the same unit.
    expect(sheetPresetId(null, { unitName: ' xã  bạch ngọc' })).toBe('bach-ngoc');
  });

  it('a sheet renamed after a preset keeps that preset; one matching none follows none', () => {
    expect(sheetPresetId('mac-dinh', { unitName: 'Xã Tân Lập' })).toBe('mac-dinh');
    expect(sheetPresetId(null, { unitName: 'Xã Tân Lập' })).toBeNull();
    expect(sheetPresetId('ha-noi', { unitName: 'Xã Tân Lập' })).toBeNull();
  });
});

describe('planSettingsTab repairing a tab made before Nơi nhận existed', () => {
  it('adds the row with the commune\'s own province and level, never a "xã" in a ward', () => {
    const ward = getPreset('an-hai');
    const grid = settingsLayout(ward.settings, ward.indicators).rows.map((r) => [...r]);
    grid.splice(rowOf(grid, 'Nơi nhận'), 1);
    // Setup repairs with the neutral preset's defaults (a commune "Xã", no province).
    const spec = planSettingsTab({ grid, mode: 'keep', settings: getPreset('mac-dinh').settings, indicators: ward.indicators, office: [] }).spec;
    const added = spec.values.find((r) => String(r[0]).startsWith('Nơi nhận'));
    expect(added?.[1]).toBe(ward.settings.recipients);
    expect(String(added?.[1])).toContain('HĐND phường');
    expect(String(added?.[1])).not.toMatch(/(^|\s)xã(\s|;|$)/m);
  });
});
