/**
 * What the edit trigger needs of `Cấu hình` and `Danh sách`, kept in document properties so an edit
 * reads no tab but its own (docs/limits.md, "Edits"). The settings and applied indicators are one
 * value; each village is its own small value, so no value nears the 9 KB limit at 1,000 villages.
 * Every value carries the version it was written with: a mixture of two writes is a miss, and a
 * miss is answered by reading both tabs again. A village is stored under its tab's id, so a tab
 * renamed by hand is still its village's (villageOfTab); under its name only until setup has
 * recorded that id.
 */
import { normalizeName, utf8Length } from '../shared/text';
import { DENOMINATOR_CODES } from './catalogue';
import { villageOfTab, type TabIdentity, type Village } from './registry';
import { appliedIndicators, type IndicatorSetting, type Settings } from './settings';

export const CONFIG_CACHE_KEY = 'config.cache';
export const VILLAGE_CACHE_PREFIX = 'config.village|';

/** What validation and attribution use of a village. */
export type CachedVillage = Pick<Village, 'name' | 'head' | 'denominators'>;

export interface EditConfig {
  settings: Settings;
  /** Applied indicators only. */
  indicators: IndicatorSetting[];
  /** Null when the tab is not a village of `Danh sách`. */
  village: CachedVillage | null;
}

/** The key of a village whose tab id is recorded, by that id. */
export function tabCacheKey(sheetId: number): string {
  return `${VILLAGE_CACHE_PREFIX}id:${sheetId}`;
}

/** The key of a village whose tab id is not recorded yet, by its name. */
export function nameCacheKey(name: string): string {
  return `${VILLAGE_CACHE_PREFIX}name:${normalizeName(name)}`;
}

function villageCacheKey(v: Pick<Village, 'name' | 'tabId'>): string {
  return v.tabId === undefined ? nameCacheKey(v.name) : tabCacheKey(v.tabId);
}

/** Apps Script refuses a property value over 9 KB; long texts typed into `Cấu hình` could get there. */
const MAX_VALUE_BYTES = 8 * 1024;

/**
 * The values to store for `config`, with a version that tells this write from any other; null when
 * one would not fit in a property (then every edit that needs them reads the two tabs).
 */
export function configCacheValues(config: { settings: Settings; indicators: readonly IndicatorSetting[]; villages: readonly Village[] }, version: string): Record<string, string> | null {
  const values: Record<string, string> = {
    [CONFIG_CACHE_KEY]: JSON.stringify({ v: version, s: config.settings, i: appliedIndicators(config) }),
  };
  // Denominators by position (null when missing): a thousand villages share the store with the reminders.
  for (const v of config.villages) values[villageCacheKey(v)] = JSON.stringify({ v: version, n: v.name, h: v.head, d: DENOMINATOR_CODES.map((c) => v.denominators[c] ?? null) });
  return Object.values(values).every((value) => utf8Length(value) <= MAX_VALUE_BYTES) ? values : null;
}

/**
 * The cached configuration from the stored values, `village` being the tab's (by tabCacheKey, else
 * by nameCacheKey; null when neither is stored: the tab is no village's); null when a value is
 * missing, damaged or from two different writes.
 */
export function editConfigFrom(core: string | null, village: string | null): EditConfig | null {
  const c = parse(core);
  if (!c || typeof c.v !== 'string' || typeof c.s !== 'object' || c.s === null || !Array.isArray(c.i)) return null;
  const base = { settings: c.s as Settings, indicators: c.i as IndicatorSetting[] };
  if (village === null) return { ...base, village: null };
  const v = parse(village);
  if (!v || v.v !== c.v || typeof v.n !== 'string' || typeof v.h !== 'string' || !Array.isArray(v.d)) return null;
  const denominators: CachedVillage['denominators'] = {};
  DENOMINATOR_CODES.forEach((code, i) => {
    const n: unknown = (v.d as unknown[])[i];
    if (typeof n === 'number') denominators[code] = n;
  });
  return { ...base, village: { name: v.n, head: v.h, denominators } };
}

/** The configuration an edit of `tab` needs, from a freshly read one. */
export function editConfigOf(config: { settings: Settings; indicators: readonly IndicatorSetting[]; villages: readonly Village[] }, tab: TabIdentity): EditConfig {
  const found = villageOfTab(config.villages, tab);
  const village = found ? { name: found.name, head: found.head, denominators: found.denominators } : null;
  return { settings: config.settings, indicators: appliedIndicators(config), village };
}

function parse(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
