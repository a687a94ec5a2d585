import { CATALOGUE, catalogueEntry } from '../../src/core/config/catalogue';
import { getPreset, isPresetId, PRESET_IDS, presetIdSchema } from '../../src/core/config/presets';
import { SETTING_FIELDS, settingsSchema, TARGET_PERCENT } from '../../src/core/config/settings';
import { readRegistryGrid, registryLayout, registryRow } from '../../src/core/config/registry';
import { readSettingsGrid, settingsLayout } from '../../src/core/config/settingsGrid';
import { sheetPresetId } from '../../src/core/config/sheetPreset';
import { sampleVillages } from '../../scripts/demo/sampleVillages';

describe('presets', () => {
  // What the bundle used to check on every run: a typo in a preset fails here, not at a customer.
  it.each(PRESET_IDS)('%s is well formed: settings within every descriptor, targets within %%, known codes', (id) => {
    const p = getPreset(id);
    expect(p.id).toBe(id);
    expect(p.title.trim()).not.toBe('');
    const parsed = settingsSchema.safeParse(p.settings);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(Object.keys(p.settings).sort()).toEqual(SETTING_FIELDS.map((f) => f.key).sort());
    expect(p.settings.teamMin).toBeLessThanOrEqual(p.settings.teamMax);
    for (const ind of p.indicators) {
      const def = catalogueEntry(ind.code);
      expect(def).toBeDefined();
      expect(ind).toMatchObject({ label: def?.label, unit: def?.unit, kind: def?.kind, denominator: def?.denominator });
      expect(typeof ind.applied).toBe('boolean');
      if (ind.targetPercent !== null) {
        expect(def?.kind).toBe('TY_LE');
        expect(Number.isInteger(ind.targetPercent)).toBe(true);
        expect(ind.targetPercent).toBeGreaterThanOrEqual(TARGET_PERCENT.min);
        expect(ind.targetPercent).toBeLessThanOrEqual(TARGET_PERCENT.max);
      }
    }
    expect(new Set(p.indicators.map((i) => i.code)).size).toBe(p.indicators.length);
  });

  it('reads a preset id, or throws in Vietnamese', () => {
    expect(PRESET_IDS.every(isPresetId)).toBe(true);
    expect(presetIdSchema.parse('bach-ngoc')).toBe('bach-ngoc');
    expect(() => presetIdSchema.parse('ha-noi')).toThrow('Mẫu cấu hình "ha-noi" không có.');
    expect(() => presetIdSchema.parse(42)).toThrow('Mẫu cấu hình "42" không có. Chọn một trong: an-hai, bach-ngoc, mac-dinh.');
  });

  it('an-hai follows the Hải Phòng plan', () => {
    const p = getPreset('an-hai');
    expect(p.settings.unitName).toBe('Phường An Hải');
    expect(p.settings.villageWord).toBe('Tổ dân phố');
    expect([p.settings.teamMin, p.settings.teamMax]).toEqual([5, 8]);
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
    const ind = (code: string) => p.indicators.find((i) => i.code === code);
    expect(ind('NTT_KNS')?.targetPercent).toBe(70);
    expect(ind('NTT_VNEID')?.targetPercent).toBe(70);
    expect(ind('LD_KNS')?.targetPercent).toBe(80);
    expect(ind('HO_SMART_HP')?.applied).toBe(false);
    expect(ind('LUOT_SO_SUC_KHOE')?.applied).toBe(false);
    expect(ind('LUOT_BUU_CHINH')?.applied).toBe(false);
  });

  it.each(PRESET_IDS)('%s lists the whole catalogue and no villages (the commune types its own)', (id) => {
    const p = getPreset(id);
    expect(p.indicators.map((i) => i.code)).toEqual(CATALOGUE.map((c) => c.code));
    expect(p).not.toHaveProperty('villages');
  });

  it.each(PRESET_IDS)('%s settings survive a write/read round trip', (id) => {
    const p = getPreset(id);
    const settings = readSettingsGrid(settingsLayout(p.settings, p.indicators).rows);
    expect(settings.findings).toEqual([]);
    expect(settings.settings).toEqual(p.settings);
    expect(settings.indicators).toEqual(p.indicators);
  });

  it.each(PRESET_IDS)('a sheet with the %s settings is recognised as that preset, whatever another preset recorded', (id) => {
    const settings = readSettingsGrid(settingsLayout(getPreset(id).settings, getPreset(id).indicators).rows).settings;
    for (const recorded of [null, ...PRESET_IDS]) expect(sheetPresetId(recorded, settings)).toBe(id);
  });

  it('the presets have distinct unit names, so a name tells one preset', () => {
    expect(new Set(PRESET_IDS.map((id) => getPreset(id).settings.unitName)).size).toBe(PRESET_IDS.length);
  });
});

describe('sample villages (demo, tests, benchmarks)', () => {
  it('the plans: 40 "Tổ dân phố số N" for an-hai, 16 "Thôn N" for bach-ngoc', () => {
    expect(sampleVillages('an-hai').map((v) => v.name)).toEqual(Array.from({ length: 40 }, (_, i) => `Tổ dân phố số ${i + 1}`));
    expect(sampleVillages('bach-ngoc').map((v) => v.name)).toEqual(Array.from({ length: 16 }, (_, i) => `Thôn ${i + 1}`));
    expect(sampleVillages('bach-ngoc')).toEqual(sampleVillages('bach-ngoc'));
  });

  it.each(PRESET_IDS)('%s: plausible denominators, and the registry survives a write/read round trip', (id) => {
    const villages = sampleVillages(id);
    for (const v of villages) {
      expect(v.denominators.DS_TU_16).toBeGreaterThanOrEqual(v.denominators.DS_TRUONG_THANH as number);
      expect(v.denominators.SO_HO).toBeGreaterThan(0);
    }
    // What setup writes is cell input: the leading apostrophe keeps text as text, Sheets strips it.
    const stored = [...registryLayout(getPreset(id).settings.villageWord).rows, ...villages.map(registryRow)].map((r) =>
      r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)),
    );
    const registry = readRegistryGrid(stored);
    expect(registry.findings).toEqual([]);
    expect(registry.villages.map(({ row: _row, ...v }) => v)).toEqual(villages);
  });
});
