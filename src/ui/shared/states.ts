/** The loading, empty and error states both panels share, and the live status line. */
import { button, h, replaceChildren } from './dom';

export function showLoading(root: HTMLElement, text = 'Đang tải…'): void {
  root.setAttribute('aria-busy', 'true');
  replaceChildren(root, h('div', { className: 'state state-loading', role: 'status' }, h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), text));
}

export function showError(root: HTMLElement, message: string, retry: () => void): void {
  root.removeAttribute('aria-busy');
  const retryButton = button('Thử lại', retry);
  replaceChildren(
    root,
    h('div', { className: 'state state-error', role: 'alert' }, h('p', { className: 'state-title' }, 'Không tải được dữ liệu'), h('p', null, message), retryButton),
  );
  retryButton.focus();
}

export function showEmpty(root: HTMLElement, title: string, ...lines: string[]): void {
  root.removeAttribute('aria-busy');
  replaceChildren(root, h('div', { className: 'state state-empty' }, h('p', { className: 'state-title' }, title), ...lines.map((l) => h('p', null, l))));
}

export type Tone = 'info' | 'success' | 'error';

/** A polite live region: results of actions are announced without moving focus. */
export function setStatus(line: HTMLElement, text: string, tone: Tone = 'info'): void {
  line.className = `status status-${tone}`;
  line.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  replaceChildren(line, text);
}

/** Disables the buttons of a panel while a server call runs, so nothing is sent twice. */
export async function whileBusy<T>(scope: HTMLElement, work: () => Promise<T>): Promise<T> {
  const buttons = Array.from(scope.querySelectorAll('button')).filter((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  scope.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    scope.removeAttribute('aria-busy');
  }
}
