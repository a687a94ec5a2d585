/** The add-on's own tabs. A village may not take one of these names. */
import { normalizeName } from '../shared/text';

export const TAB_SETTINGS = 'Cấu hình';
export const TAB_REGISTRY = 'Danh sách';
export const TAB_SUMMARY = 'Tổng hợp';
export const TAB_REPORT = 'Báo cáo';
export const TAB_LOG = 'Nhật ký';

export const OWN_TABS: readonly string[] = [TAB_SETTINGS, TAB_REGISTRY, TAB_SUMMARY, TAB_REPORT, TAB_LOG];

const OWN_KEYS = new Set(OWN_TABS.map(normalizeName));

/** Whether `name` is one of the own tabs, as people may have retyped it. */
export function isOwnTab(name: string): boolean {
  return OWN_KEYS.has(normalizeName(name));
}
