import { CATALOGUE } from '../../src/core/config/catalogue';
import { getPreset, PRESET_IDS } from '../../src/core/config/presets';
import { readRegistryGrid, registryLayout } from '../../src/core/config/registry';
import { readSettingsGrid, settingsLayout } from '../../src/core/config/settingsGrid';

describe('presets', () => {
  it('an-hai follows the Hải Phòng plan', () => {
    const p = getPreset('an-hai');
    expect(p.settings.unitName).toBe('Phường An Hải');
    expect(p.settings.villageWord).toBe('Tổ dân phố');
    expect([p.settings.teamMin, p.settings.teamMax]).toEqual([5, 8]);
    expect(p.villages).toHaveLength(40);
    expect(p.villages[0].name).toBe('Tổ dân phố số 1');
    const target = (code: string) => p.indicators.find((i) => i.code === code);
    expect(target('NTT_KNS')?.targetPercent).toBe(80);
    expect(target('NTT_VNEID')?.targetPercent).toBe(80);
    expect(target('HO_SMART_HP')).toMatchObject({ applied: true, targetPercent: 100 });
    expect(target('LUOT_SO_SUC_KHOE')?.applied).toBe(true);
    expect(target('LUOT_BUU_CHINH')?.applied).toBe(true);
  });

  it('bach-ngoc follows the Tuyên Quang plan', () => {
    const p = getPreset('bach-ngoc');
    expect(p.settings.unitName).toBe('Xã Bạch Ngọc');
    expect(p.settings.villageWord).toBe('Thôn');
    expect([p.settings.teamMin, p.settings.teamMax]).toEqual([3, 5]);
    expect(p.villages.map((v) => v.name)).toEqual(Array.from({ length: 16 }, (_, i) => `Thôn ${i + 1}`));
    const ind = (code: string) => p.indicators.find((i) => i.code === code);
    expect(ind('NTT_KNS')?.targetPercent).toBe(70);
    expect(ind('NTT_VNEID')?.targetPercent).toBe(70);
    expect(ind('LD_KNS')?.targetPercent).toBe(80);
    expect(ind('HO_SMART_HP')?.applied).toBe(false);
    expect(ind('LUOT_SO_SUC_KHOE')?.applied).toBe(false);
    expect(ind('LUOT_BUU_CHINH')?.applied).toBe(false);
  });

  it.each(PRESET_IDS)('%s lists the whole catalogue, with plausible denominators', (id) => {
    const p = getPreset(id);
    expect(p.indicators.map((i) => i.code)).toEqual(CATALOGUE.map((c) => c.code));
    for (const v of p.villages) {
      expect(v.denominators.DS_TU_16).toBeGreaterThanOrEqual(v.denominators.DS_TRUONG_THANH as number);
      expect(v.denominators.SO_HO).toBeGreaterThan(0);
    }
  });

  it.each(PRESET_IDS)('%s settings and registry survive a write/read round trip', (id) => {
    const p = getPreset(id);
    const settings = readSettingsGrid(settingsLayout(p.settings, p.indicators).rows);
    expect(settings.findings).toEqual([]);
    expect(settings.settings).toEqual(p.settings);
    expect(settings.indicators).toEqual(p.indicators);
    // What setup writes is cell input: the leading apostrophe keeps text as text, Sheets strips it.
    const stored = registryLayout(p.villages, p.settings.villageWord).rows.map((r) =>
      r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)),
    );
    const registry = readRegistryGrid(stored);
    expect(registry.findings).toEqual([]);
    expect(registry.villages.map(({ row: _row, ...v }) => v)).toEqual(p.villages);
  });
});
