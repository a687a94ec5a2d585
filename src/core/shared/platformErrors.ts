/**
 * Google's own error messages (English, for developers) as the people of a commune should read
 * them: what happened and what to do, in Vietnamese (docs/limits.md, "When Google refuses").
 * The add-on's own messages are Vietnamese already and pass through unchanged.
 */
import { MENU_NAME, SELF_CHECK_CAPTION } from './menuCaptions';
import { capitalizeFirst } from './text';

/** What kind of refusal a platform message is; callers act on some (a mail quota defers the rest). */
export type PlatformErrorKind =
  | 'MAIL_QUOTA'
  | 'DAILY_QUOTA'
  | 'RATE_LIMIT'
  | 'COMPUTE_QUOTA'
  | 'TIMED_OUT'
  | 'LOCK_TIMEOUT'
  | 'EXECUTION_TIME'
  | 'NOT_GRANTED'
  | 'AUTHORIZATION'
  | 'NO_ACCESS'
  | 'PROTECTED'
  | 'DOCUMENT_MISSING'
  | 'UNAVAILABLE'
  | 'INVALID_EMAIL'
  | 'SEND_FAILED'
  | 'TOO_MANY_TRIGGERS'
  | 'CELL_LIMIT'
  | 'STORAGE_LIMIT';

const TRY_LATER = 'Xin thử lại sau vài phút.';
const SELF_CHECK = `Nếu vẫn lỗi, hãy chạy "${MENU_NAME} › ${SELF_CHECK_CAPTION}" để xem tiện ích còn thiếu quyền gì.`;
const ASK_OFFICE = 'hãy liên hệ phòng Văn hóa - Xã hội';

/**
 * Each kind: the start of the message as Apps Script words it (anchored, so a Vietnamese message
 * that quotes one is not mistaken for it) and what people read instead. Wordings as Apps Script
 * reports them, e.g. "Service Spreadsheets timed out while accessing document with id …", "Lock
 * timeout: another process was holding the lock for too long.", "Service invoked too many times for
 * one day: email.", "Exceeded maximum execution time", "You do not have permission to call X.
 * Required permissions: …", "Authorization is required to perform that action." (Apps Script
 * troubleshooting guide and quotas page; emulator/CONFORMANCE.md).
 */
const RULES: readonly { kind: PlatformErrorKind; pattern: RegExp; text: (match: RegExpExecArray) => string }[] = [
  {
    kind: 'MAIL_QUOTA',
    pattern: /^Service invoked too many times for one day: email/i,
    text: () => 'Tài khoản gửi đã dùng hết số email Google cho gửi trong ngày (100 người nhận một ngày với tài khoản Gmail thường). Email chưa gửi được sẽ gửi ở lần chạy sau; không cần làm gì thêm.',
  },
  {
    kind: 'DAILY_QUOTA',
    pattern: /^Service invoked too many times for one day/i,
    text: () => 'Tài khoản đã dùng hết lượt Google cho phép trong ngày với thao tác này. Xin thử lại vào ngày mai.',
  },
  {
    kind: 'RATE_LIMIT',
    pattern: /^(Service invoked too many times in a short time|Too many simultaneous invocations)/i,
    text: () => `Có quá nhiều thao tác cùng lúc trên bảng tính. ${TRY_LATER}`,
  },
  {
    kind: 'COMPUTE_QUOTA',
    pattern: /^Service using too much computer time for one day/i,
    text: () => 'Tài khoản đã dùng hết thời gian chạy tiện ích Google cho phép trong ngày. Xin thử lại vào ngày mai.',
  },
  {
    kind: 'TIMED_OUT',
    pattern: /^(Service \w+ (timed out|failed) while accessing document|Service timed out)/i,
    text: () => `Máy chủ Google Trang tính không phản hồi kịp (thường do Google đang quá tải). ${TRY_LATER}`,
  },
  {
    kind: 'LOCK_TIMEOUT',
    pattern: /^Lock timeout/i,
    text: () => 'Bảng tính đang bận với một thao tác khác (đang tổng hợp, đang gửi nhắc hoặc đang ghi báo cáo vừa nộp). Xin đợi khoảng một phút rồi thử lại.',
  },
  {
    kind: 'EXECUTION_TIME',
    pattern: /^Exceeded maximum execution time/i,
    text: () => `Thao tác chạy quá thời gian tối đa Google cho phép (6 phút) nên bị dừng giữa chừng. Xin chạy lại; nếu lần nào cũng bị dừng, ${ASK_OFFICE} để được hỗ trợ.`,
  },
  {
    kind: 'NOT_GRANTED',
    pattern: /^You do not have permission to call /i,
    text: () => `Tài khoản của bạn chưa cho phép tiện ích Tổ CNSCĐ dùng quyền cần cho thao tác này. Hãy chọn lại lệnh trong menu ${MENU_NAME} và bấm "Cho phép" khi Google hỏi. ${SELF_CHECK}`,
  },
  {
    kind: 'AUTHORIZATION',
    pattern: /^Authorization is required/i,
    text: () => `Tiện ích Tổ CNSCĐ cần được cấp quyền trước khi làm việc này. Hãy chọn lại lệnh trong menu ${MENU_NAME} và bấm "Cho phép" khi Google hỏi. ${SELF_CHECK}`,
  },
  {
    kind: 'PROTECTED',
    pattern: /^You are trying to edit a protected cell/i,
    text: () => `Vùng này đã được khóa, tài khoản của bạn không được sửa. Nếu cần sửa, ${ASK_OFFICE}.`,
  },
  {
    kind: 'NO_ACCESS',
    pattern: /^(You do not have permission|Access denied|You do not have access)/i,
    text: () => `Tài khoản của bạn không có quyền làm việc này trên bảng tính. ${capitalizeFirst(ASK_OFFICE)} để được cấp quyền chỉnh sửa.`,
  },
  {
    kind: 'DOCUMENT_MISSING',
    pattern: /^Document .* is missing/i,
    text: () => `Không mở được bảng tính: có thể bảng tính đã bị xóa hoặc tài khoản của bạn không có quyền xem. ${capitalizeFirst(ASK_OFFICE)}.`,
  },
  {
    kind: 'UNAVAILABLE',
    pattern: /^(Service unavailable|Service error|We're sorry, a server error occurred|Server error|Internal error|An unexpected error occurred)/i,
    text: () => `Máy chủ Google đang gặp sự cố tạm thời. ${TRY_LATER}`,
  },
  {
    kind: 'INVALID_EMAIL',
    pattern: /^Invalid email:?\s*(.*)$/i,
    text: (m) => `Địa chỉ email${m[1] ? ` "${m[1].trim()}"` : ''} không hợp lệ; hãy sửa lại địa chỉ (tab "Danh sách" hoặc "Cấu hình").`,
  },
  {
    kind: 'SEND_FAILED',
    pattern: /^Failed to send email/i,
    text: () => 'Google không gửi được email này (máy chủ thư từ chối, hoặc địa chỉ người nhận không còn dùng). Hãy kiểm tra lại địa chỉ email.',
  },
  {
    kind: 'TOO_MANY_TRIGGERS',
    pattern: /^This (script|add-on) has too many triggers/i,
    text: () => 'Tài khoản này đã có quá nhiều trình kích hoạt tự động (Google cho mỗi người tối đa 20 trình cho một tiện ích). Hãy tắt bớt nhắc việc tự động ở các bảng tính của năm cũ rồi thử lại.',
  },
  {
    kind: 'CELL_LIMIT',
    pattern: /above the limit of [\d,.]+ cells/i,
    text: () => 'Bảng tính đã chạm giới hạn 10 triệu ô của Google Trang tính. Hãy xóa bớt các tab, cột hoặc dòng trống không dùng rồi thử lại.',
  },
  {
    kind: 'STORAGE_LIMIT',
    pattern: /^(Argument too large|You have exceeded the property storage quota)/i,
    text: () => `Dữ liệu tiện ích lưu kèm bảng tính đã vượt giới hạn của Google. ${capitalizeFirst(ASK_OFFICE)} để được hỗ trợ kỹ thuật.`,
  },
];

/** The message without the "Exception: " or "Error: " that Apps Script and JavaScript put first. */
export function withoutErrorPrefix(message: string): string {
  return message.replace(/^\s*(Exception|Error|ScriptError|TypeError):\s*/i, '').trim();
}

/** Letters only Vietnamese (among the texts the add-on meets) writes: its own messages have them. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** How much of an unknown platform message is kept, as a hint for whoever helps. */
const CODE_TAIL = 120;

export function platformErrorKind(message: string): PlatformErrorKind | null {
  const text = withoutErrorPrefix(message);
  return RULES.find((rule) => rule.pattern.test(text))?.kind ?? null;
}

/**
 * What a person reads for `message`: the Vietnamese sentence of a known platform error; the add-on's
 * own (Vietnamese) message as it is; for anything else (an unknown refusal of Google's, or a fault
 * of the add-on's own) a general sentence that blames no one, ending with the original, shortened,
 * as "(Chi tiết kỹ thuật: …)" for whoever helps.
 */
export function explainPlatformError(message: string): string {
  const text = withoutErrorPrefix(message);
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match) return rule.text(match);
  }
  if (text === '') return `Đã có lỗi không rõ nguyên nhân. ${TRY_LATER}`;
  if (VIETNAMESE.test(text)) return text;
  const code = text.length > CODE_TAIL ? `${text.slice(0, CODE_TAIL).trimEnd()}…` : text;
  return `Đã có lỗi khi thực hiện thao tác. ${TRY_LATER} Nếu vẫn lỗi, ${ASK_OFFICE} và gửi kèm nội dung thông báo này. (Chi tiết kỹ thuật: ${code})`;
}
