/**
 * Every string a person can read in an emulated workbook, each with where it was: cells (as shown,
 * and their notes, help texts), protection descriptions, chart titles, dialogs, toasts, menus,
 * sidebars and dialogs (their visible HTML text), emails, and the payloads the sidebars render.
 */
import type { AppsScriptEmulator, WorkbookSnapshot } from '../../emulator';

export interface ReadableText {
  /** `Tổng hợp!B7`, `email "…" to x@y`, `hộp thoại "Tổng hợp"`, `getDashboardData.villages[3].name`. */
  where: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** What a browser shows of an HTML page: text outside scripts and styles, and the attributes people read. */
export function visibleHtmlText(html: string): string[] {
  const withoutCode = html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const attributes = [...withoutCode.matchAll(/\s(?:title|alt|placeholder|aria-label|value)\s*=\s*"([^"]*)"/gi)].map((m) => decodeEntities(m[1]));
  const text = decodeEntities(withoutCode.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return [text, ...attributes].filter((t) => t.trim() !== '');
}

/** Cells as shown, notes, validation help, protection descriptions and chart titles of every tab. */
export function workbookTexts(model: WorkbookSnapshot, label = ''): ReadableText[] {
  const out: ReadableText[] = [];
  const push = (where: string, text: unknown) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ where: `${label}${where}`, text });
  };
  for (const sheet of model.sheets) {
    push(`tên tab "${sheet.name}"`, sheet.name);
    for (const c of sheet.cells) {
      // Sheets draws a checkbox, not the TRUE/FALSE behind it.
      if (c.validation?.criteria !== 'CHECKBOX') push(`${sheet.name}!${c.a1}`, c.displayValue);
      push(`${sheet.name}!${c.a1} (ghi chú)`, c.note);
      push(`${sheet.name}!${c.a1} (hướng dẫn nhập)`, c.validation?.helpText);
    }
    for (const p of sheet.protections) push(`${sheet.name} (mô tả bảo vệ ${p.range ?? 'cả tab'})`, p.description);
    sheet.charts.forEach((chart, i) => {
      // Titles are read; the other options (positions, colours) are settings of the drawing.
      for (const [key, value] of Object.entries(chart.options)) if (/title/i.test(key)) push(`${sheet.name} (biểu đồ ${i + 1}, ${key})`, value);
    });
  }
  return out;
}

/** Dialogs, prompts, toasts, menus, sidebars and HTML dialogs the emulator recorded. */
export function uiTexts(emu: AppsScriptEmulator): ReadableText[] {
  const out: ReadableText[] = [];
  for (const a of emu.ui.alerts) {
    const where = `${a.kind === 'prompt' ? 'hộp hỏi' : 'hộp thoại'} "${a.title}"`;
    out.push({ where, text: a.title }, { where, text: a.prompt });
  }
  for (const t of emu.ui.toasts) out.push({ where: `thông báo góc "${t.title}"`, text: t.title }, { where: `thông báo góc "${t.title}"`, text: t.message });
  const items = (menu: { name: string; items: ({ caption: string; submenu?: { name: string; items: unknown[] } } | null)[] }): ReadableText[] => [
    { where: `trình đơn "${menu.name}"`, text: menu.name },
    ...menu.items.flatMap((item) => (item ? [{ where: `trình đơn "${menu.name}"`, text: item.caption }, ...(item.submenu ? items(item.submenu as typeof menu) : [])] : [])),
  ];
  for (const menu of emu.ui.menus) out.push(...items(menu));
  for (const html of [...emu.ui.sidebars, ...emu.ui.dialogs]) {
    const where = `${html.kind === 'sidebar' ? 'thanh bên' : 'cửa sổ'} "${html.title}"`;
    out.push({ where, text: html.title }, ...visibleHtmlText(html.content).map((text) => ({ where, text })));
  }
  return out.filter((t) => t.text.trim() !== '');
}

export function mailTexts(emu: AppsScriptEmulator): ReadableText[] {
  return emu.mail.outbox.flatMap((mail) => {
    const where = `email "${mail.subject}" gửi ${mail.to}`;
    return [
      { where, text: mail.subject },
      { where: `${where} (tên người gửi)`, text: mail.name ?? '' },
      { where: `${where} (nội dung)`, text: mail.body },
      ...(mail.htmlBody === undefined ? [] : visibleHtmlText(mail.htmlBody).map((text) => ({ where: `${where} (HTML)`, text }))),
    ].filter((t) => t.text.trim() !== '');
  });
}

/**
 * Every string of a sidebar payload, named by its path. Keys in `machineKeys` hold identifiers the
 * sidebar code compares but never shows (an id, a tone), so they are left out.
 */
export function payloadTexts(fn: string, payload: unknown, machineKeys: ReadonlySet<string>): ReadableText[] {
  const out: ReadableText[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ where: `${fn}${path}`, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Date]') {
      for (const [key, v] of Object.entries(value)) if (!machineKeys.has(key)) walk(v, `${path}.${key}`);
    }
  };
  walk(payload, '');
  return out.filter((t) => t.text.trim() !== '');
}
