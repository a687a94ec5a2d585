import { getPreset } from '../../src/core/config/presets';
import { DEFAULT_SETTINGS, isValidSetting, SETTING_FIELDS, settingField, settingsSchema, type Settings } from '../../src/core/config/settings';
import { describeChanges, parseSettingsForm, planSettingsSave, type SettingWrite } from '../../src/core/config/settingsForm';
import { FORM_SECTIONS, formTargets, settingsFormValues, weightsHelp } from '../../src/core/config/settingsFormLayout';
import { locateTargetCells, multilineRowHeight, readSettingsGrid, settingsLayout } from '../../src/core/config/settingsGrid';

const preset = getPreset('bach-ngoc');
const asForm = (settings: Settings) => Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, String(settings[f.key])]));
const form = (changes: Record<string, string> = {}) => ({ ...asForm(preset.settings), ...changes });
const freshGrid = () => settingsLayout(preset.settings, preset.indicators).rows.map((r) => [...r]);
const rowOfLabel = (grid: unknown[][], start: string) => grid.findIndex((r) => String(r[0]).startsWith(start));
const rowOfCode = (grid: unknown[][], code: string) => grid.findIndex((r) => r[0] === code);
const TARGET_COLUMN = 6;
/** What a saved cell then holds: Sheets shows typed text without its leading apostrophe. */
const applyWrites = (grid: unknown[][], writes: readonly SettingWrite[]) => {
  for (const w of writes) grid[w.row - 1][w.column - 1] = typeof w.value === 'string' ? w.value.replace(/^'/, '') : w.value;
  return grid;
};
const loadedForm = () => settingsFormValues(preset.settings, formTargets(preset.indicators));

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
    expect(parseSettingsForm(form())).toEqual({ ok: true, settings: preset.settings, targets: new Map() });
  });

  it('reads numbers and choices the way people type them', () => {
    const result = parseSettingsForm(form({ year: '2.027', dueDay: ' 15 ', dueMonth: 'tháng SAU', level: 'xã' }));
    expect(result).toEqual({ ok: true, settings: { ...preset.settings, year: 2027, dueDay: 15, dueMonth: 'Tháng sau', level: 'Xã' }, targets: new Map() });
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

  it('keeps the line breaks of a multi-line text: each line trimmed, blank lines at the ends dropped, the rest as typed', () => {
    const result = parseSettingsForm(form({ recipients: '\n  Sở Khoa học và Công nghệ  (b/c);\r\n\nLưu: VT,  VHXH.  \n \n', proposals: '  Đề nghị Sở hỗ trợ 20 điện thoại.  ' }));
    expect(result.ok && result.settings.recipients).toBe('Sở Khoa học và Công nghệ  (b/c);\n\nLưu: VT,  VHXH.');
    expect(result.ok && result.settings.proposals).toBe('Đề nghị Sở hỗ trợ 20 điện thoại.');
    // A one-line text is still tidied as every name is.
    expect(parseSettingsForm(form({ signerName: ' Tô  Văn\nTrường ' }))).toMatchObject({ ok: true, settings: { signerName: 'Tô Văn Trường' } });
  });

  it('reads the yearly targets: a whole percent 0–100 or blank, anything else explained next to the field', () => {
    const result = parseSettingsForm(form({ 'target:NTT_KNS': ' 75 ', 'target:HS_KNS': '', 'target:LD_KNS': '80' }));
    expect(result.ok && [...result.targets]).toEqual([['NTT_KNS', 75], ['HS_KNS', null], ['LD_KNS', 80]]);
    expect(parseSettingsForm(form({ 'target:NTT_KNS': '105', 'target:LD_KNS': '12,5', 'target:HS_KNS': 'bảy mươi' }))).toEqual({
      ok: false,
      errors: {
        'target:NTT_KNS': '"105" không hợp lệ: cần số nguyên từ 0 đến 100, hoặc để trống nếu kế hoạch không giao.',
        'target:LD_KNS': '"12,5" không hợp lệ: cần số nguyên từ 0 đến 100, hoặc để trống nếu kế hoạch không giao.',
        'target:HS_KNS': '"bảy mươi" không hợp lệ: cần số nguyên từ 0 đến 100, hoặc để trống nếu kế hoạch không giao.',
      },
    });
  });

  it('accepts three zero weights (the ranking then uses its defaults) and checks each weight is 0–100', () => {
    expect(parseSettingsForm(form({ weightResults: '0', weightTimeliness: '0', weightActivity: '0' })).ok).toBe(true);
    expect(parseSettingsForm(form({ weightActivity: '101' }))).toEqual({ ok: false, errors: { weightActivity: '"101" không hợp lệ: cần số nguyên từ 0 đến 100.' } });
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

describe('the form\'s layout', () => {
  it('groups every setting exactly once into the sections the office works in', () => {
    expect(FORM_SECTIONS.map((section) => section.title)).toEqual(['Đơn vị', 'Hạn nộp và nhắc việc', 'Báo cáo: người ký, nơi nhận, đề xuất', 'Chỉ tiêu năm', 'Xếp hạng Tổ tiêu biểu']);
    expect(FORM_SECTIONS.flatMap((section) => section.keys).sort()).toEqual(SETTING_FIELDS.map((f) => f.key).sort());
    expect(FORM_SECTIONS.filter((section) => section.targets).map((section) => section.title)).toEqual(['Chỉ tiêu năm']);
  });

  it('offers the target of each applied rate indicator, in words and without codes', () => {
    const targets = formTargets(preset.indicators);
    expect(targets.map((t) => t.code)).toEqual(['HS_KNS', 'NTT_KNS', 'NTT_VNEID', 'LD_KNS', 'HO_TUYEN_TRUYEN', 'CD16_VNEID', 'CD16_NGAN_HANG', 'HO_CONG_DAN_SO']);
    expect(targets[1]).toEqual({ code: 'NTT_KNS', label: preset.indicators[1].label, hint: 'Tổng số đối tượng: Người từ 18 tuổi', targetPercent: 70 });
    expect(targets.every((t) => !/[A-Z]{2,}_/.test(`${t.label} ${t.hint}`))).toBe(true);
    expect(loadedForm()).toMatchObject({ recipients: preset.settings.recipients, weightResults: '50', 'target:NTT_KNS': '70', 'target:HS_KNS': '100' });
  });

  it('shows the weights\' sum and shares, warns when all are 0, and says nothing while one is invalid', () => {
    expect(weightsHelp({ weightResults: '50', weightTimeliness: '30', weightActivity: '20' })).toEqual({
      text: 'Tổng ba trọng số: 100. Tỷ trọng trong điểm xếp hạng: kết quả chỉ tiêu 50%, nộp đúng hạn 30%, hoạt động 20%.',
      warning: false,
    });
    expect(weightsHelp({ weightResults: '2', weightTimeliness: '1', weightActivity: '0' })?.text).toBe(
      'Tổng ba trọng số: 3. Tỷ trọng trong điểm xếp hạng: kết quả chỉ tiêu 66,7%, nộp đúng hạn 33,3%, hoạt động 0%.',
    );
    expect(weightsHelp({ weightResults: '0', weightTimeliness: ' 0', weightActivity: '0' })).toEqual({
      text: 'Cả ba trọng số xếp hạng đều bằng 0: bảng xếp hạng tạm tính theo trọng số mặc định 50 / 30 / 20 (kết quả chỉ tiêu / nộp đúng hạn / hoạt động).',
      warning: true,
    });
    expect(weightsHelp({ weightResults: '50', weightTimeliness: 'ba mươi', weightActivity: '20' })).toBeNull();
    expect(weightsHelp({ weightResults: '150', weightTimeliness: '30', weightActivity: '20' })).toBeNull();
  });
});

describe('planSettingsSave: targets, Nơi nhận and weights', () => {
  it('writes an edited target into its own cell of the indicator table and nothing else, wherever the row now is', () => {
    const grid = freshGrid();
    grid.splice(rowOfCode(grid, 'HS_KNS'), 0, ['', 'Dòng ghi chú của xã', '', '', '', 'không phải chỉ tiêu', '']);
    const loaded = loadedForm();
    const plan = planSettingsSave(grid, { ...loaded, 'target:NTT_KNS': '75' }, loaded);
    expect(plan).toMatchObject({ ok: true, missing: [], writes: [{ key: 'target:NTT_KNS', row: rowOfCode(grid, 'NTT_KNS') + 1, column: TARGET_COLUMN, value: 75 }] });
    if (!plan.ok) return;
    expect(describeChanges(plan.changes)).toBe('Chỉ tiêu năm (%) của "Người trưởng thành có tri thức cơ bản về chuyển đổi số, kỹ năng số": 70 → 75');
    const saved = readSettingsGrid(applyWrites(grid, plan.writes));
    expect(saved.indicators).toEqual(preset.indicators.map((i) => (i.code === 'NTT_KNS' ? { ...i, targetPercent: 75 } : i)));
  });

  it('clears a target the plan no longer sets, and repairs an invalid one typed in the tab', () => {
    const grid = freshGrid();
    grid[rowOfCode(grid, 'LD_KNS')][TARGET_COLUMN - 1] = '80%';
    const loaded = settingsFormValues(readSettingsGrid(grid).settings, formTargets(readSettingsGrid(grid).indicators));
    expect(loaded['target:LD_KNS']).toBe('');
    const plan = planSettingsSave(grid, { ...loaded, 'target:LD_KNS': '85', 'target:HS_KNS': '' }, loaded);
    expect(plan.ok && plan.changes.map((c) => [c.key, c.from, c.to])).toEqual([['target:HS_KNS', 100, ''], ['target:LD_KNS', '80%', 85]]);
    expect(plan.ok && plan.writes.map((w) => w.value)).toEqual(['', 85]);
    expect(plan.ok && describeChanges(plan.changes)).toContain('"Học sinh trung học được trang bị kiến thức, kỹ năng số": 100 → (trống)');
  });

  it('leaves targets the user did not touch as the tab has them, and reports a target whose row is gone', () => {
    const grid = freshGrid();
    const loaded = loadedForm();
    grid[rowOfCode(grid, 'HS_KNS')][TARGET_COLUMN - 1] = 95; // typed in the tab while the sidebar was open
    expect(planSettingsSave(grid, { ...loaded, dueDay: '10' }, loaded)).toMatchObject({ ok: true, writes: [{ key: 'dueDay' }] });
    grid.splice(rowOfCode(grid, 'CD16_VNEID'), 1);
    expect(locateTargetCells(grid).has('CD16_VNEID')).toBe(false);
    expect(planSettingsSave(grid, { ...loaded, 'target:CD16_VNEID': '90' }, loaded)).toMatchObject({
      ok: true,
      writes: [],
      missing: ['Chỉ tiêu năm (%) của "Công dân từ 16 tuổi trở lên có tài khoản VNeID (danh tính số)"'],
    });
  });

  it('writes Nơi nhận as text with its line breaks and a row tall enough, and it reads back the same', () => {
    const grid = freshGrid();
    const loaded = loadedForm();
    const recipients = 'Sở Khoa học và Công nghệ tỉnh Tuyên Quang (b/c);\nĐảng ủy xã (b/c);\n=Lưu: VT, VHXH.';
    const plan = planSettingsSave(grid, { ...loaded, recipients: `${recipients}\n\n` }, loaded);
    expect(plan.ok && plan.writes).toEqual([
      { key: 'recipients', row: rowOfLabel(grid, 'Nơi nhận') + 1, column: 2, value: `'${recipients}`, rowHeight: multilineRowHeight(recipients) },
    ]);
    expect(readSettingsGrid(applyWrites(grid, plan.ok ? plan.writes : [])).settings.recipients).toBe(recipients);
    expect(plan.ok && describeChanges(plan.changes, true)).toBe('Nơi nhận báo cáo (mỗi dòng một nơi): đã sửa, nay có 3 dòng');
    // Nhật ký keeps one line a change: the lines of the text joined by " / ".
    const oneLine = (text: string) => text.split('\n').join(' / ');
    expect(plan.ok && describeChanges(plan.changes)).toBe(`Nơi nhận báo cáo (mỗi dòng một nơi): ${oneLine(preset.settings.recipients)} → ${oneLine(recipients)}`);
    // Only the line breaks changed: still a change.
    const joined = planSettingsSave(freshGrid(), { ...loaded, recipients: preset.settings.recipients.replace(/\n/g, ' ') }, loaded);
    expect(joined.ok && joined.writes.map((w) => w.key)).toEqual(['recipients']);
  });

  it('saves three zero weights with the warning the office then sees', () => {
    const loaded = loadedForm();
    const plan = planSettingsSave(freshGrid(), { ...loaded, weightResults: '0', weightTimeliness: '0', weightActivity: '0' }, loaded);
    expect(plan.ok && plan.writes.map((w) => [w.key, w.value])).toEqual([['weightResults', 0], ['weightTimeliness', 0], ['weightActivity', 0]]);
    expect(plan.ok && plan.warnings).toEqual([expect.stringContaining('tạm tính theo trọng số mặc định 50 / 30 / 20')]);
    expect(planSettingsSave(freshGrid(), { ...loaded, weightActivity: '0' }, loaded)).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('multilineRowHeight', () => {
  it('grows with the lines and with lines too long for the value column, never below one row', () => {
    // One line of 10 pt Arial: a standard row (21 px) or a pixel more for the line spacing, no taller.
    expect(multilineRowHeight('')).toBeGreaterThanOrEqual(21);
    expect(multilineRowHeight('')).toBeLessThan(30);
    expect(multilineRowHeight('a\nb\nc\nd')).toBeGreaterThan(multilineRowHeight('a\nb'));
    expect(multilineRowHeight('x'.repeat(200))).toBeGreaterThan(multilineRowHeight('x'.repeat(20)));
    expect(multilineRowHeight(preset.settings.recipients)).toBeGreaterThanOrEqual(4 * 17);
  });
});
