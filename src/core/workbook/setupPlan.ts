/**
 * Setup as a list of steps, one tab each, run within a time budget (docs/limits.md): when the
 * budget is spent the progress is saved and a follow-up execution carries on from the next step.
 * Every step compares and writes only differences, so redoing one is harmless.
 */
import type { Finding } from '../shared/findings';
import type { Grid } from '../shared/grid';
import { normalizeName, revealInvisible } from '../shared/text';
import { TAB_LOG, TAB_REGISTRY, TAB_REPORT, TAB_SETTINGS, TAB_SUMMARY } from './tabNames';
import { villageTabTitle } from './villageTabLayout';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export type SetupStep =
  | { kind: 'settings' }
  | { kind: 'registry' }
  | { kind: 'village'; name: string }
  /** Records each village's tab id in `Danh sách` and looks for tabs with data no village owns. */
  | { kind: 'tabIds' }
  | { kind: 'log' }
  /** Tổng hợp and Báo cáo are written by Tổng hợp; setup only keeps their protection current. */
  | { kind: 'output'; name: string };

export function setupSteps(villages: readonly string[]): SetupStep[] {
  return [
    { kind: 'settings' },
    { kind: 'registry' },
    ...villages.map((name) => ({ kind: 'village' as const, name })),
    { kind: 'tabIds' },
    { kind: 'log' },
    { kind: 'output', name: TAB_SUMMARY },
    { kind: 'output', name: TAB_REPORT },
  ];
}

export function stepTab(step: SetupStep): string {
  switch (step.kind) {
    case 'settings': return TAB_SETTINGS;
    case 'registry':
    case 'tabIds': return TAB_REGISTRY;
    case 'log': return TAB_LOG;
    default: return step.name;
  }
}

/**
 * About 4 minutes of the 6 an execution may run (docs/limits.md): a step is only started while the
 * execution has used less than this, and no step takes anything near the remaining margin.
 */
export const SETUP_BUDGET_MS = 3.5 * 60 * 1000;
/** The follow-up execution starts after this (a time trigger fires no earlier). */
export const CONTINUE_AFTER_MS = 60 * 1000;
/** Names kept for the final summary; the rest are counted. */
const NAMES_KEPT = 20;

/** What the executions of one setup have done so far; saved between them (well under 9 KB). */
export interface SetupProgress {
  /** The steps this progress belongs to: a changed `Danh sách` starts over. */
  fingerprint: string;
  next: number;
  total: number;
  created: string[];
  createdCount: number;
  repaired: string[];
  repairedCount: number;
  unrecognised: string[];
  /** Tabs given their name from `Danh sách` again: `"old" → "new"`. */
  renamed: string[];
  renamedCount: number;
  /** Tabs with a village's report that no row of `Danh sách` owns. */
  orphans: string[];
  changed: boolean;
}

export function newProgress(steps: readonly SetupStep[]): SetupProgress {
  return {
    fingerprint: fingerprintOf(steps), next: 0, total: steps.length, created: [], createdCount: 0, repaired: [], repairedCount: 0, unrecognised: [],
    renamed: [], renamedCount: 0, orphans: [], changed: false,
  };
}

/** Progress as saved, or null when there is none or it is unreadable. */
export function parseProgress(saved: string | null): SetupProgress | null {
  try {
    const progress = saved ? (JSON.parse(saved) as SetupProgress) : null;
    return progress && Number.isInteger(progress.next) && Number.isInteger(progress.total) ? progress : null;
  } catch {
    return null;
  }
}

/** The saved progress if it belongs to these steps, else a fresh start. */
export function resumedProgress(saved: SetupProgress | null, steps: readonly SetupStep[]): SetupProgress {
  const fresh = newProgress(steps);
  return saved?.fingerprint === fresh.fingerprint ? saved : fresh;
}

/** A short hash of the step list (FNV-1a), so progress never resumes into a different list. */
function fingerprintOf(steps: readonly SetupStep[]): string {
  let h = 0x811c9dc5;
  const text = steps.map(stepTab).join('\u0000');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${steps.length}:${(h >>> 0).toString(36)}`;
}

export type StepOutcome = 'created' | 'repaired' | 'unchanged' | 'updated' | 'unrecognised' | 'absent';

export function recordStep(progress: SetupProgress, tab: string, outcome: StepOutcome, added: readonly string[]): void {
  progress.next++;
  if (outcome === 'created') {
    progress.createdCount++;
    if (progress.created.length < NAMES_KEPT) progress.created.push(tab);
  }
  if (outcome === 'repaired') {
    progress.repairedCount++;
    if (progress.repaired.length < NAMES_KEPT) progress.repaired.push(`${tab} (thêm: ${added.join(', ')})`);
  }
  if (outcome === 'unrecognised' && progress.unrecognised.length < NAMES_KEPT) progress.unrecognised.push(tab);
  if (outcome === 'created' || outcome === 'repaired' || outcome === 'updated') progress.changed = true;
}

export function recordRename(progress: SetupProgress, from: string, to: string): void {
  progress.renamedCount++;
  if (progress.renamed.length < NAMES_KEPT) progress.renamed.push(`"${revealInvisible(from)}" → "${to}"`);
  progress.changed = true;
}

export function recordOrphans(progress: SetupProgress, tabs: readonly string[]): void {
  progress.orphans = tabs.slice(0, NAMES_KEPT).map(revealInvisible);
}

/**
 * Whether a village tab's title (written by setup from `Danh sách`) still names the village as
 * `Danh sách` does: then, when the tab's name differs, it is the tab that someone renamed since
 * setup last ran, not the row of `Danh sách`.
 */
export function titleNamesVillage(grid: Grid, village: string, year: number): boolean {
  // Compared as the cell shows: without the apostrophe that keeps a written title text.
  const shown = (title: unknown) => normalizeName(String(title ?? '').replace(/^'/, ''));
  return shown(grid[0]?.[0]) === shown(villageTabTitle(village, year));
}

export function renamedByHandFinding(tab: string, village: string): Finding {
  return { level: 'warning', sheet: village, cell: '', message: `Tab của ${village} đã bị đổi tên thành "${revealInvisible(tab)}"; đã đặt lại tên "${village}" theo "${TAB_REGISTRY}". Muốn đổi tên địa bàn, hãy sửa tên trong "${TAB_REGISTRY}" rồi chạy "${SETUP_CAPTION}".` };
}

/** Sheets refuses two tabs whose names differ only in case: `holder` has the name the village needs. */
export function nameTakenFinding(village: string, holder: string, tab: string | null): Finding {
  const what = tab === null ? `Không tạo được tab "${village}"` : `Không đổi được tên tab "${revealInvisible(tab)}" thành "${village}"`;
  return { level: 'error', sheet: holder, cell: '', message: `${what}: tab "${revealInvisible(holder)}" đã mang tên này. Hãy đổi tên tab "${revealInvisible(holder)}" rồi chạy lại "${SETUP_CAPTION}".` };
}

/** For the dashboard: a setup still under way, from its saved progress (null when none). */
export function setupUnderWayText(progress: SetupProgress | null): string | null {
  return progress && `Khởi tạo bảng tính đang làm dở: đã xong ${progress.next}/${progress.total} tab. Phần còn lại tự chạy tiếp sau ít phút; nếu lâu không thấy xong, bấm lại "${SETUP_CAPTION}".`;
}

/** Whether another step may start, `elapsedMs` into the execution. */
export const withinBudget = (elapsedMs: number) => elapsedMs < SETUP_BUDGET_MS;

/** What setup did, as its progress tallies it; plain data so it can cross google.script.run. */
export interface SetupReport extends Pick<SetupProgress, 'created' | 'createdCount' | 'repaired' | 'repairedCount' | 'unrecognised' | 'renamed' | 'renamedCount' | 'orphans'> {
  unitName: string;
  villages: number;
  /** Tabs done out of all, and whether a follow-up execution will carry on. */
  done: number;
  total: number;
  continuing: boolean;
  /** Why no follow-up execution could be scheduled (the office runs setup again by hand). */
  continuationProblem: string | null;
  findings: Finding[];
  trigger: { state: 'installed' | 'present' | 'owned-by-other'; owner: string } | null;
}

const TRIGGER_STATE_WORDS = { installed: 'vừa cài', present: 'đang chạy', 'owned-by-other': 'do tài khoản khác giữ' } as const;

const more = (shown: readonly string[], count: number) => (count > shown.length ? ` và ${count - shown.length} tab khác` : '');

export function setupLogDetail(report: SetupReport): string {
  const parts = [`${report.villages} địa bàn`];
  if (report.continuing) parts.push(`đã xong ${report.done}/${report.total} tab, sẽ tự chạy tiếp`);
  if (report.createdCount) parts.push(`tạo mới: ${report.created.join(', ')}${more(report.created, report.createdCount)}`);
  if (report.repairedCount) parts.push(`bổ sung: ${report.repaired.join('; ')}${more(report.repaired, report.repairedCount)}`);
  if (report.unrecognised.length) parts.push(`không nhận ra mẫu: ${report.unrecognised.join(', ')}`);
  if (report.renamedCount) parts.push(`đổi tên tab theo Danh sách: ${report.renamed.join(', ')}${more(report.renamed, report.renamedCount)}`);
  if (report.orphans.length) parts.push(`tab có số liệu nhưng không thuộc địa bàn nào trong Danh sách: ${report.orphans.join(', ')}`);
  if (report.trigger) parts.push(`xử lý "Đã nộp": ${TRIGGER_STATE_WORDS[report.trigger.state]} (${report.trigger.owner})`);
  return parts.join('; ');
}

export function setupSummary(report: SetupReport): string {
  const lines = [`${report.unitName}: ${report.villages} địa bàn trong "Danh sách".`];
  if (report.continuing || report.continuationProblem) {
    lines.push(`Đã xong ${report.done}/${report.total} tab.`);
    lines.push(report.continuationProblem ?? 'Phần còn lại sẽ tự chạy tiếp sau khoảng 1 phút; tiến độ ghi ở Nhật ký và Bảng điều khiển.');
  }
  lines.push(report.createdCount ? `Đã tạo: ${report.created.join(', ')}${more(report.created, report.createdCount)}.` : 'Không phải tạo tab mới.');
  if (report.repairedCount) lines.push(`Đã bổ sung: ${report.repaired.join('; ')}${more(report.repaired, report.repairedCount)}.`);
  if (report.renamedCount) lines.push(`Đã đổi tên tab theo "${TAB_REGISTRY}": ${report.renamed.join(', ')}${more(report.renamed, report.renamedCount)}.`);
  if (report.orphans.length) {
    lines.push(`Tab có số liệu nhưng không thuộc địa bàn nào trong "${TAB_REGISTRY}" (số liệu không được tính): ${report.orphans.join(', ')}. Nếu là tab cũ của một địa bàn đã đổi tên, hãy chép số liệu sang tab của địa bàn đó; nếu địa bàn bị xóa nhầm, hãy ghi lại tên vào "${TAB_REGISTRY}" rồi chạy lại mục này.`);
  }
  if (report.villages === 0) lines.push('Hãy điền danh sách địa bàn vào tab "Danh sách" rồi chạy lại mục này.');
  if (report.trigger?.state === 'owned-by-other') {
    lines.push(`Trình xử lý "Đã nộp" đang chạy dưới tài khoản ${report.trigger.owner}; tài khoản đó cần giữ quyền sửa bảng tính.`);
  } else if (report.trigger) {
    lines.push(`Trình xử lý "Đã nộp" chạy dưới tài khoản ${report.trigger.owner}.`);
  }
  const shown = report.findings.slice(0, 10).map((f) => `• ${f.cell ? `${f.sheet}!${f.cell}: ` : ''}${f.message}`);
  if (shown.length) lines.push('', 'Cần xem lại:', ...shown);
  if (report.findings.length > 10) lines.push(`… và ${report.findings.length - 10} mục khác.`);
  return lines.join('\n');
}
