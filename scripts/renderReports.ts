/**
 * Renders the printed report (`Báo cáo`) as an official would see it: for each preset, May (dated
 * 25/05), December (dated 30/12, every report of the year due) and Quý II (dated 25/07), runs the
 * BUILT bundle in the emulator through the demo's year of sample reports (scripts/demo/year.ts:
 * `Đầu năm` typed by the office, heads' notes in `GHI_CHU`, approvals), then Tổng hợp of the
 * period; exports the `Báo cáo` tab alone as .xlsx, converts it with LibreOffice to PDF and each
 * page to PNG: test-artifacts/reports/<preset>-<period>-<page>.png.
 *
 * Sheets prints in Times New Roman; LibreOffice must have fonts of the same widths or the lines wrap
 * elsewhere than in Sheets: Liberation Serif for Times New Roman, and Carlito for Calibri (the
 * default font of an .xlsx, by which LibreOffice turns column widths into pixels). On Debian:
 * `apt-get install fonts-liberation fonts-crosextra-carlito`.
 *
 *   npm run render
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalDate } from '../src/core/shared/calendar';
import type { PresetId } from '../src/core/config/presets';
import { settingField } from '../src/core/config/settings';
import { TAB_REPORT } from '../src/core/workbook/tabNames';
import { runDemoYear, typeSetting } from './demo/year';
import { writeXlsx } from './demo/xlsx';

const OUT = join(__dirname, '..', 'test-artifacts', 'reports');

interface Rendering {
  name: string;
  date: LocalDate;
  entry: 'aggregateMonth' | 'aggregateQuarter';
  arg: number;
  /** What the office typed in `Đề xuất, kiến nghị` (empty: the report's own neutral sentence). */
  proposals: string;
}

const RENDERINGS: Rendering[] = [
  { name: 'thang-5', date: { year: 2026, month: 5, day: 25 }, entry: 'aggregateMonth', arg: 5, proposals: '' },
  {
    name: 'quy-2',
    date: { year: 2026, month: 7, day: 25 },
    entry: 'aggregateQuarter',
    arg: 2,
    proposals: 'Đề nghị Sở Khoa học và Công nghệ tổ chức lớp bồi dưỡng kỹ năng số cho thành viên các Tổ công nghệ số cộng đồng trong quý III.\nĐề nghị hỗ trợ kinh phí in tài liệu hướng dẫn cài đặt, sử dụng VNeID cho người cao tuổi.',
  },
  {
    name: 'thang-12',
    date: { year: 2026, month: 12, day: 30 },
    entry: 'aggregateMonth',
    arg: 12,
    proposals: 'Đề nghị Sở Khoa học và Công nghệ tiếp tục hỗ trợ thiết bị, đường truyền cho các Tổ công nghệ số cộng đồng trong năm 2027.',
  },
];

/** A year of sample reports up to the rendering's date (scripts/demo/year.ts), then Tổng hợp of its period. */
function runYear(id: PresetId, rendering: Rendering) {
  const year = runDemoYear(id, rendering.date);
  if (rendering.proposals) typeSetting(year.emu, year.ctx, settingField('proposals').label, rendering.proposals);
  year.asOffice(rendering.entry, [rendering.arg]);
  return year.emu.model();
}

/** Warns when LibreOffice would print with fonts of other widths than Sheets' (see the header). */
function checkFonts(): void {
  for (const [font, twin] of [['Times New Roman', 'Liberation Serif'], ['Calibri', 'Carlito']]) {
    const match = execFileSync('fc-match', [font], { encoding: 'utf8' });
    if (!match.includes(twin) && !match.includes(font)) console.warn(`Cảnh báo: không có phông ${twin} (thay cho ${font}), các dòng trong ảnh sẽ xuống dòng khác với Google Sheets.`);
  }
}

async function main(): Promise<void> {
  checkFonts();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const work = join(OUT, 'work');
  mkdirSync(work, { recursive: true });
  for (const id of ['an-hai', 'bach-ngoc'] as const) {
    for (const rendering of RENDERINGS) {
      const model = runYear(id, rendering);
      const base = `${id}-${rendering.name}`;
      const xlsx = join(work, `${base}.xlsx`);
      await writeXlsx({ ...model, sheets: model.sheets.filter((s) => s.name === TAB_REPORT) }, xlsx);
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], { stdio: 'ignore' });
      execFileSync('pdftoppm', ['-png', '-r', '110', join(work, `${base}.pdf`), join(OUT, base)]);
      const pages = readdirSync(OUT).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'));
      console.log(`${base}: ${pages.length} trang`);
    }
  }
  console.log(`Đã ghi: ${OUT}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
