import { CellError } from '../../emulator/spreadsheet/values';
import { setup } from './helpers';

describe('cell values', () => {
  test('getValues returns typed values and blanks as empty strings', () => {
    const { emu, g } = setup();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const d = new Date('2026-05-10T03:00:00Z');
    sheet.getRange('A1:D1').setValues([[5, true, d, 'text']]);
    const v = sheet.getRange('A1:E1').getValues();
    expect(v).toEqual([[5, true, d, 'text', '']]);
    expect(v[0][2]).toBeInstanceOf(Date);
    emu.rawSet(sheet.getName(), 'F1', new CellError('#REF!'));
    expect(sheet.getRange('F1').getValue()).toBe('#REF!');
    expect(sheet.getRange('F1').getDisplayValue()).toBe('#REF!');
  });

  test('getValues returns a fresh array each time', () => {
    const { g } = setup();
    const r = g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1');
    r.setValue(1);
    const a = r.getValues();
    a[0][0] = 99;
    expect(r.getValues()).toEqual([[1]]);
  });

  test('strings are parsed as typed in vi_VN', () => {
    const { g } = setup();
    const r = g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1:H1');
    r.setValues([['1234', '1.234', '12,5', 'TRUE', 'false', '1.5', '1 234', "'0123"]]);
    expect(r.getValues()).toEqual([[1234, 1234, 12.5, true, false, '1.5', '1 234', '0123']]);
  });

  test('strings are parsed as typed in en_US', () => {
    const { g } = setup({ locale: 'en_US' });
    const r = g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1:D1');
    r.setValues([['1,234', '12.5', '12,5', '85%']]);
    expect(r.getValues()).toEqual([[1234, 12.5, '12,5', 0.85]]);
    expect(r.getDisplayValues()[0][3]).toBe('85%');
  });

  test('typed dates become Date values in the spreadsheet zone', () => {
    const { g } = setup();
    const r = g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1');
    r.setValue('20/05/2026');
    expect((r.getValue() as Date).toISOString()).toBe('2026-05-19T17:00:00.000Z');
    expect(r.getDisplayValue()).toBe('20/05/2026');
  });

  test("plain-text format '@' keeps strings as given; formulas are stored, not evaluated", () => {
    const { g } = setup();
    const sheet = g.SpreadsheetApp.getActive().getActiveSheet();
    sheet.getRange('A1').setNumberFormat('@').setValue('=IMPORTXML("x")');
    sheet.getRange('A2').setNumberFormat('@').setValue('0123');
    expect(sheet.getRange('A1').getValue()).toBe('=IMPORTXML("x")');
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A2').getValue()).toBe('0123');
    sheet.getRange('B1').setValue('=SUM(1,2)');
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(1,2)');
    expect(sheet.getRange('B1').getValue()).toBe('#ERROR!');
    sheet.getRange('B2').setValue("'=not a formula");
    expect(sheet.getRange('B2').getValue()).toBe('=not a formula');
    expect(sheet.getRange('B2').getFormula()).toBe('');
  });

  test('setValues checks dimensions like Apps Script', () => {
    const { g } = setup();
    const r = g.SpreadsheetApp.getActive().getActiveSheet().getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => r.setValues([[1, 2, 3], [4, 5, 6]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
  });
});

describe('ranges', () => {
  test('A1 notations, including quoted sheet names', () => {
    const { g } = setup();
    const ss = g.SpreadsheetApp.getActive();
    const s = ss.insertSheet("Thôn 3 'A'");
    expect(s.getRange('A:A').getNumRows()).toBe(1000);
    expect(s.getRange('A:A').getA1Notation()).toBe('A:A');
    expect(s.getRange('2:3').getNumColumns()).toBe(26);
    expect(s.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    const r = ss.getRange("'Thôn 3 ''A'''!B2:C3");
    expect(r.getSheet().getName()).toBe("Thôn 3 'A'");
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 2, 2, 2, 3, 3]);
    expect(() => ss.getRange("'Nope'!A1")).toThrow('Range not found');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
  });

  test('out-of-bounds coordinates throw Apps Script messages', () => {
    const { g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    expect(() => s.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => s.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  test('getLastRow/getDataRange and appendRow', () => {
    const { g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    expect(s.getLastRow()).toBe(0);
    s.getRange('C5').setBackground('red');
    expect(s.getLastRow()).toBe(0);
    s.appendRow(['a', 1]);
    s.appendRow(['b', 2]);
    expect(s.getLastRow()).toBe(2);
    expect(s.getDataRange().getValues()).toEqual([['a', 1], ['b', 2]]);
  });

  test('getDataRange starts at A1, whatever the first cell holding data', () => {
    const { g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    s.getRange('C3').setValue('x');
    const range = s.getDataRange();
    expect([range.getA1Notation(), range.getRow(), range.getColumn()]).toEqual(['A1:C3', 1, 1]);
  });

  test('inserting and deleting rows shifts content, notes, formats, merges, validations and protections', () => {
    const { emu, g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    s.getRange('A2').setValue('x').setNote('n').setFontWeight('bold');
    s.getRange('A3:B3').merge();
    const rule = g.SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    s.getRange('C4').setDataValidation(rule);
    const p = s.getRange('A5:B5').protect();
    s.insertRowsBefore(1, 2);
    expect(s.getMaxRows()).toBe(1002);
    expect(s.getRange('A4').getValue()).toBe('x');
    expect(s.getRange('A4').getNote()).toBe('n');
    expect(s.getRange('A4').getFontWeight()).toBe('bold');
    expect(s.getRange('A5').isPartOfMerge()).toBe(true);
    expect(s.getRange('C6').getDataValidation().getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(p.getRange().getA1Notation()).toBe('A7:B7');
    s.insertRowAfter(4);
    expect(s.getRange('A5').getFontWeight()).toBe('bold'); // inherits the row above
    expect(s.getRange('A5').getValue()).toBe('');
    s.deleteRows(1, 3);
    expect(s.getRange('A1').getValue()).toBe('x');
    expect(emu.model().sheets[0].merges).toEqual(['A3:B3']);
    s.insertColumnBefore(1);
    expect(s.getRange('B1').getValue()).toBe('x');
    expect(p.getRange().getA1Notation()).toBe('B5:C5');
  });
});

describe('display values', () => {
  test('vi_VN number formats', () => {
    const { g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    const cases: [number, string, string][] = [
      [1234, '#,##0', '1.234'],
      [1234567.891, '#,##0.0', '1.234.567,9'],
      [0.855, '0.0%', '85,5%'],
      [0.5, '0%', '50%'],
      [12.345, '0.0', '12,3'],
      [12.6, '0', '13'],
      [1234.5, 'General', '1234,5'],
      [-5, '#,##0', '-5'],
    ];
    cases.forEach(([v, f, out], i) => {
      const r = s.getRange(i + 1, 1).setValue(v).setNumberFormat(f);
      expect(r.getDisplayValue()).toBe(out);
    });
    s.getRange('B1').setValue(true);
    expect(s.getRange('B1').getDisplayValue()).toBe('TRUE');
  });

  test('dates render in the spreadsheet time zone whatever the host zone', () => {
    const { g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    // 17:30 UTC on 9 May is 00:30 on 10 May in Asia/Ho_Chi_Minh (UTC+7).
    const d = new Date('2026-05-09T17:30:00Z');
    s.getRange('A1').setValue(d);
    expect(s.getRange('A1').getDisplayValue()).toBe('10/05/2026');
    s.getRange('A2').setValue(d).setNumberFormat('dd/MM/yyyy HH:mm');
    expect(s.getRange('A2').getDisplayValue()).toBe('10/05/2026 00:30');
    s.getRange('A3').setValue(d).setNumberFormat('HH:mm');
    expect(s.getRange('A3').getDisplayValue()).toBe('00:30');
  });

  test('the script Date uses the script time zone for local fields', () => {
    const { emu, g } = setup({ now: new Date('2026-05-09T17:30:00Z') });
    const D = g.Date as DateConstructor;
    const now = new D();
    expect(now.getTime()).toBe(Date.parse('2026-05-09T17:30:00Z'));
    expect([now.getFullYear(), now.getMonth(), now.getDate(), now.getHours()]).toEqual([2026, 4, 10, 0]);
    expect(new D(2026, 4, 10).toISOString()).toBe('2026-05-09T17:00:00.000Z');
    expect(now instanceof Date).toBe(true);
    expect(new Date() instanceof D).toBe(true);
    emu.clock.advance(60000);
    expect(D.now()).toBe(Date.parse('2026-05-09T17:31:00Z'));
  });
});
