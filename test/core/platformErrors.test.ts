/** Google's refusals as people read them: Vietnamese, what happened and what to do. */
import { explainPlatformError, platformErrorKind } from '../../src/core/shared/platformErrors';

/** English that must not reach a person once a message is explained. */
const ENGLISH = /\b(service|timed out|lock|process|invoked|exceeded|permission|authorization|required|protected|server|error|invalid|trigger)\b/i;

describe('platform errors in Vietnamese', () => {
  it.each([
    ['Exception: Service Spreadsheets timed out while accessing document with id 1AbC_dEf.', 'TIMED_OUT', 'không phản hồi kịp', 'thử lại sau vài phút'],
    ['Service Spreadsheets failed while accessing document with id 1AbC.', 'TIMED_OUT', 'không phản hồi kịp', 'thử lại sau vài phút'],
    ['Lock timeout: another process was holding the lock for too long.', 'LOCK_TIMEOUT', 'đang bận với một thao tác khác', 'đợi khoảng một phút rồi thử lại'],
    ['Exception: Service invoked too many times for one day: email.', 'MAIL_QUOTA', 'hết số email Google cho gửi trong ngày', 'gửi ở lần chạy sau'],
    ['Service invoked too many times for one day: properties.', 'DAILY_QUOTA', 'hết lượt Google cho phép trong ngày', 'thử lại vào ngày mai'],
    ['Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.', 'RATE_LIMIT', 'quá nhiều thao tác cùng lúc', 'thử lại sau vài phút'],
    ['Exceeded maximum execution time', 'EXECUTION_TIME', 'quá thời gian tối đa Google cho phép (6 phút)', 'Xin chạy lại'],
    [
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail. For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is',
      'NOT_GRANTED',
      'chưa cho phép tiện ích Tổ CNSCĐ',
      'bấm "Cho phép" khi Google hỏi',
    ],
    ['Authorization is required to perform that action.', 'AUTHORIZATION', 'cần được cấp quyền', 'Tự kiểm tra cài đặt'],
    ['You do not have permission to perform that action.', 'NO_ACCESS', 'không có quyền làm việc này', 'liên hệ phòng Văn hóa - Xã hội'],
    ['You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.', 'PROTECTED', 'đã được khóa', 'liên hệ phòng Văn hóa - Xã hội'],
    ["We're sorry, a server error occurred. Please wait a bit and try again.", 'UNAVAILABLE', 'sự cố tạm thời', 'thử lại sau vài phút'],
    ['Service unavailable: Spreadsheets', 'UNAVAILABLE', 'sự cố tạm thời', 'thử lại sau vài phút'],
    ['Document 1AbC is missing (perhaps it was deleted, or you don\'t have read access?)', 'DOCUMENT_MISSING', 'Không mở được bảng tính', 'liên hệ phòng Văn hóa - Xã hội'],
    ['Failed to send email to em@example.com: the mail server rejected the message.', 'SEND_FAILED', 'không gửi được email này', 'kiểm tra lại địa chỉ email'],
    ['This script has too many triggers. Triggers must be deleted from the script before more can be added.', 'TOO_MANY_TRIGGERS', 'quá nhiều trình kích hoạt', 'tắt bớt'],
    ['This action would increase the number of cells in the workbook above the limit of 10000000 cells.', 'CELL_LIMIT', 'giới hạn 10 triệu ô', 'xóa bớt'],
  ])('%s', (raw, kind, what, todo) => {
    expect(platformErrorKind(raw)).toBe(kind);
    const text = explainPlatformError(raw);
    expect(text).toContain(what);
    expect(text).toContain(todo);
    expect(text).not.toMatch(ENGLISH);
    // Nothing of the original message: no document id, no scope URL.
    expect(text).not.toMatch(/1AbC|https?:/);
  });

  it('an invalid address is named so it can be corrected', () => {
    expect(explainPlatformError('Exception: Invalid email: nguyen van a@')).toBe('Địa chỉ email "nguyen van a@" không hợp lệ; hãy sửa lại địa chỉ (tab "Danh sách" hoặc "Cấu hình").');
  });

  it("the add-on's own messages pass unchanged, even when they quote Google's words", () => {
    const own = 'Duyệt báo cáo tháng 5 dừng giữa chừng vì Google báo lỗi. (Lỗi: Lock timeout: another process was holding the lock for too long.)';
    expect(explainPlatformError(`Exception: ${own}`)).toBe(own);
    expect(platformErrorKind(own)).toBeNull();
    expect(explainPlatformError('Chưa có tab "Cấu hình".')).toBe('Chưa có tab "Cấu hình".');
  });

  it('any other platform message: a general sentence with what to do, the original kept short as a code', () => {
    const raw = `Exception: Unexpected failure in Sheets backend ${'x'.repeat(300)}`;
    const text = explainPlatformError(raw);
    expect(text.startsWith('Đã có lỗi khi thực hiện thao tác. Xin thử lại sau vài phút.')).toBe(true);
    expect(text).toMatch(/\(Chi tiết kỹ thuật: Unexpected failure in Sheets backend x+…\)$/);
    expect(text.length).toBeLessThan(300);
    expect(platformErrorKind(raw)).toBeNull();
    expect(explainPlatformError('')).toBe('Đã có lỗi không rõ nguyên nhân. Xin thử lại sau vài phút.');
  });
});
