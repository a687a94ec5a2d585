/** Cài đặt in Chromium, backed by the emulator running dist/Code.js. */
import type { Page } from 'playwright-core';
import { vnInstant } from '../../src/core/shared/calendar';
import { getPreset } from '../../src/core/config/presets';
import { SETTING_FIELDS } from '../../src/core/config/settings';
import { formTargets } from '../../src/core/config/settingsFormLayout';
import { readSettingsGrid } from '../../src/core/config/settingsGrid';
import { TAB_LOG, TAB_SETTINGS } from '../../src/core/workbook/tabNames';
import { newWorkbook, OFFICE, setSetting, sheetSnapshot, workbookWithPreset, type TestWorkbook } from '../integration/harness';
import { openSidebar, useChromium } from './sidebarHarness';

const NOW = vnInstant(2026, 5, 25, 10);
const DUE_DAY = 'Hạn nộp báo cáo tháng (ngày 1–28)';

const browser = useChromium();

const presetWorkbook = () => workbookWithPreset('bach-ngoc', { now: NOW });

const settingsInTab = (wb: TestWorkbook) => readSettingsGrid(wb.emu.rawGrid(TAB_SETTINGS)).settings;
const valueCell = (wb: TestWorkbook, label: string) => wb.emu.rawGrid(TAB_SETTINGS).find((r) => r[0] === label)?.[1];
const status = (page: Page, part: 'form' | 'reminders' | 'presets' = 'form') => page.locator(`#${part}-status`);
const NTT_KNS = getPreset('bach-ngoc').indicators.find((i) => i.code === 'NTT_KNS')?.label as string;
const RECIPIENTS = 'Nơi nhận báo cáo (mỗi dòng một nơi)';
const targetCell = (wb: TestWorkbook, code: string) => wb.emu.rawGrid(TAB_SETTINGS).find((r) => r[0] === code)?.[5];

/** English a careless sidebar might show, as whole words (the list of the scan). */
const ENGLISH = /\b(save|cancel|apply|error|loading|settings|preset|target|submit|undefined|null|NaN|true|false|exception|timed out|required|invalid)\b/i;
/** Everything a person reads or a screen reader speaks on the page. */
const spokenText = (page: Page) =>
  page.evaluate(() =>
    [document.title, document.body.innerText, ...Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]')).flatMap((n) => ['aria-label', 'title', 'placeholder'].map((a) => n.getAttribute(a) ?? ''))].join('\n'),
  );

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
    const targets = formTargets(getPreset('bach-ngoc').indicators);
    await expect(page.locator('form label').count()).resolves.toBe(SETTING_FIELDS.length + targets.length);
    await expect(page.locator('form h2').allTextContents()).resolves.toEqual(['Đơn vị', 'Hạn nộp và nhắc việc', 'Báo cáo: người ký, nơi nhận, đề xuất', 'Chỉ tiêu năm', 'Xếp hạng Tổ tiêu biểu']);
    await expect(page.getByLabel(NTT_KNS).inputValue()).resolves.toBe('70');
    await expect(page.getByLabel(RECIPIENTS).evaluate((n) => n.tagName)).resolves.toBe('TEXTAREA');
    await expect(page.getByLabel(RECIPIENTS).inputValue()).resolves.toBe(getPreset('bach-ngoc').settings.recipients);
    await expect(page.getByLabel('Đề xuất, kiến nghị').evaluate((n) => n.tagName)).resolves.toBe('TEXTAREA');
    await expect(page.locator('#weights-sum').textContent()).resolves.toBe('Tổng ba trọng số: 100. Tỷ trọng trong điểm xếp hạng: kết quả chỉ tiêu 50%, nộp đúng hạn 30%, hoạt động 20%.');
    // The sheet's own preset, not the first of the list.
    await expect(page.getByLabel('Mẫu', { exact: true }).inputValue()).resolves.toBe('bach-ngoc');
    await expect(page.locator('#preset-current').textContent()).resolves.toBe('Bảng tính này đang theo mẫu "Xã Bạch Ngọc, tỉnh Tuyên Quang".');
    expect(await spokenText(page)).not.toMatch(ENGLISH);
    expect(await spokenText(page)).not.toMatch(/mục tiêu/i);
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
    await page.getByLabel(NTT_KNS).fill('105');
    for (const label of ['kết quả chỉ tiêu', 'nộp đúng hạn', 'hoạt động']) await page.getByLabel(`Trọng số xếp hạng: ${label}`).fill('0');
    // Three zero weights are not an error: the line under them warns, and saving stays possible.
    await expect(page.locator('#weights-sum').textContent()).resolves.toContain('Cả ba trọng số xếp hạng đều bằng 0');
    await expect(page.locator('#weights-sum').getAttribute('class')).resolves.toContain('weights-warning');

    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect(status(page).textContent()).resolves.toBe('Chưa lưu: 4 ô chưa hợp lệ, xem thông báo màu đỏ cạnh ô.');
    await expect(page.locator('#f-officeEmail-error').textContent()).resolves.toBe('"vhxh@" không phải địa chỉ email hợp lệ.');
    await expect(page.locator('#f-teamMax-error').textContent()).resolves.toBe('Số tối đa (2) phải lớn hơn hoặc bằng số tối thiểu (3).');
    await expect(page.locator('#f-target-NTT_KNS-error').textContent()).resolves.toBe('"105" không hợp lệ: cần số nguyên từ 0 đến 100, hoặc để trống nếu kế hoạch không giao.');
    await expect(page.getByLabel(NTT_KNS).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-dueDay');
    expect(await spokenText(page)).not.toMatch(ENGLISH);
    await sidebar.shot('settings-validation.png');
    expect(sidebar.bridge.calls.map((c) => c.name)).toEqual(['getSettingsData']);

    // Fixing a field clears its message as the user types.
    await dueDay.fill('25');
    await expect(page.locator('#f-dueDay-error').textContent()).resolves.toBe('');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect(dueDay.inputValue()).resolves.toBe('20');
    await expect(page.getByLabel(NTT_KNS).inputValue()).resolves.toBe('70');
    await expect(page.locator('.field.invalid').count()).resolves.toBe(0);
    await expect(page.locator('#weights-sum').textContent()).resolves.toContain('Tổng ba trọng số: 100.');
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

  it('edits a yearly target and Nơi nhận: the payload holds them, only their cells change, line breaks kept', async () => {
    const wb = presetWorkbook();
    const before = wb.emu.rawGrid(TAB_SETTINGS).map((r) => [...r]);
    const sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    const recipients = 'Sở Khoa học và Công nghệ tỉnh Tuyên Quang (b/c);\nThường trực Đảng ủy, HĐND xã (b/c);\nChủ tịch, các Phó Chủ tịch UBND xã;\nCác thôn trên địa bàn xã;\nLưu: VT, VHXH.';
    await page.getByLabel(NTT_KNS).fill('75');
    await page.getByLabel(RECIPIENTS).fill(`${recipients}\n  \n`);
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await status(page).filter({ hasText: 'Đã lưu' }).waitFor();

    const save = sidebar.bridge.calls.find((c) => c.name === 'saveSettings');
    const [sent, baseline] = save?.args as [Record<string, string>, Record<string, string>];
    expect(sent).toMatchObject({ 'target:NTT_KNS': '75', 'target:HS_KNS': '100', recipients: `${recipients}\n  \n`, dueDay: '20' });
    expect(baseline).toMatchObject({ 'target:NTT_KNS': '70', recipients: getPreset('bach-ngoc').settings.recipients });
    expect(Object.keys(sent).sort()).toEqual(Object.keys(baseline).sort());

    await expect(status(page).textContent()).resolves.toBe(
      `Đã lưu: ${RECIPIENTS}: đã sửa, nay có 5 dòng; Chỉ tiêu năm (%) của "${NTT_KNS}": 70 → 75.`,
    );
    expect(targetCell(wb, 'NTT_KNS')).toBe(75);
    expect(valueCell(wb, RECIPIENTS)).toBe(recipients);
    // Nothing else of the tab moved: every other cell is what it was.
    const after = wb.emu.rawGrid(TAB_SETTINGS);
    const changed = after.flatMap((row, r) => row.flatMap((v, c) => (v === before[r]?.[c] ? [] : [[r, c]])));
    expect(changed).toHaveLength(2);
    const recipientsRow = after.findIndex((r) => r[0] === RECIPIENTS) + 1;
    expect(sheetSnapshot(wb.emu, TAB_SETTINGS)?.rowHeights[recipientsRow]).toBeGreaterThanOrEqual(5 * 17);
    expect(readSettingsGrid(after).indicators.find((i) => i.code === 'NTT_KNS')?.targetPercent).toBe(75);
    const log = wb.emu.rawGrid(TAB_LOG);
    // The log keeps both texts whole, to type back from, on one line (their lines joined by " / ").
    const oneLine = (text: string) => text.split('\n').join(' / ');
    expect(log[log.length - 1][5]).toBe(`${RECIPIENTS}: ${oneLine(getPreset('bach-ngoc').settings.recipients)} → ${oneLine(recipients)}; Chỉ tiêu năm (%) của "${NTT_KNS}": 70 → 75`);
    // The form now holds what was saved, line breaks included.
    await expect(page.getByLabel(NTT_KNS).inputValue()).resolves.toBe('75');
    await expect(page.getByLabel(RECIPIENTS).inputValue()).resolves.toBe(recipients);
    await sidebar.shot('settings-saved-targets.png');
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
    await expect(page.getByLabel('Mẫu', { exact: true }).inputValue()).resolves.toBe('an-hai');
    expect(settingsInTab(wb).unitName).toBe('Phường An Hải');
    expect(sidebar.bridge.calls.find((c) => c.name === 'applyPreset')?.args).toEqual(['an-hai']);
    expect(sidebar.dialogs).toEqual([]);
    await page.close();
  });

  it('the picker shows the sheet\'s own preset, and says so when the sheet follows none', async () => {
    const wb = workbookWithPreset('mac-dinh', { now: NOW });
    setSetting(wb.emu, 'Tên đơn vị', 'Xã Tân Lập');
    let sidebar = await openSidebar(browser(), 'settings', wb);
    await sidebar.page.getByLabel('Tên đơn vị').waitFor();
    // Renamed after the preset was applied: still the preset it started from.
    await expect(sidebar.page.getByLabel('Mẫu', { exact: true }).inputValue()).resolves.toBe('mac-dinh');
    await sidebar.page.close();

    // A copy of the spreadsheet carries no record: nothing to recognise, so no preset is claimed.
    wb.emu.properties.document.delete('settings.preset');
    sidebar = await openSidebar(browser(), 'settings', wb);
    const { page } = sidebar;
    await page.getByLabel('Tên đơn vị').waitFor();
    await expect(page.getByLabel('Mẫu', { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.locator('#preset option:checked').textContent()).resolves.toBe('Tự cấu hình');
    await expect(page.locator('#preset-current').textContent()).resolves.toBe('Bảng tính này tự cấu hình, không theo mẫu nào.');
    await page.getByRole('button', { name: 'Áp dụng mẫu…' }).click();
    await expect(status(page, 'presets').textContent()).resolves.toBe('Chọn một mẫu trong danh sách rồi bấm lại "Áp dụng mẫu…".');
    await expect(page.locator('.confirm').count()).resolves.toBe(0);
    await sidebar.shot('settings-preset-none.png');
    expect(sidebar.bridge.calls.map((c) => c.name)).toEqual(['getSettingsData']);
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
