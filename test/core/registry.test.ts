import { findVillage, readRegistryGrid, registryLayout } from '../../src/core/config/registry';

const layout = registryLayout('Thôn');
const row = (name: unknown, email = '', denominators: unknown[] = ['', '', '', '', '']) => [name, 'Nguyễn Văn A', email, '0912', 'Trần B', ...denominators];

describe('readRegistryGrid', () => {
  it('reads by the code row, so a user may reorder visible labels', () => {
    const grid = [...layout.rows, row('Thôn 1', 'a@example.com', [120, 300, 320, 40, 10])];
    const { villages, findings } = readRegistryGrid(grid);
    expect(findings).toEqual([]);
    expect(villages[0]).toMatchObject({ name: 'Thôn 1', email: 'a@example.com', denominators: { SO_HO: 120, DS_TRUONG_THANH: 300, DS_TU_16: 320, HS_TRUNG_HOC: 40, LD_DN_HTX: 10 }, row: 5 });
  });

  it('falls back to the visible labels when the code row was deleted', () => {
    const grid = [layout.rows[0], layout.rows[3], row('Thôn 2', '', ['1.234', '', '', '', ''])];
    const { villages } = readRegistryGrid(grid);
    expect(villages[0]).toMatchObject({ name: 'Thôn 2', denominators: { SO_HO: 1234 } });
  });

  it('falls back to the visible labels of any village word setup writes', () => {
    const words = registryLayout('Bản');
    const grid = [words.rows[0], words.rows[3], row('Bản Mới', '', ['80', '', '', '', ''])];
    const { villages, findings } = readRegistryGrid(grid);
    expect(findings).toEqual([]);
    expect(villages[0]).toMatchObject({ name: 'Bản Mới', head: 'Nguyễn Văn A', denominators: { SO_HO: 80 } });
  });

  it('reports duplicates (after NFC and case folding), own-tab names, bad emails and bad numbers', () => {
    const nfd = 'Thôn 3'.normalize('NFD');
    const grid = [...layout.rows, row('Thôn 3'), row(` ${nfd.toUpperCase()} `), row('Nhật ký'), row('Thôn 4', 'không-phải-email', ['-5', '', '', '', ''])];
    const { villages, findings } = readRegistryGrid(grid);
    expect(villages.map((v) => v.name)).toEqual(['Thôn 3', 'Thôn 4']);
    expect(findings.map((f) => `${f.cell} ${f.message}`)).toEqual([
      'A6 Dòng 6: "THÔN 3" trùng tên với dòng 5; bỏ qua dòng này.',
      'A7 Dòng 7: "Nhật ký" trùng tên một tab của tiện ích; hãy đặt tên khác.',
      'C8 Thôn 4: email "không-phải-email" không hợp lệ; sẽ không gửi nhắc và không cấp quyền sửa tab.',
      'F8 Thôn 4: Tổng số hộ "-5" không phải số nguyên không âm; coi như chưa có.',
    ]);
    expect(findVillage(villages, 'thôn 3 ')?.name).toBe('Thôn 3');
  });
});
