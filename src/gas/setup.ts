/**
 * Khởi tạo / cập nhật bảng tính, and applying a preset: read → plan (core/workbook) → apply
 * (tabWriter), one tab at a time within a time budget; a long setup carries on in a follow-up
 * execution (docs/limits.md). Never deletes or overwrites typed data. Tabs are found as every
 * command finds them (tabFinder: by the id `Danh sách` records, else by normalised name) and given
 * back their exact name, so a renamed tab keeps its data instead of getting an empty twin.
 */
import { EXPECTED_LOCALE } from '../core/automation/selfCheck';
import { getPreset, presetIdSchema, type PresetId } from '../core/config/presets';
import { readRegistryGrid, tabIdColumn, type Village } from '../core/config/registry';
import { readSettingsGrid } from '../core/config/settingsGrid';
import { describeSettingsTab } from '../core/config/settingsForm';
import { tabYearFinding } from '../core/assessment/reportYear';
import { parseVillageTab } from '../core/entry/monthReports';
import type { Finding } from '../core/shared/findings';
import type { Grid } from '../core/shared/grid';
import { TIME_ZONE } from '../core/shared/calendar';
import { planLogTab } from '../core/workbook/logTabSpec';
import { ownTabProtection } from '../core/workbook/ownProtection';
import { planRegistryTab, planRegistryTabIds } from '../core/workbook/registryTabSpec';
import { planSettingsTab } from '../core/workbook/settingsTabSpec';
import {
  nameTakenFinding,
  recordOrphans,
  recordRename,
  recordStep,
  renamedByHandFinding,
  resumedProgress,
  setupLogDetail,
  setupSteps,
  setupSummary,
  stepTab,
  titleNamesVillage,
  withinBudget,
  type SetupProgress,
  type SetupReport,
  type SetupStep,
  type StepOutcome,
} from '../core/workbook/setupPlan';
import { emptyTabSpec } from '../core/workbook/tabSpec';
import { OWN_TABS, TAB_LOG, TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { planVillageTab } from '../core/workbook/villageTabSpec';
import { withDocumentLock } from './lock';
import { invalidateConfigCache } from './configCache';
import { appendLog, type LogEntry } from './log';
import { asOffice, menuCommand, officeEditors } from './office';
import { appliedIndicators } from '../core/config/settings';
import { configOf, readConfig, recordAppliedPreset, type WorkbookConfig } from './settingsSheet';
import { clearProgress, loadProgress, retireContinuation, saveProgress, scheduleContinuation } from './setupProgress';
import { applyTabSpec } from './tabWriter';
import { ensureEditTrigger } from './triggers';
import { orphanTabs, readGrid, tabFinder, type TabFinder } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What one step did, for the progress and the findings (none unless given). */
interface StepResult {
  outcome: StepOutcome;
  added?: string[];
  findings?: Finding[];
  /** The tab's name before setup gave it the one `Danh sách` says. */
  renamedFrom?: string;
  orphans?: string[];
}

/** A step that only brings an existing tab up to its spec. */
const updatedIf = (applied: { writes: number }): StepOutcome => (applied.writes > 0 ? 'updated' : 'unchanged');

export function setupWorkbookIn(ss: Spreadsheet, startedAt = Date.now()): SetupReport {
  // Vietnamese locale: `1.234` typed in a cell is 1234 and numbers show as 1.234 and 85,5%.
  if (ss.getSpreadsheetTimeZone() !== TIME_ZONE) ss.setSpreadsheetTimeZone(TIME_ZONE);
  if (ss.getSpreadsheetLocale() !== EXPECTED_LOCALE) ss.setSpreadsheetLocale(EXPECTED_LOCALE);
  // The edit trigger's copy of the configuration is read again after any setup.
  invalidateConfigCache();
  // Every command finds the own tabs by their exact names: a retyped one is given its name back first.
  const ownTab = tabFinder(ss);
  const ownRenamed = restoreOwnTabNames(ownTab);
  const settingsSheet = ownTab(TAB_SETTINGS)?.sheet ?? null;
  const registrySheet = ownTab(TAB_REGISTRY)?.sheet ?? null;
  const settingsGrid = settingsSheet ? readGrid(settingsSheet) : null;
  const registryGrid = registrySheet ? readGrid(registrySheet) : null;
  const config = configOf(settingsGrid, registryGrid);
  const office = officeEditors(ss, (config?.settings ?? getPreset('mac-dinh').settings).officeEmail);
  const read: SetupReading = { settingsGrid, registrySheet, registryGrid, config, office, findTab: tabFinder(ss, config?.villages) };
  const steps = setupSteps(config?.villages.map((v) => v.name) ?? []);
  const progress = resumedProgress(loadProgress(), steps);
  ownRenamed.forEach(([from, to]) => recordRename(progress, from, to));
  const findings: Finding[] = [];
  while (progress.next < steps.length) {
    if (progress.next > 1 && !withinBudget(Date.now() - startedAt)) break;
    const step = steps[progress.next];
    const result = runStep(ss, step, read);
    // A tab just created or given new rows says something new: read again what the next steps plan from.
    if (step.kind !== 'village' && (result.outcome === 'created' || result.outcome === 'repaired')) {
      read.config = readConfig(ss);
      read.findTab = tabFinder(ss, read.config?.villages);
    }
    recordStep(progress, stepTab(step), result.outcome, result.added ?? []);
    if (result.renamedFrom !== undefined) recordRename(progress, result.renamedFrom, stepTab(step));
    if (result.orphans) recordOrphans(progress, result.orphans);
    findings.push(...(result.findings ?? []));
  }
  const finished = progress.next >= steps.length;
  const current = read.config ?? readConfig(ss);
  if (!current) throw new Error('Không đọc được tab Cấu hình.');
  const report = reportOf(current, progress, findings);
  if (finished) {
    removeBlankDefaultSheet(ss);
    report.trigger = ensureEditTrigger(ss);
    if (report.trigger.state === 'installed') progress.changed = true;
    clearProgress();
  } else {
    saveProgress(progress);
    const problem = scheduleContinuation();
    report.continuing = problem === null;
    report.continuationProblem = problem;
  }
  // Nhật ký records changes, and reports nobody would count: a rerun that finds everything in place writes nothing, however long it takes.
  if (progress.changed || report.orphans.length > 0) appendLog(ss, [{ action: SETUP_CAPTION, detail: setupLogDetail(report) }]);
  return report;
}

/** The own tabs found under another spelling (normalizeName), renamed back: [from, to] for each. */
function restoreOwnTabNames(ownTab: TabFinder): [string, string][] {
  return OWN_TABS.flatMap((name): [string, string][] => {
    const sheet = ownTab(name)?.sheet;
    const current = sheet?.getName();
    if (!sheet || current === undefined || current === name) return [];
    sheet.setName(name);
    return [[current, name]];
  });
}

function reportOf(config: WorkbookConfig, progress: SetupProgress, findings: Finding[]): SetupReport {
  const { next: done, total, created, createdCount, repaired, repairedCount, unrecognised, renamed, renamedCount, orphans } = progress;
  return {
    unitName: config.settings.unitName,
    villages: config.villages.length,
    done,
    total,
    continuing: false,
    continuationProblem: null,
    created,
    createdCount,
    repaired,
    repairedCount,
    unrecognised,
    renamed,
    renamedCount,
    orphans,
    findings: [...config.findings, ...findings],
    trigger: null,
  };
}

/** What setup read once at its start and hands to every step. */
interface SetupReading {
  settingsGrid: Grid | null;
  registrySheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  registryGrid: Grid | null;
  config: WorkbookConfig | null;
  office: string[];
  /** The villages' tabs, by the ids `Danh sách` records, else by name. */
  findTab: TabFinder;
  /** Every tab by its name as Sheets compares names (ignoring case); read when first needed, kept current by setup. */
  takenNames?: TakenNames;
}

type TakenNames = Map<string, { id: number; name: string }>;

function takenNames(ss: Spreadsheet): TakenNames {
  return new Map(ss.getSheets().map((s) => {
    const name = s.getName();
    return [name.toLowerCase(), { id: s.getSheetId(), name }];
  }));
}

function runStep(ss: Spreadsheet, step: SetupStep, read: SetupReading): StepResult {
  const { config, office } = read;
  const defaults = getPreset('mac-dinh');
  switch (step.kind) {
    case 'settings': {
      const plan = planSettingsTab({ grid: read.settingsGrid, mode: 'keep', settings: defaults.settings, indicators: defaults.indicators, office });
      const applied = applyTabSpec(ss, plan.spec, { values: read.settingsGrid ?? undefined });
      return { outcome: plan.created ? 'created' : plan.added.length ? 'repaired' : updatedIf(applied), added: plan.added };
    }
    case 'registry': {
      const { registryGrid: grid, registrySheet: sheet } = read;
      const plan = planRegistryTab({ grid, villageWord: (config?.settings ?? defaults.settings).villageWord, office });
      const applied = applyTabSpec(ss, plan.spec, { values: grid ?? undefined, sheet: sheet ?? undefined });
      const hid = plan.tabIdColumn !== null && hideColumn(applied.sheet, plan.tabIdColumn);
      return { outcome: plan.created ? 'created' : hid ? 'updated' : updatedIf(applied) };
    }
    case 'village': {
      const village = config?.villages.find((v) => v.name === step.name);
      if (!config || !village) return { outcome: 'absent' };
      const sheet = read.findTab(village.name)?.sheet ?? null;
      const grid = sheet ? readGrid(sheet) : null;
      const naming = nameVillageTab(village, sheet, grid, config.settings.year, () => (read.takenNames ??= takenNames(ss)));
      if (naming.blocked) return { outcome: 'absent', findings: [naming.blocked] };
      const log = sheet ? null : ss.getSheetByName(TAB_LOG);
      // Village tabs go before `Nhật ký`, which stays last.
      const position = log ? log.getIndex() - 1 : ss.getNumSheets();
      const plan = planVillageTab({ name: step.name, year: config.settings.year, indicators: appliedIndicators(config), grid, position, office, headEmail: village.email, words: config.settings });
      const named = { renamedFrom: naming.renamedFrom, findings: [...naming.findings, ...plan.findings] };
      if (plan.outcome === 'unrecognised') return { ...plan, ...named };
      const applied = applyTabSpec(ss, plan.spec, { values: grid ?? undefined, sheet: sheet ?? undefined });
      if (applied.created) read.takenNames?.set(step.name.toLowerCase(), { id: applied.sheet.getSheetId(), name: step.name });
      const outcome = plan.outcome === 'unchanged' && applied.writes > 0 ? 'updated' : plan.outcome;
      // Stamps of another year than `Năm` (docs/periods-and-status.md, "The year"), from the grid already read.
      const otherYear = grid ? tabYearFinding({ name: step.name, report: parseVillageTab(step.name, grid, []) }, config.settings) : null;
      return { outcome, added: plan.added, ...named, findings: otherYear ? [...named.findings, otherYear] : named.findings };
    }
    case 'tabIds': {
      // Read again: the registry step may have just added the column, and the village steps may have run in earlier executions.
      const sheet = ss.getSheetByName(TAB_REGISTRY);
      if (!sheet) return { outcome: 'absent' };
      const grid = readGrid(sheet);
      const { villages } = readRegistryGrid(grid);
      const findTab = tabFinder(ss, villages);
      const tabIdByRow = new Map<number, number>();
      for (const v of villages) {
        const tab = findTab(v.name);
        if (tab) tabIdByRow.set(v.row, tab.sheet.getSheetId());
      }
      const orphans = orphanTabs(ss, new Set(tabIdByRow.values()));
      const column = tabIdColumn(grid);
      if (column === null) return { outcome: 'unchanged', orphans };
      return { outcome: updatedIf(applyTabSpec(ss, planRegistryTabIds(column, tabIdByRow), { values: grid, sheet })), orphans };
    }
    case 'log': {
      const sheet = ss.getSheetByName(TAB_LOG);
      const applied = applyTabSpec(ss, planLogTab(ss.getNumSheets(), office), { sheet: sheet ?? undefined });
      return { outcome: applied.created ? 'created' : updatedIf(applied) };
    }
    case 'output': {
      // Written by Tổng hợp; setup only keeps the office's protection of it current.
      const sheet = ss.getSheetByName(step.name);
      if (!sheet) return { outcome: 'absent' };
      const spec = { ...emptyTabSpec(step.name, 0, 0, 0), protections: [ownTabProtection(step.name, office)] };
      const applied = applyTabSpec(ss, spec, { sheet });
      return { outcome: updatedIf(applied) };
    }
  }
}

interface TabNaming {
  renamedFrom?: string;
  findings: Finding[];
  /** Why the village's tab can neither be created nor renamed: another tab holds the name. */
  blocked?: Finding;
}

/**
 * Gives the village's tab (`sheet`, null when it has none) the exact name of `Danh sách`: after the
 * office renamed the village there (logged), or after someone renamed the tab (also a finding, told
 * apart by the tab's title: setup wrote it from the name the village had). Sheets refuses a name
 * another tab has ignoring case (`taken`, read only when a tab is to be renamed or created); then
 * nothing is renamed or created and the finding says which tab.
 */
function nameVillageTab(village: Village, sheet: Sheet | null, grid: Grid | null, year: number, taken: () => TakenNames): TabNaming {
  const current = sheet?.getName() ?? null;
  if (current === village.name) return { findings: [] };
  const wanted = village.name.toLowerCase();
  const holder = taken().get(wanted);
  if (holder && holder.id !== sheet?.getSheetId()) return { findings: [], blocked: nameTakenFinding(village.name, holder.name, current) };
  if (!sheet || current === null) return { findings: [] };
  sheet.setName(village.name);
  taken().delete(current.toLowerCase());
  taken().set(wanted, { id: sheet.getSheetId(), name: village.name });
  const byHand = grid !== null && titleNamesVillage(grid, village.name, year);
  return { renamedFrom: current, findings: byHand ? [renamedByHandFinding(current, village.name)] : [] };
}

/** Whether the column had to be hidden (one read when it already is). */
function hideColumn(sheet: Sheet, column: number): boolean {
  if (sheet.isColumnHiddenByUser(column)) return false;
  sheet.hideColumns(column);
  return true;
}

/** A new spreadsheet's untouched "Sheet1" would sit among the tabs; only a blank one is removed. */
function removeBlankDefaultSheet(ss: Spreadsheet): void {
  for (const sheet of ss.getSheets()) {
    if (/^(Sheet|Trang tính)\s*1$/i.test(sheet.getName()) && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) ss.deleteSheet(sheet);
  }
}

/**
 * Writes the preset's settings (the previous values go to the log) and, when `Danh sách` is still
 * empty, its empty table (presets carry no villages: docs/indicators.md, "Presets"); then runs setup.
 */
export function applyPresetIn(ss: Spreadsheet, id: PresetId): SetupReport {
  const startedAt = Date.now();
  const preset = getPreset(id);
  const previous = ss.getSheetByName(TAB_SETTINGS);
  const log: LogEntry[] = [];
  const office = officeEditors(ss, preset.settings.officeEmail);
  const grid = previous ? readGrid(previous) : null;
  const before = grid ? ` ${describeSettingsTab(readSettingsGrid(grid))}` : '';
  log.push({ action: 'Áp dụng mẫu cấu hình', detail: `Mẫu "${preset.title}".${before}` });
  // The old settings are on record before they are overwritten: a run stopped in between loses nothing.
  appendLog(ss, log);
  applyTabSpec(ss, planSettingsTab({ grid, mode: 'replace', settings: preset.settings, indicators: preset.indicators, office }).spec, { values: grid ?? undefined });
  recordAppliedPreset(id);
  clearProgress();
  return setupWorkbookIn(ss, startedAt);
}

export function applyPreset(id: unknown): SetupReport {
  const presetId = presetIdSchema.parse(id);
  return asOffice((ss) => withDocumentLock(() => applyPresetIn(ss, presetId)));
}

export function setupWorkbook(): SetupReport | null {
  return menuCommand(SETUP_CAPTION, (ss) => {
    ss.toast('Đang khởi tạo / cập nhật bảng tính…', 'Tổ CNSCĐ', 5);
    const report = withDocumentLock(() => setupWorkbookIn(ss));
    SpreadsheetApp.getUi().alert(SETUP_CAPTION, setupSummary(report), SpreadsheetApp.getUi().ButtonSet.OK);
    return report;
  });
}

/** The follow-up execution a long setup schedules: carries on from the saved progress, no dialog. */
export function continueSetup(): void {
  asOffice((ss) =>
    withDocumentLock(() => {
      retireContinuation();
      setupWorkbookIn(ss);
    }),
  );
}
