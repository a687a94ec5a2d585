import { currentReportMonth, dueDateOf, isFutureMonth, isOnTime, vnDateOf, vnInstant } from '../../src/core/shared/calendar';

const same = { year: 2026, dueDay: 20, dueMonth: 'Cùng tháng' as const };
const next = { year: 2026, dueDay: 5, dueMonth: 'Tháng sau' as const };

describe('calendar (Asia/Ho_Chi_Minh whatever the machine zone)', () => {
  it('reads the Vietnam date of instants around midnight', () => {
    expect(vnDateOf(new Date('2026-05-20T16:59:59Z'))).toEqual({ year: 2026, month: 5, day: 20 });
    expect(vnDateOf(new Date('2026-05-20T17:00:00Z'))).toEqual({ year: 2026, month: 5, day: 21 });
    expect(vnInstant(2026, 1, 1).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('due dates in the same month and the month after, December into January', () => {
    expect(dueDateOf(5, same)).toEqual({ year: 2026, month: 5, day: 20 });
    expect(dueDateOf(5, next)).toEqual({ year: 2026, month: 6, day: 5 });
    expect(dueDateOf(12, next)).toEqual({ year: 2027, month: 1, day: 5 });
  });

  it('on time up to 23:59:59 of the due day, late from 00:00 Vietnam time', () => {
    expect(isOnTime(new Date('2026-05-20T16:59:59Z'), 5, same)).toBe(true);
    expect(isOnTime(new Date('2026-05-20T17:00:00Z'), 5, same)).toBe(false);
  });

  it('future months and the current report month', () => {
    expect(isFutureMonth(6, { year: 2026, month: 5, day: 31 }, 2026)).toBe(true);
    expect(isFutureMonth(5, { year: 2026, month: 5, day: 1 }, 2026)).toBe(false);
    expect(currentReportMonth({ year: 2026, month: 5, day: 1 }, same)).toBe(5);
    expect(currentReportMonth({ year: 2026, month: 5, day: 1 }, next)).toBe(4);
    expect(currentReportMonth({ year: 2027, month: 1, day: 3 }, next)).toBe(12);
    expect(currentReportMonth({ year: 2025, month: 11, day: 3 }, same)).toBe(1);
  });
});
