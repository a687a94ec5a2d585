/**
 * The edit trigger's copy of `Cấu hình` and `Danh sách` (core/config/configCache.ts): two property
 * reads instead of two tabs. Setup, saving settings and any edit of those two tabs drop it; the next
 * edit that needs it reads the tabs once and stores it again.
 */
import { CONFIG_CACHE_KEY, configCacheValues, editConfigFrom, editConfigOf, nameCacheKey, tabCacheKey, VILLAGE_CACHE_PREFIX, type EditConfig } from '../core/config/configCache';
import type { TabIdentity } from '../core/config/registry';
import { readConfig } from './settingsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const properties = () => PropertiesService.getDocumentProperties();

/** Null when setup has never run. */
export function editConfig(ss: Spreadsheet, tab: TabIdentity): EditConfig | null {
  const props = properties();
  // By the tab's id; by its name (one more read) only when no village recorded that id: before setup has recorded them, or no village's tab.
  const village = props.getProperty(tabCacheKey(tab.sheetId)) ?? props.getProperty(nameCacheKey(tab.name));
  const cached = editConfigFrom(props.getProperty(CONFIG_CACHE_KEY), village);
  if (cached) return cached;
  const config = readConfig(ss);
  if (!config) return null;
  const values = configCacheValues(config, new Date().getTime().toString(36));
  if (values) {
    props.setProperties(values);
    // Villages no longer in `Danh sách` would otherwise stay stored for good.
    props.getKeys().filter((key) => key.startsWith(VILLAGE_CACHE_PREFIX) && !(key in values)).forEach((key) => props.deleteProperty(key));
  }
  return editConfigOf(config, tab);
}

export function invalidateConfigCache(): void {
  properties().deleteProperty(CONFIG_CACHE_KEY);
}
