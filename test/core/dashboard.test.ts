import { trafficLight } from '../../src/core/assessment/aggregation';
import { assessVillageTab, type AssessedTab } from '../../src/core/assessment/villageAssessment';
import { vnInstant } from '../../src/core/shared/calendar';
import { buildDashboard, notSetUpDashboard, rateTone, telLink, type DashboardInput } from '../../src/core/reports/dashboard';
import type { Village } from '../../src/core/config/registry';
import type { Settings } from '../../src/core/config/settings';
import { applied, baseGrid, fillMonth, preset, rowOf, colOf, set, village } from './villageFixture';

/** 25/06/2026 10:00 in Vietnam: Tháng 6 fell due on 20/06. */
const AFTER_DUE = vnInstant(2026, 6, 25, 10);

const named = (name: string, phone = '0912 345 678'): Village => ({ ...village, name, head: `Trưởng ${name}`, phone });

/** A village tab with months 1–5 submitted and Tháng 6 filled (ticked or not, stamped or not). */
function tab(name: string, ticked: boolean, stamp: Date | null, edit?: (grid: unknown[][]) => void) {
  const grid = baseGrid();
  fillMonth(grid, 6, ticked);
  if (stamp) grid[rowOf('NGAY_NOP')][colOf(6)] = stamp;
  edit?.(grid);
  return { name, grid };
}

/** Thôn 1–4 have tabs (Thôn 4's named as someone typed it), Thôn 5 has none. */
function assessedVillages(settings: Settings): AssessedTab[] {
  const tabs = [
    tab('Thôn 1', true, vnInstant(2026, 6, 18, 9)),
    tab('Thôn 2', true, vnInstant(2026, 6, 22, 9)),
    tab('Thôn 3', false, null),
    tab('thôn 4 ', true, vnInstant(2026, 6, 19, 9), (g) => set(g, 'BUOI_TAP_HUAN', 6, 'năm')),
    null,
  ];
  return tabs.map((t, i) => assessVillageTab(named(`Thôn ${i + 1}`), t, { settings, indicators: applied, now: AFTER_DUE }));
}

function input(overrides: Partial<DashboardInput> = {}): DashboardInput {
  const settings = overrides.settings ?? preset.settings;
  return {
    settings,
    indicators: applied,
    villages: assessedVillages(settings),
    configFindings: [],
    automation: [
      { kind: 'edit', owner: 'office@example.gov.vn', lastRun: '2026-06-22T02:00:00.000Z', mine: true },
      { kind: 'reminders', owner: '', lastRun: '', mine: false },
    ],
    setupUnderWay: null,
    now: AFTER_DUE,
    ...overrides,
  };
}

describe('buildDashboard', () => {
  const data = buildDashboard(input());

  it('gives each village its status for the current report month, who needs a call first', () => {
    expect(data.period).toBe('Tháng 6/2026');
    expect(data.dueDate).toBe('20/06/2026');
    expect(data.villages.map((v) => [v.name, v.status, v.overdue])).toEqual([
      ['Thôn 4', 'CAN_SUA', true],
      ['Thôn 3', 'CHUA_NOP', true],
      ['Thôn 5', 'CHUA_NOP', true],
      ['Thôn 2', 'NOP_MUON', false],
      ['Thôn 1', 'DUNG_HAN', false],
    ]);
    expect(data.counts).toEqual({ total: 5, submitted: 2, DUNG_HAN: 1, NOP_MUON: 1, CHUA_NOP: 2, CHO_XU_LY: 0, CAN_SUA: 1, DA_DUYET: 0, approvable: 2 });
    expect(data.completenessText).toBe('40%');
  });

  it('says why a village needs attention, and how to call its head', () => {
    const byName = new Map(data.villages.map((v) => [v.name, v]));
    expect(byName.get('Thôn 4')?.problem).toMatch(/^Thôn 4, Tháng 6, ô [A-Z]+\d+: /);
    expect(byName.get('Thôn 5')?.problem).toBe('Chưa có tab "Thôn 5": chạy "Khởi tạo / cập nhật bảng tính".');
    expect(byName.get('Thôn 1')).toMatchObject({ head: 'Trưởng Thôn 1', tel: 'tel:0912345678', submittedAt: '18/06/2026 09:00', problem: '' });
  });

  it('rates are the commune Σ numerators ÷ Σ denominators of submitted months', () => {
    const hs = data.rates.find((r) => r.code === 'HS_KNS');
    // Cumulative: each village's latest submitted month. Thôn 1 and 2 submitted Tháng 6 (16 each,
    // 10 + month), Thôn 3 and 4 only up to Tháng 5 (15 each); 60 secondary pupils in each; Thôn 5 has no tab.
    expect(hs).toMatchObject({ numeratorText: '62', denominatorText: '240', percentText: '25,8%', targetPercent: 100, tone: 'bad' });
    expect(data.rates.every((r) => applied.some((i) => i.code === r.code && i.kind === 'TY_LE'))).toBe(true);
  });

  it('shows who runs each trigger and when it last worked, in Vietnam time', () => {
    expect(data.automation).toEqual([
      { kind: 'edit', title: 'Xử lý khi tích "Đã nộp"', installed: true, owner: 'office@example.gov.vn', mine: true, lastRunText: '22/06/2026 09:00' },
      { kind: 'reminders', title: 'Gửi nhắc việc hằng ngày', installed: false, owner: '', mine: false, lastRunText: 'chưa cài' },
    ]);
  });

  it('is plain JSON: it crosses google.script.run unchanged', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('an empty registry and a workbook never set up have their own states', () => {
    expect(buildDashboard(input({ villages: [] }))).toMatchObject({ state: 'no-villages', villages: [], rates: [] });
    expect(notSetUpDashboard(AFTER_DUE, null).state).toBe('no-settings');
  });

  it('a plan year that has not begun shows statuses without rates', () => {
    const future = buildDashboard(input({ settings: { ...preset.settings, year: 2027 } }));
    expect(future.period).toBe('Tháng 1/2027');
    expect(future.rates).toEqual([]);
  });

  it('lists the first problems of Cấu hình and Danh sách with their total', () => {
    const findings = Array.from({ length: 7 }, (_, i) => ({ level: 'warning' as const, sheet: 'Danh sách', cell: `C${i + 5}`, message: `email ${i}` }));
    const withFindings = buildDashboard(input({ configFindings: findings }));
    expect(withFindings.configProblems).toBe(7);
    expect(withFindings.configMessages).toHaveLength(5);
    expect(withFindings.configMessages[0]).toBe('Danh sách!C5: email 0');
  });
});

describe('telLink', () => {
  it.each([
    ['0912 345 678', 'tel:0912345678'],
    ['+84 912.345.678', 'tel:+84912345678'],
    ['(0207) 3-822-123', 'tel:02073822123'],
    ['', ''],
    ['gọi qua Zalo', ''],
    ['javascript:alert(1)', ''],
  ])('%s → %s', (phone, link) => expect(telLink(phone)).toBe(link));
});

describe('rateTone', () => {
  it('the traffic light of Tổng hợp: reached, within 80% of the target, further behind, or no target', () => {
    expect(rateTone(80, 80)).toBe('good');
    expect(rateTone(72, 80)).toBe('near');
    expect(rateTone(64, 80)).toBe('near');
    expect(rateTone(63.9, 80)).toBe('bad');
    expect(rateTone(60, 80)).toBe('bad');
    expect(rateTone(60, null)).toBe('none');
    expect(rateTone(null, 80)).toBe('none');
  });

  it('never disagrees with Tổng hợp', () => {
    for (const [rate, target] of [[100, 100], [69.96, 70], [56, 70], [55.9, 70], [0, 80]]) expect(rateTone(rate, target)).toBe(trafficLight(rate, target));
  });
});
