/**
 * The commune's settings (tab `Cấu hình`): one descriptor per setting, from which the model, its
 * defaults, its validation, the tab's rows and the sidebar's form are all derived.
 */
import type { IndicatorDef } from './catalogue';
import { DEFAULT_WEIGHTS } from '../assessment/awards';
import { readCount } from '../shared/cellValues';
import { lowerFirst, tidyLines, tidyText } from '../shared/text';

export const DUE_MONTH_SAME = 'Cùng tháng';
export const DUE_MONTH_NEXT = 'Tháng sau';

export type SettingType = 'text' | 'int' | 'choice';

interface FieldBase<K extends string> {
  key: K;
  /** Row label in `Cấu hình`: parsing looks for it, so it is part of the contract. */
  label: string;
  /** `Ghi chú` next to the value, and the form's help line. */
  hint: string;
}

export interface TextField<K extends string = string> extends FieldBase<K> {
  type: 'text';
  default: string;
  /** Empty is refused (by the form; the tab reading keeps what it finds). */
  required: boolean;
  /** Several lines (one cell with line breaks in `Cấu hình`, a text area in the form). */
  multiline?: boolean;
  choices?: never;
  min?: never;
  max?: never;
}

export interface IntField<K extends string = string> extends FieldBase<K> {
  type: 'int';
  default: number;
  /** Inclusive range of the whole number. */
  min: number;
  max: number;
  choices?: never;
}

export interface ChoiceField<K extends string = string, C extends string = string> extends FieldBase<K> {
  type: 'choice';
  default: C;
  choices: readonly C[];
  min?: never;
  max?: never;
}

const text = <const K extends string>(f: Omit<TextField<K>, 'type' | 'required'> & { required?: boolean }): TextField<K> => ({ type: 'text', required: false, ...f });

/**
 * The usual `Nơi nhận` of a commune's report, one recipient a line (the report adds the dashes):
 * the Sở above it "(b/c)", the commune's leaders, and the file copy.
 */
export function recipientsFor(province: string, level: string): string {
  const where = province.trim() === '' ? '' : ` ${lowerFirst(province.trim())}`;
  const unit = level.toLocaleLowerCase('vi');
  return [`Sở Khoa học và Công nghệ${where} (b/c);`, `Thường trực Đảng ủy, HĐND ${unit} (b/c);`, `Chủ tịch, các Phó Chủ tịch UBND ${unit};`, 'Lưu: VT, VHXH.'].join('\n');
}
const int = <const K extends string>(f: Omit<IntField<K>, 'type'>): IntField<K> => ({ type: 'int', ...f });
const choice = <const K extends string, const C extends string>(f: { key: K; label: string; hint: string; choices: readonly C[]; default: NoInfer<C> }): ChoiceField<K, C> => ({ type: 'choice', ...f });

export const LEVELS = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'] as const;
export const VILLAGE_WORDS = ['Thôn', 'Tổ dân phố', 'Bản', 'Khu phố', 'Ấp', 'Khu dân cư'] as const;
export const DUE_MONTHS = [DUE_MONTH_SAME, DUE_MONTH_NEXT] as const;

/** Row order of `Cấu hình` and of the form. */
const FIELDS = [
  text({ key: 'unitName', label: 'Tên đơn vị', hint: 'Ví dụ: Phường An Hải', default: 'Xã mẫu', required: true }),
  choice({ key: 'level', label: 'Cấp', hint: 'Xã hoặc Phường', choices: LEVELS, default: 'Xã' }),
  text({ key: 'province', label: 'Tỉnh/Thành phố', hint: 'Ví dụ: Thành phố Hải Phòng', default: '' }),
  text({ key: 'placeName', label: 'Địa danh (ghi ở ngày tháng báo cáo)', hint: 'Ví dụ: An Hải', default: '' }),
  int({ key: 'year', label: 'Năm', hint: 'Năm của kế hoạch', min: 2020, max: 2100, default: 2026 }),
  choice({ key: 'villageWord', label: 'Từ gọi địa bàn (Thôn/Tổ dân phố)', hint: 'Dùng trong mọi tab, thư nhắc và báo cáo', choices: VILLAGE_WORDS, default: 'Thôn' }),
  int({ key: 'dueDay', label: 'Hạn nộp báo cáo tháng (ngày 1–28)', hint: 'Mặc định 20', min: 1, max: 28, default: 20 }),
  choice({ key: 'dueMonth', label: 'Hạn nộp rơi vào', hint: 'Cùng tháng báo cáo, hoặc tháng sau', choices: DUE_MONTHS, default: DUE_MONTH_SAME }),
  int({ key: 'remindBeforeDays', label: 'Nhắc trước hạn (ngày)', hint: 'Mặc định 3', min: 0, max: 27, default: 3 }),
  int({ key: 'remindEveryDays', label: 'Nhắc lại sau hạn mỗi (ngày)', hint: 'Mặc định 2', min: 1, max: 31, default: 2 }),
  int({ key: 'maxReminders', label: 'Số lần nhắc tối đa', hint: 'Mặc định 5', min: 0, max: 31, default: 5 }),
  int({ key: 'reminderHour', label: 'Giờ gửi nhắc (0–23)', hint: 'Mặc định 8 giờ sáng', min: 0, max: 23, default: 8 }),
  text({ key: 'officeEmail', label: 'Email phòng VH-XH', hint: 'Nhận bản tổng hợp nhắc việc hằng ngày', default: '' }),
  int({ key: 'teamMin', label: 'Số thành viên Tổ tối thiểu', hint: 'Theo kế hoạch', min: 0, max: 100, default: 3 }),
  int({ key: 'teamMax', label: 'Số thành viên Tổ tối đa', hint: 'Theo kế hoạch', min: 0, max: 100, default: 8 }),
  text({ key: 'signerAuthority', label: 'Thẩm quyền ký', hint: 'Ví dụ: KT. CHỦ TỊCH (để trống nếu Chủ tịch ký)', default: 'KT. CHỦ TỊCH' }),
  text({ key: 'signerTitle', label: 'Chức vụ người ký', hint: 'Ví dụ: PHÓ CHỦ TỊCH', default: 'PHÓ CHỦ TỊCH' }),
  text({ key: 'signerName', label: 'Họ tên người ký', hint: '', default: '' }),
  text({ key: 'recipients', label: 'Nơi nhận báo cáo (mỗi dòng một nơi)', hint: 'In ở mục "Nơi nhận" cuối Báo cáo', default: recipientsFor('', 'Xã'), multiline: true }),
  text({ key: 'proposals', label: 'Đề xuất, kiến nghị', hint: 'Phòng VH-XH tự viết; in ở mục V của Báo cáo', default: '', multiline: true }),
  int({ key: 'weightResults', label: 'Trọng số xếp hạng: kết quả chỉ tiêu', hint: 'Mặc định 50', min: 0, max: 100, default: 50 }),
  int({ key: 'weightTimeliness', label: 'Trọng số xếp hạng: nộp đúng hạn', hint: 'Mặc định 30', min: 0, max: 100, default: 30 }),
  int({ key: 'weightActivity', label: 'Trọng số xếp hạng: hoạt động', hint: 'Mặc định 20', min: 0, max: 100, default: 20 }),
] as const;

type Field = (typeof FIELDS)[number];
export type Settings = { [F in Field as F['key']]: F['default'] };
export type SettingKey = keyof Settings;
export type SettingField = TextField<SettingKey> | IntField<SettingKey> | ChoiceField<SettingKey>;

/** The descriptors, in row order. */
export const SETTING_FIELDS: readonly SettingField[] = FIELDS;

const FIELD_BY_KEY = new Map<string, SettingField>(SETTING_FIELDS.map((f) => [f.key, f]));

export function settingField<K extends SettingKey>(key: K): SettingField & { key: K } {
  return FIELD_BY_KEY.get(key) as SettingField & { key: K };
}

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, f.default])) as Settings;

/** Whether `value` (already read: a number for int fields) is allowed for `field`. */
export function isValidSetting(field: SettingField, value: unknown): boolean {
  switch (field.type) {
    case 'text': return typeof value === 'string' && (!field.required || value !== '');
    case 'int': return typeof value === 'number' && Number.isInteger(value) && value >= field.min && value <= field.max;
    case 'choice': return typeof value === 'string' && field.choices.includes(value);
  }
}

/**
 * A text setting as the tab or the form holds it. One line: tidied like every name (tidyText). Several
 * lines (`Nơi nhận`, `Đề xuất, kiến nghị`): each line trimmed and blank lines at either end dropped,
 * the rest kept as typed, line breaks included (docs/tabs.md, "Cấu hình").
 */
export function readTextSetting(field: TextField, raw: unknown): string {
  return field.multiline ? tidyLines(raw) : tidyText(raw);
}

export type WeightSettings = Pick<Settings, 'weightResults' | 'weightTimeliness' | 'weightActivity'>;

/** Why the ranking will not use the weights as set (all three 0), or null when it will. */
export function weightsWarning(settings: WeightSettings): string | null {
  if (settings.weightResults + settings.weightTimeliness + settings.weightActivity > 0) return null;
  const { results, timeliness, activity } = DEFAULT_WEIGHTS;
  return `Cả ba trọng số xếp hạng đều bằng 0: bảng xếp hạng tạm tính theo trọng số mặc định ${results} / ${timeliness} / ${activity} (kết quả chỉ tiêu / nộp đúng hạn / hoạt động).`;
}

export interface SettingIssue {
  path: [SettingKey];
  message: string;
}

export type SettingsParse = { success: true; data: Settings } | { success: false; error: { issues: SettingIssue[] } };

/** Checks a whole settings object against the descriptors (field by field; no cross-field rules). */
export const settingsSchema = {
  safeParse(value: unknown): SettingsParse {
    const input = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const issues: SettingIssue[] = [];
    const data: Record<string, unknown> = {};
    for (const field of SETTING_FIELDS) {
      const v = input[field.key];
      if (isValidSetting(field, v)) data[field.key] = v;
      else issues.push({ path: [field.key], message: `${field.label}: "${String(v ?? '')}" không hợp lệ.` });
    }
    return issues.length === 0 ? { success: true, data: data as Settings } : { success: false, error: { issues } };
  },
  parse(value: unknown): Settings {
    const result = settingsSchema.safeParse(value);
    if (!result.success) throw new Error(result.error.issues.map((i) => i.message).join(' '));
    return result.data;
  },
};

/** A yearly target in percent (indicator table of `Cấu hình`, presets, the sheet's validation). */
export const TARGET_PERCENT = { min: 0, max: 100 } as const;

/** What a yearly target may be, in the words of the tab's warning and the form's message. */
export const TARGET_RULE = `cần số nguyên từ ${TARGET_PERCENT.min} đến ${TARGET_PERCENT.max}, hoặc để trống nếu kế hoạch không giao`;

export type TargetReading = { ok: true; value: number | null } | { ok: false; shown: string };

/** A yearly target as typed in the table or the form: a whole percent, blank (the plan sets none), or not valid. */
export function readTarget(raw: unknown): TargetReading {
  const reading = readCount(raw);
  if (reading.kind === 'blank') return { ok: true, value: null };
  if (reading.kind === 'count' && reading.value >= TARGET_PERCENT.min && reading.value <= TARGET_PERCENT.max) return { ok: true, value: reading.value };
  return { ok: false, shown: reading.kind === 'invalid' ? reading.shown : String(reading.value) };
}

/** A catalogue indicator as the commune's plan sets it. */
export interface IndicatorSetting extends Omit<IndicatorDef, 'short'> {
  /** Yearly target in percent for TY_LE; null where the plan sets none. */
  targetPercent: number | null;
  applied: boolean;
}

/** The plan's setting of a catalogue indicator (the catalogue's label and denominator unless given). */
export function indicatorSetting(def: IndicatorDef, plan: Partial<Pick<IndicatorSetting, 'label' | 'denominator'>> & Pick<IndicatorSetting, 'targetPercent' | 'applied'>): IndicatorSetting {
  return { code: def.code, label: plan.label ?? def.label, unit: def.unit, kind: def.kind, denominator: plan.denominator ?? def.denominator, targetPercent: plan.targetPercent, applied: plan.applied };
}

export const INDICATOR_TABLE_HEADERS = ['Mã', 'Chỉ tiêu', 'ĐVT', 'Loại', 'Mẫu số', 'Chỉ tiêu năm (%)', 'Áp dụng'] as const;

/** The indicators the plan applies, in catalogue order. */
export function appliedIndicators(config: { indicators: readonly IndicatorSetting[] }): IndicatorSetting[] {
  return config.indicators.filter((i) => i.applied);
}
