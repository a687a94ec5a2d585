/**
 * `Danh sách`: one row per village, parsed by a hidden row of column codes. A hidden column holds
 * each village's tab id, so the village keeps its tab whatever either is renamed to (docs/tabs.md).
 */
import { a1 } from '../shared/a1';
import { DENOMINATORS, type DenominatorCode } from './catalogue';
import { readCount } from '../shared/cellValues';
import type { Finding } from '../shared/findings';
import { labelKey, type Grid } from '../shared/grid';
import { VILLAGE_WORDS } from './settings';
import { headTitle } from './vocabulary';
import { isOwnTab, TAB_REGISTRY } from '../workbook/tabNames';
import { asCellText, isPlausibleEmail, normalizeName, revealInvisible, tidyText } from '../shared/text';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export interface Village {
  name: string;
  head: string;
  email: string;
  phone: string;
  teamLeader: string;
  denominators: Partial<Record<DenominatorCode, number>>;
  /** 1-based row in `Danh sách`, for messages. */
  row: number;
  /**
   * The sheetId of the village's tab, as setup recorded it in the hidden `MA_TAB` column; absent
   * until setup has, or when two rows hold the same id (a copied row: the names decide then).
   */
  tabId?: number;
}

/** The hidden column of tab ids: written by setup only. */
export const TAB_ID_CODE = 'MA_TAB';

export type RegistryCode = 'TEN_DIA_BAN' | 'TRUONG_THON' | 'EMAIL' | 'DIEN_THOAI' | 'TO_TRUONG' | DenominatorCode | typeof TAB_ID_CODE;

export interface RegistryColumn {
  code: RegistryCode;
  label: (villageWord: string) => string;
}


export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  { code: 'TEN_DIA_BAN', label: (w) => `Tên ${w.toLocaleLowerCase('vi')} (trùng tên tab)` },
  { code: 'TRUONG_THON', label: headTitle },
  { code: 'EMAIL', label: () => 'Email' },
  { code: 'DIEN_THOAI', label: () => 'Điện thoại' },
  { code: 'TO_TRUONG', label: () => 'Tổ trưởng Tổ CNSCĐ' },
  ...DENOMINATORS.map((d) => ({ code: d.code, label: () => d.label })),
  // Last, so adding it moved no column of a registry made before it.
  { code: TAB_ID_CODE, label: () => 'Mã tab (tiện ích tự ghi)' },
];

export interface RegistryReading {
  villages: Village[];
  findings: Finding[];
}

/** Each column's visible label under every village word setup may have written, and its code, by labelKey. */
const CODE_BY_LABEL = new Map<string, RegistryCode>();
for (const rc of REGISTRY_COLUMNS) {
  for (const key of [...VILLAGE_WORDS.map((w) => labelKey(rc.label(w))), labelKey(rc.code)]) if (!CODE_BY_LABEL.has(key)) CODE_BY_LABEL.set(key, rc.code);
}

/** Finds the code row (hidden by setup); falls back to the visible labels if someone deleted it. */
function locateColumns(grid: Grid): { headerRow: number; columns: Map<RegistryCode, number> } | null {
  for (let r = 0; r < grid.length; r++) {
    const columns = new Map<RegistryCode, number>();
    grid[r].forEach((cell, c) => {
      const code = String(cell ?? '').trim().toUpperCase() as RegistryCode;
      if (REGISTRY_COLUMNS.some((col) => col.code === code) && !columns.has(code)) columns.set(code, c);
    });
    if (columns.has('TEN_DIA_BAN')) return { headerRow: r + 1 < grid.length && grid[r + 1].some((cell) => labelKey(cell).startsWith('tên ')) ? r + 1 : r, columns };
  }
  for (let r = 0; r < grid.length; r++) {
    const columns = new Map<RegistryCode, number>();
    grid[r].forEach((cell, c) => {
      const code = CODE_BY_LABEL.get(labelKey(cell));
      if (code && !columns.has(code)) columns.set(code, c);
    });
    if (columns.has('TEN_DIA_BAN')) return { headerRow: r, columns };
  }
  return null;
}

export function readRegistryGrid(grid: Grid): RegistryReading {
  const findings: Finding[] = [];
  const located = locateColumns(grid);
  if (!located) {
    return { villages: [], findings: [{ level: 'error', sheet: TAB_REGISTRY, cell: '', message: `Không tìm thấy cột tên thôn/tổ dân phố trong tab "Danh sách". Chạy "${SETUP_CAPTION}".` }] };
  }
  const { headerRow, columns } = located;
  const villages: Village[] = [];
  /** The 1-based row of each name taken, by its normalised form. */
  const rowOfName = new Map<string, number>();
  const cellOf = (r: number, code: RegistryCode) => (columns.has(code) ? grid[r][columns.get(code) as number] : '');
  for (let r = headerRow + 1; r < grid.length; r++) {
    const name = tidyText(cellOf(r, 'TEN_DIA_BAN'));
    if (name === '') continue;
    const key = normalizeName(name);
    // Names are quoted with their invisible characters written out: two names that look the same may differ only by one.
    const shown = revealInvisible(name);
    const refusal = rowOfName.has(key)
      ? `"${shown}" trùng tên với dòng ${rowOfName.get(key)}; bỏ qua dòng này.`
      : isOwnTab(name)
        ? `"${shown}" trùng tên một tab của tiện ích; hãy đặt tên khác.`
        : name.length > 100
          ? `tên "${name.slice(0, 30)}…" dài quá 100 ký tự, không đặt được tên tab.`
          : null;
    if (refusal) {
      findings.push(issue('error', r, columns.get('TEN_DIA_BAN') as number, `Dòng ${r + 1}: ${refusal}`));
      continue;
    }
    rowOfName.set(key, r + 1);
    const email = tidyText(cellOf(r, 'EMAIL'));
    if (email !== '' && !isPlausibleEmail(email)) {
      findings.push(issue('warning', r, columns.get('EMAIL') as number, `${name}: email "${email}" không hợp lệ; sẽ không gửi nhắc và không cấp quyền sửa tab.`));
    }
    const denominators: Partial<Record<DenominatorCode, number>> = {};
    for (const d of DENOMINATORS) {
      if (!columns.has(d.code)) continue;
      const reading = readCount(cellOf(r, d.code));
      if (reading.kind === 'count') denominators[d.code] = reading.value;
      else if (reading.kind === 'invalid') {
        findings.push(issue('warning', r, columns.get(d.code) as number, `${name}: ${d.label} "${reading.shown}" không phải số nguyên không âm; coi như chưa có.`));
      }
    }
    villages.push({
      name,
      head: tidyText(cellOf(r, 'TRUONG_THON')),
      email,
      phone: tidyText(cellOf(r, 'DIEN_THOAI')),
      teamLeader: tidyText(cellOf(r, 'TO_TRUONG')),
      denominators,
      row: r + 1,
      ...tabIdOf(cellOf(r, TAB_ID_CODE)),
    });
  }
  return { villages: withoutSharedTabIds(villages), findings };
}

function tabIdOf(cell: unknown): Pick<Village, 'tabId'> {
  const reading = cell === '' ? null : readCount(cell);
  return reading?.kind === 'count' ? { tabId: reading.value } : {};
}

/**
 * A row copied with its hidden cell carries another village's id: no row sharing an id keeps it,
 * so neither takes the other's tab by id; names decide, and setup records the right ids again.
 */
function withoutSharedTabIds(villages: Village[]): Village[] {
  const count = new Map<number, number>();
  for (const v of villages) if (v.tabId !== undefined) count.set(v.tabId, (count.get(v.tabId) ?? 0) + 1);
  return villages.map((v) => (v.tabId === undefined || count.get(v.tabId) === 1 ? v : { ...v, tabId: undefined }));
}

function issue(level: Finding['level'], r: number, c: number, message: string): Finding {
  return { level, sheet: TAB_REGISTRY, cell: a1(r + 1, c + 1), message };
}

export function findVillage(villages: readonly Village[], tabName: string): Village | undefined {
  const key = normalizeName(tabName);
  return villages.find((v) => normalizeName(v.name) === key);
}

/** A tab as the edit trigger knows it: its id, and its name as it is now. */
export interface TabIdentity {
  sheetId: number;
  name: string;
}

/**
 * Whose tab this is: the village that recorded its id; else, among villages with no id recorded
 * yet (setup has not run since they were added), the one of its name. A tab renamed by hand stays
 * its village's, and a tab renamed to another village's name does not become that village's.
 */
export function villageOfTab<V extends Pick<Village, 'name' | 'tabId'>>(villages: readonly V[], tab: TabIdentity): V | undefined {
  const key = normalizeName(tab.name);
  return villages.find((v) => v.tabId === tab.sheetId) ?? villages.find((v) => v.tabId === undefined && normalizeName(v.name) === key);
}

export const REGISTRY_TITLE = 'DANH SÁCH ĐỊA BÀN, TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG VÀ MẪU SỐ';

export interface RegistryLayout {
  rows: unknown[][];
  codeRow: number; // 1-based; hidden by setup
  headerRow: number;
  firstDataRow: number;
  width: number;
  /** 1-based column of the hidden tab ids: the last. */
  tabIdColumn: number;
}

const LAYOUT_ROWS = { codeRow: 3, headerRow: 4, firstDataRow: 5 } as const;

/** Rows setup writes into a fresh `Danh sách`: the empty table (the office types its villages in). */
export function registryLayout(villageWord: string): RegistryLayout {
  const width = REGISTRY_COLUMNS.length;
  const pad = (cells: unknown[]) => [...cells, ...Array(width - cells.length).fill('')];
  const word = villageWord.toLocaleLowerCase('vi');
  const rows: unknown[][] = [
    pad([REGISTRY_TITLE]),
    pad([`Mỗi dòng một ${word}; tên ở cột đầu là tên tab của ${word} đó (đổi tên ở đây rồi chạy "${SETUP_CAPTION}": tab được đổi tên theo, giữ nguyên số liệu). Các cột mẫu số dùng để tính tỷ lệ.`]),
    REGISTRY_COLUMNS.map((c) => c.code),
    REGISTRY_COLUMNS.map((c) => c.label(villageWord)),
  ];
  return { rows, ...LAYOUT_ROWS, width, tabIdColumn: width };
}

/**
 * Where the hidden tab ids go in a `Danh sách` setup laid out (1-based): the `MA_TAB` column of the
 * code row, or, in a registry made before that column existed, the first column from the layout's
 * last on that is blank all the way down (the office may have added columns of its own). Null when
 * the code row is not where setup put it: then no id is kept and tabs are found by name.
 */
export function tabIdColumn(grid: Grid): number | null {
  const codes = grid[LAYOUT_ROWS.codeRow - 1]?.map((cell) => String(cell ?? '').trim().toUpperCase());
  if (!codes?.includes('TEN_DIA_BAN')) return null;
  const present = codes.indexOf(TAB_ID_CODE);
  if (present >= 0) return present + 1;
  let column = REGISTRY_COLUMNS.length;
  while (grid.some((row) => (row[column - 1] ?? '') !== '')) column++;
  return column;
}

/** A village as a row of the table (tests and the demo fill `Danh sách` with it). People's text goes in as text (see asCellText). */
export function registryRow(v: Omit<Village, 'row'>): unknown[] {
  return REGISTRY_COLUMNS.map((c) => {
    switch (c.code) {
      case 'TEN_DIA_BAN': return asCellText(v.name);
      case 'TRUONG_THON': return asCellText(v.head);
      case 'EMAIL': return asCellText(v.email);
      case 'DIEN_THOAI': return asCellText(v.phone);
      case 'TO_TRUONG': return asCellText(v.teamLeader);
      case TAB_ID_CODE: return v.tabId ?? '';
      default: return v.denominators[c.code] ?? '';
    }
  });
}
