/**
 * Tự kiểm tra cài đặt (docs/security.md, "Self-check"): what the adapter saw on the real sheet,
 * judged line by line — each line says it is fine or what to do.
 */
import { AUTOMATION_TITLES, lastRunText, type AutomationFact } from './automation';
import { headTitle } from '../config/vocabulary';
import { TIME_ZONE } from '../shared/calendar';
import { isPlausibleEmail } from '../shared/text';
import { SETUP_CAPTION } from '../shared/menuCaptions';

export const REQUIRED_SCOPES: readonly { scope: string; what: string }[] = [
  { scope: 'https://www.googleapis.com/auth/spreadsheets.currentonly', what: 'đọc, ghi bảng tính này' },
  { scope: 'https://www.googleapis.com/auth/script.container.ui', what: 'hiện menu, hộp thoại, bảng bên' },
  { scope: 'https://www.googleapis.com/auth/script.send_mail', what: 'gửi email nhắc việc' },
  { scope: 'https://www.googleapis.com/auth/script.scriptapp', what: 'đặt lịch chạy tự động' },
  { scope: 'https://www.googleapis.com/auth/userinfo.email', what: 'biết email người dùng' },
];

export const EXPECTED_LOCALE = 'vi_VN';
/** A daily trigger silent for longer than this has stopped (time triggers fire within ±15 min). */
const DAILY_SILENCE_MS = 26 * 3600_000;

/**
 * Editors of a protection; null when there is none; 'unreadable' when the person checking is not
 * one of them (Apps Script then refuses to list them).
 */
export type ProtectionEditors = string[] | null | 'unreadable';

export interface ProtectedTabFact {
  tab: string;
  editors: ProtectionEditors;
}

export interface VillageTabFact extends ProtectedTabFact {
  village: string;
  headEmail: string;
  /** The NGAY_NOP row's protection. */
  stampEditors: ProtectionEditors;
}

export interface SelfCheckFacts {
  now: Date;
  /** Scopes whose probe call failed for want of permission. */
  missingScopes: string[];
  setUp: boolean;
  villageWord: string;
  /** The spreadsheet's owner and editors (lower case). */
  spreadsheetEditors: string[];
  triggers: AutomationFact[];
  /** Kinds of which the person checking has a trigger on this sheet; null when Apps Script would not list them. */
  presentTriggers: AutomationFact['kind'][] | null;
  villages: VillageTabFact[];
  ownTabs: ProtectedTabFact[];
  /** Null when it could not be read (missing scope). */
  mailQuota: number | null;
  timeZone: string;
  locale: string;
  lockAvailable: boolean;
}

export type CheckLevel = 'ok' | 'warning' | 'problem';

export interface CheckLine {
  level: CheckLevel;
  text: string;
}

const SHOWN_NAMES = 8;

function names(list: readonly string[]): string {
  const shown = list.slice(0, SHOWN_NAMES).join(', ');
  return list.length > SHOWN_NAMES ? `${shown} và ${list.length - SHOWN_NAMES} tab khác` : shown;
}

const known = (editors: ProtectionEditors): editors is string[] => Array.isArray(editors);
/** Unknowable lists count as fine here: they get a line of their own. */
const lacks = (editors: ProtectionEditors, email: string) => known(editors) && !editors.some((e) => e.trim().toLowerCase() === email.trim().toLowerCase());

export function selfCheckLines(f: SelfCheckFacts): CheckLine[] {
  const lines: CheckLine[] = [...scopeLines(f)];
  if (!f.setUp) {
    lines.push({ level: 'problem', text: `Bảng tính chưa được khởi tạo: chạy Tổ CNSCĐ › ${SETUP_CAPTION} (hoặc chọn một mẫu trong Cài đặt).` });
  } else {
    lines.push(...triggerLines(f), ...protectionLines(f));
  }
  lines.push(...environmentLines(f));
  return lines;
}

function scopeLines(f: SelfCheckFacts): CheckLine[] {
  if (f.missingScopes.length === 0) return [{ level: 'ok', text: `Đã được cấp đủ ${REQUIRED_SCOPES.length} quyền cần thiết.` }];
  return f.missingScopes.map((scope) => ({
    level: 'problem',
    text: `Thiếu quyền "${REQUIRED_SCOPES.find((s) => s.scope === scope)?.what ?? scope}" (${scope}): tệp appsscript.json của tiện ích phải khai báo quyền này; triển khai lại rồi mở lại bảng tính và cấp quyền khi Google hỏi.`,
  }));
}

function triggerLines(f: SelfCheckFacts): CheckLine[] {
  return f.triggers.map((t): CheckLine => {
    const title = AUTOMATION_TITLES[t.kind];
    if (!t.owner) {
      return t.kind === 'edit'
        ? { level: 'problem', text: `${title}: chưa cài. Chạy "${SETUP_CAPTION}".` }
        : { level: 'warning', text: `${title}: chưa bật. Vào Cài đặt › Bật nhắc tự động.` };
    }
    if (!f.spreadsheetEditors.includes(t.owner.toLowerCase())) {
      return { level: 'problem', text: `${title}: chạy dưới tài khoản ${t.owner}, nhưng tài khoản này không còn quyền sửa bảng tính nên sẽ không chạy được. Một cán bộ phòng VH-XH hãy mở Bảng điều khiển và bấm "Nhận về tài khoản này".` };
    }
    // Apps Script lists only the checker's own triggers, so only those can be found missing.
    if (t.mine && f.presentTriggers !== null && !f.presentTriggers.includes(t.kind)) {
      return { level: 'problem', text: `${title}: ghi là của bạn (${t.owner}) nhưng đã bị xóa. Chạy lại "${SETUP_CAPTION}"${t.kind === 'reminders' ? ' rồi bật lại nhắc tự động' : ''}.` };
    }
    const stale = t.kind === 'reminders' && t.lastRun !== '' && f.now.getTime() - new Date(t.lastRun).getTime() > DAILY_SILENCE_MS;
    const text = `${title}: chạy dưới tài khoản ${t.owner}; lần chạy xong gần nhất: ${lastRunText(t)}.`;
    return stale ? { level: 'warning', text: `${text} Đã hơn một ngày không chạy: kiểm tra tài khoản ${t.owner} còn dùng được không.` } : { level: 'ok', text };
  });
}

function protectionLines(f: SelfCheckFacts): CheckLine[] {
  const lines: CheckLine[] = [];
  /** A line naming `list`, when it names anything. */
  const flag = (level: CheckLevel, list: readonly string[], text: (listed: string) => string) => {
    if (list.length) lines.push({ level, text: text(names(list)) });
  };
  const runSetup = `Chạy "${SETUP_CAPTION}".`;
  const head = headTitle(f.villageWord).toLocaleLowerCase('vi');
  const editOwner = f.triggers.find((t) => t.kind === 'edit')?.owner ?? '';
  const owners = f.triggers.map((t) => t.owner).filter((o) => o !== '');
  const unprotected = [...f.villages, ...f.ownTabs].filter((t) => t.editors === null).map((t) => t.tab);
  flag('problem', unprotected, (listed) => `Chưa được bảo vệ: ${listed}. ${runSetup}`);
  const unreadable = [
    ...f.villages.filter((v) => v.editors === 'unreadable' || v.stampEditors === 'unreadable'),
    ...f.ownTabs.filter((t) => t.editors === 'unreadable'),
  ].map((t) => t.tab);
  flag('warning', unreadable, (listed) => `Tài khoản của bạn không có trong vùng bảo vệ của: ${listed}, nên không kiểm tra được ai sửa được các tab này. Hãy nhờ chủ bảng tính chạy "Tự kiểm tra cài đặt".`);

  const headless = f.villages.filter((v) => isPlausibleEmail(v.headEmail) && lacks(v.editors, v.headEmail)).map((v) => v.tab);
  flag('problem', headless, (listed) => `${head[0].toLocaleUpperCase('vi')}${head.slice(1)} chưa được sửa tab của mình: ${listed}. ${runSetup}`);
  const noEmail = f.villages.filter((v) => !isPlausibleEmail(v.headEmail)).map((v) => v.village);
  flag('warning', noEmail, (listed) => `Chưa có email hợp lệ của ${head} trong "Danh sách": ${listed} — chỉ phòng VH-XH sửa được các tab này và không gửi được email nhắc.`);
  const notShared = f.villages.filter((v) => isPlausibleEmail(v.headEmail) && !f.spreadsheetEditors.includes(v.headEmail.toLowerCase())).map((v) => `${v.village} (${v.headEmail})`);
  flag('warning', notShared, (listed) => `Bảng tính chưa được chia sẻ (quyền Người chỉnh sửa) cho: ${listed}.`);

  const ownerMissing = [
    ...(editOwner ? f.villages.filter((v) => lacks(v.editors, editOwner) || lacks(v.stampEditors, editOwner)).map((v) => v.tab) : []),
    ...f.ownTabs.filter((t) => owners.some((o) => lacks(t.editors, o))).map((t) => t.tab),
  ];
  flag('problem', ownerMissing, (listed) => `Tài khoản chạy tự động (${owners.join(', ')}) không được ghi vào: ${listed} — tích "Đã nộp" hoặc nhắc việc sẽ không ghi được. ${runSetup}`);
  const stampless = f.villages.filter((v) => v.editors !== null && v.stampEditors === null).map((v) => v.tab);
  flag('problem', stampless, (listed) => `Dòng "Ngày nộp" chưa được khóa (${head} có thể tự ghi ngày nộp): ${listed}. ${runSetup}`);
  if (lines.length === 0) lines.push({ level: 'ok', text: `Bảo vệ đúng người: ${f.villages.length} tab địa bàn và ${f.ownTabs.length} tab của phòng VH-XH.` });
  return lines;
}

function environmentLines(f: SelfCheckFacts): CheckLine[] {
  const lines: CheckLine[] = [];
  if (f.mailQuota !== null) {
    const needed = f.villages.length + 1;
    lines.push(
      f.mailQuota >= needed
        ? { level: 'ok', text: `Hạn mức email hôm nay còn ${f.mailQuota}.` }
        : { level: 'warning', text: `Hạn mức email hôm nay chỉ còn ${f.mailQuota} (một lượt nhắc có thể cần tới ${needed}); phần còn lại sẽ gửi vào lượt sau.` },
    );
  }
  lines.push(
    f.timeZone === TIME_ZONE
      ? { level: 'ok', text: `Múi giờ bảng tính: ${f.timeZone}.` }
      : { level: 'problem', text: `Múi giờ bảng tính là ${f.timeZone || '(không rõ)'}, cần ${TIME_ZONE}: chạy "${SETUP_CAPTION}" để đặt lại.` },
    f.locale === EXPECTED_LOCALE
      ? { level: 'ok', text: `Ngôn ngữ, định dạng số: ${f.locale} (1.234 và 85,5%).` }
      : { level: 'problem', text: `Ngôn ngữ bảng tính là ${f.locale || '(không rõ)'}, cần ${EXPECTED_LOCALE} để số gõ "1.234" được hiểu là 1234: chạy "${SETUP_CAPTION}" để đặt lại.` },
    f.lockAvailable
      ? { level: 'ok', text: 'Khóa bảng tính dùng được.' }
      : { level: 'warning', text: 'Một tác vụ khác đang giữ khóa bảng tính; nếu còn như vậy sau vài phút, hãy tải lại trang.' },
  );
  return lines;
}

const MARK: Record<CheckLevel, string> = { ok: '✔', warning: '⚠', problem: '✘' };

export function selfCheckText(lines: readonly CheckLine[]): string {
  const problems = lines.filter((l) => l.level === 'problem').length;
  const warnings = lines.filter((l) => l.level === 'warning').length;
  const head = problems === 0 && warnings === 0 ? 'Mọi thứ đã sẵn sàng.' : `${problems} việc cần sửa, ${warnings} lưu ý.`;
  return [head, '', ...lines.map((l) => `${MARK[l.level]} ${l.text}`)].join('\n');
}
