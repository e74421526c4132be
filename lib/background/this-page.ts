/**
 * The side panel's "this page" view, background side: which tab it is about and asking that
 * tab's content script for its outline. The tab is decided here, from the asking page and the
 * browser's active tab, never from anything a web page says: in Chromium's side panel (no tab of
 * its own) it is the active tab of the focused window; opened as a tab, the tab most recently
 * used before it in its window. Only the extension's own pages may ask (the router's AUDIENCE).
 */
import type { PageOutline } from '../messaging/protocol';
import type { TabOutline } from '../messaging/tab-protocol';

export interface TabInfo {
  id?: number;
  active?: boolean;
  /** ms since the epoch (Chromium 121+, Firefox). */
  lastAccessed?: number;
  windowId?: number;
}

/** The asking extension page (the router lets only our own pages ask: AUDIENCE in lib/messaging/protocol.ts). */
export interface PageSender {
  tab?: TabInfo;
}

export interface ThisPageDeps {
  queryTabs(query: { active?: boolean; lastFocusedWindow?: boolean; windowId?: number }): Promise<TabInfo[]>;
  outlineOf(tabId: number): Promise<TabOutline>;
  jump(tabId: number, key: string): Promise<{ found: boolean }>;
}

/** The tab the asking extension page is about, or null when there is none. */
export async function pageTabFor(sender: PageSender, deps: Pick<ThisPageDeps, 'queryTabs'>): Promise<number | null> {
  const own = sender.tab;
  if (own?.id === undefined) {
    const [active] = await deps.queryTabs({ active: true, lastFocusedWindow: true });
    return active?.id ?? null;
  }
  const others = (await deps.queryTabs(own.windowId === undefined ? { lastFocusedWindow: true } : { windowId: own.windowId })).filter((t) => t.id !== undefined && t.id !== own.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}

export async function outlineFor(sender: PageSender, deps: ThisPageDeps): Promise<PageOutline> {
  const tabId = await pageTabFor(sender, deps);
  if (tabId === null) return { tabId: null, outline: null };
  // No content script there (a page it does not run on, or not yet): no outline.
  const outline = await deps.outlineOf(tabId).catch(() => null);
  return { tabId, outline };
}

export async function jumpFor(tabId: number, key: string, deps: ThisPageDeps): Promise<{ found: boolean }> {
  return deps.jump(tabId, key).catch(() => ({ found: false }));
}
