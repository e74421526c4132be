/**
 * Our own UI on a page lives in one shadow root, so page CSS cannot reach in and ours
 * cannot leak out. The host's own box is pinned with inline `!important` declarations,
 * which outrank even a page's `* { all: unset !important }`.
 */

export const HOST_TAG = 'msl-lens-root';

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  dispose(): void;
}

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0 auto auto 0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['pointer-events', 'none'],
  ['contain', 'style'],
];

export function createShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  doc.documentElement.appendChild(host);
  return { host, root, dispose: () => host.remove() };
}

/** True for nodes inside our UI (so observers and readers can ignore them). */
export function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n.nodeType === 1 && (n as Element).tagName === HOST_TAG.toUpperCase()) return true;
  }
  return false;
}
