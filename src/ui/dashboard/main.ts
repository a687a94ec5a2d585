/** Bảng điều khiển: one getDashboardData call paints the panel; actions re-read it afterwards. */
import type { AggregationSummary } from '../../core/assessment/aggregation';
import type { CheckResult } from '../../core/entry/checkResult';
import type { AutomationLine } from '../../core/automation/automation';
import type { DashboardData, DashboardRate, DashboardVillage } from '../../core/reports/dashboard';
import type { ApprovalResult } from '../../core/entry/approval';
import type { ReminderRunReport } from '../../core/reminders/outcome';
import { headTitle } from '../../core/config/vocabulary';
import type { MonthStatus } from '../../core/assessment/status';
import { button, byId, h, replaceChildren } from '../shared/dom';
import { callServer, errorText } from '../shared/server';
import { setStatus, showEmpty, showError, showLoading, whileBusy, type Tone } from '../shared/states';

const app = byId('app');
const subtitle = byId('subtitle');
const refresh = byId<HTMLButtonElement>('refresh');

const GROUPS: readonly { status: MonthStatus; title: string; open: boolean }[] = [
  { status: 'CAN_SUA', title: 'Cần sửa', open: true },
  { status: 'CHUA_NOP', title: 'Chưa nộp', open: true },
  { status: 'CHO_XU_LY', title: 'Chờ xử lý (đã tích, đang chờ ghi ngày nộp)', open: false },
  { status: 'NOP_MUON', title: 'Nộp muộn', open: false },
  { status: 'DUNG_HAN', title: 'Đúng hạn', open: false },
  { status: 'DA_DUYET', title: 'Đã duyệt (chỉ phòng VH-XH sửa được)', open: false },
];

async function load(notice?: { text: string; tone: Tone }): Promise<void> {
  showLoading(app, 'Đang đọc số liệu các địa bàn…');
  refresh.disabled = true;
  try {
    render(await callServer<DashboardData>('getDashboardData'), notice);
  } catch (error) {
    showError(app, errorText(error), () => void load());
  } finally {
    refresh.disabled = false;
  }
}

function render(data: DashboardData, notice?: { text: string; tone: Tone }): void {
  app.removeAttribute('aria-busy');
  if (data.state === 'no-settings') {
    replaceChildren(subtitle, '');
    showEmpty(app, 'Bảng tính chưa được khởi tạo', 'Chạy Tổ CNSCĐ › Khởi tạo / cập nhật bảng tính, hoặc mở Tổ CNSCĐ › Cài đặt và chọn một mẫu cấu hình.');
    return;
  }
  replaceChildren(subtitle, `${data.unitName} · ${data.period} · hạn nộp ${data.dueDate}`);
  if (data.state === 'no-villages') {
    const word = data.villageWord.toLocaleLowerCase('vi');
    showEmpty(app, `Chưa có ${word} nào`, `Hãy điền danh sách vào tab "Danh sách" (mỗi dòng một ${word}, kèm ${headTitle(data.villageWord).toLocaleLowerCase('vi')}, email, điện thoại), rồi chạy Tổ CNSCĐ › Khởi tạo / cập nhật bảng tính.`);
    return;
  }
  const status = h('div', { className: 'status', attrs: { 'aria-live': 'polite' } });
  replaceChildren(
    app,
    data.setupUnderWay ? h('p', { className: 'notice', attrs: { role: 'status' } }, data.setupUnderWay) : null,
    completeness(data),
    h('section', { attrs: { 'aria-label': 'Thao tác' } }, actions(data, status), status),
    villageList(data, status),
    rateList(data),
    teamSize(data),
    configProblems(data),
    automation(data.automation, status),
    h('p', { className: 'muted footnote' }, `Cập nhật lúc ${data.generatedAt}`),
  );
  if (notice) setStatus(status, notice.text, notice.tone);
}

function completeness(data: DashboardData): HTMLElement {
  const { counts } = data;
  const tile = (status: MonthStatus, label: string) => h('div', { className: `tile tile-${status}` }, h('span', { className: 'tile-count' }, counts[status]), h('span', { className: 'tile-label' }, label));
  const percent = counts.total > 0 ? (counts.submitted / counts.total) * 100 : 0;
  return h(
    'section',
    { attrs: { 'aria-labelledby': 'h-completeness' } },
    h('h2', { id: 'h-completeness' }, 'Tình hình nộp báo cáo'),
    h('p', { className: 'headline' }, h('strong', null, `${counts.submitted}/${counts.total}`), ` đã nộp (${data.completenessText})`),
    progressBar(percent, [], `Đã nộp ${data.completenessText}`),
    h('div', { className: 'tiles' }, tile('DUNG_HAN', 'Đúng hạn'), tile('NOP_MUON', 'Nộp muộn'), tile('CHUA_NOP', 'Chưa nộp'), tile('CAN_SUA', 'Cần sửa'), counts.CHO_XU_LY > 0 ? tile('CHO_XU_LY', 'Chờ xử lý') : null, counts.DA_DUYET > 0 ? tile('DA_DUYET', 'Đã duyệt') : null),
  );
}

/** A button's action: one server call while the panel is busy, then the panel read again with the outcome. */
function serverAction<T>(status: HTMLElement, label: string, fn: string, args: unknown[], describe: (result: T) => string): () => Promise<void> {
  return async () => {
    setStatus(status, `${label}: đang chạy…`);
    try {
      const result = await whileBusy(app, () => callServer<T>(fn, ...args));
      await load({ text: describe(result), tone: 'success' });
    } catch (error) {
      setStatus(status, `${label}: ${errorText(error)}`, 'error');
    }
  };
}

function actions(data: DashboardData, status: HTMLElement): HTMLElement {
  const run = <T>(label: string, fn: string, args: unknown[], describe: (result: T) => string) => serverAction(status, label, fn, args, describe);
  return h(
    'div',
    { className: 'actions' },
    button('Tổng hợp', run<AggregationSummary>('Tổng hợp', 'aggregateMonth', [data.month], (s) => `Đã tổng hợp ${s?.periodLabel ?? data.period} vào tab "Tổng hợp"${s?.completeness ? `: ${s.completeness.submitted}/${s.completeness.expected} báo cáo đã nộp` : ''}.`), 'btn-primary'),
    button('Kiểm tra số liệu', run<CheckResult>('Kiểm tra số liệu', 'checkReports', [], (r) => `Đã kiểm tra ${r.villages.length} địa bàn: ${r.errors} lỗi, ${r.warnings} cảnh báo. Chi tiết trong hộp thoại "Kiểm tra số liệu"; ô có lỗi được tô màu.`)),
    button('Gửi nhắc ngay', run<ReminderRunReport | null>('Gửi nhắc ngay', 'sendRemindersNow', [], reminderText)),
    data.counts.approvable > 0 ? button(`Duyệt cả tháng ${data.month}`, run<ApprovalResult>('Duyệt cả tháng', 'approveMonth', [data.month], (r) => r.message)) : null,
  );
}

function reminderText(report: ReminderRunReport | null): string {
  if (!report) return 'Đã hủy: không gửi email nào.';
  const parts = [`đã gửi ${report.sent.length}`, `bỏ qua ${report.skipped.length}`];
  if (report.failed.length) parts.push(`lỗi ${report.failed.length}`);
  if (report.deferred.length) parts.push(`hoãn ${report.deferred.length} (sẽ gửi ở lần chạy sau)`);
  return `Gửi nhắc: ${parts.join(', ')}. Chi tiết trong tab "Nhật ký".`;
}

function villageList(data: DashboardData, status: HTMLElement): HTMLElement {
  const section = h('section', { attrs: { 'aria-labelledby': 'h-villages' } }, h('h2', { id: 'h-villages' }, `Các ${data.villageWord.toLocaleLowerCase('vi')}`));
  for (const group of GROUPS) {
    const members = data.villages.filter((v) => v.status === group.status);
    if (members.length === 0) continue;
    const items = members.map((v) => villageItem(v, approvalControls(v, data.month, status)));
    const details = h('details', { className: `group group-${group.status}` }, h('summary', null, `${group.title} (${members.length})`), h('ul', { className: 'villages' }, ...items));
    details.open = group.open;
    section.append(details);
  }
  return section;
}

/** "Duyệt" for a submitted, valid month; "Mở khóa" for an approved one, which asks for the reason in place. */
function approvalControls(v: DashboardVillage, month: number, status: HTMLElement): HTMLElement | null {
  if (v.canApprove) {
    return h('div', { className: 'village-actions' }, button('Duyệt', serverAction<string>(status, `Duyệt ${v.name}`, 'approveVillageMonth', [v.name, month], (text) => text)));
  }
  if (!v.canUnlock) return null;
  const controls = h('div', { className: 'village-actions' });
  const reason = h('input', { className: 'unlock-reason', attrs: { type: 'text', 'aria-label': `Lý do mở khóa ${v.name}`, placeholder: 'Lý do mở khóa (ghi vào Nhật ký)' } });
  const confirm = () => {
    if (reason.value.trim() === '') {
      setStatus(status, `Mở khóa ${v.name}: hãy ghi lý do mở khóa.`, 'error');
      reason.focus();
      return;
    }
    void serverAction<string>(status, `Mở khóa ${v.name}`, 'unlockVillageMonth', [v.name, month, reason.value], (text) => text)();
  };
  const form = h('div', { className: 'unlock-form' }, reason, button('Xác nhận mở khóa', confirm, 'btn-danger'), button('Hủy', () => replaceChildren(controls, open)));
  reason.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') confirm();
  });
  const open = button('Mở khóa', () => {
    replaceChildren(controls, form);
    reason.focus();
  });
  controls.append(open);
  return controls;
}

function villageItem(v: DashboardVillage, controls: HTMLElement | null): HTMLElement {
  const phone = v.tel ? h('a', { attrs: { href: v.tel }, title: `Gọi ${v.head || v.name}` }, v.phone) : v.phone ? h('span', null, v.phone) : h('span', { className: 'muted' }, 'chưa có số điện thoại');
  return h(
    'li',
    { className: 'village' },
    h('div', { className: 'village-head' }, h('span', { className: 'village-name' }, v.name), v.overdue ? h('span', { className: 'badge badge-overdue' }, 'Quá hạn') : null),
    h('div', { className: 'village-contact' }, v.head ? `${v.head} · ` : '', phone),
    v.submittedAt ? h('div', { className: 'muted' }, `Nộp lúc ${v.submittedAt}${v.approvedAt ? ` · duyệt ngày ${v.approvedAt}` : ''}`) : null,
    v.problem ? h('div', { className: 'village-problem' }, v.problem) : null,
    controls,
  );
}

/** Each rate against the year plan: the bar fills to the rate, a grey mark shows the plan to date, a black one the year's target. */
function rateList(data: DashboardData): HTMLElement | null {
  if (data.rates.length === 0) return null;
  return h(
    'section',
    { attrs: { 'aria-labelledby': 'h-rates' } },
    h('h2', { id: 'h-rates' }, `Tiến độ thực hiện chỉ tiêu (lũy kế đến tháng ${data.month})`),
    h('p', { className: 'muted legend' }, h('span', { className: 'legend-plan', attrs: { 'aria-hidden': 'true' } }), ' kế hoạch đến kỳ ', h('span', { className: 'legend-target', attrs: { 'aria-hidden': 'true' } }), ' chỉ tiêu năm'),
    h('ul', { className: 'rates' }, ...data.rates.map(rateItem)),
    data.paceNote ? h('p', { className: 'muted pace-note' }, data.paceNote) : null,
  );
}

/** Teams of the size the plan asks (teams, not people), and the villages outside it or without a size. */
function teamSize(data: DashboardData): HTMLElement | null {
  if (!data.teamSize) return null;
  return h(
    'section',
    { attrs: { 'aria-labelledby': 'h-team' } },
    h('h2', { id: 'h-team' }, 'Thành viên các Tổ'),
    h('div', { className: 'team-size' }, h('strong', null, data.teamSize.line), ...data.teamSize.details.map((d) => h('div', { className: 'muted' }, d))),
  );
}

function rateItem(r: DashboardRate): HTMLElement {
  const marks = [
    r.planPercent === null ? null : { percent: r.planPercent, className: 'bar-plan', title: `Kế hoạch đến kỳ ${r.planText}` },
    r.targetPercent === null ? null : { percent: r.targetPercent, className: 'bar-target', title: `Chỉ tiêu năm ${r.targetPercent}%` },
  ].filter((m) => m !== null);
  return h(
    'li',
    { className: `rate tone-${r.tone}` },
    h('div', { className: 'rate-head' }, h('span', { className: 'rate-label' }, r.label), r.evaluationText ? h('span', { className: 'badge badge-evaluation' }, r.evaluationText) : null),
    progressBar(r.ratePercent ?? 0, marks, `${r.label}: ${r.percentText}${r.evaluationText ? `, ${r.evaluationText.toLocaleLowerCase('vi')}` : ''}`),
    h('div', { className: 'rate-figures' }, h('strong', null, r.percentText), r.targetPercent === null ? '' : ` · chỉ tiêu năm ${r.targetPercent}%`, h('span', { className: 'muted' }, ` · ${r.figuresText}`)),
    r.paceText ? h('div', { className: 'rate-pace muted' }, r.paceText) : null,
  );
}

interface BarMark {
  percent: number;
  className: string;
  title: string;
}

function progressBar(percent: number, marks: readonly BarMark[], label: string): HTMLElement {
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  const fill = h('div', { className: 'bar-fill' });
  fill.style.width = `${clamp(percent)}%`;
  const bar = h('div', { className: 'bar', role: 'img', attrs: { 'aria-label': label } }, fill);
  for (const mark of marks) {
    const marker = h('div', { className: mark.className, title: mark.title });
    marker.style.left = `calc(${clamp(mark.percent)}% - 1px)`;
    bar.append(marker);
  }
  return bar;
}

/** Who runs each trigger and when it last worked; an office account can take over one it does not hold. */
function automation(lines: readonly AutomationLine[], status: HTMLElement): HTMLElement | null {
  if (lines.length === 0) return null;
  const takeOver = (line: AutomationLine) => serverAction(status, line.title, 'takeOverTrigger', [line.kind], () => `${line.title}: từ nay chạy dưới tài khoản của bạn.`);
  return h(
    'section',
    { attrs: { 'aria-labelledby': 'h-automation' } },
    h('h2', { id: 'h-automation' }, 'Chạy tự động'),
    h(
      'ul',
      { className: 'automation' },
      ...lines.map((line) =>
        h(
          'li',
          null,
          h('div', { className: 'automation-title' }, line.title),
          h('div', { className: 'muted' }, line.installed ? `Tài khoản: ${line.mine ? `${line.owner} (bạn)` : line.owner} · lần chạy gần nhất: ${line.lastRunText}` : line.lastRunText),
          line.installed && !line.mine ? button('Nhận về tài khoản này', takeOver(line)) : null,
        ),
      ),
    ),
  );
}

function configProblems(data: DashboardData): HTMLElement | null {
  if (data.configProblems === 0) return null;
  const more = data.configProblems - data.configMessages.length;
  return h(
    'details',
    { className: 'group config' },
    h('summary', null, `Cấu hình, danh sách cần xem lại (${data.configProblems})`),
    h('ul', null, ...data.configMessages.map((m) => h('li', null, m)), more > 0 ? h('li', { className: 'muted' }, `… và ${more} mục khác.`) : null),
  );
}

refresh.addEventListener('click', () => void load());
void load();
