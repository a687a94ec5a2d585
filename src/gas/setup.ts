/** Khởi tạo / cập nhật bảng tính, and applying a preset. Never deletes or overwrites typed data. */
import { a1Range } from '../core/shared/a1';
import type { Finding } from '../core/shared/findings';
import { getPreset, presetIdSchema, type PresetId } from '../core/config/presets';
import { readRegistryGrid } from '../core/config/registry';
import { readSettingsGrid } from '../core/config/settingsGrid';
import { OWN_TABS, TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { isPlausibleEmail } from '../core/shared/text';
import { STATUS_CODES, WIDTH, type VillageTabMap } from '../core/workbook/villageTabLayout';
import { withDocumentLock } from './lock';
import { appendLog, ensureLogSheet, type LogEntry } from './log';
import { asOffice, menuCommand, officeEditors } from './office';
import { protectOwnTab, protectRanges, protectSheet, stampProtectionWhat } from './protections';
import { appendRegistryRows, appliedIndicators, readConfig, repairSettingsSheet, writeRegistrySheet, writeSettingsSheet } from './settingsSheet';
import { ensureEditTrigger, type EditTriggerOutcome } from './triggers';
import { ensureVillageSheet } from './villageSheet';
import { readGrid } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What setup did; plain data so it can cross google.script.run. */
export interface SetupReport {
  unitName: string;
  villages: number;
  created: string[];
  repaired: string[];
  unrecognised: string[];
  findings: Finding[];
  trigger: EditTriggerOutcome;
}

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function setupWorkbookIn(ss: Spreadsheet): SetupReport {
  ss.setSpreadsheetTimeZone(TIME_ZONE);
  // Vietnamese locale: `1.234` typed in a cell is 1234 and numbers show as 1.234 and 85,5%.
  ss.setSpreadsheetLocale('vi_VN');
  const created: string[] = [];
  const repaired: string[] = [];
  const defaults = getPreset('mac-dinh');

  const settingsSheet = ss.getSheetByName(TAB_SETTINGS);
  if (!settingsSheet) {
    writeSettingsSheet(ss, defaults.settings, defaults.indicators);
    created.push(TAB_SETTINGS);
  } else {
    const added = repairSettingsSheet(settingsSheet, defaults);
    if (added.length > 0) repaired.push(`${TAB_SETTINGS} (thêm: ${added.join(', ')})`);
  }
  let config = readConfig(ss);
  if (!config) throw new Error('Không đọc được tab Cấu hình.');
  if (!ss.getSheetByName(TAB_REGISTRY)) {
    writeRegistrySheet(ss, [], config.settings.villageWord);
    created.push(TAB_REGISTRY);
    config = readConfig(ss) ?? config;
  }
  const { settings } = config;
  const indicators = appliedIndicators(config);
  const office = officeEditors(ss, settings.officeEmail);
  const unrecognised: string[] = [];
  const findings = [...config.findings];

  for (const village of config.villages) {
    const result = ensureVillageSheet(ss, village.name, settings.year, indicators);
    if (result.outcome === 'created') created.push(village.name);
    if (result.outcome === 'repaired') repaired.push(`${village.name} (thêm: ${result.added.join(', ')})`);
    if (result.outcome === 'unrecognised') {
      unrecognised.push(village.name);
      findings.push({ level: 'warning', sheet: village.name, cell: '', message: `Tab "${village.name}" đã có dữ liệu nhưng không có dòng tiêu đề "Mã | Chỉ tiêu | Tháng 1…"; không sửa gì trong tab này.` });
      continue;
    }
    for (const m of result.missingMonths) {
      findings.push({ level: 'warning', sheet: village.name, cell: '', message: `${village.name}: thiếu cột "Tháng ${m}"; hãy thêm lại cột này vào dòng tiêu đề.` });
    }
    if (result.map) protectVillageSheet(result.sheet, result.map, village.email, office);
  }
  ensureLogSheet(ss);
  removeBlankDefaultSheet(ss);
  for (const name of OWN_TABS) {
    const sheet = ss.getSheetByName(name);
    if (sheet) protectOwnTab(sheet, name, office);
  }
  const trigger = ensureEditTrigger(ss);
  const report: SetupReport = { unitName: settings.unitName, villages: config.villages.length, created, repaired, unrecognised, findings, trigger };
  appendLog(ss, [setupLogEntry(report)]);
  return report;
}

/** A new spreadsheet's untouched "Sheet1" would sit among the tabs; only a blank one is removed. */
function removeBlankDefaultSheet(ss: Spreadsheet): void {
  for (const sheet of ss.getSheets()) {
    if (/^(Sheet|Trang tính)\s*1$/i.test(sheet.getName()) && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) ss.deleteSheet(sheet);
  }
}

/** The head edits their own tab; structure and the NGAY_NOP stamp are the office's alone. */
function protectVillageSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, map: VillageTabMap, headEmail: string, office: readonly string[]): void {
  const withHead = isPlausibleEmail(headEmail) ? [...office, headEmail] : [...office];
  const name = sheet.getName();
  protectSheet(sheet, `tab ${name}: chỉ trưởng ${name} và phòng VH-XH sửa`, withHead);
  const lastCol = Math.max(WIDTH, ...map.monthCols.map((c) => c + 1));
  const lastRow = Math.max(...map.rows.values()) + 1;
  const stampRow = map.rows.get(STATUS_CODES.submittedAt);
  const ranges = [
    { a1: a1Range(1, 1, map.headerRow + 1, lastCol), what: `tiêu đề tab ${name}` },
    { a1: a1Range(map.headerRow + 2, map.codeCol + 1, lastRow - map.headerRow - 1, 3), what: `cột mã, chỉ tiêu tab ${name}` },
    ...(stampRow === undefined ? [] : [{ a1: a1Range(stampRow + 1, 1, 1, lastCol), what: stampProtectionWhat(name) }]),
  ];
  protectRanges(sheet, ranges, office);
}

const TRIGGER_STATE_WORDS: Record<EditTriggerOutcome['state'], string> = { installed: 'vừa cài', present: 'đang chạy', 'owned-by-other': 'do tài khoản khác giữ' };

function setupLogEntry(report: SetupReport): LogEntry {
  const parts = [`${report.villages} địa bàn`];
  if (report.created.length) parts.push(`tạo mới: ${report.created.join(', ')}`);
  if (report.repaired.length) parts.push(`bổ sung: ${report.repaired.join('; ')}`);
  if (report.unrecognised.length) parts.push(`không nhận ra mẫu: ${report.unrecognised.join(', ')}`);
  parts.push(`xử lý "Đã nộp": ${TRIGGER_STATE_WORDS[report.trigger.state]} (${report.trigger.owner})`);
  return { action: 'Khởi tạo / cập nhật bảng tính', detail: parts.join('; ') };
}

/** SPEC §7: writes the preset's settings (the previous values go to the log) and, when the registry
 * is still empty, its sample villages; then runs setup. */
export function applyPresetIn(ss: Spreadsheet, id: PresetId): SetupReport {
  const preset = getPreset(id);
  const previous = ss.getSheetByName(TAB_SETTINGS);
  const log: LogEntry[] = [];
  if (previous) {
    const before = readSettingsGrid(readGrid(previous)).settings;
    log.push({ action: 'Áp dụng mẫu cấu hình', detail: `Mẫu "${preset.title}". Cấu hình cũ: ${JSON.stringify(before)}` });
  } else {
    log.push({ action: 'Áp dụng mẫu cấu hình', detail: `Mẫu "${preset.title}".` });
  }
  writeSettingsSheet(ss, preset.settings, preset.indicators);
  const registry = ss.getSheetByName(TAB_REGISTRY);
  if (!registry) writeRegistrySheet(ss, preset.villages, preset.settings.villageWord);
  else if (readRegistryGrid(readGrid(registry)).villages.length === 0) appendRegistryRows(registry, preset.villages);
  ensureLogSheet(ss);
  appendLog(ss, log);
  return setupWorkbookIn(ss);
}

export function applyPreset(id: unknown): SetupReport {
  const parsed = presetIdSchema.safeParse(id);
  if (!parsed.success) throw new Error(`Mẫu cấu hình "${String(id)}" không có. Chọn một trong: an-hai, bach-ngoc, mac-dinh.`);
  return asOffice((ss) => withDocumentLock(() => applyPresetIn(ss, parsed.data)));
}

const SETUP_TITLE = 'Khởi tạo / cập nhật bảng tính';

export function setupWorkbook(): SetupReport | null {
  return menuCommand(SETUP_TITLE, (ss) => {
    ss.toast('Đang khởi tạo / cập nhật bảng tính…', 'Tổ CNSCĐ', 5);
    const report = withDocumentLock(() => setupWorkbookIn(ss));
    SpreadsheetApp.getUi().alert(SETUP_TITLE, setupSummary(report), SpreadsheetApp.getUi().ButtonSet.OK);
    return report;
  });
}

export function setupSummary(report: SetupReport): string {
  const lines = [`${report.unitName}: ${report.villages} địa bàn trong "Danh sách".`];
  lines.push(report.created.length ? `Đã tạo: ${report.created.join(', ')}.` : 'Không phải tạo tab mới.');
  if (report.repaired.length) lines.push(`Đã bổ sung: ${report.repaired.join('; ')}.`);
  if (report.villages === 0) lines.push('Hãy điền danh sách địa bàn vào tab "Danh sách" rồi chạy lại mục này.');
  if (report.trigger.state === 'owned-by-other') {
    lines.push(`Trình xử lý "Đã nộp" đang chạy dưới tài khoản ${report.trigger.owner}; tài khoản đó cần giữ quyền sửa bảng tính.`);
  } else {
    lines.push(`Trình xử lý "Đã nộp" chạy dưới tài khoản ${report.trigger.owner}.`);
  }
  const shown = report.findings.slice(0, 10).map((f) => `• ${f.cell ? `${f.sheet}!${f.cell}: ` : ''}${f.message}`);
  if (shown.length) lines.push('', 'Cần xem lại:', ...shown);
  if (report.findings.length > 10) lines.push(`… và ${report.findings.length - 10} mục khác.`);
  return lines.join('\n');
}

