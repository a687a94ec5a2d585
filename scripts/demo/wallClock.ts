/**
 * Vietnam's wall clock as a Date whose UTC fields read it: xlsx stores a date as a serial without a
 * zone and exceljs takes a Date's UTC fields, so an 08:01 send in Hà Nội must become 08:01 UTC to be
 * shown as 08:01. The offset comes from calendar.ts (Asia/Ho_Chi_Minh, the spreadsheet's zone).
 */
import { vnInstant } from '../../src/core/shared/calendar';

/** Milliseconds Vietnam's clock is ahead of UTC (vnInstant of the epoch's wall clock is −offset). */
const VN_AHEAD_MS = -vnInstant(1970, 1, 1).getTime();

export function vnWallClock(instant: Date): Date {
  return new Date(instant.getTime() + VN_AHEAD_MS);
}
