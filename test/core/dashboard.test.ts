import { assessVillageTab, type AssessedTab } from '../../src/core/assessment/villageAssessment';
import { vnInstant } from '../../src/core/shared/calendar';
import { buildDashboard, notSetUpDashboard, telLink, type DashboardInput } from '../../src/core/reports/dashboard';
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

  it('rates are the commune Σ numerators ÷ Σ denominators of submitted months, against the plan to date', () => {
    const hs = data.rates.find((r) => r.code === 'HS_KNS');
    // Cumulative: each village's latest submitted month. Thôn 1 and 2 submitted Tháng 6 (16 each,
    // 10 + month), Thôn 3 and 4 only up to Tháng 5 (15 each); 60 secondary pupils in each; Thôn 5 has no tab.
    // No `Đầu năm`: the plan runs from 0 to 100% → 50% by June; 25,83% in six months → 51,7% in twelve.
    expect(hs).toMatchObject({
      label: 'Học sinh trung học có kỹ năng số',
      figuresText: '62/240 người',
      percentText: '25,8%',
      targetPercent: 100,
      planPercent: 50,
      planText: '50%',
      paceText: 'Kế hoạch đến tháng 6: 50% · dự kiến cuối năm: 51,7%',
      evaluationText: 'Chậm tiến độ',
      tone: 'bad',
    });
    expect(hs?.ratePercent).toBeCloseTo((62 / 240) * 100, 9);
    expect(data.rates.map((r) => r.code)).toEqual(applied.filter((i) => i.kind === 'TY_LE').map((i) => i.code));
    expect(data.paceNote).toMatch(/^Kế hoạch đến kỳ: mức cần đạt đến hết tháng 6 để hoàn thành chỉ tiêu năm/);
  });

  it('each Đánh giá has its words and its tone: reached, on pace, behind', () => {
    // NTT_KNS 62/4.400 = 1,4%: on pace for a 2% target (1% by June); HO_TUYEN_TRUYEN 62/800 = 7,75% has reached 5%.
    const targets: Record<string, number> = { NTT_KNS: 2, HO_TUYEN_TRUYEN: 5 };
    const indicators = applied.map((i) => (i.code in targets ? { ...i, targetPercent: targets[i.code] } : i));
    const rates = buildDashboard(input({ indicators })).rates;
    const rate = (code: string) => rates.find((r) => r.code === code);
    expect(rate('NTT_KNS')).toMatchObject({ evaluationText: 'Đúng tiến độ', tone: 'onPace', planText: '1%' });
    expect(rate('HO_TUYEN_TRUYEN')).toMatchObject({ evaluationText: 'Đã đạt', tone: 'good' });
    expect(rate('HS_KNS')).toMatchObject({ evaluationText: 'Chậm tiến độ', tone: 'bad' });
  });

  it('counts teams of the right size, never people, and names the villages with no size yet', () => {
    // Every team has 4 members (3–5 on Bạch Ngọc); Thôn 5 has no tab.
    expect(data.teamSize).toEqual({ line: 'Số Tổ đủ thành viên: 4/4 (quy định 3–5 người).', details: ['Chưa báo cáo số thành viên: 1 thôn (Thôn 5).'] });
    const big = buildDashboard(input({ settings: { ...preset.settings, teamMin: 5, teamMax: 8 } }));
    expect(big.teamSize?.line).toBe('Số Tổ đủ thành viên: 0/4 (quy định 5–8 người).');
    expect(big.teamSize?.details[0]).toBe('Chưa đủ hoặc vượt quy định: Thôn 1 (4 người), Thôn 2 (4 người), Thôn 3 (4 người), Thôn 4 (4 người). Chưa báo cáo số thành viên: 1 thôn (Thôn 5).');
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
    expect(buildDashboard(input({ villages: [] }))).toMatchObject({ state: 'no-villages', villages: [], rates: [], teamSize: null, paceNote: '' });
    expect(notSetUpDashboard(AFTER_DUE, null).state).toBe('no-settings');
  });

  it('a plan year that has not begun shows statuses without rates', () => {
    const future = buildDashboard(input({ settings: { ...preset.settings, year: 2027 } }));
    expect(future.period).toBe('Tháng 1/2027');
    expect(future.rates).toEqual([]);
    expect(future.teamSize).toBeNull();
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
