/** Cài đặt in Chromium, backed by the emulator running dist/Code.js. */
import type { Page } from 'playwright-core';
import { vnInstant } from '../../src/core/shared/calendar';
import { readSettingsGrid } from '../../src/core/config/settingsGrid';
import { TAB_LOG, TAB_SETTINGS } from '../../src/core/workbook/tabNames';
import { newWorkbook, OFFICE, setSetting, workbookWithPreset, type TestWorkbook } from '../integration/harness';
import { openSidebar, useChromium } from './sidebarHarness';

const NOW = vnInstant(2026, 5, 25, 10);
const DUE_DAY = 'Hạn nộp báo cáo tháng (ngày 1–28)';

const browser = useChromium();

const presetWorkbook = () => workbookWithPreset('bach-ngoc', { now: NOW });

const settingsInTab = (wb: TestWorkbook) => readSettingsGrid(wb.emu.rawGrid(TAB_SETTINGS)).settings;
const valueCell = (wb: TestWorkbook, label: string) => wb.emu.rawGrid(TAB_SETTINGS).find((r) => r[0] === label)?.[1];
const status = (page: Page, part: 'form' | 'reminders' | 'presets' = 'form') => page.locator(`#${part}-status`);

describe('Cài đặt', () => {
  it('loads the settings of Cấu hình into a labelled form', async () => {
    const wb = presetWorkbook();
    const sidebar = await openSidebar(browser(), 'settings', wb, { hold: true });
    const { page } = sidebar;
    await page.locator('.state-loading').waitFor();
    await sidebar.shot('settings-loading.png');
    sidebar.releaseFirst();

    await page.getByLabel(DUE_DAY).waitFor();
    await expect(page.getByLabel('Tên đơn vị').inputValue()).resolves.toBe('Xã Bạch Ngọc');
    await expect(page.getByLabel(DUE_DAY).inputValue()).resolves.toBe('20');
    await expect(page.getByLabel('Hạn nộp rơi vào').inputValue()).resolves.toBe('Cùng tháng');
    await expect(page.locator('form label').count()).resolves.toBe(18);
    await expect(page.locator('.reminder-off').textContent()).resolves.toBe('Đang tắt');
    await sidebar.shot('settings-loaded.png');
    expect(sidebar.bridge.calls.map((c) => c.name)).toEqual(['getSettingsData']);
    expect(sidebar.bridge.refused).toEqual([]);
    await page.close();
  });

  it('shows Vietnamese errors next to the field and sends nothing until they are fixed', async () => {
    const wb = presetWorkbook();
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    const dueDay = page.getByLabel(DUE_DAY);
    await dueDay.fill('31');
    await dueDay.blur();
    await expect(page.locator('#f-dueDay-error').textContent()).resolves.toBe('"31" không hợp lệ: cần số nguyên từ 1 đến 28.');
    await expect(dueDay.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Email phòng VH-XH').fill('vhxh@');
    await page.getByLabel('Số thành viên Tổ tối đa').fill('2');

    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect(status(page).textContent()).resolves.toBe('Chưa lưu: 3 ô chưa hợp lệ, xem thông báo màu đỏ cạnh ô.');
    await expect(page.locator('#f-officeEmail-error').textContent()).resolves.toBe('"vhxh@" không phải địa chỉ email hợp lệ.');
    await expect(page.locator('#f-teamMax-error').textContent()).resolves.toBe('Số tối đa (2) phải lớn hơn hoặc bằng số tối thiểu (3).');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-dueDay');
    await sidebar.shot('settings-validation.png');
    expect(sidebar.bridge.calls.map((c) => c.name)).toEqual(['getSettingsData']);

    // Fixing a field clears its message as the user types.
    await dueDay.fill('25');
    await expect(page.locator('#f-dueDay-error').textContent()).resolves.toBe('');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect(dueDay.inputValue()).resolves.toBe('20');
    await expect(page.locator('.field.invalid').count()).resolves.toBe(0);
    await page.close();
  });

  it('saves a change into the value cell of Cấu hình, logs old → new, and keeps text as text', async () => {
    const wb = presetWorkbook();
    const before = settingsInTab(wb);
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    await page.getByLabel(DUE_DAY).fill('25');
    await page.getByLabel('Hạn nộp rơi vào').selectOption('Tháng sau');
    await page.getByLabel('Họ tên người ký').fill('=IMPORTXML("http://x.vn","//a")');
    // Enter in a field submits the form, as a keyboard user expects.
    await page.getByLabel('Họ tên người ký').press('Enter');
    await status(page).filter({ hasText: 'Đã lưu' }).waitFor();
    await expect(status(page).textContent()).resolves.toBe(
      'Đã lưu: Hạn nộp báo cáo tháng (ngày 1–28): 20 → 25; Hạn nộp rơi vào: Cùng tháng → Tháng sau; Họ tên người ký: Tô Văn Trường → =IMPORTXML("http://x.vn","//a").',
    );
    await sidebar.shot('settings-saved.png');

    expect(valueCell(wb, DUE_DAY)).toBe(25);
    expect(valueCell(wb, 'Hạn nộp rơi vào')).toBe('Tháng sau');
    expect(valueCell(wb, 'Họ tên người ký')).toBe('=IMPORTXML("http://x.vn","//a")');
    expect(settingsInTab(wb)).toEqual({ ...before, dueDay: 25, dueMonth: 'Tháng sau', signerName: '=IMPORTXML("http://x.vn","//a")' });
    const log = wb.emu.rawGrid(TAB_LOG);
    expect(log[log.length - 1].slice(1, 3)).toEqual([OFFICE, 'Sửa cấu hình']);
    expect(log[log.length - 1][5]).toContain('20 → 25');
    // The form now holds what was saved.
    await expect(page.getByLabel(DUE_DAY).inputValue()).resolves.toBe('25');
    expect(sidebar.bridge.refused).toEqual([]);
    await page.close();
  });

  it('a server error while saving is shown and nothing is written', async () => {
    const wb = presetWorkbook();
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    await page.getByLabel(DUE_DAY).fill('22');
    wb.emu.locks.holdDocumentLock(true);
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await status(page).filter({ hasText: 'Không lưu được' }).waitFor();
    await expect(status(page).textContent()).resolves.toMatch(/^Không lưu được: Bảng tính đang được một người hoặc một tác vụ khác cập nhật/);
    await expect(status(page).getAttribute('role')).resolves.toBe('alert');
    expect(valueCell(wb, DUE_DAY)).toBe(20);
    await sidebar.shot('settings-error.png');
    wb.emu.locks.holdDocumentLock(false);
    // The edit is still in the form: saving again works.
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await status(page).filter({ hasText: 'Đã lưu' }).waitFor();
    expect(valueCell(wb, DUE_DAY)).toBe(22);
    await page.close();
  });

  it('the server validates again and ignores fields the user left alone', () => {
    const wb = presetWorkbook();
    const loaded = wb.call('getSettingsData') as { values: Record<string, unknown> };
    const form = Object.fromEntries(Object.entries(loaded.values).map(([k, v]) => [k, String(v)]));
    expect(wb.call('saveSettings', [{ ...form, dueDay: '0' }, form])).toEqual({
      ok: false,
      errors: { dueDay: '"0" không hợp lệ: cần số nguyên từ 1 đến 28.' },
      message: 'Chưa lưu: có ô chưa hợp lệ, xem thông báo cạnh từng ô.',
    });
    setSetting(wb.emu, 'Tên đơn vị', 'Xã Bạch Ngọc (đổi trong tab)');
    const saved = wb.call('saveSettings', [{ ...form, reminderHour: '7' }, form]) as { ok: boolean; summary: string };
    expect(saved).toMatchObject({ ok: true, summary: 'Đã lưu: Giờ gửi nhắc (0–23): 8 → 7.' });
    expect(settingsInTab(wb)).toMatchObject({ unitName: 'Xã Bạch Ngọc (đổi trong tab)', reminderHour: 7 });
  });

  it('turns reminders on and off, and sends the test emails to the current user only', async () => {
    const wb = presetWorkbook();
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    await page.getByRole('button', { name: 'Bật nhắc tự động' }).click();
    await page.locator('.reminder-on').waitFor();
    expect(wb.emu.triggers.map((t) => t.getHandlerFunction())).toContain('runScheduledReminders');
    await expect(page.locator('#h-reminders + p + p').textContent()).resolves.toContain(OFFICE);
    await expect(status(page, 'reminders').textContent()).resolves.toContain('Nhắc việc tự động đang bật');

    await page.getByRole('button', { name: 'Gửi thử' }).click();
    await status(page, 'reminders').filter({ hasText: 'email mẫu' }).waitFor();
    expect(wb.emu.mail.outbox.length).toBeGreaterThan(0);
    expect(new Set(wb.emu.mail.outbox.map((m) => String(m.to)))).toEqual(new Set([OFFICE]));

    await page.getByRole('button', { name: 'Tắt nhắc tự động' }).click();
    await page.locator('.reminder-off').waitFor();
    expect(wb.emu.triggers.map((t) => t.getHandlerFunction())).not.toContain('runScheduledReminders');
    expect(sidebar.dialogs).toEqual([]);
    await page.close();
  });

  it('applies a preset only after confirming in the page', async () => {
    const wb = presetWorkbook();
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    await page.getByLabel('Mẫu', { exact: true }).selectOption({ label: 'Phường An Hải, TP Hải Phòng' });
    await page.getByRole('button', { name: 'Áp dụng mẫu…' }).click();
    await expect(page.locator('.confirm').textContent()).resolves.toContain('Áp dụng mẫu "Phường An Hải, TP Hải Phòng"?');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Áp dụng, ghi đè Cấu hình');
    await sidebar.shot('settings-preset-confirm.png');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await expect(page.locator('.confirm').count()).resolves.toBe(0);
    expect(sidebar.bridge.calls.map((c) => c.name)).toEqual(['getSettingsData']);

    await page.getByRole('button', { name: 'Áp dụng mẫu…' }).click();
    await page.getByRole('button', { name: 'Áp dụng, ghi đè Cấu hình' }).click();
    await status(page, 'presets').filter({ hasText: 'Đã áp dụng' }).waitFor();
    await expect(page.getByLabel('Tên đơn vị').inputValue()).resolves.toBe('Phường An Hải');
    expect(settingsInTab(wb).unitName).toBe('Phường An Hải');
    expect(sidebar.bridge.calls.find((c) => c.name === 'applyPreset')?.args).toEqual(['an-hai']);
    expect(sidebar.dialogs).toEqual([]);
    await page.close();
  });

  it('a workbook never set up offers the presets and nothing else', async () => {
    const wb = newWorkbook({ now: NOW });
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    await page.locator('.state-empty').waitFor();
    await expect(page.locator('.state-title').textContent()).resolves.toBe('Bảng tính chưa được khởi tạo');
    await expect(page.locator('form').count()).resolves.toBe(0);
    await sidebar.shot('settings-empty.png');
    await page.getByRole('button', { name: 'Áp dụng mẫu…' }).click();
    await page.getByRole('button', { name: 'Áp dụng, ghi đè Cấu hình' }).click();
    await page.getByLabel('Tên đơn vị').waitFor();
    await expect(page.getByLabel('Tên đơn vị').inputValue()).resolves.toBe('Phường An Hải');
    await page.close();
  });

  it('showSettings opens the built page as a sidebar', () => {
    const wb = newWorkbook({ now: NOW });
    wb.call('showSettings');
    expect(wb.emu.ui.sidebars.map((s) => s.title)).toEqual(['Cài đặt']);
    expect(wb.emu.ui.sidebars[0].content).toContain('saveSettings');
  });
});
