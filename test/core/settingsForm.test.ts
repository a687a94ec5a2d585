import { getPreset } from '../../src/core/config/presets';
import { DEFAULT_SETTINGS, isValidSetting, SETTING_FIELDS, settingField, settingsSchema, type Settings } from '../../src/core/config/settings';
import { describeChanges, parseSettingsForm, planSettingsSave } from '../../src/core/config/settingsForm';
import { readSettingsGrid, settingsLayout } from '../../src/core/config/settingsGrid';

const preset = getPreset('bach-ngoc');
const asForm = (settings: Settings) => Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, String(settings[f.key])]));
const form = (changes: Record<string, string> = {}) => ({ ...asForm(preset.settings), ...changes });
const freshGrid = () => settingsLayout(preset.settings, preset.indicators).rows.map((r) => [...r]);
const rowOfLabel = (grid: unknown[][], start: string) => grid.findIndex((r) => String(r[0]).startsWith(start));

describe('setting descriptors', () => {
  it('are the one source of the defaults, each valid for its own descriptor', () => {
    expect(Object.keys(DEFAULT_SETTINGS)).toEqual(SETTING_FIELDS.map((f) => f.key));
    for (const field of SETTING_FIELDS) {
      expect(DEFAULT_SETTINGS[field.key]).toBe(field.default);
      expect(isValidSetting(field, field.default)).toBe(true);
    }
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS)).toEqual({ success: true, data: DEFAULT_SETTINGS });
  });

  it('hold the rules the form and the tab apply', () => {
    expect(settingField('dueDay')).toMatchObject({ type: 'int', min: 1, max: 28 });
    expect(isValidSetting(settingField('dueDay'), 29)).toBe(false);
    expect(isValidSetting(settingField('unitName'), '')).toBe(false);
    expect(isValidSetting(settingField('province'), '')).toBe(true);
    expect(isValidSetting(settingField('villageWord'), 'Làng')).toBe(false);
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, year: 1999, level: 'Huyện' });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path[0])).toEqual(['level', 'year']);
  });
});

describe('parseSettingsForm', () => {
  it('reads what the form holds (strings) back into the settings', () => {
    expect(parseSettingsForm(form())).toEqual({ ok: true, settings: preset.settings });
  });

  it('reads numbers and choices the way people type them', () => {
    const result = parseSettingsForm(form({ year: '2.027', dueDay: ' 15 ', dueMonth: 'tháng SAU', level: 'xã' }));
    expect(result).toEqual({ ok: true, settings: { ...preset.settings, year: 2027, dueDay: 15, dueMonth: 'Tháng sau', level: 'Xã' } });
  });

  it('gives one Vietnamese message per wrong field, naming what was typed and what is allowed', () => {
    const result = parseSettingsForm(form({ dueDay: '31', reminderHour: '12,5', maxReminders: '', unitName: '  ', dueMonth: 'hôm qua', officeEmail: 'vhxh@', teamMax: '2' }));
    expect(result).toEqual({
      ok: false,
      errors: {
        dueDay: '"31" không hợp lệ: cần số nguyên từ 1 đến 28.',
        reminderHour: '"12,5" không hợp lệ: cần số nguyên từ 0 đến 23.',
        maxReminders: 'Chưa nhập: cần số nguyên từ 0 đến 31.',
        unitName: 'Không được để trống.',
        dueMonth: 'Chọn một trong: Cùng tháng, Tháng sau.',
        officeEmail: '"vhxh@" không phải địa chỉ email hợp lệ.',
        teamMax: 'Số tối đa (2) phải lớn hơn hoặc bằng số tối thiểu (3).',
      },
    });
  });

  it('rejects a missing or malformed payload field by field instead of throwing', () => {
    const result = parseSettingsForm(null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.unitName).toBe('Không được để trống.');
  });
});

describe('planSettingsSave', () => {
  it('writes only the changed value cells, found by label after rows and columns were inserted', () => {
    const grid = freshGrid().map((r) => ['', ...r]);
    grid.unshift(Array(grid[0].length).fill(''));
    const plan = planSettingsSave(grid, form({ dueDay: '25', unitName: 'Xã Bạch Ngọc mới' }));
    const dueRow = rowOfLabel(grid.map((r) => r.slice(1)), 'Hạn nộp báo cáo tháng') + 1;
    const unitRow = rowOfLabel(grid.map((r) => r.slice(1)), 'Tên đơn vị') + 1;
    expect(plan).toMatchObject({
      ok: true,
      writes: [
        { key: 'unitName', row: unitRow, column: 3, value: "'Xã Bạch Ngọc mới" },
        { key: 'dueDay', row: dueRow, column: 3, value: 25 },
      ],
      missing: [],
    });
    if (plan.ok) expect(describeChanges(plan.changes)).toBe('Tên đơn vị: Xã Bạch Ngọc → Xã Bạch Ngọc mới; Hạn nộp báo cáo tháng (ngày 1–28): 20 → 25');
  });

  it('keeps a formula-looking text as text', () => {
    const plan = planSettingsSave(freshGrid(), form({ signerName: '=IMPORTXML("http://x","//a")' }));
    expect(plan.ok && plan.writes).toEqual([expect.objectContaining({ key: 'signerName', value: '\'=IMPORTXML("http://x","//a")' })]);
  });

  it('leaves fields the user did not touch as the tab has them, even if the tab changed meanwhile', () => {
    const loaded = form();
    const grid = freshGrid();
    grid[rowOfLabel(grid, 'Năm')][1] = 2027; // someone edits the tab while the sidebar is open
    const plan = planSettingsSave(grid, { ...loaded, dueDay: '10' }, loaded);
    expect(plan.ok && plan.writes.map((w) => w.key)).toEqual(['dueDay']);
    expect(plan.ok && plan.settings.year).toBe(2027);
  });

  it('replaces an invalid value in the tab when the user sets that field, logging what was typed', () => {
    const grid = freshGrid();
    grid[rowOfLabel(grid, 'Hạn nộp báo cáo tháng')][1] = 'ngày hai mươi';
    expect(readSettingsGrid(grid).settings.dueDay).toBe(20);
    const plan = planSettingsSave(grid, form({ dueDay: '20' }));
    expect(plan.ok && plan.changes).toEqual([{ key: 'dueDay', label: 'Hạn nộp báo cáo tháng (ngày 1–28)', from: 'ngày hai mươi', to: 20 }]);
    // Untouched (same as loaded), the typed text stays.
    expect(planSettingsSave(grid, form(), form())).toMatchObject({ ok: true, writes: [] });
  });

  it('reports a changed setting whose row was deleted instead of guessing a cell', () => {
    const grid = freshGrid();
    grid.splice(rowOfLabel(grid, 'Giờ gửi nhắc'), 1);
    expect(planSettingsSave(grid, form({ reminderHour: '7' }))).toMatchObject({ ok: true, writes: [], missing: ['Giờ gửi nhắc (0–23)'] });
  });

  it('returns field errors and no writes when the form is invalid', () => {
    expect(planSettingsSave(freshGrid(), form({ year: '1999' }))).toEqual({ ok: false, errors: { year: '"1999" không hợp lệ: cần số nguyên từ 2020 đến 2100.' } });
  });
});
