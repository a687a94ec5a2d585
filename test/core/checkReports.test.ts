/** Kiểm tra số liệu's result and log line, from assessed tabs, without the emulator. */
import { assessVillageTab } from '../../src/core/assessment/villageAssessment';
import { checkLogEntry, checkVillageTabs } from '../../src/core/entry/checkResult';
import type { Finding } from '../../src/core/shared/findings';
import { NOW, applied, baseGrid, preset, set, village } from './villageFixture';

const input = { settings: preset.settings, indicators: applied, now: NOW };
const other = { ...village, name: 'Thôn 4', row: 8 };
const third = { ...village, name: 'Thôn 5', row: 9 };

describe('checkVillageTabs', () => {
  it('counts every finding, names a missing tab and an unreadable one, and keeps the statuses', () => {
    const grid = baseGrid();
    set(grid, 'LUOT_DVCTT', 5, 'mười');
    const config: Finding[] = [{ level: 'warning', sheet: 'Danh sách', cell: 'B9', message: 'Danh sách: email chưa đúng.' }];
    const result = checkVillageTabs(
      [assessVillageTab(village, { name: 'Thôn 3', grid }, input), assessVillageTab(other, null, input), assessVillageTab(third, { name: 'Thôn 5', grid: [['x']] }, input)],
      config,
      input,
    );
    expect(result.checkedAt).toBe('15/06/2026 08:00');
    expect(result.configFindings).toEqual(config);
    expect(result.villages.map((v) => [v.village, v.sheet, v.errors, v.warnings, v.statuses.length])).toEqual([
      ['Thôn 3', 'Thôn 3', 1, 0, 12],
      ['Thôn 4', '', 1, 0, 0],
      ['Thôn 5', 'Thôn 5', 1, 0, 0],
    ]);
    expect(result.villages[0].findings.map((f) => f.cell)).toEqual(['I14']);
    expect(result.villages[1].findings[0]).toEqual({ level: 'error', sheet: '', cell: '', message: 'Thôn 4: chưa có tab của địa bàn này; chạy "Khởi tạo / cập nhật bảng tính".' });
    expect(result.villages[2].findings[0]).toEqual({ level: 'error', sheet: 'Thôn 5', cell: '', message: 'Thôn 5: không tìm thấy dòng tiêu đề "Mã | Chỉ tiêu | Tháng 1…" trong tab.' });
    expect([result.errors, result.warnings]).toEqual([3, 1]);
    expect(checkLogEntry(result)).toEqual({ action: 'Kiểm tra số liệu', detail: '3 lỗi, 1 cảnh báo ở 3/3 địa bàn.' });
  });

  it('adds the tab layout\'s own findings (a missing month column) to the months\' findings', () => {
    const grid = baseGrid().map((r) => r.slice(0, -1)); // no Tháng 12
    const result = checkVillageTabs([assessVillageTab(village, { name: 'Thôn 3', grid }, input)], [], input);
    expect(result.villages[0].findings.map((f) => f.message)).toEqual(['Thôn 3: không tìm thấy cột "Tháng 12" ở dòng tiêu đề.']);
    expect(checkLogEntry(result).detail).toBe('0 lỗi, 1 cảnh báo ở 1/1 địa bàn.');
  });
});
