/** Who holds each trigger, and what installing, taking over, retiring and the sidebar decide from it. */
import {
  automationFact,
  decideEditTrigger,
  followsSettingsHour,
  heldByOther,
  isReplaced,
  reminderChangeRefusal,
  reminderTriggerInfo,
  sameAccount,
  takeOverLogEntry,
} from '../../src/core/automation/automation';

const OFFICE = 'office@example.gov.vn';
const DEPUTY = 'deputy@example.gov.vn';

describe('trigger records', () => {
  it('compare accounts ignoring case and stray spaces; an unknown caller holds nothing', () => {
    expect(sameAccount(' Office@Example.gov.vn', OFFICE)).toBe(true);
    expect(heldByOther(OFFICE, 'OFFICE@example.gov.vn')).toBe(false);
    expect(heldByOther(OFFICE, DEPUTY)).toBe(true);
    expect(heldByOther(OFFICE, '')).toBe(true);
    expect(heldByOther('', DEPUTY)).toBe(false);
  });

  it('become facts for the dashboard and the self-check', () => {
    expect(automationFact('edit', { owner: OFFICE, lastRun: '2026-05-10T01:00:00.000Z' }, OFFICE)).toEqual({ kind: 'edit', owner: OFFICE, lastRun: '2026-05-10T01:00:00.000Z', mine: true });
    expect(automationFact('edit', { owner: OFFICE, lastRun: '' }, '')).toMatchObject({ mine: false });
    expect(automationFact('reminders', null, OFFICE)).toEqual({ kind: 'reminders', owner: '', lastRun: '', mine: false });
  });
});

describe('decideEditTrigger (setup)', () => {
  it('installs when nobody holds it and the caller has none', () => {
    expect(decideEditTrigger('', OFFICE, 0)).toEqual({ state: 'installed', owner: OFFICE, keepMine: 0, install: true });
  });
  it('keeps one of the holder\'s own and deletes the rest', () => {
    expect(decideEditTrigger(OFFICE, OFFICE, 2)).toEqual({ state: 'present', owner: OFFICE, keepMine: 1, install: false });
    expect(decideEditTrigger('', OFFICE, 1)).toMatchObject({ state: 'present', keepMine: 1 });
  });
  it('installs nothing for another account, and deletes what that account left from before a take-over', () => {
    expect(decideEditTrigger(OFFICE, DEPUTY, 1)).toEqual({ state: 'owned-by-other', owner: OFFICE, keepMine: 0, install: false });
  });
  it('reinstalls for the holder whose trigger was deleted', () => {
    expect(decideEditTrigger(OFFICE, OFFICE, 0)).toMatchObject({ state: 'installed', install: true });
  });
});

describe('isReplaced (a trigger run retiring)', () => {
  it('only when the run has an id and another id is recorded', () => {
    expect(isReplaced('uid-new', 'uid-old')).toBe(true);
    expect(isReplaced('uid-new', 'uid-new')).toBe(false);
    expect(isReplaced('', 'uid-old')).toBe(false);
    expect(isReplaced('uid-new', undefined)).toBe(false);
  });
});

describe('take-over', () => {
  it('logs both accounts', () => {
    expect(takeOverLogEntry('edit', OFFICE, DEPUTY)).toEqual({ action: 'Nhận chuyển giao trình tự động', detail: `Trình xử lý "Đã nộp": từ ${OFFICE} sang ${DEPUTY}.` });
    expect(takeOverLogEntry('reminders', '', DEPUTY).detail).toBe(`Trình gửi nhắc việc: từ (chưa có) sang ${DEPUTY}.`);
  });
});

describe('the daily reminder trigger', () => {
  it('tells whether it is on, from whose account, and at what hour', () => {
    expect(reminderTriggerInfo(null, OFFICE, 8)).toEqual({ installed: false, owner: '', hour: null, settingsHour: 8, mine: false, message: 'Chưa bật nhắc việc tự động.' });
    expect(reminderTriggerInfo({ owner: OFFICE, hour: 8 }, OFFICE, 8)).toEqual({
      installed: true, owner: OFFICE, hour: 8, settingsHour: 8, mine: true,
      message: `Nhắc việc tự động đang bật: gửi lúc 8 giờ hằng ngày (giờ Việt Nam), từ tài khoản của bạn (${OFFICE}).`,
    });
  });

  it('tells another account who may change it, and a changed hour until the trigger follows it', () => {
    const info = reminderTriggerInfo({ owner: OFFICE, hour: 8 }, DEPUTY, 17);
    expect(info.mine).toBe(false);
    expect(info.message).toBe(
      `Nhắc việc tự động đang bật: gửi lúc 8 giờ hằng ngày (giờ Việt Nam), từ tài khoản ${OFFICE}. Giờ gửi nhắc trong Cấu hình là 17 giờ; lần chạy tới sẽ tự chuyển sang giờ này. Chỉ tài khoản ${OFFICE} đổi giờ hoặc tắt được nhắc việc; nếu tài khoản đó không còn dùng, bấm "Nhận về tài khoản này" trong Bảng điều khiển.`,
    );
  });

  it('refuses a change by anyone but its holder', () => {
    expect(reminderChangeRefusal(OFFICE, OFFICE, 'đổi giờ nhắc')).toBeNull();
    expect(reminderChangeRefusal('', DEPUTY, 'đổi giờ nhắc')).toBeNull();
    expect(reminderChangeRefusal(OFFICE, DEPUTY, 'tắt nhắc việc')).toBe(
      `Nhắc việc tự động đang chạy dưới tài khoản ${OFFICE} (email nhắc gửi đi từ tài khoản đó). Chỉ ${OFFICE} tắt nhắc việc được; nếu tài khoản đó không còn dùng, hãy bấm "Nhận về tài khoản này" trong Bảng điều khiển.`,
    );
  });

  it('moves to a changed "Giờ gửi nhắc"', () => {
    expect(followsSettingsHour(8, 8)).toBe(false);
    expect(followsSettingsHour(8, 17)).toBe(true);
    expect(followsSettingsHour(null, 8)).toBe(true);
  });
});
