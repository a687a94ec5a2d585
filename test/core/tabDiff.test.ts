import { OWN_PROTECTION_PREFIX, ownTabProtection } from '../../src/core/workbook/ownProtection';
import { diffTab, isEmpty, opsCount, type TabOps } from '../../src/core/workbook/tabDiff';
import { FORMAT_ATTRIBUTES, emptyTabSpec, isIfBlank, type TabSpec } from '../../src/core/workbook/tabSpec';
import { BLANK_CELL_FORMAT, type TabState } from '../../src/core/workbook/tabState';

const OFFICE = 'office@example.gov.vn';
const HEAD = 'head1@example.com';
const MARK = '"Tháng "';

/**
 * A 4 × 3 tab: a merged title, a header row, two data rows. B3:B4 are a person's cells; C3:C4 are
 * checkboxes the add-on ticks off only when blank.
 */
function sampleSpec(): TabSpec {
  const spec = emptyTabSpec('Thôn 1', 2, 4, 3);
  spec.values = [
    ['Tiêu đề', '', ''],
    ['Mã', 'Số liệu', 'Đã nộp'],
    ['HS_KNS', undefined, { ifBlank: false }],
    ['=IMPORTXML("x")', undefined, { ifBlank: false }],
  ];
  spec.formats = {
    fontWeight: [['bold', 'bold', 'bold'], ['bold', 'bold', 'bold'], [undefined, undefined, undefined], [undefined, undefined, undefined]],
    background: [[null, null, null], ['#1f4e79', '#1f4e79', '#1f4e79'], [undefined, '#FFFDE7', undefined], [undefined, '#fffde7', undefined]],
  };
  spec.merges = [{ row: 1, col: 1, numRows: 1, numCols: 3 }];
  spec.frozenRows = 2;
  spec.columnWidths = [90, 300];
  spec.validations = [{ block: { row: 3, col: 3, numRows: 2, numCols: 1 }, rule: { kind: 'checkbox' } }];
  spec.conditionalFormats = {
    marker: MARK,
    rules: [{ formula: `=VALUE(SUBSTITUTE(B$2,${MARK},""))>MONTH(TODAY())`, background: '#f2f2f2', fontColor: '#999999', ranges: [{ row: 3, col: 2, numRows: 2, numCols: 1 }] }],
  };
  spec.protections = [ownTabProtection('Thôn 1', [OFFICE, HEAD])];
  spec.borders = [{ row: 2, col: 1, numRows: 3, numCols: 3 }];
  return spec;
}

/** What the reader gives for a tab that already is exactly what `spec` says. */
function stateOf(spec: TabSpec): TabState {
  const formats: TabState['formats'] = {};
  for (const attribute of FORMAT_ATTRIBUTES) {
    const wanted = spec.formats[attribute];
    formats[attribute] = spec.values.map((row, r) => row.map((_, c) => {
      const value = wanted?.[r]?.[c];
      if (value === undefined || value === null) return BLANK_CELL_FORMAT[attribute];
      return typeof value === 'string' && value.startsWith('#') ? value.toLowerCase() : value;
    }));
  }
  return {
    maxRows: 1000,
    maxColumns: 26,
    values: spec.values.map((row) => row.map((v) => (v === undefined ? '' : isIfBlank(v) ? v.ifBlank : v))),
    formats,
    merges: [...spec.merges],
    frozenRows: spec.frozenRows ?? 0,
    frozenColumns: spec.frozenColumns ?? 0,
    columnWidths: [...spec.columnWidths],
    rowHeights: [...spec.rowHeights],
    hiddenRows: [...spec.hiddenRows],
    hiddenGridlines: false,
    validations: spec.values.map((row, r) => row.map((_, c) => {
      const v = spec.validations.find((s) => r + 1 >= s.block.row && r + 1 < s.block.row + s.block.numRows && c + 1 >= s.block.col && c + 1 < s.block.col + s.block.numCols);
      return v ? { ...v.rule, allowInvalid: v.rule.kind === 'checkbox' } : null;
    })),
    conditionalFormats: (spec.conditionalFormats?.rules ?? []).map((rule) => ({ ...rule, ranges: [...rule.ranges] })),
    protections: spec.protections.map((p) => ({ block: p.block, description: p.description, editors: p.editors.map((e) => e.toLowerCase()), warningOnly: false, domainEdit: false, unprotected: p.unprotected ?? [] })),
    charts: [],
  };
}

/** Only the operations that hold something, to compare whole plans. */
function nonEmpty(ops: TabOps): Partial<TabOps> {
  return Object.fromEntries(Object.entries(ops).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
}

function withValues(state: TabState, changes: [number, number, unknown][]): TabState {
  const values = state.values.map((row) => [...row]);
  for (const [row, col, value] of changes) values[row - 1][col - 1] = value;
  return { ...state, values };
}

describe('diffTab', () => {
  it('a missing tab: created at its position with everything the spec owns', () => {
    const spec = sampleSpec();
    const ops = diffTab(spec, null);
    expect(ops.create).toEqual({ position: 2 });
    expect(ops.ensureSize).toEqual({ rows: 4, columns: 3 });
    // Rows 1–2 are all ours: one rectangle; the person's B3:B4 splits the rows below.
    expect(ops.values).toEqual([
      { row: 1, col: 1, values: [["'Tiêu đề", '', ''], ["'Mã", "'Số liệu", "'Đã nộp"]] },
      { row: 3, col: 1, values: [["'HS_KNS"], ['\'=IMPORTXML("x")']] },
      { row: 3, col: 3, values: [[false], [false]] },
    ]);
    expect(ops.merges).toEqual([{ row: 1, col: 1, numRows: 1, numCols: 3, across: false }]);
    expect(ops.frozenRows).toBe(2);
    expect(ops.columnWidths).toEqual([{ at: 1, count: 1, size: 90 }, { at: 2, count: 1, size: 300 }]);
    expect(ops.validations).toEqual(sampleSpec().validations);
    expect(ops.conditionalFormats).toEqual({ keep: [], add: spec.conditionalFormats?.rules });
    expect(ops.protections).toEqual([{ kind: 'create', protection: spec.protections[0] }]);
    expect(ops.borders).toEqual(spec.borders);
    // No fill is what a new tab has: only the header's and the person's input cells' colours go in.
    expect(ops.formats.map((f) => [f.attribute, f.block])).toEqual([
      ['background', { row: 2, col: 1, numRows: 3, numCols: 3 }],
      ['fontWeight', { row: 1, col: 1, numRows: 2, numCols: 3 }],
    ]);
    expect(ops.formats[0].grid).toEqual([['#1f4e79', '#1f4e79', '#1f4e79'], [null, '#FFFDE7', null], [null, '#fffde7', null]]);
  });

  it('a tab that already is what the spec says: nothing to write', () => {
    const spec = sampleSpec();
    const ops = diffTab(spec, stateOf(spec));
    expect(nonEmpty(ops)).toEqual({});
    expect(isEmpty(ops)).toBe(true);
    expect(opsCount(ops)).toBe(0);
  });

  it('one value differs: one write of that cell, and the table it is in gets its borders again', () => {
    const spec = sampleSpec();
    const ops = diffTab(spec, withValues(stateOf(spec), [[3, 1, 'HS_CU']]));
    expect(nonEmpty(ops)).toEqual({ values: [{ row: 3, col: 1, values: [["'HS_KNS"]] }], borders: spec.borders });
  });

  it('compares what getValues gives back: text, numbers, dates by time; text goes in as text', () => {
    const spec = emptyTabSpec('T', 0, 1, 4);
    const day = new Date(Date.UTC(2026, 4, 25));
    spec.values = [["'0912", 12, day, true]];
    const state: TabState = { ...stateOf(spec), values: [['0912', 12, new Date(day.getTime()), true]] };
    expect(isEmpty(diffTab(spec, state))).toBe(true);
    const moved = diffTab(spec, withValues(state, [[1, 1, 912], [1, 3, new Date(day.getTime() + 1)]]));
    expect(moved.values).toEqual([{ row: 1, col: 1, values: [["'0912", 12, day]] }]);
    // A plain-text cell keeps an apostrophe as content: text goes in bare there.
    spec.formats.numberFormat = [['@', undefined, undefined, undefined]];
    expect(diffTab(spec, withValues(state, [[1, 1, 912]])).values).toEqual([{ row: 1, col: 1, values: [['0912']] }]);
  });

  it("never writes a person's cell, even between two cells that differ", () => {
    const spec = sampleSpec();
    spec.values[2][2] = 'x';
    const ops = diffTab(spec, withValues(stateOf(spec), [[3, 1, 'old'], [3, 2, 'typed by the head'], [3, 3, 'old']]));
    expect(ops.values).toEqual([{ row: 3, col: 1, values: [["'HS_KNS"]] }, { row: 3, col: 3, values: [["'x"]] }]);
  });

  it('ifBlank: a blank cell gets the value, a filled one is left alone', () => {
    const spec = sampleSpec();
    expect(diffTab(spec, withValues(stateOf(spec), [[3, 3, true]])).values).toEqual([]);
    expect(diffTab(spec, withValues(stateOf(spec), [[3, 3, ''], [4, 3, '']])).values).toEqual([{ row: 3, col: 3, values: [[false], [false]] }]);
  });

  it('colours and font names read back in another letter case are the same format', () => {
    const spec = sampleSpec();
    spec.formats.fontFamily = spec.values.map((row) => row.map(() => 'Arial'));
    const state = stateOf(spec);
    const lower = (grid: unknown[][] | undefined) => grid?.map((row) => row.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)));
    const formats = { ...state.formats, fontFamily: lower(state.formats.fontFamily as unknown[][]), background: lower(state.formats.background as unknown[][]) };
    expect(isEmpty(diffTab(spec, { ...state, formats } as TabState))).toBe(true);
  });

  it('one owned cell formatted otherwise: one write of that attribute; cells not ours keep what they show', () => {
    const spec = sampleSpec();
    const state = stateOf(spec);
    const background = (state.formats.background as unknown[][]).map((row) => [...row]);
    background[2][0] = '#ff0000'; // A3: not ours, a person's colour
    background[2][1] = '#00ff00'; // B3: ours, changed by a person
    background[3][1] = '#00ff00'; // B4
    const ops = diffTab(spec, { ...state, formats: { ...state.formats, background } });
    expect(nonEmpty(ops)).toEqual({
      formats: [{ attribute: 'background', block: { row: 3, col: 2, numRows: 2, numCols: 1 }, grid: [['#FFFDE7'], ['#fffde7']] }],
    });
    background[2][2] = '#00ff00'; // C3: not ours either
    background[3][1] = '#fffde7';
    background[2][0] = '#ffffff'; // A3 shows no fill
    spec.formats.background = [[undefined, undefined, undefined], [undefined, undefined, undefined], ['#000000', '#fffde7', '#000000'], [undefined, undefined, undefined]];
    spec.formats.background[2][2] = undefined;
    const wide = diffTab(spec, { ...state, formats: { ...state.formats, background } });
    expect(wide.formats).toEqual([{ attribute: 'background', block: { row: 3, col: 1, numRows: 1, numCols: 2 }, grid: [['#000000', '#fffde7']] }]);
  });

  it('merges: a missing one is made, one in its way broken; others are a person’s unless the spec owns all merges', () => {
    const spec = sampleSpec();
    const state = { ...stateOf(spec), merges: [{ row: 1, col: 1, numRows: 1, numCols: 2 }, { row: 10, col: 1, numRows: 2, numCols: 1 }] };
    expect(nonEmpty(diffTab(spec, state))).toEqual({
      breakMerges: [{ row: 1, col: 1, numRows: 1, numCols: 2 }],
      merges: [{ row: 1, col: 1, numRows: 1, numCols: 3, across: false }],
    });
    expect(diffTab({ ...spec, ownsAllMerges: true }, state).breakMerges).toEqual(state.merges);
  });

  it('merges: never over a cell a person filled, which merging would erase', () => {
    const spec = sampleSpec();
    spec.merges = [{ row: 3, col: 1, numRows: 1, numCols: 2 }];
    const withB3 = (value: unknown) => {
      const state = stateOf(spec);
      return { ...state, merges: [], values: state.values.map((row, r) => row.map((v, c) => (r === 2 && c === 1 ? value : v))) };
    };
    expect(diffTab(spec, withB3(42)).merges).toEqual([]);
    expect(diffTab(spec, withB3('')).merges).toEqual([{ row: 3, col: 1, numRows: 1, numCols: 2, across: false }]);
  });

  it('validations: a block with one cell lacking its rule is set again; a rule allowing invalid input is not ours', () => {
    const spec = sampleSpec();
    const state = stateOf(spec);
    const validations = state.validations?.map((row) => [...row]) ?? [];
    validations[3][2] = null;
    expect(nonEmpty(diffTab(spec, { ...state, validations }))).toEqual({ validations: spec.validations });
    spec.validations = [{ block: { row: 2, col: 2, numRows: 1, numCols: 1 }, rule: { kind: 'formula', formula: '=ISNUMBER(B2)', helpText: 'Số' } }];
    validations[1][1] = { kind: 'formula', formula: '=ISNUMBER(B2)', helpText: 'Số', allowInvalid: true };
    expect(diffTab(spec, { ...state, validations }).validations).toEqual(spec.validations);
    validations[1][1] = { kind: 'formula', formula: '=ISNUMBER(B2)', helpText: 'Số', allowInvalid: false };
    expect(diffTab(spec, { ...state, validations }).validations).toEqual([]);
  });

  it('conditional formats: ours replaced only when they differ, others kept in their order', () => {
    const spec = sampleSpec();
    const state = stateOf(spec);
    const theirs = { formula: '=B3>100', background: '#ff0000', fontColor: null, ranges: [] };
    const ours = state.conditionalFormats[0];
    expect(diffTab(spec, { ...state, conditionalFormats: [theirs, ours, theirs] }).conditionalFormats).toBeNull();
    const stale = { ...ours, background: '#eeeeee' };
    expect(diffTab(spec, { ...state, conditionalFormats: [theirs, stale, theirs] }).conditionalFormats).toEqual({ keep: [0, 2], add: spec.conditionalFormats?.rules });
    expect(() => diffTab({ ...spec, conditionalFormats: { marker: 'NOPE', rules: spec.conditionalFormats?.rules ?? [] } }, state)).toThrow(/lacks its marker/);
  });

  it('protections: editors added and removed; warning-only and domain edit turned off; stale ones of the add-on removed', () => {
    const spec = sampleSpec();
    const state = stateOf(spec);
    const sheet = { ...state.protections[0], editors: [OFFICE, 'old.head@example.com'], domainEdit: true };
    const stale = { block: { row: 5, col: 1, numRows: 1, numCols: 3 }, description: `${OWN_PROTECTION_PREFIX}ngày nộp`, editors: [OFFICE], warningOnly: false, domainEdit: false, unprotected: [] };
    const officesOwn = { block: { row: 6, col: 1, numRows: 1, numCols: 3 }, description: 'by hand', editors: [], warningOnly: false, domainEdit: false, unprotected: [] };
    expect(diffTab(spec, { ...state, protections: [sheet, stale, officesOwn] }).protections).toEqual([
      { kind: 'update', index: 0, addEditors: [HEAD], removeEditors: ['old.head@example.com'], warningOnlyOff: false, domainEditOff: true },
      { kind: 'remove', index: 1 },
    ]);
    // A sheet protection someone else described is taken over (Sheets has one per tab).
    expect(diffTab(spec, { ...state, protections: [{ ...sheet, description: 'by hand' }] }).protections).toEqual([{ kind: 'takeOver', index: 0, protection: spec.protections[0] }]);
  });

  it('a tab owned whole: what lies beyond the spec is cleared, only when something is there', () => {
    const spec = { ...sampleSpec(), ownsWholeTab: true, protections: [], conditionalFormats: null };
    const state = stateOf(spec);
    expect(diffTab(spec, state).clearTail).toEqual([]);
    const longer = { ...state, values: [...state.values, ['', 'old total', ''], ['', '', '']] };
    expect(diffTab(spec, longer).clearTail).toEqual([{ row: 5, col: 1, numRows: 2, numCols: 3 }]);
    const coloured = (state.formats.background as unknown[][]).map((row) => [...row, '#ffffff']);
    coloured[1][3] = '#c6efce';
    expect(diffTab(spec, { ...state, formats: { ...state.formats, background: coloured } }).clearTail).toEqual([{ row: 1, col: 4, numRows: 4, numCols: 1 }]);
  });

  it('row inserts come first, and what was read moves down with them', () => {
    const spec = sampleSpec();
    const read = stateOf(spec);
    // The tab had no row 3 yet: the spec inserts it, so the old row 3 is now row 4.
    const before: TabState = {
      ...read,
      values: [read.values[0], read.values[1], read.values[3]],
      validations: read.validations && [read.validations[0], read.validations[1], read.validations[3]],
      formats: Object.fromEntries(Object.entries(read.formats).map(([k, g]) => [k, [g[0], g[1], g[3]]])),
    };
    const ops = diffTab({ ...spec, structure: [{ insertRowsBefore: 3, count: 1 }] }, before);
    expect(ops.insertRows).toEqual([{ insertRowsBefore: 3, count: 1 }]);
    expect(ops.values).toEqual([{ row: 3, col: 1, values: [["'HS_KNS"]] }, { row: 3, col: 3, values: [[false]] }]);
    expect(ops.validations).toEqual(spec.validations);
  });
});
