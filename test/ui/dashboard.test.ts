/** Bảng điều khiển in Chromium, backed by the emulator running dist/Code.js. */
import { vnInstant } from '../../src/core/shared/calendar';
import { TAB_REGISTRY } from '../../src/core/workbook/tabNames';
import type { RunContext } from '../../emulator';
import { fillVillageMonth, newWorkbook, OFFICE, setSetting, workbookWithPreset, type TestWorkbook } from '../integration/harness';
import { openSidebar, useChromium } from './sidebarHarness';

/** 25/05/2026 10:00 in Vietnam: Tháng 5 fell due on 20/05. */
const NOW = vnInstant(2026, 5, 25, 10);
const XSS = '<img src=x onerror=alert(1)>';

const browser = useChromium();

/** Bạch Ngọc's 16 sample villages plus one named like an attack, Tháng 5 in every state, one indicator behind the plan. */
function communeWorkbook(): TestWorkbook {
  const wb = workbookWithPreset('bach-ngoc', { now: NOW });
  const registry = wb.emu.rawGrid(TAB_REGISTRY);
  wb.emu.rawSet(TAB_REGISTRY, `A${registry.length + 1}:D${registry.length + 1}`, [[XSS, '<b>Ông Tèo</b>', 'teo@example.com', 'javascript:alert(2)']]);
  wb.call('setupWorkbook');
  // Bank accounts lag behind: 10 people in each of the first eight villages.
  for (let n = 1; n <= 8; n++) fillVillageMonth(wb.emu, `Thôn ${n}`, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 15, 9), override: { CD16_NGAN_HANG: 10 } });
  for (const n of [9, 10]) fillVillageMonth(wb.emu, `Thôn ${n}`, 5, { ticked: true, submittedAt: vnInstant(2026, 5, 22, 9) });
  fillVillageMonth(wb.emu, 'Thôn 11', 5, { ticked: true, submittedAt: vnInstant(2026, 5, 18, 9), override: { BUOI_TAP_HUAN: 'ba buổi' } });
  fillVillageMonth(wb.emu, 'Thôn 12', 5, { ticked: false });
  return wb;
}

describe('Bảng điều khiển', () => {
  it('shows loading, then the month at a glance from one server call; hostile text stays text', async () => {
    const wb = communeWorkbook();
    const sidebar = await openSidebar(browser(), 'dashboard', wb, { hold: true });
    const { page } = sidebar;
    await page.locator('.state-loading').waitFor();
    await sidebar.shot('dashboard-loading.png');
    sidebar.releaseFirst();

    await page.getByRole('heading', { name: 'Tình hình nộp báo cáo' }).waitFor();
    expect(sidebar.bridge.calls.map((c) => c.name)).toEqual(['getDashboardData']);
    await expect(page.locator('#subtitle').textContent()).resolves.toBe('Xã Bạch Ngọc · Tháng 5/2026 · hạn nộp 20/05/2026');
    await expect(page.locator('.headline').textContent()).resolves.toBe('10/17 đã nộp (58,8%)');
    const tiles = await page.locator('.tile').allTextContents();
    expect(tiles).toEqual(['8Đúng hạn', '2Nộp muộn', '6Chưa nộp', '1Cần sửa']);

    // Who to call: the head's name and a tel: link; Cần sửa says what is wrong.
    const thon12 = page.locator('li.village', { hasText: 'Thôn 12' });
    await expect(thon12.locator('.badge-overdue').textContent()).resolves.toBe('Quá hạn');
    await expect(thon12.locator('a').getAttribute('href')).resolves.toMatch(/^tel:09\d{8}$/);
    await expect(page.locator('li.village', { hasText: 'Thôn 11' }).locator('.village-problem').textContent()).resolves.toMatch(/^Thôn 11, Tháng 5, ô [A-Z]+\d+: .*ba buổi/);

    // The attack name is shown as characters; no element or dialog came out of it.
    const hostile = page.locator('li.village', { hasText: XSS });
    await expect(hostile.locator('.village-name').textContent()).resolves.toBe(XSS);
    await expect(hostile.locator('.village-contact').textContent()).resolves.toBe('<b>Ông Tèo</b> · javascript:alert(2)');
    await expect(hostile.locator('a').count()).resolves.toBe(0);
    await expect(page.locator('img, b').count()).resolves.toBe(0);

    // One bar per applied TY_LE indicator of the plan, with the plan to date and the year's target
    // marked, and Tổng hợp's Đánh giá. Every village reported 75% (rounded down): past NTT_KNS's 70%, on the way to 100%.
    await expect(page.locator('.rate').count()).resolves.toBe(8);
    const nttKns = page.locator('.rate', { hasText: 'Người trưởng thành có kỹ năng số' });
    await expect(nttKns.locator('.rate-figures').textContent()).resolves.toMatch(/^74,9% · chỉ tiêu năm 70% · 3\.221\/4\.299 người$/);
    await expect(nttKns.locator('.badge-evaluation').textContent()).resolves.toBe('Đã đạt');
    await expect(nttKns.getAttribute('class')).resolves.toBe('rate tone-good');
    await expect(nttKns.locator('.bar-target').count()).resolves.toBe(1);
    await expect(nttKns.locator('.bar-plan').count()).resolves.toBe(1);
    const hsKns = page.locator('.rate', { hasText: 'Học sinh trung học có kỹ năng số' });
    await expect(hsKns.locator('.badge-evaluation').textContent()).resolves.toBe('Đúng tiến độ');
    await expect(hsKns.locator('.rate-pace').textContent()).resolves.toBe('Kế hoạch đến tháng 5: 41,7% · dự kiến cuối năm: 100%');
    await expect(hsKns.locator('.bar').getAttribute('aria-label')).resolves.toMatch(/^Học sinh trung học có kỹ năng số: 7\d(,\d)?%, đúng tiến độ$/);
    const bank = page.locator('.rate', { hasText: 'Công dân từ 16 tuổi có tài khoản ngân hàng số' });
    await expect(bank.locator('.badge-evaluation').textContent()).resolves.toBe('Chậm tiến độ');
    await expect(bank.getAttribute('class')).resolves.toBe('rate tone-bad');
    await expect(page.locator('.pace-note').textContent()).resolves.toMatch(/^Kế hoạch đến kỳ: mức cần đạt đến hết tháng 5 /);
    await expect(page.locator('.legend').textContent()).resolves.toBe(' kế hoạch đến kỳ  chỉ tiêu năm');
    // Teams of the right size, not people; the villages without a size named as text.
    await expect(page.locator('.team-size strong').textContent()).resolves.toBe('Số Tổ đủ thành viên: 10/10 (quy định 3–5 người).');
    await expect(page.locator('.team-size .muted').textContent()).resolves.toContain(`Chưa báo cáo số thành viên: 7 thôn (`);
    await expect(page.locator('.team-size .muted').textContent()).resolves.toContain(XSS);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/mục tiêu|HS_KNS|NTT_KNS/);

    // Collapsed groups open from the keyboard (a real <summary>); open them all for the picture.
    await page.locator('summary', { hasText: 'Đúng hạn' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('details.group-DUNG_HAN').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await sidebar.shot('dashboard-loaded.png');
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.bridge.refused).toEqual([]);
    await page.close();
  });

  it('every button does its job and the panel repaints; a server error is shown where it happened', async () => {
    const wb = communeWorkbook();
    const sidebar = await openSidebar(browser(), 'dashboard', wb);
    const { page } = sidebar;
    const status = page.locator('section[aria-label="Thao tác"] .status');
    await page.getByRole('button', { name: 'Tổng hợp' }).waitFor();

    await page.getByRole('button', { name: 'Kiểm tra số liệu' }).click();
    await status.filter({ hasText: 'Đã kiểm tra' }).waitFor();
    await expect(status.textContent()).resolves.toMatch(/^Đã kiểm tra 17 địa bàn: [1-9]\d* lỗi, \d+ cảnh báo\./);
    expect(wb.emu.ui.dialogs.map((d) => d.title)).toEqual(['Kiểm tra số liệu']);

    await page.getByRole('button', { name: 'Gửi nhắc ngay' }).click();
    await status.filter({ hasText: 'Gửi nhắc:' }).waitFor();
    expect(wb.emu.mail.outbox.length).toBeGreaterThan(0);
    await expect(status.textContent()).resolves.toMatch(/^Gửi nhắc: đã gửi [1-9]\d*, bỏ qua \d+/);

    await page.getByRole('button', { name: 'Tổng hợp' }).click();
    await status.filter({ hasText: 'Tổng hợp' }).waitFor();
    await expect(status.textContent()).resolves.toBe('Đã tổng hợp Tháng 5/2026 vào tab "Tổng hợp": 10/17 báo cáo đã nộp.');
    expect(wb.emu.sheetNames()).toContain('Tổng hợp');

    // Someone else holds the document: the server refuses, the panel says so and stays usable.
    wb.emu.locks.holdDocumentLock(true);
    await page.getByRole('button', { name: 'Tổng hợp' }).click();
    await status.filter({ hasText: 'đang được' }).waitFor();
    await expect(status.textContent()).resolves.toMatch(/^Tổng hợp: Bảng tính đang được một người hoặc một tác vụ khác cập nhật/);
    await expect(status.getAttribute('role')).resolves.toBe('alert');
    await expect(page.getByRole('button', { name: 'Tổng hợp' }).isEnabled()).resolves.toBe(true);
    await sidebar.shot('dashboard-action-error.png');
    wb.emu.locks.holdDocumentLock(false);

    const calls = sidebar.bridge.calls.map((c) => c.name);
    expect(calls.filter((n) => n === 'getDashboardData')).toHaveLength(4);
    expect(sidebar.bridge.calls.find((c) => c.name === 'aggregateMonth')?.args).toEqual([5]);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.bridge.refused).toEqual([]);
    await page.close();
  });

  it('approves one village, unlocks it with a reason asked in place, then approves the whole month', async () => {
    const wb = communeWorkbook();
    const sidebar = await openSidebar(browser(), 'dashboard', wb);
    const { page } = sidebar;
    const status = page.locator('section[aria-label="Thao tác"] .status');
    const village = (name: string) => page.locator('li.village').filter({ has: page.locator('.village-name', { hasText: new RegExp(`^${name}$`) }) });
    // Each repaint folds the groups of villages that need no call; open them to reach their buttons.
    const openGroups = () => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.locator('.headline').waitFor();
    await openGroups();
    // Submitted and valid: Duyệt; not submitted or wrong: nothing to approve.
    await expect(village('Thôn 12').getByRole('button').count()).resolves.toBe(0);
    await expect(village('Thôn 11').getByRole('button').count()).resolves.toBe(0);

    await village('Thôn 1').getByRole('button', { name: 'Duyệt' }).click();
    await status.filter({ hasText: 'Đã duyệt báo cáo' }).waitFor();
    await expect(status.textContent()).resolves.toBe('Đã duyệt báo cáo Tháng 5/2026 của Thôn 1.');
    await expect(page.locator('.tile-DA_DUYET').textContent()).resolves.toBe('1Đã duyệt');
    await expect(page.locator('details.group-DA_DUYET summary').textContent()).resolves.toBe('Đã duyệt (chỉ phòng VH-XH sửa được) (1)');
    await openGroups();
    await expect(village('Thôn 1').locator('.muted').textContent()).resolves.toBe('Nộp lúc 15/05/2026 09:00 · duyệt ngày 25/05/2026');

    // Mở khóa asks for the reason in the panel itself; an empty one goes nowhere.
    await village('Thôn 1').getByRole('button', { name: 'Mở khóa' }).click();
    const reason = page.getByRole('textbox', { name: 'Lý do mở khóa Thôn 1' });
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('unlock-reason');
    await village('Thôn 1').getByRole('button', { name: 'Xác nhận mở khóa' }).click();
    await expect(status.textContent()).resolves.toBe('Mở khóa Thôn 1: hãy ghi lý do mở khóa.');
    await expect(status.getAttribute('role')).resolves.toBe('alert');
    await reason.fill('Trưởng thôn ghi nhầm số buổi tập huấn');
    await sidebar.shot('dashboard-unlock.png');
    await reason.press('Enter');
    await status.filter({ hasText: 'Đã mở khóa' }).waitFor();
    await expect(status.textContent()).resolves.toBe('Đã mở khóa báo cáo Tháng 5/2026 của Thôn 1: số liệu tháng này lại sửa được.');
    await expect(page.locator('.tile-DA_DUYET').count()).resolves.toBe(0);
    await openGroups();
    await expect(village('Thôn 1').getByRole('button').textContent()).resolves.toBe('Duyệt');

    await page.getByRole('button', { name: 'Duyệt cả tháng 5' }).click();
    await status.filter({ hasText: 'Đã duyệt 10' }).waitFor();
    await expect(status.textContent()).resolves.toMatch(/^Đã duyệt 10 báo cáo Tháng 5\/2026\. Chưa duyệt được 7: .*Thôn 11 \(cần sửa: /);
    await expect(page.locator('.tile-DA_DUYET').textContent()).resolves.toBe('10Đã duyệt');
    await expect(page.getByRole('button', { name: 'Duyệt cả tháng 5' }).count()).resolves.toBe(0);
    await openGroups();
    await expect(page.locator('details.group-DA_DUYET li.village').count()).resolves.toBe(10);
    await sidebar.shot('dashboard-approved.png');

    const calls = sidebar.bridge.calls.filter((c) => c.name !== 'getDashboardData');
    expect(calls).toEqual([
      { name: 'approveVillageMonth', args: ['Thôn 1', 5] },
      { name: 'unlockVillageMonth', args: ['Thôn 1', 5, 'Trưởng thôn ghi nhầm số buổi tập huấn'] },
      { name: 'approveMonth', args: [5] },
    ]);
    const actions = wb.emu.rawGrid('Nhật ký').map((r) => String(r[2]));
    expect(actions.filter((a) => a === 'Duyệt báo cáo')).toHaveLength(11);
    expect(actions.filter((a) => a === 'Mở khóa báo cáo')).toHaveLength(1);
    expect(sidebar.dialogs).toEqual([]);
    expect(sidebar.bridge.refused).toEqual([]);
    await page.close();
  });

  it('a failed load shows the error and Thử lại; Làm mới works from the keyboard', async () => {
    const wb = communeWorkbook();
    const sidebar = await openSidebar(browser(), 'dashboard', wb);
    const { page } = sidebar;
    await page.locator('.headline').waitFor();

    sidebar.failNext('getDashboardData', 'Exception: Service Spreadsheets timed out while accessing document with id 1abc.');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('refresh');
    await page.keyboard.press('Enter');
    const error = page.locator('.state-error');
    await error.waitFor();
    // Google's refusal in Vietnamese, with what to do; none of its English, nor the document id.
    await expect(error.textContent()).resolves.toContain('Máy chủ Google Trang tính không phản hồi kịp');
    await expect(error.textContent()).resolves.toContain('Xin thử lại sau vài phút.');
    await expect(error.textContent()).resolves.not.toMatch(/Exception|Service|1abc/);
    // Focus lands on Thử lại, so Enter retries.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Thử lại');
    await sidebar.shot('dashboard-error.png');
    await page.keyboard.press('Enter');
    await page.locator('.headline').waitFor();
    await page.close();
  });

  it('tells people how to start when there are no villages, or no setup at all', async () => {
    const empty = newWorkbook({ now: NOW });
    empty.call('setupWorkbook');
    const sidebar = await openSidebar(browser(), 'dashboard', empty);
    await sidebar.page.locator('.state-empty').waitFor();
    await expect(sidebar.page.locator('.state-empty').textContent()).resolves.toContain('Hãy điền danh sách vào tab "Danh sách"');
    await expect(sidebar.page.locator('.state-empty').textContent()).resolves.toContain('Khởi tạo / cập nhật bảng tính');
    await sidebar.shot('dashboard-empty.png');
    await sidebar.page.close();

    const blank = await openSidebar(browser(), 'dashboard', newWorkbook({ now: NOW }));
    await blank.page.locator('.state-empty').waitFor();
    await expect(blank.page.locator('.state-title').textContent()).resolves.toBe('Bảng tính chưa được khởi tạo');
    await blank.page.close();
  });

  it('showDashboard opens the built page as a sidebar', () => {
    const wb = newWorkbook({ now: NOW });
    wb.call('showDashboard');
    expect(wb.emu.ui.sidebars).toHaveLength(1);
    expect(wb.emu.ui.sidebars[0].title).toBe('Bảng điều khiển');
    expect(wb.emu.ui.sidebars[0].content).toContain('getDashboardData');
  });

  it('shows who runs each trigger; another office account takes one over with a click', async () => {
    const DEPUTY = 'pho.phong@example.gov.vn';
    const wb = communeWorkbook();
    setSetting(wb.emu, 'Email phòng VH-XH', DEPUTY);
    wb.call('setupWorkbook');
    const asDeputy: TestWorkbook = { ...wb, call: <T>(name: string, args: unknown[] = [], as: RunContext = { activeUser: DEPUTY }) => wb.call<T>(name, args, as) };
    const sidebar = await openSidebar(browser(), 'dashboard', asDeputy);
    const { page } = sidebar;
    const edit = page.locator('.automation li', { hasText: 'Xử lý khi tích "Đã nộp"' });
    await edit.waitFor();
    await expect(edit.textContent()).resolves.toContain(`Tài khoản: ${OFFICE} · lần chạy gần nhất: chưa chạy lần nào`);
    await expect(page.locator('.automation li', { hasText: 'Gửi nhắc việc hằng ngày' }).textContent()).resolves.toContain('chưa cài');

    await edit.getByRole('button', { name: 'Nhận về tài khoản này' }).click();
    await page.locator('.status', { hasText: 'từ nay chạy dưới tài khoản của bạn' }).waitFor();
    await expect(page.locator('.automation li', { hasText: 'Xử lý khi tích "Đã nộp"' }).textContent()).resolves.toContain(`Tài khoản: ${DEPUTY} (bạn)`);
    await expect(page.getByRole('button', { name: 'Nhận về tài khoản này' }).count()).resolves.toBe(0);
    expect(wb.emu.triggers.filter((t) => t.handler === 'handleEdit').map((t) => t.owner)).toContain(DEPUTY);
    await sidebar.shot('dashboard-automation.png');
  });
});
