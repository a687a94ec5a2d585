/**
 * The `Báo cáo` tab through the built bundle, on both presets: what Tổng hợp writes there in May
 * (dated 25/05/2026), for Quý II (25/07/2026) and December (30/12/2026), with the office's own
 * `Nơi nhận` and `Đề xuất, kiến nghị` typed in `Cấu hình` and a head's note in `GHI_CHU`.
 * The first village reports every month on time (with a note in May), the second late, the third
 * only in April; every other village reports nothing.
 */
import { vnInstant } from '../../src/core/shared/calendar';
import { CATALOGUE } from '../../src/core/config/catalogue';
import { getPreset, type PresetId } from '../../src/core/config/presets';
import { locateVillageTab, monthCellA1, STATUS_CODES } from '../../src/core/workbook/villageTabLayout';
import type { SheetSnapshot } from '../../emulator';
import { fillVillageMonth, sampleVillages, setSetting, sheetSnapshot, workbookWithPreset, type TestWorkbook } from './harness';

const NOTE = 'Sóng điện thoại yếu, tập huấn phải dời sang tháng sau.';
const PROPOSAL = 'Đề nghị Sở Khoa học và Công nghệ mở lớp bồi dưỡng cho thành viên các Tổ.';
const HEADINGS = ['I. TÌNH HÌNH NỘP BÁO CÁO', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. NHIỆM VỤ TRỌNG TÂM', 'V. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:'];

function typeNote(wb: TestWorkbook, village: string, month: number, text: string): void {
  const map = locateVillageTab(wb.emu.rawGrid(village));
  if (!map) throw new Error(`no tab ${village}`);
  wb.emu.rawSet(village, monthCellA1(map, STATUS_CODES.note, month) as string, text);
}

function scenario(id: PresetId): { wb: TestWorkbook; names: string[] } {
  const wb = workbookWithPreset(id, { now: vnInstant(2026, 5, 25, 10) });
  const names = sampleVillages(id).slice(0, 3).map((v) => v.name);
  for (let month = 1; month <= 12; month++) {
    fillVillageMonth(wb.emu, names[0], month, { ticked: true, submittedAt: vnInstant(2026, month, 10, 9), share: 0.5 + month * 0.03 });
    fillVillageMonth(wb.emu, names[1], month, { ticked: true, submittedAt: vnInstant(2026, month, 25, 9), share: 0.4 + month * 0.02 });
  }
  fillVillageMonth(wb.emu, names[2], 4, { ticked: true, submittedAt: vnInstant(2026, 4, 12, 9), share: 0.6 });
  typeNote(wb, names[0], 5, NOTE);
  setSetting(wb.emu, 'Đề xuất, kiến nghị', PROPOSAL);
  setSetting(wb.emu, 'Nơi nhận báo cáo (mỗi dòng một nơi)', 'Sở Khoa học và Công nghệ (b/c)\n- Lưu: VT, VHXH;');
  return { wb, names };
}

const texts = (wb: TestWorkbook) => wb.emu.rawGrid('Báo cáo').flat().filter((v): v is string => typeof v === 'string' && v !== '');
const evaluations = (wb: TestWorkbook) => wb.emu.rawGrid('Báo cáo').map((r) => r[9]).filter((v) => typeof v === 'string' && v !== '' && v !== 'Đánh giá');

describe.each([
  ['an-hai', /(^|[^\p{L}])thôn([^\p{L}]|$)/iu],
  ['bach-ngoc', /(^|[^\p{L}])(tổ dân phố|phường)([^\p{L}]|$)/iu],
] as const)('Báo cáo on %s', (id, foreign) => {
  const { wb, names } = scenario(id);

  it('May: sections I–V in order, the office\'s text, the head\'s note, Nơi nhận and the signer from Cấu hình', () => {
    wb.call('aggregateMonth', [5]);
    const all = texts(wb);
    const at = HEADINGS.map((h) => all.findIndex((t) => t.startsWith(h)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(all).toContain(PROPOSAL);
    expect(all).toContain(`+ ${names[0]}: “${NOTE}”`);
    expect(all).toContain('Nơi nhận:\n- Sở Khoa học và Công nghệ (b/c);\n- Lưu: VT, VHXH.');
    expect(all.at(-1)?.split('\n').at(-1)).toBe(getPreset(id).settings.signerName);
    expect(evaluations(wb).length).toBeGreaterThan(0);
    for (const word of evaluations(wb)) expect(['Đã đạt', 'Đúng tiến độ', 'Chậm tiến độ']).toContain(word);
    expect(all.some((t) => t.startsWith('Số liệu theo báo cáo tháng 5 ') && t.includes('hạn nộp 20/05/2026'))).toBe(true);
    expect(all.find((t) => t.startsWith('IV.'))).toBe('IV. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI');
  });

  it('May: no word of the other preset, no indicator code, no maths jargon anywhere in the tab', () => {
    wb.call('aggregateMonth', [5]);
    for (const text of texts(wb)) {
      expect(text).not.toMatch(foreign);
      for (const ind of CATALOGUE) expect(text).not.toContain(ind.code);
      expect(text).not.toMatch(/mẫu số|tử số|Σ|÷|lũy kế đến hết/i);
    }
  });

  it('May: an A4 page of one-row merges in Times New Roman; every row a height', () => {
    wb.call('aggregateMonth', [5]);
    const sheet = sheetSnapshot(wb.emu, 'Báo cáo') as SheetSnapshot;
    expect(Object.values(sheet.columnWidths).reduce((a, b) => a + b, 0)).toBe(680);
    for (const m of sheet.merges) expect(new Set(m.match(/\d+/g)).size).toBe(1);
    expect(sheet.cells.every((c) => c.format.fontFamily === 'Times New Roman')).toBe(true);
    const rows = wb.emu.rawGrid('Báo cáo').length;
    for (let row = 1; row <= rows; row++) expect(sheet.rowHeights[row]).toBeGreaterThan(0);
  });

  it('Quý II: the quarter\'s months as "tháng 4, 5, 6" and the next quarter\'s tasks', () => {
    wb.emu.clock.set(vnInstant(2026, 7, 25, 10));
    wb.call('aggregateQuarter', [2]);
    const all = texts(wb);
    expect(all.some((t) => t.includes('trong quý II/2026 (tháng 4, 5, 6)'))).toBe(true);
    expect(all.some((t) => t.includes(`${names[2]} (tháng 5, 6)`))).toBe(true);
    expect(all.find((t) => t.startsWith('IV.'))).toBe('IV. NHIỆM VỤ TRỌNG TÂM QUÝ TỚI');
    expect(all.join('\n')).not.toMatch(/\(T\d/);
  });

  it('December: the year\'s verdict and next year\'s tasks', () => {
    wb.emu.clock.set(vnInstant(2026, 12, 30, 10));
    wb.call('aggregateMonth', [12]);
    const words = evaluations(wb);
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(['Đạt', 'Chưa đạt']).toContain(word);
    const all = texts(wb);
    expect(all.find((t) => t.startsWith('IV.'))).toBe('IV. NHIỆM VỤ TRỌNG TÂM NĂM TỚI');
    expect(all.some((t) => /^Năm 2026 (có \d+\/\d+|chưa có) chỉ tiêu/.test(t))).toBe(true);
  });
});
