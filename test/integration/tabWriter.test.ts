/**
 * applyTabSpec run in-process against the emulator (its services put on globalThis, as the bundle
 * sees them): a second application of the same spec writes nothing, and what a person did to cells
 * that are not the spec's survives while what they did to the spec's cells is undone.
 */
import { AppsScriptEmulator, type SheetSnapshot } from '../../emulator';
import { ownProtection, ownTabProtection } from '../../src/core/workbook/ownProtection';
import { WholeTabBuilder } from '../../src/core/workbook/sheetModel';
import { FORMAT_ATTRIBUTES, emptyTabSpec, isIfBlank, type FormatAttribute, type TabSpec } from '../../src/core/workbook/tabSpec';
import { BLANK_CELL_FORMAT } from '../../src/core/workbook/tabState';
import { applyTabSpec } from '../../src/gas/tabWriter';

const OFFICE = 'office@example.gov.vn';
const HEAD = 'head1@example.com';
const WRITE = /^(Range|Sheet|Spreadsheet|Protection)\.(set|insert|merge|breakApart|clear|remove|protect|add|hide|show)/;
const MARK = 'SUBSTITUTE(';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A village-like tab: title, merged hint, header, two indicator rows a head fills, a checkbox row. */
function villageSpec(): TabSpec {
  const spec = emptyTabSpec('Thôn 1', 0, 6, 5);
  const hint = { italic: true, fontColor: '#666666' };
  spec.values = [
    ['BÁO CÁO THÔN 1', '', undefined, undefined, undefined],
    ['Ghi số liệu vào cột của tháng.', '', undefined, undefined, undefined],
    ['Mã', 'Chỉ tiêu', 'Tháng 1', 'Tháng 2', 'Tháng 3'],
    ['HS_KNS', 'Học sinh có kỹ năng số', undefined, undefined, undefined],
    ['LUOT_DVCTT', '=IMPORTXML("x")', undefined, undefined, undefined],
    ['DA_NOP', 'Đã nộp báo cáo', { ifBlank: false }, { ifBlank: false }, { ifBlank: false }],
  ];
  const row = <T>(value: T) => Array<T>(5).fill(value);
  const none = <T>() => row<T | undefined>(undefined);
  spec.formats = {
    fontWeight: [row('bold'), none(), row('bold'), none(), none(), row('bold')],
    fontStyle: [none(), row(hint.italic ? 'italic' : 'normal'), none(), none(), none(), none()],
    fontColor: [row('#1f4e79'), row(hint.fontColor), row('#ffffff'), none(), none(), none()],
    background: [none(), none(), row('#1f4e79'), [null, null, '#fffde7', '#fffde7', '#fffde7'], [null, null, '#fffde7', '#fffde7', '#fffde7'], row('#e2efda')],
    numberFormat: [none(), none(), none(), ['@', '@', '#,##0', '#,##0', '#,##0'], ['@', '@', '#,##0', '#,##0', '#,##0'], none()],
    wrap: [none(), row(true), row(true), none(), none(), none()],
  };
  spec.merges = [{ row: 2, col: 1, numRows: 1, numCols: 2 }];
  spec.frozenRows = 3;
  spec.frozenColumns = 2;
  spec.columnWidths = [90, 300, 78, 78, 78];
  spec.rowHeights = [{ row: 2, height: 84 }];
  const formula = '=AND(ISNUMBER(C4),C4>=0,C4=INT(C4))';
  spec.validations = [
    { block: { row: 4, col: 3, numRows: 2, numCols: 3 }, rule: { kind: 'formula', formula, helpText: 'Số nguyên ≥ 0' } },
    { block: { row: 6, col: 3, numRows: 1, numCols: 3 }, rule: { kind: 'checkbox' } },
  ];
  const future = `=VALUE(SUBSTITUTE(C$3,"Tháng ",""))>MONTH(TODAY())`;
  spec.conditionalFormats = { marker: MARK, rules: [{ formula: future, background: '#f2f2f2', fontColor: '#999999', ranges: [{ row: 4, col: 3, numRows: 3, numCols: 3 }] }] };
  spec.protections = [ownProtection(null, 'tab Thôn 1', [OFFICE, HEAD]), ownProtection({ row: 1, col: 1, numRows: 3, numCols: 5 }, 'tiêu đề Thôn 1', [OFFICE])];
  spec.borders = [{ row: 3, col: 1, numRows: 4, numCols: 5 }];
  return spec;
}

/** A small Tổng hợp-like tab, rewritten whole: table, chart, rules under headings. */
function modelSpec(rows: number): TabSpec {
  const b = new WholeTabBuilder(3, { fontSize: 10, fontFamily: 'Arial' });
  b.addRow(['TỔNG HỢP'], { bold: true, fontSize: 14 });
  b.merge({ row: 1, col: 1, numRows: 1, numCols: 3 });
  b.freezeRows(1);
  const header = b.addRow(['Mã', 'Tỷ lệ (%)', 'Chỉ tiêu (%)'], { bold: true, background: '#1f4e79', fontColor: '#ffffff', align: 'center' });
  for (let i = 0; i < rows; i++) b.addRow([`CODE_${i}`, 50 + i, 80]);
  b.border({ row: header, col: 1, numRows: rows + 1, numCols: 3 });
  b.rule({ row: header + rows + 1, col: 1, numRows: 1, numCols: 3 });
  b.addBlank(30);
  b.addRow(['Nơi nhận: 0912 345 678'], { italic: true });
  b.merge({ row: b.lastRow, col: 1, numRows: 1, numCols: 3 });
  b.addChart({ title: 'Tỷ lệ', ranges: [{ row: header, col: 1, numRows: rows + 1, numCols: 1 }, { row: header, col: 2, numRows: rows + 1, numCols: 2 }], anchorRow: 2, anchorCol: 5, width: 600, height: 300, colors: ['#2e75b6', '#bfbfbf'], axisTitle: '%' });
  return b.build({ name: 'Tổng hợp', position: 0, protections: [ownTabProtection('Tổng hợp', [OFFICE])], hiddenGridlines: true }, [110, 100, 100]);
}

describe('applyTabSpec', () => {
  let emu: AppsScriptEmulator;
  let ss: Spreadsheet;
  const globals = globalThis as Record<string, unknown>;

  beforeEach(() => {
    emu = new AppsScriptEmulator({ owner: OFFICE, editors: [HEAD] });
    const g = emu.globals();
    Object.assign(globals, { SpreadsheetApp: g.SpreadsheetApp, Charts: g.Charts });
    ss = emu.spreadsheet as unknown as Spreadsheet;
  });

  afterEach(() => {
    delete globals.SpreadsheetApp;
    delete globals.Charts;
  });

  const apply = (spec: TabSpec) => emu.run({ activeUser: OFFICE }, () => applyTabSpec(ss, spec));
  const writeCalls = () => Object.entries(emu.calls.snapshot()).filter(([name]) => WRITE.test(name));
  const snapshot = (name: string) => emu.model().sheets.find((s) => s.name === name) as SheetSnapshot;

  /** Every value and format the spec owns, as the tab shows it. */
  function expectTabMatches(spec: TabSpec): void {
    const sheet = snapshot(spec.name);
    const cell = (r: number, c: number) => sheet.cells.find((x) => x.row === r + 1 && x.col === c + 1);
    spec.values.forEach((row, r) => row.forEach((wanted, c) => {
      if (wanted === undefined || isIfBlank(wanted)) return;
      const shown = typeof wanted === 'string' ? wanted.replace(/^'/, '') : wanted;
      expect([r + 1, c + 1, cell(r, c)?.value ?? '']).toEqual([r + 1, c + 1, shown]);
      expect(cell(r, c)?.formula).toBeUndefined();
    }));
    for (const attribute of FORMAT_ATTRIBUTES) {
      spec.formats[attribute]?.forEach((row, r) => row.forEach((wanted, c) => {
        if (wanted === undefined) return;
        expect([attribute, r + 1, c + 1, formatShown(sheet, attribute, r + 1, c + 1)]).toEqual([attribute, r + 1, c + 1, formatWanted(attribute, wanted)]);
      }));
    }
  }

  it('a village-like tab: created, then a second application writes nothing; every owned cell reads back as specified', () => {
    const spec = villageSpec();
    const first = apply(spec);
    expect(first.created).toBe(true);
    expectTabMatches(spec);
    const tab = snapshot('Thôn 1');
    expect(tab.merges).toEqual(['A2:B2']);
    expect([tab.frozenRows, tab.frozenColumns, tab.rowHeights[2], tab.columnWidths[2]]).toEqual([3, 2, 84, 300]);
    expect(tab.cells.find((c) => c.a1 === 'C6')?.value).toBe(false);
    expect(tab.cells.find((c) => c.a1 === 'D4')?.validation).toMatchObject({ criteria: 'CUSTOM_FORMULA', values: ['=AND(ISNUMBER(C4),C4>=0,C4=INT(C4))'], allowInvalid: false });
    expect(tab.protections.map((p) => [p.type, p.range, p.editors.sort()])).toEqual([['SHEET', null, [HEAD, OFFICE]], ['RANGE', 'A1:E3', [OFFICE]]]);

    emu.calls.reset();
    const second = apply(spec);
    expect(writeCalls()).toEqual([]);
    expect(second).toMatchObject({ created: false, writes: 0 });
  });

  it("a head's typed values and ticks survive; a format they changed on the add-on's cell is put back", () => {
    const spec = villageSpec();
    apply(spec);
    emu.rawSet('Thôn 1', 'C4:D4', [[120, 130]]);
    emu.rawSet('Thôn 1', 'C6', true);
    emu.run({ activeUser: HEAD }, () => {
      const sheet = ss.getSheetByName('Thôn 1') as GoogleAppsScript.Spreadsheet.Sheet;
      sheet.getRange('B4').setBackground('#ff0000').setFontWeight('bold');
      sheet.getRange('C5').setBackground('#00ff00');
    });
    emu.calls.reset();
    const again = apply(spec);
    // B4's background and C5's background are ours: one setBackgrounds over B4:C5; B4's bold is not ours.
    expect(writeCalls()).toEqual([['Range.setBackgrounds', 1]]);
    expect(again.writes).toBe(1);
    expect(emu.rawGrid('Thôn 1')[3].slice(2, 4)).toEqual([120, 130]);
    expect(emu.rawGet('Thôn 1', 'C6')).toBe(true);
    const tab = snapshot('Thôn 1');
    expect(tab.cells.find((c) => c.a1 === 'B4')?.format).toMatchObject({ fontWeight: 'bold' });
    expect(tab.cells.find((c) => c.a1 === 'B4')?.format.background).toBeUndefined();
    expect(tab.cells.find((c) => c.a1 === 'C5')?.format.background).toBe('#fffde7');
    expectTabMatches(spec);
  });

  it('a tab rewritten whole from a WholeTabBuilder: chart, borders and gridlines once; a shorter rewrite clears the old tail', () => {
    const long = modelSpec(6);
    apply(long);
    expectTabMatches(long);
    let tab = snapshot('Tổng hợp');
    expect([tab.charts.length, tab.gridlinesHidden, tab.frozenRows, tab.merges]).toEqual([1, true, 1, ['A1:C1', 'A10:C10']]);
    expect(tab.cells.find((c) => c.a1 === 'B3')?.format.borders?.top).toBeDefined();

    emu.calls.reset();
    apply(long);
    expect(writeCalls()).toEqual([]);

    const short = modelSpec(2);
    apply(short);
    expectTabMatches(short);
    tab = snapshot('Tổng hợp');
    expect(emu.rawGrid('Tổng hợp')).toHaveLength(short.rows);
    expect(tab.merges).toEqual(['A1:C1', 'A6:C6']);
    // The longer table's borders went with it: only the new table's and the rule under it are left.
    expect(tab.cells.find((c) => c.a1 === 'A6')?.format.borders ?? {}).toEqual({});
    expect(Object.keys(tab.cells.find((c) => c.a1 === 'A5')?.format.borders ?? {})).toEqual(['top']);
    expect(tab.charts).toHaveLength(1);
    expect(tab.charts[0].ranges).toEqual(['A2:A4', 'B2:C4']);
    expect(tab.protections).toHaveLength(1);
    emu.calls.reset();
    apply(short);
    expect(writeCalls()).toEqual([]);
  });
});

function formatShown(sheet: SheetSnapshot, attribute: FormatAttribute, row: number, col: number): unknown {
  const format = sheet.cells.find((c) => c.row === row && c.col === col)?.format ?? {};
  if (attribute === 'wrap') return format.wrapStrategy === 'WRAP';
  const stored = (format as Record<string, unknown>)[attribute];
  return stored ?? BLANK_CELL_FORMAT[attribute];
}

function formatWanted(attribute: FormatAttribute, wanted: unknown): unknown {
  if (attribute === 'background' && wanted === null) return BLANK_CELL_FORMAT.background;
  return typeof wanted === 'string' && wanted.startsWith('#') ? wanted.toLowerCase() : wanted;
}
