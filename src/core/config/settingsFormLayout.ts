/**
 * What the Cài đặt form shows and in which order: its sections, the yearly targets it offers, the
 * values it is filled with and the live help on the ranking weights. Core, so tests read it as the
 * page does.
 */
import { weightShares } from '../assessment/awards';
import { readCount } from '../shared/cellValues';
import { formatPercent } from '../shared/text';
import { denominatorDef } from './catalogue';
import { SETTING_FIELDS, appliedIndicators, isValidSetting, settingField, weightsWarning, type IndicatorSetting, type SettingKey, type Settings } from './settings';
import { targetKey, type FormKey } from './settingsForm';

export interface FormSection {
  title: string;
  /** A help line under the title. */
  hint?: string;
  /** Whether the yearly targets come first in this section. */
  targets?: boolean;
  keys: readonly SettingKey[];
}

/** Every setting once, grouped as the office thinks of them (checked by test/core/settingsForm.test.ts). */
export const FORM_SECTIONS: readonly FormSection[] = [
  { title: 'Đơn vị', keys: ['unitName', 'level', 'province', 'placeName', 'year', 'villageWord'] },
  { title: 'Hạn nộp và nhắc việc', keys: ['dueDay', 'dueMonth', 'remindBeforeDays', 'remindEveryDays', 'maxReminders', 'reminderHour', 'officeEmail'] },
  { title: 'Báo cáo: người ký, nơi nhận, đề xuất', keys: ['signerAuthority', 'signerTitle', 'signerName', 'recipients', 'proposals'] },
  {
    title: 'Chỉ tiêu năm',
    hint: 'Tỷ lệ (%) phải đạt đến cuối năm theo kế hoạch, cho từng chỉ tiêu tỷ lệ đang áp dụng. Để trống nếu kế hoạch không giao. Thêm, bỏ chỉ tiêu ở bảng "Danh mục chỉ tiêu" của tab Cấu hình.',
    targets: true,
    keys: ['teamMin', 'teamMax'],
  },
  {
    title: 'Xếp hạng Tổ tiêu biểu',
    hint: 'Điểm xếp hạng gộp ba phần theo trọng số. Trọng số là tỷ lệ tương đối, không cần cộng lại bằng 100: 5, 3, 2 cũng như 50, 30, 20.',
    keys: ['weightResults', 'weightTimeliness', 'weightActivity'],
  },
];

/** A yearly target the form offers: one per applied rate indicator. */
export interface FormTarget {
  code: string;
  label: string;
  hint: string;
  targetPercent: number | null;
}

export function formTargets(indicators: readonly IndicatorSetting[]): FormTarget[] {
  return appliedIndicators({ indicators })
    .filter((i) => i.kind === 'TY_LE')
    .map((i) => ({ code: i.code, label: i.label, hint: i.denominator ? `Tổng số đối tượng: ${denominatorDef(i.denominator).label}` : '', targetPercent: i.targetPercent }));
}

export type FormValues = Record<FormKey, string>;

/** What the form is filled with: every value as the text an input holds. */
export function settingsFormValues(settings: Settings, targets: readonly FormTarget[]): FormValues {
  const values = {} as FormValues;
  for (const field of SETTING_FIELDS) values[field.key] = String(settings[field.key]);
  for (const target of targets) values[targetKey(target.code)] = target.targetPercent === null ? '' : String(target.targetPercent);
  return values;
}

/**
 * The line under the weights: their sum and each one's share of the score, or why the ranking will
 * use the default weights; null while a weight is not a valid number (its own message says why).
 */
export function weightsHelp(values: Partial<Record<FormKey, unknown>>): { text: string; warning: boolean } | null {
  const keys = ['weightResults', 'weightTimeliness', 'weightActivity'] as const;
  const weights = keys.map((key) => {
    const reading = readCount(values[key]);
    return reading.kind === 'count' && isValidSetting(settingField(key), reading.value) ? reading.value : null;
  });
  if (weights.includes(null)) return null;
  const [results, timeliness, activity] = weights as number[];
  const warning = weightsWarning({ weightResults: results, weightTimeliness: timeliness, weightActivity: activity });
  if (warning) return { text: warning, warning: true };
  const shares = weightShares({ results, timeliness, activity });
  const share = (percent: number) => formatPercent(percent / 100);
  return { text: `Tổng ba trọng số: ${results + timeliness + activity}. Tỷ trọng trong điểm xếp hạng: kết quả chỉ tiêu ${share(shares.results)}, nộp đúng hạn ${share(shares.timeliness)}, hoạt động ${share(shares.activity)}.`, warning: false };
}
