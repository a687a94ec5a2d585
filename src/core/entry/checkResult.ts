/** Kiểm tra số liệu's result, worked out from the assessed tabs: plain data for the dashboard, and the dialog that lists it. */
import { validationContextOf, type AssessedTab, type AssessmentInput } from '../assessment/villageAssessment';
import { formatVnDateTime } from '../shared/calendar';
import { errorsOf, warningsOf, type Finding } from '../shared/findings';
import type { MonthStatus } from '../assessment/status';
import { escapeHtml, revealInvisible } from '../shared/text';
import { TAB_REGISTRY } from '../workbook/tabNames';
import { HEADER_ROW_TEXT } from '../workbook/villageTabLayout';
import { validateTabLayout } from './validation';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export interface VillageCheck {
  village: string;
  /** The tab's name ('' when the village has no tab). */
  sheet: string;
  errors: number;
  warnings: number;
  findings: Finding[];
  /** Status of months 1–12; empty when the tab could not be read. */
  statuses: MonthStatus[];
}

export interface CheckResult {
  /** dd/MM/yyyy HH:mm, Vietnam time. */
  checkedAt: string;
  villages: VillageCheck[];
  /** Problems in `Cấu hình` and `Danh sách`, and tabs with data no village of `Danh sách` owns. */
  configFindings: Finding[];
  errors: number;
  warnings: number;
}

/** Every village's findings and statuses, as read and assessed; `configFindings` are those of `Cấu hình` and `Danh sách`. */
export function checkVillageTabs(tabs: readonly AssessedTab[], configFindings: readonly Finding[], input: AssessmentInput): CheckResult {
  const villages = tabs.map(({ village, tabName, report, assessments }): VillageCheck => {
    const empty = { village: village.name, sheet: tabName ?? '', statuses: [] };
    if (tabName === null) {
      return summarise({ ...empty, findings: [{ level: 'error', sheet: '', cell: '', message: `${village.name}: chưa có tab của địa bàn này; chạy "${SETUP_CAPTION}".` }] });
    }
    if (!report) {
      return summarise({ ...empty, findings: [{ level: 'error', sheet: empty.sheet, cell: '', message: `${village.name}: không tìm thấy ${HEADER_ROW_TEXT} trong tab.` }] });
    }
    const layoutFindings = validateTabLayout(report, validationContextOf(village, input));
    // Found by the id `Danh sách` records, or by a name typed differently: counted, but named otherwise.
    const renamed: Finding[] = tabName === village.name ? [] : [{
      level: 'warning',
      sheet: tabName,
      cell: '',
      message: `${village.name}: tab của địa bàn này đang mang tên "${revealInvisible(tabName)}", khác tên trong "${TAB_REGISTRY}". Chạy "${SETUP_CAPTION}" để đặt lại tên tab theo "${TAB_REGISTRY}".`,
    }];
    const findings = [...renamed, ...layoutFindings, ...assessments.flatMap((m) => m.findings)];
    return summarise({ ...empty, findings, statuses: assessments.map((m) => m.status) });
  });
  const all = [...configFindings, ...villages.flatMap((v) => v.findings)];
  return { checkedAt: formatVnDateTime(input.now), villages, configFindings: [...configFindings], errors: errorsOf(all).length, warnings: warningsOf(all).length };
}

function summarise(v: Omit<VillageCheck, 'errors' | 'warnings'>): VillageCheck {
  return { ...v, errors: errorsOf(v.findings).length, warnings: warningsOf(v.findings).length };
}

/** The run's line in `Nhật ký`. */
export function checkLogEntry(result: CheckResult): { action: string; detail: string } {
  const withProblems = result.villages.filter((v) => v.findings.length > 0).length;
  return { action: 'Kiểm tra số liệu', detail: `${result.errors} lỗi, ${result.warnings} cảnh báo ở ${withProblems}/${result.villages.length} địa bàn.` };
}

/** Enough to read on one screen; the cells themselves carry every mark. */
const MAX_LISTED = 400;

export function renderCheckDialog(result: CheckResult): string {
  const withProblems = result.villages.filter((v) => v.findings.length > 0);
  const clean = result.villages.length - withProblems.length;
  const parts: string[] = [
    `<p class="sum">Kiểm tra lúc ${escapeHtml(result.checkedAt)}: <b>${result.errors}</b> lỗi, <b>${result.warnings}</b> cảnh báo; ${clean}/${result.villages.length} địa bàn không có vấn đề.</p>`,
  ];
  let listed = 0;
  const item = (f: Finding) => {
    listed++;
    const link = f.cell
      ? ` <a href="#" data-sheet="${escapeHtml(f.sheet)}" data-cell="${escapeHtml(f.cell)}">ô ${escapeHtml(f.cell)}</a>`
      : f.sheet
        ? ` <a href="#" data-sheet="${escapeHtml(f.sheet)}" data-cell="">mở tab</a>`
        : '';
    return `<li class="${f.level}"><span>${f.level === 'error' ? 'Lỗi' : 'Cảnh báo'}</span> ${escapeHtml(f.message)}${link}</li>`;
  };
  const section = (title: string, findings: readonly Finding[]) => {
    const shown = findings.slice(0, Math.max(0, MAX_LISTED - listed));
    if (shown.length === 0) return;
    parts.push(`<h3>${escapeHtml(title)} (${findings.length})</h3><ul>${shown.map(item).join('')}</ul>`);
  };
  if (result.configFindings.length > 0) section('Cấu hình và Danh sách', result.configFindings);
  for (const v of withProblems) section(v.village, v.findings);
  const total = result.configFindings.length + withProblems.reduce((n, v) => n + v.findings.length, 0);
  if (total > listed) parts.push(`<p>… và ${total - listed} mục khác (xem các ô được tô màu trong từng tab).</p>`);
  if (total === 0) parts.push('<p>Không tìm thấy lỗi hay cảnh báo nào.</p>');
  return `<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8"><style>${STYLE}</style></head><body>${parts.join('')}<script>${SCRIPT}</script></body></html>`;
}

const STYLE = `body{font:13px/1.4 Arial,sans-serif;margin:8px}h3{font-size:14px;margin:12px 0 4px}ul{margin:0;padding-left:18px}
li{margin:3px 0}li span{font-weight:bold}li.error span{color:#c00000}li.warning span{color:#9c5700}.sum{margin-top:0}`;

const SCRIPT = `document.addEventListener('click', function (e) {
  var a = e.target.closest && e.target.closest('a[data-sheet]');
  if (!a) return;
  e.preventDefault();
  google.script.run.withFailureHandler(function (err) { alert(err && err.message ? err.message : err); }).selectCell(a.getAttribute('data-sheet'), a.getAttribute('data-cell'));
});`;
