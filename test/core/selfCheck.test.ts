import { editorLabel } from '../../src/core/entry/attribution';
import { REQUIRED_SCOPES, selfCheckLines, selfCheckText, type SelfCheckFacts } from '../../src/core/automation/selfCheck';

const OFFICE = 'office@example.gov.vn';
const NOW = new Date('2026-05-10T03:00:00Z');

function goodSheet(overrides: Partial<SelfCheckFacts> = {}): SelfCheckFacts {
  return {
    now: NOW,
    missingScopes: [],
    setUp: true,
    villageWord: 'Thôn',
    spreadsheetEditors: [OFFICE, 'thon1@gmail.com', 'thon2@gmail.com'],
    triggers: [
      { kind: 'edit', owner: OFFICE, lastRun: '2026-05-09T02:00:00.000Z', mine: true },
      { kind: 'reminders', owner: OFFICE, lastRun: '2026-05-10T01:03:00.000Z', mine: true },
    ],
    presentTriggers: ['edit', 'reminders'],
    villages: [
      { village: 'Thôn 1', tab: 'Thôn 1', headEmail: 'thon1@gmail.com', editors: [OFFICE, 'thon1@gmail.com'], stampEditors: [OFFICE] },
      { village: 'Thôn 2', tab: 'Thôn 2', headEmail: 'thon2@gmail.com', editors: [OFFICE, 'thon2@gmail.com'], stampEditors: [OFFICE] },
    ],
    ownTabs: [
      { tab: 'Cấu hình', editors: [OFFICE] },
      { tab: 'Nhật ký', editors: [OFFICE] },
    ],
    mailQuota: 97,
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi_VN',
    lockAvailable: true,
    ...overrides,
  };
}

const problems = (f: SelfCheckFacts) => selfCheckLines(f).filter((l) => l.level === 'problem').map((l) => l.text);
const warnings = (f: SelfCheckFacts) => selfCheckLines(f).filter((l) => l.level === 'warning').map((l) => l.text);

describe('selfCheckLines', () => {
  it('a good sheet is all OK, naming the trigger owners and their last runs in Vietnam time', () => {
    const lines = selfCheckLines(goodSheet());
    expect(lines.every((l) => l.level === 'ok')).toBe(true);
    expect(lines.map((l) => l.text)).toEqual(
      expect.arrayContaining([
        'Đã được cấp đủ 5 quyền cần thiết.',
        `Xử lý khi tích "Đã nộp": chạy dưới tài khoản ${OFFICE}; lần chạy xong gần nhất: 09/05/2026 09:00.`,
        `Gửi nhắc việc hằng ngày: chạy dưới tài khoản ${OFFICE}; lần chạy xong gần nhất: 10/05/2026 08:03.`,
        'Bảo vệ đúng người: 2 tab địa bàn và 2 tab của phòng VH-XH.',
        'Hạn mức email hôm nay còn 97.',
      ]),
    );
    expect(selfCheckText(lines).split('\n')[0]).toBe('Mọi thứ đã sẵn sàng.');
  });

  it('names a missing scope with what it is for', () => {
    const email = REQUIRED_SCOPES[4].scope;
    expect(problems(goodSheet({ missingScopes: [email] }))).toEqual([
      `Thiếu quyền "biết email người dùng" (${email}): tệp appsscript.json của tiện ích phải khai báo quyền này; triển khai lại rồi mở lại bảng tính và cấp quyền khi Google hỏi.`,
    ]);
  });

  it('a protection without the trigger owner, or a stamp row anyone may write, is a problem', () => {
    const f = goodSheet({
      villages: [
        { village: 'Thôn 1', tab: 'Thôn 1', headEmail: 'thon1@gmail.com', editors: ['thon1@gmail.com'], stampEditors: [] },
        { village: 'Thôn 2', tab: 'Thôn 2', headEmail: 'thon2@gmail.com', editors: [OFFICE, 'thon2@gmail.com'], stampEditors: null },
      ],
    });
    expect(problems(f)).toEqual([
      `Tài khoản chạy tự động (${OFFICE}, ${OFFICE}) không được ghi vào: Thôn 1 — tích "Đã nộp" hoặc nhắc việc sẽ không ghi được. Chạy "Khởi tạo / cập nhật bảng tính".`,
      'Dòng "Ngày nộp" chưa được khóa (trưởng thôn có thể tự ghi ngày nộp): Thôn 2. Chạy "Khởi tạo / cập nhật bảng tính".',
    ]);
  });

  it('a trigger held by someone who is no longer an editor tells the office to take it over', () => {
    const f = goodSheet({ triggers: [{ kind: 'edit', owner: 'left@example.gov.vn', lastRun: '', mine: false }, { kind: 'reminders', owner: '', lastRun: '', mine: false }] });
    expect(problems(f)[0]).toBe(
      'Xử lý khi tích "Đã nộp": chạy dưới tài khoản left@example.gov.vn, nhưng tài khoản này không còn quyền sửa bảng tính nên sẽ không chạy được. Một cán bộ phòng VH-XH hãy mở Bảng điều khiển và bấm "Nhận về tài khoản này".',
    );
    expect(warnings(f)).toContain('Gửi nhắc việc hằng ngày: chưa bật. Vào Cài đặt › Bật nhắc tự động.');
  });

  it('heads without their tab, without an email or without the file shared; time zone, locale, quota, lock', () => {
    const f = goodSheet({
      spreadsheetEditors: [OFFICE],
      villages: [
        { village: 'Thôn 1', tab: 'Thôn 1', headEmail: 'thon1@gmail.com', editors: [OFFICE], stampEditors: [OFFICE] },
        { village: 'Thôn 2', tab: 'Thôn 2', headEmail: '', editors: [OFFICE], stampEditors: [OFFICE] },
      ],
      mailQuota: 2,
      timeZone: 'Etc/GMT',
      locale: 'en_US',
      lockAvailable: false,
    });
    expect(problems(f)).toEqual([
      'Trưởng thôn chưa được sửa tab của mình: Thôn 1. Chạy "Khởi tạo / cập nhật bảng tính".',
      'Múi giờ bảng tính là Etc/GMT, cần Asia/Ho_Chi_Minh: chạy "Khởi tạo / cập nhật bảng tính" để đặt lại.',
      'Ngôn ngữ bảng tính là en_US, cần vi_VN để số gõ "1.234" được hiểu là 1234: chạy "Khởi tạo / cập nhật bảng tính" để đặt lại.',
    ]);
    expect(warnings(f)).toEqual([
      'Chưa có email hợp lệ của trưởng thôn trong "Danh sách": Thôn 2 — chỉ phòng VH-XH sửa được các tab này và không gửi được email nhắc.',
      'Bảng tính chưa được chia sẻ (quyền Người chỉnh sửa) cho: Thôn 1 (thon1@gmail.com).',
      'Hạn mức email hôm nay chỉ còn 2 (một lượt nhắc có thể cần tới 3); phần còn lại sẽ gửi vào lượt sau.',
      'Một tác vụ khác đang giữ khóa bảng tính; nếu còn như vậy sau vài phút, hãy tải lại trang.',
    ]);
  });

  it('a daily trigger silent for more than a day is a warning', () => {
    const f = goodSheet({ triggers: [{ kind: 'edit', owner: OFFICE, lastRun: '', mine: true }, { kind: 'reminders', owner: OFFICE, lastRun: '2026-05-08T01:00:00.000Z', mine: true }] });
    expect(warnings(f)).toEqual([
      `Gửi nhắc việc hằng ngày: chạy dưới tài khoản ${OFFICE}; lần chạy xong gần nhất: 08/05/2026 08:00. Đã hơn một ngày không chạy: kiểm tra tài khoản ${OFFICE} còn dùng được không.`,
    ]);
  });

  it('a trigger recorded as the checker\'s but gone is a problem; unlisted triggers are not judged', () => {
    expect(problems(goodSheet({ presentTriggers: ['edit'] }))).toEqual([
      `Gửi nhắc việc hằng ngày: ghi là của bạn (${OFFICE}) nhưng đã bị xóa. Chạy lại "Khởi tạo / cập nhật bảng tính" rồi bật lại nhắc tự động.`,
    ]);
    expect(problems(goodSheet({ presentTriggers: null }))).toEqual([]);
    const others = goodSheet({ presentTriggers: [], triggers: [{ kind: 'edit', owner: OFFICE, lastRun: '', mine: false }, { kind: 'reminders', owner: '', lastRun: '', mine: false }] });
    expect(problems(others)).toEqual([]);
  });

  it('a workbook never set up says what to run first', () => {
    expect(problems(goodSheet({ setUp: false }))).toEqual(['Bảng tính chưa được khởi tạo: chạy Tổ CNSCĐ › Khởi tạo / cập nhật bảng tính (hoặc chọn một mẫu trong Cài đặt).']);
  });
});

describe('editorLabel', () => {
  it('the email when the platform gives one, else the person of Danh sách, never an account that did not edit', () => {
    expect(editorLabel('thon1@example.gov.vn', 'Thôn 1', { head: 'Nguyễn Văn An' }, 'Thôn')).toBe('thon1@example.gov.vn');
    expect(editorLabel('', 'Thôn 1', { head: 'Nguyễn Văn An' }, 'Thôn')).toBe('Trưởng thôn Nguyễn Văn An (theo Danh sách)');
    expect(editorLabel('', 'Tổ dân phố số 2', { head: 'Lê Thị Bình' }, 'Tổ dân phố')).toBe('Tổ trưởng tổ dân phố Lê Thị Bình (theo Danh sách)');
    expect(editorLabel('', 'Thôn 9', { head: '' }, 'Thôn')).toBe('Người sửa tab Thôn 9 (không rõ email)');
  });
});

describe('selfCheckLines when the person checking is not in a protection', () => {
  it('says so instead of guessing who may edit', () => {
    const f = goodSheet({ ownTabs: [{ tab: 'Nhật ký', editors: 'unreadable' }] });
    expect(problems(f)).toEqual([]);
    expect(warnings(f)).toEqual([
      'Tài khoản của bạn không có trong vùng bảo vệ của: Nhật ký, nên không kiểm tra được ai sửa được các tab này. Hãy nhờ chủ bảng tính chạy "Tự kiểm tra cài đặt".',
    ]);
  });
});
