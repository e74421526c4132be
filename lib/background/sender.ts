/**
 * Who sent a message, told from what the browser says about the sender (never from the payload):
 * one of our extension pages (popup, side panel, options), or our content script in one frame of
 * one tab, with that frame's own address. A content script runs inside pages we do not trust, so
 * everything it says about "its page" (canonical link, title) is a claim; the background keeps
 * only claims that agree with the sender (DESIGN contract 7; issue 11, items 1, 4 and 5).
 */
import { getDomain } from 'tldts';

/** What `runtime.onMessage` gives about a sender (the fields both Chromium and Firefox fill). */
export interface SenderInfo {
  id?: string;
  /** The sending frame's address (a content script's page, or an extension page). */
  url?: string;
  /** Chromium: the sending frame's origin (for about:blank / srcdoc frames, their parent's). */
  origin?: string;
  /** 0 for a tab's top frame. */
  frameId?: number;
  tab?: { id?: number; url?: string; windowId?: number };
}

/** A request from one of our own pages (its address is inside the extension). */
export interface ExtensionPageSender {
  kind: 'extension';
  /** The tab it is open in, when it is a tab (the side panel opened as a page), not a panel or popup. */
  tab?: { id: number; windowId?: number };
}

/** A request from our content script: the tab and frame it runs in, and that frame's address. */
export interface ContentSender {
  kind: 'content';
  tabId: number;
  frameId: number;
  /** The frame's http(s) address without its fragment: the page every request is about. */
  pageUrl: string;
}

export type Sender = ExtensionPageSender | ContentSender;

const isWeb = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const withoutFragment = (u: URL): string => {
  const copy = new URL(u.href);
  copy.hash = '';
  return copy.href;
};

/**
 * Classifies a sender, or null when it is not ours or says too little to be trusted.
 * `extensionOrigin` is `runtime.getURL('')` (`chrome-extension://<id>/`, `moz-extension://<uuid>/`):
 * an extension page may also be open in a tab, so its address decides, not `sender.tab`.
 * A frame without an address of its own (about:blank, srcdoc) is its tab's page when the
 * browser says its origin is the tab's.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  const origin = extensionOrigin.replace(/\/+$/, '');
  const url = sender.url ?? '';
  if (url === origin || url.startsWith(`${origin}/`)) {
    const t = sender.tab;
    return t?.id !== undefined ? { kind: 'extension', tab: { id: t.id, ...(t.windowId !== undefined ? { windowId: t.windowId } : {}) } } : { kind: 'extension' };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0) return null;
  const frameId = sender.frameId ?? 0;
  let page = parse(url);
  if (!page || !isWeb(page)) {
    const tabPage = parse(sender.tab?.url);
    const senderOrigin = parse(sender.origin);
    page = tabPage && isWeb(tabPage) && senderOrigin && senderOrigin.origin === tabPage.origin ? tabPage : null;
  }
  if (!page) return null;
  return { kind: 'content', tabId, frameId, pageUrl: withoutFragment(page) };
}

/** The registrable domain of a host (www.jinjiang.gov.cn → jinjiang.gov.cn); the host itself when it has none (localhost, an IP). */
export function registrableHost(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** Two addresses on the same site: http(s) both, and the same registrable domain (gov.cn and github.io are suffixes, not sites). */
export function sameSite(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y || !isWeb(x) || !isWeb(y)) return false;
  return registrableHost(x.hostname) === registrableHost(y.hostname);
}

/**
 * The canonical address a content script may file its page's notes and sightings under: its
 * claim when the claim is on the sender's own site, else the sender's own address.
 */
export function canonicalFor(sender: ContentSender, claimed: string | undefined): string {
  const c = parse(claimed);
  if (c && isWeb(c) && sameSite(c.href, sender.pageUrl)) return withoutFragment(c);
  return sender.pageUrl;
}
