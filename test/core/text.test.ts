import { asCellText, escapeHtml, formatInt, formatPercent, isPlausibleEmail, normalizeName, sameName } from '../../src/core/shared/text';

describe('text', () => {
  it('matches Vietnamese names across NFD, spacing and case', () => {
    expect(sameName('Thôn 3', ' thôn  3 ')).toBe(true);
    expect(sameName('Thôn 3', 'Thôn 3'.normalize('NFD'))).toBe(true);
    expect(sameName('Thôn 3', 'Thôn 4')).toBe(false);
    expect(normalizeName('TỔ DÂN PHỐ SỐ 1')).toBe('tổ dân phố số 1');
  });

  it('formats numbers the Vietnamese way', () => {
    expect(formatInt(1234567)).toBe('1.234.567');
    expect(formatInt(0)).toBe('0');
    expect(formatPercent(0.855)).toBe('85,5%');
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('keeps typed text as text and escapes HTML', () => {
    expect(asCellText('=IMPORTXML("x")')).toBe('\'=IMPORTXML("x")');
    expect(asCellText('')).toBe('');
    expect(escapeHtml('<img src=x onerror="a">')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;');
  });

  it('recognises plausible emails only', () => {
    expect(isPlausibleEmail('thon1@example.com')).toBe(true);
    expect(isPlausibleEmail('thon1@example')).toBe(false);
    expect(isPlausibleEmail('a b@example.com')).toBe(false);
  });
});
