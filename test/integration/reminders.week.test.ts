/**
 * A week of daily reminder runs under a short and a long mail quota (the simulation of
 * `npm run bench -- reminders`). The bench runs it at 500 villages; here 250 keep the suite quick
 * (setting up 500 village tabs alone takes the emulator about 20 s), and a platform three times
 * slower than the cost model's estimates makes the long quota run into the time budget all the same.
 */
import { simulateWeek } from '../../scripts/bench/reminders';

const VILLAGES = 250;

describe('a week of reminders at 250 villages', () => {
  it('quota 100 (consumer account): everyone reminded in turn, never twice a day, every send logged, small properties', () => {
    const week = simulateWeek(VILLAGES, 100);
    expect(week.emailsPerDay.every((n) => n === 99)).toBe(true);
    expect(week.reminded).toBe(week.overdue);
    expect(week.repeatsBeforeEveryone).toBe(0);
    expect(week.maxEmailsPerAddressPerDay).toBe(1);
    expect(week.unlogged).toBe(0);
    expect(week.largestPropertyBytes).toBeLessThan(3 * 1024);
  });

  it('quota 1,500 on a slow day: a run stops at its time budget and the rest go first the next day, never twice a day', () => {
    const week = simulateWeek(VILLAGES, 1500, 3);
    // The budget cut the first run short; the second reached everyone left.
    expect(week.emailsPerDay[0]).toBeLessThan(VILLAGES - 10);
    expect(week.reminded).toBe(week.overdue);
    expect(week.repeatsBeforeEveryone).toBe(0);
    expect(week.maxEmailsPerAddressPerDay).toBe(1);
    expect(week.unlogged).toBe(0);
    expect(week.longestRunSeconds).toBeLessThan(6 * 60);
    expect(week.largestPropertyBytes).toBeLessThan(3 * 1024);
  });
});
