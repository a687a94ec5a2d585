/**
 * The indicator catalogue (docs/indicators.md, "Catalogue"): one descriptor per indicator, one per kind, one per
 * denominator. Codes are stable identifiers: tabs are parsed by them.
 */

export type IndicatorKind = 'TY_LE' | 'SO_LUONG' | 'TRANG_THAI';

export interface KindDef {
  /** `Loại` column of the indicator table in `Cấu hình`. */
  label: string;
  /** After the label in a village tab: "(lũy kế đến cuối tháng)". */
  suffix: string;
}

export const KINDS: Readonly<Record<IndicatorKind, KindDef>> = {
  TY_LE: { label: 'Tỷ lệ (lũy kế)', suffix: 'lũy kế đến cuối tháng' },
  SO_LUONG: { label: 'Số lượng (trong tháng)', suffix: 'trong tháng' },
  TRANG_THAI: { label: 'Trạng thái (hiện tại)', suffix: 'hiện tại' },
};

export const DENOMINATOR_CODES = ['SO_HO', 'DS_TRUONG_THANH', 'DS_TU_16', 'HS_TRUNG_HOC', 'LD_DN_HTX'] as const;
export type DenominatorCode = (typeof DENOMINATOR_CODES)[number];

export interface DenominatorDef {
  code: DenominatorCode;
  /** Column header in `Danh sách`. */
  label: string;
  /** Short phrase used inside validation messages ("lớn hơn số người trưởng thành"). */
  phrase: string;
}

export const DENOMINATORS: readonly DenominatorDef[] = [
  { code: 'SO_HO', label: 'Tổng số hộ', phrase: 'tổng số hộ' },
  { code: 'DS_TRUONG_THANH', label: 'Người từ 18 tuổi', phrase: 'số người trưởng thành' },
  { code: 'DS_TU_16', label: 'Công dân từ 16 tuổi', phrase: 'số công dân từ 16 tuổi' },
  { code: 'HS_TRUNG_HOC', label: 'Học sinh THCS, THPT', phrase: 'số học sinh trung học' },
  { code: 'LD_DN_HTX', label: 'Lao động trong DN, HTX', phrase: 'số lao động trong doanh nghiệp, hợp tác xã' },
];

export interface IndicatorDef {
  code: string;
  /** The plan's wording: the default label in `Cấu hình` and the village tabs. */
  label: string;
  /** For messages and narrow columns (see shortLabel): used while the office keeps `label`. */
  short: string;
  unit: string;
  kind: IndicatorKind;
  /** TY_LE only: the `Danh sách` column the rate is taken of. */
  denominator: DenominatorCode | null;
}

/** Catalogue order is the order of every tab and table. */
export const CATALOGUE: readonly IndicatorDef[] = [
  { code: 'HS_KNS', label: 'Học sinh trung học được trang bị kiến thức, kỹ năng số', short: 'Học sinh trung học có kỹ năng số', unit: 'người', kind: 'TY_LE', denominator: 'HS_TRUNG_HOC' },
  { code: 'NTT_KNS', label: 'Người trưởng thành có tri thức cơ bản về chuyển đổi số, kỹ năng số', short: 'Người trưởng thành có kỹ năng số', unit: 'người', kind: 'TY_LE', denominator: 'DS_TRUONG_THANH' },
  { code: 'NTT_VNEID', label: 'Người trưởng thành được xác nhận đạt phổ cập tri thức về chuyển đổi số, kỹ năng số trên VNeID', short: 'Người trưởng thành đạt phổ cập kỹ năng số trên VNeID', unit: 'người', kind: 'TY_LE', denominator: 'DS_TRUONG_THANH' },
  { code: 'LD_KNS', label: 'Người lao động trong doanh nghiệp, hợp tác xã có kỹ năng số cơ bản', short: 'Người lao động DN, HTX có kỹ năng số', unit: 'người', kind: 'TY_LE', denominator: 'LD_DN_HTX' },
  { code: 'HO_TUYEN_TRUYEN', label: 'Hộ được thông tin, tuyên truyền về chuyển đổi số', short: 'Hộ được tuyên truyền về chuyển đổi số', unit: 'hộ', kind: 'TY_LE', denominator: 'SO_HO' },
  { code: 'HO_SMART_HP', label: 'Hộ được hướng dẫn cài đặt ứng dụng Smart Hải Phòng', short: 'Hộ được hướng dẫn cài Smart Hải Phòng', unit: 'hộ', kind: 'TY_LE', denominator: 'SO_HO' },
  { code: 'CD16_VNEID', label: 'Công dân từ 16 tuổi trở lên có tài khoản VNeID (danh tính số)', short: 'Công dân từ 16 tuổi có tài khoản VNeID', unit: 'người', kind: 'TY_LE', denominator: 'DS_TU_16' },
  { code: 'CD16_NGAN_HANG', label: 'Công dân từ 16 tuổi trở lên có tài khoản ngân hàng số', short: 'Công dân từ 16 tuổi có tài khoản ngân hàng số', unit: 'người', kind: 'TY_LE', denominator: 'DS_TU_16' },
  { code: 'HO_CONG_DAN_SO', label: 'Hộ có ít nhất 01 thành viên có kỹ năng số cơ bản, tài khoản VNeID và tài khoản dịch vụ công trực tuyến', short: 'Hộ có thành viên là công dân số', unit: 'hộ', kind: 'TY_LE', denominator: 'SO_HO' },
  { code: 'TV_TO', label: 'Số thành viên Tổ công nghệ số cộng đồng', short: 'Số thành viên Tổ', unit: 'người', kind: 'TRANG_THAI', denominator: null },
  { code: 'LUOT_DVCTT', label: 'Lượt hỗ trợ người dân sử dụng dịch vụ công trực tuyến', short: 'Lượt hỗ trợ dịch vụ công trực tuyến', unit: 'lượt', kind: 'SO_LUONG', denominator: null },
  { code: 'LUOT_CAI_DAT', label: 'Lượt hướng dẫn cài đặt, sử dụng ứng dụng số (VNeID, ngân hàng số, VssID…)', short: 'Lượt hướng dẫn cài đặt ứng dụng số', unit: 'lượt', kind: 'SO_LUONG', denominator: null },
  { code: 'LUOT_SO_SUC_KHOE', label: 'Lượt hướng dẫn tích hợp Sổ sức khỏe điện tử trên VNeID', short: 'Lượt hướng dẫn Sổ sức khỏe điện tử', unit: 'lượt', kind: 'SO_LUONG', denominator: null },
  { code: 'LUOT_BUU_CHINH', label: 'Lượt hướng dẫn sử dụng dịch vụ bưu chính công ích', short: 'Lượt hướng dẫn bưu chính công ích', unit: 'lượt', kind: 'SO_LUONG', denominator: null },
  { code: 'SP_TMDT', label: 'Sản phẩm địa phương được đưa lên sàn thương mại điện tử', short: 'Sản phẩm lên sàn thương mại điện tử', unit: 'sản phẩm', kind: 'SO_LUONG', denominator: null },
  { code: 'BUOI_TUYEN_TRUYEN', label: 'Buổi tuyên truyền (loa truyền thanh, họp dân cư, nhóm Zalo…)', short: 'Buổi tuyên truyền', unit: 'buổi', kind: 'SO_LUONG', denominator: null },
  { code: 'BUOI_TAP_HUAN', label: 'Buổi tập huấn, hướng dẫn kỹ năng số cho người dân', short: 'Buổi tập huấn kỹ năng số cho người dân', unit: 'buổi', kind: 'SO_LUONG', denominator: null },
  { code: 'BUOI_TAP_HUAN_TO', label: 'Buổi tập huấn, bồi dưỡng nghiệp vụ cho thành viên Tổ', short: 'Buổi tập huấn nghiệp vụ cho Tổ', unit: 'buổi', kind: 'SO_LUONG', denominator: null },
];

/** The team-size indicator, checked against the plan's `teamMin`–`teamMax`. */
export const TEAM_SIZE_CODE = 'TV_TO';

const BY_CODE = new Map(CATALOGUE.map((d) => [d.code, d]));

export function catalogueEntry(code: string): IndicatorDef | undefined {
  return BY_CODE.get(code);
}

export function denominatorDef(code: DenominatorCode): DenominatorDef {
  return DENOMINATORS.find((d) => d.code === code) as DenominatorDef;
}
