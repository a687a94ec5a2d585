/**
 * Khởi tạo / cập nhật bảng tính, and applying a preset: read → plan (core/workbook) → apply
 * (tabWriter), one tab at a time within a time budget; a long setup carries on in a follow-up
 * execution (docs/limits.md). Never deletes or overwrites typed data.
 */
import { EXPECTED_LOCALE } from '../core/automation/selfCheck';
import { getPreset, presetIdSchema, type PresetId } from '../core/config/presets';
import { readSettingsGrid } from '../core/config/settingsGrid';
import type { Finding } from '../core/shared/findings';
import type { Grid } from '../core/shared/grid';
import { TIME_ZONE } from '../core/shared/calendar';
import { planLogTab } from '../core/workbook/logTabSpec';
import { ownTabProtection } from '../core/workbook/ownProtection';
import { planRegistryTab } from '../core/workbook/registryTabSpec';
import { planSettingsTab } from '../core/workbook/settingsTabSpec';
import {
  recordStep,
  resumedProgress,
  setupLogDetail,
  setupSteps,
  setupSummary,
  stepTab,
  withinBudget,
  type SetupProgress,
  type SetupReport,
  type SetupStep,
  type StepOutcome,
} from '../core/workbook/setupPlan';
import { emptyTabSpec } from '../core/workbook/tabSpec';
import { TAB_LOG, TAB_REGISTRY, TAB_SETTINGS } from '../core/workbook/tabNames';
import { planVillageTab } from '../core/workbook/villageTabSpec';
import { withDocumentLock } from './lock';
import { invalidateConfigCache } from './configCache';
import { appendLog, type LogEntry } from './log';
import { asOffice, menuCommand, officeEditors } from './office';
import { appliedIndicators, configOf, readConfig, type WorkbookConfig } from './settingsSheet';
import { clearProgress, loadProgress, retireContinuation, saveProgress, scheduleContinuation } from './setupProgress';
import { applyTabSpec } from './tabWriter';
import { ensureEditTrigger } from './triggers';
import { readGrid } from './workbook';
import { SETUP_CAPTION } from '../core/shared/menuCaptions';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What one step did, for the progress and the findings (none unless given). */
interface StepResult {
  outcome: StepOutcome;
  added?: string[];
  findings?: Finding[];
}

/** A step that only brings an existing tab up to its spec. */
const updatedIf = (applied: { writes: number }): StepOutcome => (applied.writes > 0 ? 'updated' : 'unchanged');

export function setupWorkbookIn(ss: Spreadsheet, startedAt = Date.now()): SetupReport {
  // Vietnamese locale: `1.234` typed in a cell is 1234 and numbers show as 1.234 and 85,5%.
  if (ss.getSpreadsheetTimeZone() !== TIME_ZONE) ss.setSpreadsheetTimeZone(TIME_ZONE);
  if (ss.getSpreadsheetLocale() !== EXPECTED_LOCALE) ss.setSpreadsheetLocale(EXPECTED_LOCALE);
  // The edit trigger's copy of the configuration is read again after any setup.
  invalidateConfigCache();
  const settingsSheet = ss.getSheetByName(TAB_SETTINGS);
  const registrySheet = ss.getSheetByName(TAB_REGISTRY);
  const settingsGrid = settingsSheet ? readGrid(settingsSheet) : null;
  const registryGrid = registrySheet ? readGrid(registrySheet) : null;
  const config = configOf(settingsGrid, registryGrid);
  const office = officeEditors(ss, (config?.settings ?? getPreset('mac-dinh').settings).officeEmail);
  const read: SetupReading = { settingsGrid, registrySheet, registryGrid, config, office };
  const steps = setupSteps(config?.villages.map((v) => v.name) ?? []);
  const progress = resumedProgress(loadProgress(), steps);
  const findings: Finding[] = [];
  while (progress.next < steps.length) {
    if (progress.next > 1 && !withinBudget(Date.now() - startedAt)) break;
    const step = steps[progress.next];
    const result = runStep(ss, step, read);
    // A tab just created or given new rows says something new: read again what the next steps plan from.
    if (step.kind !== 'village' && (result.outcome === 'created' || result.outcome === 'repaired')) read.config = readConfig(ss);
    recordStep(progress, stepTab(step), result.outcome, result.added ?? []);
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
  // Nhật ký records changes: a rerun that finds everything in place writes nothing, however long it takes.
  if (progress.changed) appendLog(ss, [{ action: SETUP_CAPTION, detail: setupLogDetail(report) }]);
  return report;
}

function reportOf(config: WorkbookConfig, progress: SetupProgress, findings: Finding[]): SetupReport {
  const { next: done, total, created, createdCount, repaired, repairedCount, unrecognised } = progress;
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
      return { outcome: plan.created ? 'created' : updatedIf(applied) };
    }
    case 'village': {
      const village = config?.villages.find((v) => v.name === step.name);
      if (!config || !village) return { outcome: 'absent' };
      const sheet = ss.getSheetByName(step.name);
      const grid = sheet ? readGrid(sheet) : null;
      const log = sheet ? null : ss.getSheetByName(TAB_LOG);
      // Village tabs go before `Nhật ký`, which stays last.
      const position = log ? log.getIndex() - 1 : ss.getNumSheets();
      const plan = planVillageTab({ name: step.name, year: config.settings.year, indicators: appliedIndicators(config), grid, position, office, headEmail: village.email });
      if (plan.outcome === 'unrecognised') return plan;
      const applied = applyTabSpec(ss, plan.spec, { values: grid ?? undefined, sheet: sheet ?? undefined });
      const outcome = plan.outcome === 'unchanged' && applied.writes > 0 ? 'updated' : plan.outcome;
      return { outcome, added: plan.added, findings: plan.findings };
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
  const before = grid ? ` Cấu hình cũ: ${JSON.stringify(readSettingsGrid(grid).settings)}` : '';
  log.push({ action: 'Áp dụng mẫu cấu hình', detail: `Mẫu "${preset.title}".${before}` });
  applyTabSpec(ss, planSettingsTab({ grid, mode: 'replace', settings: preset.settings, indicators: preset.indicators, office }).spec, { values: grid ?? undefined });
  clearProgress();
  appendLog(ss, log);
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
