/**
 * The main job on the embedded default: runs the BUILT bundle in the emulator as a commune would
 * use it for a year — setup from a preset, village heads typing and ticking "Đã nộp" on their
 * phones, Tổng hợp, the morning reminders — and writes what a person would see:
 * demo-output/<preset>.xlsx (every tab) and demo-output/emails/*.eml; then next year's
 * spreadsheet as Năm mới makes it on 05/01 of the following year: demo-output/<preset>-<year+1>.xlsx.
 *
 *   npm run demo -- --preset an-hai --date 2026-05-25
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppsScriptEmulator } from '../emulator';
import { callEntry, loadBundle } from '../emulator/loadBundle';
import { a1Range } from '../src/core/shared/a1';
import { currentReportMonth, formatLocalDate, vnDateOf, vnInstant, type LocalDate } from '../src/core/shared/calendar';
import { getPreset, presetIdSchema } from '../src/core/config/presets';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../src/core/workbook/villageTabLayout';
import { printAggregate } from './demo/aggregate';
import { writeEmails } from './demo/emails';
import { demoSubmissions } from './demo/sampleData';
import { pasteVillages, sampleVillages } from './demo/sampleVillages';
import { writeXlsx } from './demo/xlsx';

const OFFICE = 'vanhoa.xahoi@example.gov.vn';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function parseDay(text: string | undefined): LocalDate {
  if (!text) return vnDateOf(new Date());
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`--date cần dạng YYYY-MM-DD, nhận "${text}"`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

async function main(): Promise<void> {
  const preset = getPreset(presetIdSchema.parse(argument('preset') ?? 'bach-ngoc'));
  const today = parseDay(argument('date'));
  const out = join(__dirname, '..', argument('out') ?? 'demo-output');
  const started = Date.now();

  const villages = sampleVillages(preset.id);
  const emu = new AppsScriptEmulator({ owner: OFFICE, editors: villages.map((v) => v.email), now: vnInstant(preset.settings.year, 1, 2, 8) });
  const ctx = loadBundle(emu);
  const asOffice = { activeUser: OFFICE };
  callEntry(emu, ctx, 'applyPreset', [preset.id], asOffice);
  // The preset fills Cấu hình only: the office pastes its villages into Danh sách and runs setup again.
  pasteVillages(emu, villages, OFFICE);
  callEntry(emu, ctx, 'setupWorkbook', [], asOffice);
  // The office types its own address, so the daily digest has somewhere to go.
  const officeRow = emu.rawGrid('Cấu hình').findIndex((r) => r[0] === 'Email phòng VH-XH') + 1;
  emu.userEdit(ctx, { user: OFFICE, sheet: 'Cấu hình', a1: `B${officeRow}`, value: OFFICE });
  callEntry(emu, ctx, 'installReminderTrigger', [], asOffice);

  // Heads paste a month's column then tick "Đã nộp", in the order it happened.
  const submissions = demoSubmissions(villages, preset.indicators.filter((i) => i.applied), preset.settings, today);
  const events = submissions
    .map((s) => ({ s, at: s.tickOn ? vnInstant(s.tickOn.year, s.tickOn.month, s.tickOn.day, s.tickHour) : vnInstant(today.year, today.month, today.day, 7) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let rejected = 0;
  for (const { s, at } of events) {
    emu.clock.set(at);
    // The daily reminder trigger fires on every morning that passed, seeing the tabs as they were.
    emu.fireDueTimeTriggers(ctx);
    const map = locateVillageTab(emu.rawGrid(s.village));
    if (!map) throw new Error(`Tab "${s.village}" không đúng mẫu.`);
    const rows = [...s.values.keys()].flatMap((code) => (map.rows.has(code) ? [map.rows.get(code) as number] : []));
    const first = Math.min(...rows);
    const codeAt = new Map([...map.rows].map(([code, row]) => [row, code]));
    const column = Array.from({ length: Math.max(...rows) - first + 1 }, (_, i) => [s.values.get(codeAt.get(first + i) ?? '') ?? '']);
    emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: a1Range(first + 1, map.monthCols[s.month - 1] + 1, column.length, 1), value: column });
    if (!s.tickOn) continue;
    const tick = monthCellA1(map, STATUS_CODES.submitted, s.month) as string;
    emu.userEdit(ctx, { user: s.headEmail, sheet: s.village, a1: tick, value: true });
    if (emu.rawGet(s.village, tick) !== true) rejected++;
  }

  // The morning of `today`: the reminder trigger fires, then the office clicks Tổng hợp.
  emu.clock.set(vnInstant(today.year, today.month, today.day, preset.settings.reminderHour + 1, 0));
  emu.fireDueTimeTriggers(ctx);
  emu.clock.set(vnInstant(today.year, today.month, today.day, 9, 0));
  const month = currentReportMonth(today, preset.settings);
  // The office approves every month before the current one: what was submitted and is right gets locked.
  const approvals = Array.from({ length: month - 1 }, (_, i) => callEntry(emu, ctx, 'approveMonth', [i + 1], asOffice) as { approved: string[] });
  emu.clock.set(vnInstant(today.year, today.month, today.day, 9, 30));
  const summary = callEntry(emu, ctx, 'aggregateMonth', [month], asOffice);

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const xlsx = join(out, `${preset.id}.xlsx`);
  await writeXlsx(emu.model(), xlsx);
  const emails = writeEmails(emu.mail.outbox, join(out, 'emails'));

  // Next year's spreadsheet: the office copies this one and runs Năm mới in the copy. The emulator
  // holds one spreadsheet, so this one, its year already exported, stands for the copy.
  const nextYear = preset.settings.year + 1;
  emu.clock.set(new Date(Math.max(emu.clock.nowMs(), vnInstant(nextYear, 1, 5, 9).getTime())));
  callEntry(emu, ctx, 'startNewYear', [], asOffice);
  const nextXlsx = join(out, `${preset.id}-${nextYear}.xlsx`);
  await writeXlsx(emu.model(), nextXlsx);
  const [, newYearLine] = emu.rawGrid('Nhật ký');

  console.log(`\n${preset.settings.unitName} — bản chạy thử ngày ${formatLocalDate(today)}`);
  console.log(`${villages.length} ${preset.settings.villageWord.toLocaleLowerCase('vi')}; ${submissions.filter((s) => s.tickOn).length} lần tích "Đã nộp", ${rejected} lần bị từ chối vì số liệu sai.`);
  console.log(`Đã duyệt ${approvals.reduce((n, a) => n + a.approved.length, 0)} báo cáo của tháng 1–${month - 1} (số liệu các tháng này đã khóa).`);
  printAggregate(summary);
  console.log(`\nĐã ghi: ${xlsx}`);
  console.log(`Email nhắc việc: ${emails.length} thư trong ${join(out, 'emails')}`);
  console.log(`\nNăm mới (${formatLocalDate(vnDateOf(emu.clock.now()))}): ${newYearLine?.[5] ?? ''}`);
  console.log(`Đã ghi: ${nextXlsx}`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} giây; ${emu.calls.total()} lệnh gọi dịch vụ Apps Script giả lập)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
