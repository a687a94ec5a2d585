import { setup } from './helpers';

const HEAD1 = 'head1@example.com';

describe('sheets and spreadsheet', () => {
  test('sheet names are unique; default names follow the locale; index and activation', () => {
    const { emu, g } = setup();
    const ss = g.SpreadsheetApp.getActive();
    expect(emu.sheetNames()).toEqual(['Trang tính1']);
    const a = ss.insertSheet('Cấu hình', 0);
    expect(a.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('Cấu hình');
    expect(() => ss.insertSheet('cấu hình')).toThrow('A sheet with the name "cấu hình" already exists. Please enter another name.');
    expect(() => ss.getSheets()[1].setName('Cấu hình')).toThrow(/already exists/);
    expect(ss.getSheetByName('Cấu hình').getSheetId()).toBe(a.getSheetId());
    expect(ss.getSheetByName('cấu hình')).toBeNull();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    ss.deleteSheet(ss.getSheetByName('Trang tính1'));
    expect(() => ss.deleteSheet(a)).toThrow("You can't remove all the sheets in a document.");
    expect(ss.getOwner().getEmail()).toBe('office@example.gov.vn');
    expect(ss.getEditors().map((u: { getEmail(): string }) => u.getEmail())).toContain(HEAD1);
  });

  test('layout settings are recorded in the model', () => {
    const { emu, g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    s.setFrozenRows(2);
    s.setColumnWidth(2, 250);
    s.setRowHeight(1, 40);
    s.hideRows(5, 2);
    s.hideColumns(3);
    s.setTabColor('#FF0000');
    s.getRange('A1:C1').merge().setBackground('#FFF').setFontWeight('bold').setHorizontalAlignment('center')
      .setBorder(true, true, true, true, null, null, '#000', g.SpreadsheetApp.BorderStyle.SOLID_MEDIUM);
    s.getRange('A1').setValue('Tiêu đề').setWrap(true);
    s.autoResizeColumns(1, 3);
    expect(s.getColumnWidth(2)).toBe(250);
    expect(s.getColumnWidth(1)).toBe(100);
    expect(s.isRowHiddenByUser(6)).toBe(true);
    expect(s.isColumnHiddenByUser(3)).toBe(true);
    const m = emu.model().sheets[0];
    expect(m).toMatchObject({
      frozenRows: 2, columnWidths: { 2: 250 }, rowHeights: { 1: 40 }, hiddenRows: [5, 6], hiddenColumns: [3],
      tabColor: '#ff0000', merges: ['A1:C1'], autoResizedColumns: [1, 2, 3],
    });
    expect(m.cells[0]).toMatchObject({
      a1: 'A1', value: 'Tiêu đề', displayValue: 'Tiêu đề',
      format: { background: '#ffffff', fontWeight: 'bold', horizontalAlignment: 'center', wrapStrategy: 'WRAP', borders: { top: { color: '#000000', style: 'SOLID_MEDIUM' } } },
    });
    expect(m.cells[0].format.borders?.right).toBeUndefined();
    expect(m.cells[2].format.borders?.right).toEqual({ color: '#000000', style: 'SOLID_MEDIUM' });
  });
});

describe('data validation and checkboxes', () => {
  test('builders, getters and userEdit rejection', () => {
    const { emu, g } = setup();
    const s = g.SpreadsheetApp.getActive().insertSheet('Thôn 1');
    const rule = g.SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).setHelpText('Nhập số nguyên ≥ 0').build();
    s.getRange('B2:C3').setDataValidation(rule);
    const got = s.getRange('C3').getDataValidation();
    expect([got.getCriteriaType(), got.getCriteriaValues(), got.getHelpText(), got.getAllowInvalid()])
      .toEqual(['NUMBER_GREATER_THAN_OR_EQUAL_TO', [0], 'Nhập số nguyên ≥ 0', false]);
    expect(got.copy().setAllowInvalid(true).build().getAllowInvalid()).toBe(true);
    expect(() => emu.userEdit({}, { user: HEAD1, sheet: 'Thôn 1', a1: 'B2', value: '-1' })).toThrow(/Nhập số nguyên ≥ 0/);
    emu.userEdit({}, { user: HEAD1, sheet: 'Thôn 1', a1: 'B2', value: '5' });
    expect(s.getRange('B2').getValue()).toBe(5);
    s.getRange('B2').setValue(-3); // scripts are not held to validation
    expect(s.getRange('B2').getValue()).toBe(-3);
    expect(g.SpreadsheetApp.newDataValidation().requireValueInList(['Cùng tháng', 'Tháng sau']).build().getCriteriaValues()[0]).toEqual(['Cùng tháng', 'Tháng sau']);
    s.getRange('B2:C3').clearDataValidations();
    expect(s.getRange('B2').getDataValidation()).toBeNull();
  });

  test('checkboxes', () => {
    const { emu, g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    const r = s.getRange('A1:A2').insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(r.isChecked()).toBe(false);
    s.getRange('A1').check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
    expect(s.getRange('B1').isChecked()).toBeNull();
    emu.userEdit({}, { user: HEAD1, sheet: s.getName(), a1: 'A1', value: 'FALSE' });
    expect(s.getRange('A1').getValue()).toBe(false);
    expect(() => emu.userEdit({}, { user: HEAD1, sheet: s.getName(), a1: 'A1', value: 'maybe' })).toThrow(/violates the data validation/);
    r.removeCheckboxes();
    expect(r.getValues()).toEqual([[''], ['']]);
    expect(r.getDataValidation()).toBeNull();
  });
});

describe('conditional formats and charts', () => {
  test('rules and charts are recorded and follow row insertion', () => {
    const { emu, g } = setup();
    const s = g.SpreadsheetApp.getActive().getActiveSheet();
    const rule = g.SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(0.8).setBackground('#B7E1CD').setRanges([s.getRange('B2:D10')]).build();
    s.setConditionalFormatRules([rule]);
    const got = s.getConditionalFormatRules()[0];
    expect(got.getRanges()[0].getA1Notation()).toBe('B2:D10');
    expect(got.getBooleanCondition().getCriteriaType()).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    const chart = s.newChart().asColumnChart().addRange(s.getRange('A1:B5')).setTitle('Tỷ lệ').setPosition(2, 6, 0, 0).setOption('legend', { position: 'none' }).build();
    s.insertChart(chart);
    expect(s.getCharts()).toHaveLength(1);
    s.insertRowsBefore(1, 1);
    const m = emu.model().sheets[0];
    expect(m.conditionalFormats).toEqual([{ ranges: ['B3:D11'], criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [0.8], background: '#b7e1cd' }]);
    expect(m.charts[0]).toMatchObject({ chartType: 'COLUMN', ranges: ['A2:B6'], options: { title: 'Tỷ lệ', legend: { position: 'none' } }, position: { anchorRow: 2, anchorColumn: 6 } });
    s.removeChart(s.getCharts()[0]);
    expect(s.getCharts()).toHaveLength(0);
    expect(g.Charts.ChartType.BAR).toBe('BAR');
  });
});
