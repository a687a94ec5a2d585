/**
 * Building DOM without HTML strings: text always goes in through text nodes, so a village named
 * `<img onerror=…>` is shown as those characters and never parsed.
 */
type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  role?: string;
  title?: string;
  attrs?: Record<string, string>;
  onClick?: (event: Event) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props?.className) node.className = props.className;
  if (props?.id) node.id = props.id;
  if (props?.role) node.setAttribute('role', props.role);
  if (props?.title) node.title = props.title;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) node.setAttribute(name, value);
  if (props?.onClick) node.addEventListener('click', props.onClick);
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

export function button(label: string, onClick: () => void, className = 'btn'): HTMLButtonElement {
  const node = h('button', { className, onClick: () => onClick() }, label);
  node.type = 'button';
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}
