/**
 * The main job on the embedded default: runs the BUILT bundle in the emulator as a commune would
 * use it for a year — setup from a preset, village heads typing and ticking "Đã nộp" on their
 * phones, Tổng hợp, the morning reminders (scripts/demo/year.ts) — and writes what a person would
 * see: demo-output/<preset>.xlsx (every tab, the pace chart of `Tổng hợp` as a picture) and
 * demo-output/emails/*.eml; then next year's spreadsheet as Năm mới makes it on 05/01 of the
 * following year: demo-output/<preset>-<year+1>.xlsx.
 *
 *   npm run demo -- --preset an-hai --date 2026-05-25
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatLocalDate, vnDateOf, vnInstant, type LocalDate } from '../src/core/shared/calendar';
import { presetIdSchema } from '../src/core/config/presets';
import { vocabularyOf } from '../src/core/config/vocabulary';
import { printAggregate } from './demo/aggregate';
import { writeEmails } from './demo/emails';
import { paceChartPng } from './demo/paceChart';
import { hangingLines } from './demo/textColumns';
import { runDemoYear } from './demo/year';
import { summaryChartSize, writeXlsx } from './demo/xlsx';

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

const say = (text: string, lead = '') => hangingLines(lead, text).forEach((line) => console.log(line));

async function main(): Promise<void> {
  const started = Date.now();
  const root = join(__dirname, '..');
  const out = join(root, argument('out') ?? 'demo-output');
  const shown = (path: string) => relative(root, path) || '.';
  const year = runDemoYear(presetIdSchema.parse(argument('preset') ?? 'bach-ngoc'), parseDay(argument('date')));
  const { preset, emu, summary } = year;

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const xlsx = join(out, `${preset.id}.xlsx`);
  const model = emu.model();
  const chart = await paceChartPng(summary, summaryChartSize(model));
  const placed = await writeXlsx(model, xlsx, chart && 'png' in chart ? chart : undefined);
  const emails = writeEmails(emu.mail.outbox, join(out, 'emails'));

  // Next year's spreadsheet: the office copies this one and runs Năm mới in the copy. The emulator
  // holds one spreadsheet, so this one, its year already exported, stands for the copy.
  const nextYear = preset.settings.year + 1;
  emu.clock.set(new Date(Math.max(emu.clock.nowMs(), vnInstant(nextYear, 1, 5, 9).getTime())));
  year.asOffice('startNewYear');
  const nextXlsx = join(out, `${preset.id}-${nextYear}.xlsx`);
  await writeXlsx(emu.model(), nextXlsx);
  const [, newYearLine] = emu.rawGrid('Nhật ký');

  console.log('');
  say(`${preset.settings.unitName} — bản chạy thử ngày ${formatLocalDate(year.today)}`);
  say(`${year.villages.length} ${vocabularyOf(preset.settings).village}; ${year.submissions.filter((s) => s.tickOn).length} lần tích "Đã nộp", ${year.rejected} lần bị từ chối vì số liệu sai.`);
  if (year.month > 1) say(`Đã duyệt ${year.approved} báo cáo của tháng 1–${year.month - 1} (số liệu các tháng này đã khóa).`);
  printAggregate(summary);
  console.log('');
  say(`Đã ghi: ${shown(xlsx)}`);
  if (chart && 'missing' in chart) say(`Biểu đồ tiến độ không vẽ được: ${chart.missing}.`, '  ');
  else if (placed) say(`Biểu đồ tiến độ (dạng ảnh, vì tệp xlsx ghi ra không chứa được biểu đồ): tab "Tổng hợp", ô ${placed}.`, '  ');
  say(`Email nhắc việc: ${emails.length} thư trong ${shown(join(out, 'emails'))}`);
  console.log('');
  say(String(newYearLine?.[5] ?? ''), `Năm mới (${formatLocalDate(vnDateOf(emu.clock.now()))}): `);
  say(`Đã ghi: ${shown(nextXlsx)}`);
  say(`(${((Date.now() - started) / 1000).toFixed(1)} giây; ${emu.calls.total()} lệnh gọi dịch vụ Apps Script giả lập)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
