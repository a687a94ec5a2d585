/** Approval's pure core: the Đã duyệt status, the head's cells, who may be approved, and what approvals do to Tổng hợp and the dashboard. */
import { monthArgument } from '../../src/core/assessment/period';
import { aggregate } from '../../src/core/assessment/aggregation';
import { monthStatus, wasOnTime } from '../../src/core/assessment/status';
import { assessVillageTab, type AssessedTab } from '../../src/core/assessment/villageAssessment';
import {
  approvalRefusal,
  approvalResult,
  approvedMonthsIn,
  planMonthApproval,
  unlockReason,
  unlockRefusal,
} from '../../src/core/entry/approval';
import { buildDashboard } from '../../src/core/reports/dashboard';
import { summaryLayout } from '../../src/core/reports/summaryLayout';
import { openInputBlocks } from '../../src/core/workbook/villageTabSpec';
import { vnInstant } from '../../src/core/shared/calendar';
import type { Village } from '../../src/core/config/registry';
import { locateVillageTab, STATUS_CODES, type VillageTabMap } from '../../src/core/workbook/villageTabLayout';
import { applied, baseGrid, colOf, fillMonth, layout, parse, preset, rowOf, set, village } from './villageFixture';

const APPROVED_ON = vnInstant(2026, 6, 12, 9);
/** 25/06/2026 10:00 in Vietnam: Tháng 6 fell due on 20/06. */
const NOW = vnInstant(2026, 6, 25, 10);
const settings = preset.settings;

const approve = (grid: unknown[][], ...months: number[]) => months.forEach((m) => set(grid, STATUS_CODES.approvedAt, m, APPROVED_ON));
const mapOf = (grid: unknown[][]) => locateVillageTab(grid) as VillageTabMap;
const named = (name: string): Village => ({ ...village, name });
const assess = (name: string, grid: unknown[][] | null): AssessedTab => assessVillageTab(named(name), grid && { name, grid }, { settings, indicators: applied, now: NOW });

describe('the Đã duyệt status', () => {
  it('a fresh tab has the DA_DUYET row last, after the other status rows', () => {
    expect(layout.rows.slice(-4).map((r) => r[0])).toEqual(['DA_NOP', 'NGAY_NOP', 'GHI_CHU', 'DA_DUYET']);
    expect(layout.rows[layout.rows.length - 1][1]).toBe('Đã duyệt (phòng VH-XH ghi)');
  });

  it('an approved month is DA_DUYET unless its data has errors now; on time or late stays known from its stamp', () => {
    const grid = baseGrid();
    approve(grid, 2, 3);
    set(grid, 'NGAY_NOP', 3, vnInstant(2026, 3, 25, 9)); // after the 20th: late
    const report = parse(grid);
    expect(report.months[1].approvedAt?.getTime()).toBe(APPROVED_ON.getTime());
    expect(report.months[1].approvedAtCell).toBe(`${'ABCDEFGHIJKLMNOP'[colOf(2)]}${rowOf('DA_DUYET') + 1}`);
    expect(report.months[0].approvedAt).toBeNull();
    expect([1, 2, 3].map((m) => monthStatus(report.months[m - 1], false, settings))).toEqual(['DUNG_HAN', 'DA_DUYET', 'DA_DUYET']);
    expect(monthStatus(report.months[1], true, settings)).toBe('CAN_SUA');
    expect([2, 3].map((m) => wasOnTime('DA_DUYET', report.months[m - 1], settings))).toEqual([true, false]);
  });

  it('only a date approves: text typed into DA_DUYET proves nothing', () => {
    const grid = baseGrid();
    set(grid, STATUS_CODES.approvedAt, 4, 'đã duyệt');
    approve(grid, 5);
    expect(parse(grid).months[3].approvedAt).toBeNull();
    expect(approvedMonthsIn(grid)).toEqual([5]);
    expect(approvedMonthsIn(null)).toEqual([]);
  });
});

describe('approved months leave the head\'s cells', () => {
  it('the head\'s cells are the month columns not approved, across the table but NGAY_NOP and DA_DUYET', () => {
    const map = mapOf(baseGrid());
    const first = map.headerRow + 2;
    const ngayNop = rowOf('NGAY_NOP') + 1;
    const daDuyet = rowOf('DA_DUYET') + 1;
    // Rows: indicators to DA_NOP, then GHI_CHU (NGAY_NOP and DA_DUYET are the office's).
    const rows = [{ row: first, numRows: ngayNop - first }, { row: ngayNop + 1, numRows: daDuyet - ngayNop - 1 }];
    expect(openInputBlocks(map, [])).toEqual(rows.map((r) => ({ ...r, col: colOf(1) + 1, numCols: 12 })));
    // Tháng 1–3, 5 and 7 approved: open are 4, 6 and 8–12.
    expect(openInputBlocks(map, [5, 1, 2, 3, 7, 2]).map((b) => [b.col, b.numCols])).toEqual([
      [colOf(4) + 1, 1], [colOf(4) + 1, 1], [colOf(6) + 1, 1], [colOf(6) + 1, 1], [colOf(8) + 1, 5], [colOf(8) + 1, 5],
    ]);
  });

  it('months whose columns a person moved apart are separate blocks', () => {
    const grid = baseGrid().map((r) => {
      const moved = [...r];
      moved.splice(colOf(3), 0, ''); // a column inserted between Tháng 2 and Tháng 3
      return moved;
    });
    expect(openInputBlocks(mapOf(grid), [4, 5, 6, 7, 8, 9, 10, 11, 12]).map((b) => [b.col, b.numCols])).toEqual([
      [colOf(1) + 1, 2], [colOf(1) + 1, 2], [colOf(3) + 2, 1], [colOf(3) + 2, 1],
    ]);
  });
});

describe('who may be approved', () => {
  /** Tháng 6: Thôn 1 on time, Thôn 2 late, Thôn 3 approved, Thôn 4 wrong, Thôn 5 unticked, Thôn 6 unstamped, Thôn 7 no tab. */
  function commune(): AssessedTab[] {
    const month6 = (ticked: boolean, stamp: Date | null, edit?: (g: unknown[][]) => void) => {
      const grid = baseGrid();
      fillMonth(grid, 6, ticked);
      if (stamp) set(grid, 'NGAY_NOP', 6, stamp);
      edit?.(grid);
      return grid;
    };
    return [
      assess('Thôn 1', month6(true, vnInstant(2026, 6, 18, 9))),
      assess('Thôn 2', month6(true, vnInstant(2026, 6, 22, 9))),
      assess('Thôn 3', month6(true, vnInstant(2026, 6, 18, 9), (g) => approve(g, 6))),
      assess('Thôn 4', month6(true, vnInstant(2026, 6, 18, 9), (g) => set(g, 'BUOI_TAP_HUAN', 6, 'năm'))),
      assess('Thôn 5', month6(false, null)),
      assess('Thôn 6', month6(true, null)),
      assess('Thôn 7', null),
    ];
  }

  it('approves submitted, valid months only, and says why not for the others', () => {
    const plan = planMonthApproval(commune(), 6);
    expect(plan.approve.map((t) => t.village.name)).toEqual(['Thôn 1', 'Thôn 2']);
    expect(plan.alreadyApproved).toEqual(['Thôn 3']);
    expect(plan.refused.map((r) => [r.name, r.reason.split(':')[0]])).toEqual([
      ['Thôn 4', 'cần sửa'],
      ['Thôn 5', 'chưa nộp'],
      ['Thôn 6', 'chờ xử lý (đã tích "Đã nộp", tiện ích chưa ghi ngày nộp)'],
      ['Thôn 7', 'chưa có tab'],
    ]);
    expect(plan.refused[0].reason).toMatch(/^cần sửa: Thôn 4, Tháng 6, ô [A-Z]+\d+: .*"năm"/);
    expect(approvalRefusal(commune()[2], 6)).toBe('đã duyệt ngày 12/06/2026');
  });

  it('the outcome says what was approved, what is left for another run, and names at most 30 left out', () => {
    const [onTime, late] = commune();
    const plan = { approve: [onTime, late], alreadyApproved: ['Thôn 3'], refused: Array.from({ length: 40 }, (_, i) => ({ name: `Thôn ${i + 10}`, reason: 'chưa nộp' })) };
    const result = approvalResult(6, 2026, plan, ['Thôn 1']);
    expect(result).toMatchObject({ month: 6, period: 'Tháng 6/2026', approved: ['Thôn 1'], alreadyApproved: 1, remaining: 1 });
    expect(result.message).toMatch(
      /^Đã duyệt 1 báo cáo Tháng 6\/2026\. 1 báo cáo đã được duyệt từ trước\. Còn 1 báo cáo chưa kịp duyệt trong lượt này: hãy bấm duyệt tháng 6 lần nữa để duyệt tiếp\. Chưa duyệt được 40: Thôn 10 \(chưa nộp\), .* Thôn 39 \(chưa nộp\) và 10 nơi khác\.$/,
    );
  });

  it('a tab without the DA_DUYET row sends the office to setup', () => {
    const grid = baseGrid().filter((r) => r[0] !== 'DA_DUYET');
    expect(approvalRefusal(assess('Thôn 1', grid), 5)).toBe('tab chưa có dòng "Đã duyệt": chạy "Khởi tạo / cập nhật bảng tính"');
  });

  it('unlock needs an approved month and a reason', () => {
    const [onTime, , approved] = commune();
    expect(unlockRefusal(approved, 6)).toBeNull();
    expect(unlockRefusal(onTime, 6)).toBe('Thôn 1: tháng 6 chưa được duyệt nên không cần mở khóa.');
    expect(unlockReason('  Sai số   hộ ')).toBe('Sai số hộ');
    for (const blank of ['', '  ', null, undefined]) expect(() => unlockReason(blank)).toThrow('Hãy ghi lý do mở khóa');
  });

  it('reads the month as a number or the text a prompt gives', () => {
    expect([monthArgument(5), monthArgument(' 12 ')]).toEqual([5, 12]);
    for (const bad of [0, 13, 4.5, 'Tháng 5', null]) expect(() => monthArgument(bad)).toThrow('không hợp lệ');
  });

  it('the dashboard shows Đã duyệt, and offers Duyệt or Mở khóa where each applies', () => {
    const data = buildDashboard({ settings, indicators: applied, villages: commune(), configFindings: [], automation: [], setupUnderWay: null, now: NOW, month: 6 });
    const byName = new Map(data.villages.map((v) => [v.name, v]));
    expect(byName.get('Thôn 3')).toMatchObject({ status: 'DA_DUYET', statusLabel: 'Đã duyệt', approvedAt: '12/06/2026', canApprove: false, canUnlock: true });
    expect(byName.get('Thôn 1')).toMatchObject({ status: 'DUNG_HAN', approvedAt: '', canApprove: true, canUnlock: false });
    expect(data.villages.filter((v) => v.canApprove).map((v) => v.name).sort()).toEqual(['Thôn 1', 'Thôn 2']);
    expect(data.counts).toMatchObject({ submitted: 3, DA_DUYET: 1, DUNG_HAN: 1, NOP_MUON: 1, approvable: 2 });
    expect(data.villages.at(-1)?.name).toBe('Thôn 3');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('Tổng hợp with approvals', () => {
  const full = Object.fromEntries(applied.map((i) => [i.code, i.kind === 'TRANG_THAI' ? 4 : 30]));
  /** Months 1–5 submitted on the 10th (on time) with `values`; `approved` of them approved; Tháng 5's stamp moved to `may` when given. */
  function tab(name: string, approved: number[], values: Record<string, number>, may?: Date): AssessedTab {
    const grid = baseGrid();
    for (let m = 1; m <= 5; m++) for (const [code, v] of Object.entries(values)) set(grid, code, m, v);
    if (may) set(grid, 'NGAY_NOP', 5, may);
    approve(grid, ...approved);
    return assess(name, grid);
  }
  const run = (villages: AssessedTab[]) => aggregate({ settings, indicators: applied, villages, period: { kind: 'month', month: 5 }, now: NOW });

  it('counts approved reports apart, still on time or late, and names those waiting for approval', () => {
    const s = run([tab('Thôn 1', [5], full), tab('Thôn 2', [5], full, vnInstant(2026, 5, 25, 9)), tab('Thôn 3', [], full)]);
    expect(s.approvalInUse).toBe(true);
    expect(s.completeness).toMatchObject({ expected: 3, submitted: 3, approved: 2, onTime: 2, late: 1 });
    expect(s.completeness.lateVillages).toEqual([{ name: 'Thôn 2', months: [5] }]);
    // Text goes into Tổng hợp as text: a leading apostrophe.
    const layoutRows = summaryLayout(s).spec.values.map((r) => r.slice(0, 3).map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));
    expect(layoutRows).toContainEqual(['Đã duyệt', 'Chưa duyệt: Thôn 3', 2]);
    const matrixStatus = layoutRows.filter((r) => (r[1] === 'Thôn 1' || r[1] === 'Thôn 3') && typeof r[2] === 'string');
    expect(matrixStatus.map((r) => r[2])).toEqual(['Đã duyệt', 'Đúng hạn']);
  });

  it('the ranking counts approved months only once the office approves, and submitted months before that', () => {
    const half = Object.fromEntries(applied.map((i) => [i.code, i.kind === 'TRANG_THAI' ? 4 : 15]));
    // Thôn A reports more but nothing of it is approved; Thôn B reports less, all of it approved.
    const before = run([tab('Thôn A', [], full), tab('Thôn B', [], half)]);
    expect(before.approvalInUse).toBe(false);
    expect(before.ranking.map((r) => [r.name, r.onTimeMonths])).toEqual([['Thôn A', 5], ['Thôn B', 5]]);
    expect(summaryLayout(before).spec.values.some((r) => r[0] === "'Đã duyệt")).toBe(false);

    const after = run([tab('Thôn A', [], full), tab('Thôn B', [1, 2, 3, 4, 5], half)]);
    // Thôn A's five reports wait for approval: not judged yet, so neither on time nor late.
    expect(after.ranking.map((r) => [r.name, r.onTimeMonths, r.dueMonths, r.neverOnTime])).toEqual([['Thôn B', 5, 5, false], ['Thôn A', 0, 0, false]]);
    expect(after.ranking[1].achievementPercent).toBe(0);
    // The village figures themselves still come from every submitted month.
    expect(after.villages[0].rates.HS_KNS?.value).toBe(30);
    expect(summaryLayout(after).spec.values.some((r) => String(r[1]).endsWith('Chỉ tính các tháng đã được phòng Văn hóa - Xã hội duyệt.'))).toBe(true);
  });

  it('approvals after the period\'s end leave its ranking on submitted months', () => {
    const s = aggregate({ settings, indicators: applied, villages: [tab('Thôn A', [5], full)], period: { kind: 'month', month: 4 }, now: NOW });
    expect(s.approvalInUse).toBe(false);
    expect(s.ranking[0].onTimeMonths).toBe(4);
  });
});
