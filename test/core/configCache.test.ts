import { CONFIG_CACHE_KEY, configCacheValues, editConfigFrom, editConfigOf, nameCacheKey, tabCacheKey } from '../../src/core/config/configCache';
import type { Village } from '../../src/core/config/registry';
import { preset, village } from './villageFixture';

const config = (villages: Village[]) => ({ settings: preset.settings, indicators: preset.indicators, villages });
const many = (n: number): Village[] =>
  Array.from({ length: n }, (_, i) => ({ ...village, name: `Tổ dân phố số ${i + 1}`, head: 'Nguyễn Thị Phương Thảo', row: i + 5 }));

describe('the edit trigger\'s cached configuration', () => {
  it('gives back what was stored: settings, applied indicators and the tab\'s village', () => {
    const values = configCacheValues(config([village]), 'v1') ?? {};
    const cached = editConfigFrom(values[CONFIG_CACHE_KEY], values[nameCacheKey(' thôn  3 ')]);
    expect(cached).toEqual(editConfigOf(config([village]), { sheetId: 7, name: 'Thôn 3' }));
    expect(cached?.indicators.every((i) => i.applied)).toBe(true);
    expect(cached?.village).toEqual({ name: village.name, head: village.head, denominators: village.denominators });
    // A tab with no row in Danh sách has no village.
    expect(editConfigFrom(values[CONFIG_CACHE_KEY], null)?.village).toBeNull();
  });

  it('is a miss when missing, damaged, or mixed from two writes', () => {
    const a = configCacheValues(config([village]), 'a') ?? {};
    const b = configCacheValues(config([village]), 'b') ?? {};
    const key = nameCacheKey(village.name);
    expect(editConfigFrom(null, a[key])).toBeNull();
    expect(editConfigFrom('{not json', a[key])).toBeNull();
    expect(editConfigFrom(a[CONFIG_CACHE_KEY], '[]')).toBeNull();
    expect(editConfigFrom(a[CONFIG_CACHE_KEY], b[key])).toBeNull();
  });

  it('keeps a village whose tab id is recorded under that id: its tab may be renamed', () => {
    const recorded = { ...village, tabId: 42 };
    const values = configCacheValues(config([recorded]), 'v1') ?? {};
    expect(values[nameCacheKey(village.name)]).toBeUndefined();
    const renamed = { sheetId: 42, name: 'Nhóm của tôi' };
    expect(editConfigFrom(values[CONFIG_CACHE_KEY], values[tabCacheKey(renamed.sheetId)])).toEqual(editConfigOf(config([recorded]), renamed));
    expect(editConfigOf(config([recorded]), renamed).village?.name).toBe('Thôn 3');
    // Another tab given the village's name is not the village's.
    expect(editConfigOf(config([recorded]), { sheetId: 43, name: 'Thôn 3' }).village).toBeNull();
  });

  it('keeps every value small at 1,000 villages', () => {
    const values = configCacheValues(config(many(1000)), Date.now().toString(36)) ?? {};
    const bytes = Object.entries(values).map(([k, v]) => Buffer.byteLength(k) + Buffer.byteLength(v));
    expect(bytes.length).toBe(1001);
    expect(Math.max(...bytes)).toBeLessThan(4 * 1024); // settings and indicators; a village is ~300 B
    // Well inside the 500 kB a property store holds, which the reminder ledger shares.
    expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(200 * 1024);
  });

  it('is not stored when a value would not fit in a property: every edit then reads the tabs', () => {
    const long = { ...preset.settings, unitName: 'Xã '.repeat(1500) };
    expect(configCacheValues({ ...config([village]), settings: long }, 'v')).toBeNull();
  });
});
