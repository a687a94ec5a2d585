/**
 * A tick the edit trigger cannot finish (docs/validation.md, "When the add-on is busy"): a busy lock,
 * then every service call of a tick failing in turn. Workbook: Bạch Ngọc; Tháng 5 is due on 20/05/2026.
 * Tab rows: indicators 5–18, DA_NOP 19, NGAY_NOP 20; Tháng 5 is column I.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppsScriptEmulator } from '../../emulator';
import type { DashboardData } from '../../src/core/reports/dashboard';
import { sweepFaults } from './faults';
import { newWorkbook, noteOf, OFFICE, pasteVillages, sampleVillages, workbookWithPreset, type TestWorkbook } from './harness';

/** 20/05/2026 23:58 in Vietnam: two minutes before Tháng 5's deadline ends. */
const TICKED_AT = new Date('2026-05-20T16:58:00Z');
const column = () => Array.from({ length: 15 }, () => [4]);
const PENDING_PREFIX = 'edit.pending|';

const pendingKeys = (emu: AppsScriptEmulator) => [...emu.properties.document.keys()].filter((k) => k.startsWith(PENDING_PREFIX));
const retryTriggers = (emu: AppsScriptEmulator) => emu.triggers.filter((t) => t.handler === 'retryPendingEdits');
const submissions = (emu: AppsScriptEmulator, village: string) =>
  emu.rawGrid('Nhật ký').slice(1).filter((r) => r[2] === 'Nộp báo cáo' && r[3] === village && r[4] === 'Tháng 5/2026').map((r) => String(r[5]));
const stampOf = (emu: AppsScriptEmulator, sheet: string) => {
  const v = emu.rawGet(sheet, 'I21');
  return v instanceof Date ? v.getTime() : null;
};
/** Bạch Ngọc at TICKED_AT; sample village `n` fills Tháng 5 and ticks it while the document lock is busy (left busy). */
function tickWhileBusy(n: number): TestWorkbook & { head: { name: string; email: string } } {
  const wb = workbookWithPreset('bach-ngoc', { now: TICKED_AT });
  const head = sampleVillages('bach-ngoc')[n];
  wb.emu.userEdit(wb.ctx, { user: head.email, sheet: head.name, a1: 'I5:I19', value: column() });
  wb.emu.locks.holdDocumentLock(true);
  wb.emu.userEdit(wb.ctx, { user: head.email, sheet: head.name, a1: 'I20', value: true });
  return { ...wb, head };
}
const later = (wb: TestWorkbook, minutes: number) => {
  wb.emu.clock.advance(minutes * 60_000);
  wb.emu.fireDueTimeTriggers(wb.ctx);
};

describe('a tick the trigger cannot finish at once', () => {
  it('busy lock: the box stays ticked with a note, counts as Chờ xử lý, and the retry stamps the moment of the tick', () => {
    const wb = tickWhileBusy(5);
    const { emu, head } = wb;

    expect(emu.executions.at(-1)?.error).toBeUndefined();
    expect(emu.rawGet(head.name, 'I20')).toBe(true);
    expect(emu.rawGet(head.name, 'I21')).toBe('');
    expect(noteOf(emu, head.name, 'I20')).toContain('Đang xử lý, không cần tích lại');
    expect(pendingKeys(emu)).toHaveLength(1);
    expect(retryTriggers(emu)).toHaveLength(1);
    emu.locks.holdDocumentLock(false);
    const dashboard = wb.call<DashboardData>('getDashboardData');
    expect(dashboard.villages.find((v) => v.name === head.name)?.status).toBe('CHO_XU_LY');
    expect(dashboard.counts.CHO_XU_LY).toBe(1);
    const summary = wb.call<{ completeness: { pending: number; submitted: number } }>('aggregateMonth', [5]);
    expect(summary.completeness.pending).toBe(1);
    expect(emu.rawGrid('Tổng hợp').some((row) => row[0] === 'Chờ xử lý' && String(row[1]).includes(head.name))).toBe(true);

    // The retry runs after midnight, past the deadline: the stamp is still the tick's moment.
    later(wb, 3);
    expect(stampOf(emu, head.name)).toBe(TICKED_AT.getTime());
    expect(noteOf(emu, head.name, 'I20')).toBe('');
    expect(submissions(emu, head.name)).toEqual([
      'Đúng hạn (hạn 20/05/2026). Thao tác lúc 20/05/2026 23:58, xử lý lại sau khi bảng tính bận hoặc lỗi: Bảng tính đang được một người hoặc một tác vụ khác cập nhật. Vui lòng thử lại sau ít phút..',
    ]);
    expect(pendingKeys(emu)).toEqual([]);
    expect(retryTriggers(emu)).toEqual([]);
    expect(wb.call<DashboardData>('getDashboardData').villages.find((v) => v.name === head.name)?.status).toBe('DUNG_HAN');
  });

  it('still busy when the retry comes: it tries again later; Kiểm tra số liệu settles it as well', () => {
    const wb = tickWhileBusy(2);
    const { emu, head } = wb;
    later(wb, 3);
    expect(emu.rawGet(head.name, 'I21')).toBe('');
    expect(retryTriggers(emu)).toHaveLength(1); // the spent one deleted, a new one waiting
    emu.locks.holdDocumentLock(false);

    wb.call('checkReports');
    expect(stampOf(emu, head.name)).toBe(TICKED_AT.getTime());
    expect(submissions(emu, head.name)).toHaveLength(1);
    later(wb, 3); // the waiting retry finds nothing left and leaves no trigger behind
    expect(retryTriggers(emu)).toEqual([]);
    expect(submissions(emu, head.name)).toHaveLength(1);
  });
});

describe('a tick left waiting meets the next edit of its month', () => {
  it('the edit submits it, stamped with the moment of the tick, not of the edit', () => {
    const wb = tickWhileBusy(4);
    const { emu, ctx, head } = wb;
    emu.locks.holdDocumentLock(false);
    emu.clock.advance(60_000); // 23:59, before the retry: the head corrects a figure
    emu.userEdit(ctx, { user: head.email, sheet: head.name, a1: 'I6', value: 5 });
    expect(stampOf(emu, head.name)).toBe(TICKED_AT.getTime());
    expect(submissions(emu, head.name)).toHaveLength(1);
    expect([pendingKeys(emu), noteOf(emu, head.name, 'I20')]).toEqual([[], '']);
    later(wb, 3); // the retry finds nothing left to do
    expect(submissions(emu, head.name)).toHaveLength(1);
    expect(retryTriggers(emu)).toEqual([]);
  });
});

describe('fault injection: every service call of a tick failing in turn', () => {
  it('leaves no tick silently ticked and unstamped; each is stamped with its own moment and logged once', () => {
    const villages = sampleVillages('bach-ngoc').slice(0, 3);
    const tickIn = villages[1];
    const fresh = (): TestWorkbook => {
      const wb = newWorkbook({ now: TICKED_AT, editors: villages.map((v) => v.email) });
      wb.call('applyPreset', ['bach-ngoc']);
      pasteVillages(wb.emu, villages, OFFICE);
      wb.call('setupWorkbook');
      wb.emu.userEdit(wb.ctx, { user: tickIn.email, sheet: tickIn.name, a1: 'I5:I19', value: column() });
      return wb;
    };
    const sweep = sweepFaults(
      fresh,
      (wb) => wb.emu.userEdit(wb.ctx, { user: tickIn.email, sheet: tickIn.name, a1: 'I20', value: true }),
      (wb, k) => {
        const { emu } = wb;
        const context = `fault at call ${k}`;
        expect([context, emu.executions.at(-1)?.error]).toEqual([context, undefined]);
        let outcome = 'handled at once';
        if (stampOf(emu, tickIn.name) === null || pendingKeys(emu).length > 0) {
          // Not silent: the edit is on record, to be replayed.
          expect([context, pendingKeys(emu).length > 0]).toEqual([context, true]);
          later(wb, 3);
          outcome = 'handled by the retry trigger';
          if (pendingKeys(emu).length > 0) {
            wb.call('checkReports');
            outcome = 'handled by Kiểm tra số liệu';
          }
        }
        later(wb, 3);
        expect([context, stampOf(emu, tickIn.name), emu.rawGet(tickIn.name, 'I20')]).toEqual([context, TICKED_AT.getTime(), true]);
        expect([context, submissions(emu, tickIn.name).length]).toEqual([context, 1]);
        expect([context, noteOf(emu, tickIn.name, 'I20')]).toEqual([context, '']);
        expect([context, pendingKeys(emu), retryTriggers(emu).length]).toEqual([context, [], 0]);
        return outcome;
      },
    );
    const dir = join(__dirname, '../../test-artifacts/faults');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tick.json'), `${JSON.stringify(sweep, null, 2)}\n`);
    expect(sweep.points).toBeGreaterThan(20);
  });
});
