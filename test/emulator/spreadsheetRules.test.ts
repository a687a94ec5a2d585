import { setup } from './helpers';

/**
 * Rules the emulator enforces because real Google Sheets refuses the same calls. The source of
 * each rule is cited next to its implementation in emulator/spreadsheet/ and in the conformance
 * table; these tests pin the behaviour and the exact messages.
 */

const OWNER = 'office@example.gov.vn';
const HEAD1 = 'head1@example.com';
const HEAD2 = 'head2@example.com';

const FREEZE_COLUMNS_THROUGH_MERGE = "Sorry, you can't freeze columns which contain only part of a merged cell. Try to break apart merged cells or freeze more columns to include the complete merged cells.";
const FREEZE_ROWS_THROUGH_MERGE = "Sorry, you can't freeze rows which contain only part of a merged cell. Try to break apart merged cells or freeze more rows to include the complete merged cells.";
const MERGE_ACROSS_FROZEN_ROWS = "You can't merge frozen and non-frozen rows.";
const MERGE_ACROSS_FROZEN_COLUMNS = "You can't merge frozen and non-frozen columns.";
const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

function blankSheet() {
  const { emu, g } = setup();
  const sheet = g.SpreadsheetApp.getActive().getActiveSheet();
  return { emu, g, sheet };
}

const mergedA1s = (sheet: { getRange(a1: string): { getMergedRanges(): { getA1Notation(): string }[] } }) =>
  sheet.getRange('A1:Z100').getMergedRanges().map((r) => r.getA1Notation());

describe('freeze lines and merges', () => {
  test('setFrozenColumns refuses a freeze line through a merged cell', () => {
    const { sheet } = blankSheet();
    sheet.getRange('A1:C1').merge();
    expect(() => sheet.setFrozenColumns(1)).toThrow(FREEZE_COLUMNS_THROUGH_MERGE);
    expect(() => sheet.setFrozenColumns(2)).toThrow(FREEZE_COLUMNS_THROUGH_MERGE);
    expect(sheet.getFrozenColumns()).toBe(0);
    sheet.setFrozenColumns(3); // the whole merge is frozen
    sheet.setFrozenColumns(4); // the merge lies inside the frozen area
    expect(sheet.getFrozenColumns()).toBe(4);
  });

  test('setFrozenRows refuses a freeze line through a merged cell', () => {
    const { sheet } = blankSheet();
    sheet.getRange('B2:B4').merge();
    expect(() => sheet.setFrozenRows(2)).toThrow(FREEZE_ROWS_THROUGH_MERGE);
    expect(() => sheet.setFrozenRows(3)).toThrow(FREEZE_ROWS_THROUGH_MERGE);
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(1); // the merge lies entirely below the line
    sheet.setFrozenRows(4);
    expect(sheet.getFrozenRows()).toBe(4);
  });

  test('merge, mergeAcross and mergeVertically refuse a range across the freeze line', () => {
    const { sheet } = blankSheet();
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    expect(() => sheet.getRange('B2:B3').merge()).toThrow(MERGE_ACROSS_FROZEN_ROWS);
    expect(() => sheet.getRange('A5:B5').merge()).toThrow(MERGE_ACROSS_FROZEN_COLUMNS);
    expect(() => sheet.getRange('B1:C4').mergeVertically()).toThrow(MERGE_ACROSS_FROZEN_ROWS);
    expect(() => sheet.getRange('A6:C7').mergeAcross()).toThrow(MERGE_ACROSS_FROZEN_COLUMNS);
    expect(mergedA1s(sheet)).toEqual([]);
    sheet.getRange('B1:C2').merge(); // inside the frozen rows
    sheet.getRange('A3:A9').mergeVertically(); // inside the frozen column
    sheet.getRange('B3:D4').mergeAcross(); // outside both
    expect(mergedA1s(sheet).sort()).toEqual(['A3:A9', 'B1:C2', 'B3:D3', 'B4:D4']);
  });
});

describe('the 50,000-character cell limit', () => {
  test('setValue and setValues refuse a string longer than 50,000 characters and write nothing', () => {
    const { sheet } = blankSheet();
    const longest = 'x'.repeat(50_000);
    sheet.getRange('A1').setValue(longest);
    expect(sheet.getRange('A1').getValue()).toHaveLength(50_000);
    expect(() => sheet.getRange('A2').setValue(`${longest}y`)).toThrow(CELL_TOO_LONG);
    expect(() => sheet.getRange('B1:B2').setValues([['ok'], [`${longest}y`]])).toThrow(CELL_TOO_LONG);
    expect(() => sheet.appendRow(['ok', `${longest}y`])).toThrow(CELL_TOO_LONG);
    expect(sheet.getRange('A2:B3').getValues()).toEqual([['', ''], ['', '']]);
    expect(sheet.getRange('B1').getValue()).toBe('');
  });
});

describe('sheet names', () => {
  test('names longer than 100 characters are refused (what Sheets does with them is not emulated)', () => {
    const { g } = blankSheet();
    const ss = g.SpreadsheetApp.getActive();
    const hundred = 'T'.repeat(100);
    expect(ss.insertSheet(hundred).getName()).toBe(hundred);
    expect(() => ss.insertSheet(`${hundred}x`)).toThrow(/^not emulated: Spreadsheet\.insertSheet\(name longer than 100 characters\)$/);
    expect(() => ss.getSheetByName(hundred).setName(`${hundred}x`)).toThrow(/^not emulated: Sheet\.setName\(name longer than 100 characters\)$/);
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual(['Trang tính1', hundred]);
  });
});

describe('custom-formula data validation on user edits', () => {
  function validatedBlock(formula: string, a1 = 'G5:I7') {
    const { emu, g } = setup();
    const sheet = g.SpreadsheetApp.getActive().insertSheet('Thôn 1');
    const rule = g.SpreadsheetApp.newDataValidation().requireFormulaSatisfied(formula).setAllowInvalid(false).setHelpText('Số nguyên ≥ 0').build();
    sheet.getRange(a1).setDataValidation(rule);
    const type = (a1Cell: string, value: unknown) => emu.userEdit({}, { user: HEAD1, sheet: 'Thôn 1', a1: a1Cell, value });
    return { emu, sheet, type };
  }

  test('the add-on\'s whole-number rule: text, decimals and negatives refused; blank, 0 and 1234 accepted', () => {
    const { sheet, type } = validatedBlock('=AND(ISNUMBER(G5),G5>=0,G5=INT(G5))');
    expect(() => type('G5', 'abc')).toThrow('Số nguyên ≥ 0');
    expect(() => type('H6', '1,5')).toThrow('Số nguyên ≥ 0'); // 1.5 in the vi_VN locale
    expect(() => type('I7', '-1')).toThrow('Số nguyên ≥ 0');
    expect(() => type('G5', '#N/A')).toThrow('Số nguyên ≥ 0');
    type('G5', '0');
    type('I7', '1.234'); // 1234 in the vi_VN locale; the formula is shifted to I7, two rows and columns on
    type('H6', '');
    expect(sheet.getRange('G5:I7').getValues()).toEqual([[0, '', ''], ['', '', ''], ['', '', 1234]]);
    sheet.getRange('H5').setValue('abc'); // a script's write is not validated
    expect(sheet.getRange('H5').getValue()).toBe('abc');
  });

  test('the settings sheet\'s rule with OR and ISBLANK, and NOT, are evaluated', () => {
    const settings = validatedBlock('=OR(ISBLANK(F5),AND(ISNUMBER(F5),F5>=0,F5=INT(F5)))', 'F5:H9');
    settings.type('H9', '12');
    expect(() => settings.type('F6', 'mười')).toThrow('Số nguyên ≥ 0');
    const negated = validatedBlock('=NOT(B2<0)', 'B2:B3');
    negated.type('B3', '7');
    expect(() => negated.type('B3', '-7')).toThrow('Số nguyên ≥ 0');
  });

  test('formula shapes that are not emulated throw instead of guessing', () => {
    const unknownFunction = validatedBlock('=LEN(G5)<5');
    expect(() => unknownFunction.type('G5', '1')).toThrow(/^not emulated: custom formula =LEN\(G5\)<5/);
    const otherCell = validatedBlock('=$G$5>=0'); // at H6 the absolute reference points at another cell
    otherCell.type('G5', '3');
    expect(() => otherCell.type('H6', '3')).toThrow(/^not emulated: custom formula =\$G\$5>=0/);
    const booleanTyped = validatedBlock('=AND(ISNUMBER(G5),G5>=0,G5=INT(G5))');
    expect(() => booleanTyped.type('G5', 'TRUE')).toThrow(/^not emulated: custom formula/);
  });
});

describe('changing a protection needs edit rights on it', () => {
  function villageProtection() {
    const { emu, g } = setup();
    const tab = g.SpreadsheetApp.getActive().insertSheet('Thôn 1');
    const sheetProtection = tab.protect().setDescription('Thôn 1');
    sheetProtection.removeEditors(sheetProtection.getEditors());
    sheetProtection.addEditor(HEAD1);
    const stamp = tab.getRange('D12:O12').protect();
    return { emu, tab, sheetProtection, stamp };
  }

  test('someone who is not an editor of the protection cannot change, read the editors of, or remove it', () => {
    const { emu, tab, sheetProtection, stamp } = villageProtection();
    const refused = /^not emulated: Protection\.\w+ by someone who cannot edit this protection$/;
    emu.run({ activeUser: HEAD2 }, () => {
      const attempts: (() => unknown)[] = [
        () => sheetProtection.addEditor(HEAD2),
        () => sheetProtection.addEditors([HEAD2]),
        () => sheetProtection.removeEditor(HEAD1),
        () => sheetProtection.removeEditors([HEAD1]),
        () => sheetProtection.setDescription('mine'),
        () => sheetProtection.setWarningOnly(true),
        () => sheetProtection.setDomainEdit(true),
        () => sheetProtection.setUnprotectedRanges([tab.getRange('A1')]),
        () => sheetProtection.getEditors(),
        () => sheetProtection.canDomainEdit(),
        () => sheetProtection.remove(),
      ];
      for (const attempt of attempts) expect(attempt).toThrow(refused);
      expect(sheetProtection.canEdit()).toBe(false);
    });
    stamp.removeEditors(stamp.getEditors());
    emu.run({ activeUser: HEAD1 }, () => {
      expect(() => stamp.setRange(tab.getRange('A1'))).toThrow(refused);
      expect(() => stamp.remove()).toThrow(refused);
      sheetProtection.setDescription('Thôn 1 (trưởng thôn)'); // HEAD1 is an editor of the sheet protection
    });
    expect(sheetProtection.getDescription()).toBe('Thôn 1 (trưởng thôn)');
    expect(sheetProtection.getEditors().map((u: { getEmail(): string }) => u.getEmail()).sort()).toEqual([HEAD1, OWNER].sort());
    expect(tab.getProtections('RANGE')).toHaveLength(1);
  });

  test('a warning-only protection has no editors to check: any editor of the spreadsheet may change it', () => {
    const { emu, sheetProtection } = villageProtection();
    sheetProtection.setWarningOnly(true);
    emu.run({ activeUser: HEAD2 }, () => {
      sheetProtection.setDescription('cảnh báo');
      sheetProtection.remove();
    });
    expect(sheetProtection.getDescription()).toBe('cảnh báo');
  });
});

describe('overlapping protections', () => {
  test('a cell is editable only if every protection over it allows the person; a sheet protection\'s exempt cells are outside it', () => {
    // Protection reference: setUnprotectedRanges "Unprotects the given array of ranges within a
    // protected sheet"; the class sample protects a sheet except B2:C5. Cells left out that way are
    // open to every editor, which is why a range protection then narrows them.
    const { emu, g } = setup();
    const tab = g.SpreadsheetApp.getActive().insertSheet('Thôn 1');
    const whole = tab.protect();
    whole.removeEditors(whole.getEditors());
    whole.setUnprotectedRanges([tab.getRange('E5:F10')]);
    const inputs = tab.getRange('E5:G10').protect();
    inputs.removeEditors(inputs.getEditors());
    inputs.addEditor(HEAD1);
    const context = {};
    emu.userEdit(context, { user: HEAD1, sheet: 'Thôn 1', a1: 'E5', value: 1 }); // exempt, and allowed by the range
    expect(() => emu.userEdit(context, { user: HEAD2, sheet: 'Thôn 1', a1: 'E5', value: 1 })).toThrow(/protected cell/); // the range refuses
    expect(() => emu.userEdit(context, { user: HEAD1, sheet: 'Thôn 1', a1: 'G5', value: 1 })).toThrow(/protected cell/); // the sheet refuses
    expect(() => emu.userEdit(context, { user: HEAD1, sheet: 'Thôn 1', a1: 'A1', value: 1 })).toThrow(/protected cell/);
    emu.userEdit(context, { user: OWNER, sheet: 'Thôn 1', a1: 'G5', value: 1 });
  });
});
