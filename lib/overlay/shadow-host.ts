/**
 * Our own UI on a page lives in one closed shadow root: page CSS cannot reach in, ours cannot
 * leak out, and page script cannot read or click what is inside (`host.shadowRoot` is null for
 * it; only we hold the root). The host's own box is pinned with inline `!important`
 * declarations, which outrank even a page's `* { all: unset !important }`; a page that removes
 * the host or rewrites its style gets them put back at once (until `dispose`).
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
  const pin = () => {
    for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  };
  pin();
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.appendChild(style);
  doc.documentElement.appendChild(host);
  // Put back what the page takes away: the host itself, or its pinned style.
  const guard = new MutationObserver(() => {
    guard.takeRecords();
    if (!host.isConnected) doc.documentElement.appendChild(host);
    if (host.getAttribute('style') !== pinned) {
      host.removeAttribute('style');
      pin();
    }
    for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
  });
  const pinned = host.getAttribute('style');
  guard.observe(doc.documentElement, { childList: true });
  guard.observe(host, { attributes: true });
  return {
    host,
    root,
    dispose: () => {
      guard.disconnect();
      host.remove();
    },
  };
}

/** True for nodes inside our UI (so observers and readers can ignore them). */
export function isOwnNode(node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n.nodeType === 1 && (n as Element).tagName === HOST_TAG.toUpperCase()) return true;
  }
  return false;
}
