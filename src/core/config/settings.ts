/** The commune's settings (tab `Cấu hình`): the model, its schema and its defaults. */
import * as z from 'zod';
import type { IndicatorDef } from './catalogue';

export const DUE_MONTH_SAME = 'Cùng tháng';
export const DUE_MONTH_NEXT = 'Tháng sau';

export const settingsSchema = z.object({
  unitName: z.string().min(1),
  level: z.enum(['Xã', 'Phường', 'Thị trấn', 'Đặc khu']),
  province: z.string(),
  placeName: z.string(),
  year: z.number().int().min(2020).max(2100),
  villageWord: z.enum(['Thôn', 'Tổ dân phố', 'Bản', 'Khu phố', 'Ấp', 'Khu dân cư']),
  dueDay: z.number().int().min(1).max(28),
  dueMonth: z.enum([DUE_MONTH_SAME, DUE_MONTH_NEXT]),
  remindBeforeDays: z.number().int().min(0).max(27),
  remindEveryDays: z.number().int().min(1).max(31),
  maxReminders: z.number().int().min(0).max(31),
  reminderHour: z.number().int().min(0).max(23),
  officeEmail: z.string(),
  teamMin: z.number().int().min(0).max(100),
  teamMax: z.number().int().min(0).max(100),
  signerAuthority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** A catalogue indicator as the commune's plan sets it. */
export interface IndicatorSetting extends IndicatorDef {
  /** Yearly target in percent for TY_LE; null where the plan sets none. */
  targetPercent: number | null;
  applied: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  unitName: 'Xã mẫu',
  level: 'Xã',
  province: '',
  placeName: '',
  year: 2026,
  villageWord: 'Thôn',
  dueDay: 20,
  dueMonth: DUE_MONTH_SAME,
  remindBeforeDays: 3,
  remindEveryDays: 2,
  maxReminders: 5,
  reminderHour: 8,
  officeEmail: '',
  teamMin: 3,
  teamMax: 8,
  signerAuthority: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
  signerName: '',
};

export type SettingKey = keyof Settings;
export type SettingType = 'text' | 'int' | 'choice';

export interface SettingField {
  key: SettingKey;
  label: string;
  type: SettingType;
  hint: string;
  choices?: readonly string[];
}

/** Row order of `Cấu hình`; labels are what parsing looks for, so they are part of the contract. */
export const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'unitName', label: 'Tên đơn vị', type: 'text', hint: 'Ví dụ: Phường An Hải' },
  { key: 'level', label: 'Cấp', type: 'choice', hint: 'Xã hoặc Phường', choices: settingsSchema.shape.level.options },
  { key: 'province', label: 'Tỉnh/Thành phố', type: 'text', hint: 'Ví dụ: Thành phố Hải Phòng' },
  { key: 'placeName', label: 'Địa danh (ghi ở ngày tháng báo cáo)', type: 'text', hint: 'Ví dụ: An Hải' },
  { key: 'year', label: 'Năm', type: 'int', hint: 'Năm của kế hoạch' },
  { key: 'villageWord', label: 'Từ gọi địa bàn (Thôn/Tổ dân phố)', type: 'choice', hint: 'Thôn hoặc Tổ dân phố', choices: settingsSchema.shape.villageWord.options },
  { key: 'dueDay', label: 'Hạn nộp báo cáo tháng (ngày 1–28)', type: 'int', hint: 'Mặc định 20' },
  { key: 'dueMonth', label: 'Hạn nộp rơi vào', type: 'choice', hint: 'Cùng tháng báo cáo, hoặc tháng sau', choices: [DUE_MONTH_SAME, DUE_MONTH_NEXT] },
  { key: 'remindBeforeDays', label: 'Nhắc trước hạn (ngày)', type: 'int', hint: 'Mặc định 3' },
  { key: 'remindEveryDays', label: 'Nhắc lại sau hạn mỗi (ngày)', type: 'int', hint: 'Mặc định 2' },
  { key: 'maxReminders', label: 'Số lần nhắc tối đa', type: 'int', hint: 'Mặc định 5' },
  { key: 'reminderHour', label: 'Giờ gửi nhắc (0–23)', type: 'int', hint: 'Mặc định 8 giờ sáng' },
  { key: 'officeEmail', label: 'Email phòng VH-XH', type: 'text', hint: 'Nhận bản tổng hợp nhắc việc hằng ngày' },
  { key: 'teamMin', label: 'Số thành viên Tổ tối thiểu', type: 'int', hint: 'Theo kế hoạch' },
  { key: 'teamMax', label: 'Số thành viên Tổ tối đa', type: 'int', hint: 'Theo kế hoạch' },
  { key: 'signerAuthority', label: 'Thẩm quyền ký', type: 'text', hint: 'Ví dụ: KT. CHỦ TỊCH (để trống nếu Chủ tịch ký)' },
  { key: 'signerTitle', label: 'Chức vụ người ký', type: 'text', hint: 'Ví dụ: PHÓ CHỦ TỊCH' },
  { key: 'signerName', label: 'Họ tên người ký', type: 'text', hint: '' },
];

export const INDICATOR_TABLE_HEADERS = ['Mã', 'Chỉ tiêu', 'ĐVT', 'Loại', 'Mẫu số', 'Chỉ tiêu năm (%)', 'Áp dụng'] as const;
