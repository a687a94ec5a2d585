/** Short indicator names for messages and narrow columns: the catalogue labels are whole sentences. */
import { catalogueEntry } from './catalogue';
import type { IndicatorSetting } from './settings';
import { tidyText } from '../shared/text';

const SHORT_LABELS: Readonly<Record<string, string>> = {
  HS_KNS: 'Học sinh trung học có kỹ năng số',
  NTT_KNS: 'Người trưởng thành có kỹ năng số',
  NTT_VNEID: 'Người trưởng thành đạt phổ cập kỹ năng số trên VNeID',
  LD_KNS: 'Người lao động DN, HTX có kỹ năng số',
  HO_TUYEN_TRUYEN: 'Hộ được tuyên truyền về chuyển đổi số',
  HO_SMART_HP: 'Hộ được hướng dẫn cài Smart Hải Phòng',
  CD16_VNEID: 'Công dân từ 16 tuổi có tài khoản VNeID',
  CD16_NGAN_HANG: 'Công dân từ 16 tuổi có tài khoản ngân hàng số',
  HO_CONG_DAN_SO: 'Hộ có thành viên là công dân số',
  TV_TO: 'Số thành viên Tổ',
  LUOT_DVCTT: 'Lượt hỗ trợ dịch vụ công trực tuyến',
  LUOT_CAI_DAT: 'Lượt hướng dẫn cài đặt ứng dụng số',
  LUOT_SO_SUC_KHOE: 'Lượt hướng dẫn Sổ sức khỏe điện tử',
  LUOT_BUU_CHINH: 'Lượt hướng dẫn bưu chính công ích',
  SP_TMDT: 'Sản phẩm lên sàn thương mại điện tử',
  BUOI_TUYEN_TRUYEN: 'Buổi tuyên truyền',
  BUOI_TAP_HUAN: 'Buổi tập huấn kỹ năng số',
};

/** Validation names an indicator in every message of every month of every tab: tidy each label once. */
const SHORT_LABEL_CACHE = new Map<string, { label: string; short: string }>();

/**
 * The short form while the office keeps the catalogue label; a label the office rewrote is theirs,
 * so it is used as written.
 */
export function shortLabel(ind: Pick<IndicatorSetting, 'code' | 'label'>): string {
  const known = SHORT_LABEL_CACHE.get(ind.code);
  if (known && known.label === ind.label) return known.short;
  const short = shortLabelOf(ind);
  SHORT_LABEL_CACHE.set(ind.code, { label: ind.label, short });
  return short;
}

function shortLabelOf(ind: Pick<IndicatorSetting, 'code' | 'label'>): string {
  const label = tidyText(ind.label);
  const entry = catalogueEntry(ind.code);
  const short = SHORT_LABELS[ind.code];
  if (short && (label === '' || (entry && label === entry.label))) return short;
  return label || ind.code;
}
