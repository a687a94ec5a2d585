/** `Danh sách`: one row per village, parsed by a hidden row of column codes. */
import { a1 } from '../shared/a1';
import { DENOMINATORS, type DenominatorCode } from './catalogue';
import { readCount } from '../shared/cellValues';
import type { Finding } from '../shared/findings';
import { labelKey, type Grid } from '../shared/grid';
import { VILLAGE_WORDS } from './settings';
import { OWN_TABS, TAB_REGISTRY } from '../workbook/tabNames';
import { asCellText, isPlausibleEmail, normalizeName, tidyText } from '../shared/text';
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
}

export type RegistryCode = 'TEN_DIA_BAN' | 'TRUONG_THON' | 'EMAIL' | 'DIEN_THOAI' | 'TO_TRUONG' | DenominatorCode;

export interface RegistryColumn {
  code: RegistryCode;
  label: (villageWord: string) => string;
}

/** How a village head is addressed: "Trưởng thôn", "Trưởng bản", but "Tổ trưởng tổ dân phố". */
export function headTitle(villageWord: string): string {
  const word = villageWord.toLocaleLowerCase('vi');
  return word === 'tổ dân phố' ? `Tổ trưởng ${word}` : `Trưởng ${word}`;
}

export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  { code: 'TEN_DIA_BAN', label: (w) => `Tên ${w.toLocaleLowerCase('vi')} (trùng tên tab)` },
  { code: 'TRUONG_THON', label: headTitle },
  { code: 'EMAIL', label: () => 'Email' },
  { code: 'DIEN_THOAI', label: () => 'Điện thoại' },
  { code: 'TO_TRUONG', label: () => 'Tổ trưởng Tổ CNSCĐ' },
  ...DENOMINATORS.map((d) => ({ code: d.code, label: () => d.label })),
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
  const seen = new Set<string>();
  const cellOf = (r: number, code: RegistryCode) => (columns.has(code) ? grid[r][columns.get(code) as number] : '');
  for (let r = headerRow + 1; r < grid.length; r++) {
    const name = tidyText(cellOf(r, 'TEN_DIA_BAN'));
    if (name === '') continue;
    const key = normalizeName(name);
    const refusal = seen.has(key)
      ? `"${name}" trùng tên với một dòng phía trên; bỏ qua dòng này.`
      : OWN_TABS.some((t) => normalizeName(t) === key)
        ? `"${name}" trùng tên một tab của tiện ích; hãy đặt tên khác.`
        : name.length > 100
          ? `tên "${name.slice(0, 30)}…" dài quá 100 ký tự, không đặt được tên tab.`
          : null;
    if (refusal) {
      findings.push(issue('error', r, columns.get('TEN_DIA_BAN') as number, `Dòng ${r + 1}: ${refusal}`));
      continue;
    }
    seen.add(key);
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
    });
  }
  return { villages, findings };
}

function issue(level: Finding['level'], r: number, c: number, message: string): Finding {
  return { level, sheet: TAB_REGISTRY, cell: a1(r + 1, c + 1), message };
}

export function findVillage(villages: readonly Village[], tabName: string): Village | undefined {
  const key = normalizeName(tabName);
  return villages.find((v) => normalizeName(v.name) === key);
}

export const REGISTRY_TITLE = 'DANH SÁCH ĐỊA BÀN, TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG VÀ MẪU SỐ';

export interface RegistryLayout {
  rows: unknown[][];
  codeRow: number; // 1-based; hidden by setup
  headerRow: number;
  firstDataRow: number;
  width: number;
}

/** Rows setup writes into a fresh `Danh sách`: the empty table (the office types its villages in). */
export function registryLayout(villageWord: string): RegistryLayout {
  const width = REGISTRY_COLUMNS.length;
  const pad = (cells: unknown[]) => [...cells, ...Array(width - cells.length).fill('')];
  const rows: unknown[][] = [
    pad([REGISTRY_TITLE]),
    pad([`Mỗi dòng một ${villageWord.toLocaleLowerCase('vi')}; tên ở cột đầu phải trùng tên tab của ${villageWord.toLocaleLowerCase('vi')} đó. Các cột mẫu số dùng để tính tỷ lệ.`]),
    REGISTRY_COLUMNS.map((c) => c.code),
    REGISTRY_COLUMNS.map((c) => c.label(villageWord)),
  ];
  return { rows, codeRow: 3, headerRow: 4, firstDataRow: 5, width };
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
      default: return v.denominators[c.code] ?? '';
    }
  });
}
