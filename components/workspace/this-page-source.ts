/**
 * Where the "this page" view gets its data in the extension: the background picks the tab and
 * asks its content script (lib/background/this-page.ts); the view follows the active tab through
 * the browser's tab events. Component tests pass a source of their own.
 */
import { browser } from 'wxt/browser';
import { request } from '../../lib/messaging/client';
import type { PageOutline } from '../../lib/messaging/protocol';

export interface ThisPageSource {
  outline(): Promise<PageOutline>;
  jump(tabId: number, key: string): Promise<{ found: boolean }>;
  /** Calls back when the active tab changes or a tab finishes loading or changes its address; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

export const browserThisPageSource: ThisPageSource = {
  outline: () => request({ type: 'page/outline' }),
  jump: (tabId, key) => request({ type: 'page/jump', tabId, key }),
  subscribe(onChange) {
    const activated = () => onChange();
    const updated = (_id: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) onChange();
    };
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);
    // Our own tab (the view opened as a page) going to the background makes another tab the page.
    const focused = () => onChange();
    browser.windows?.onFocusChanged?.addListener(focused);
    return () => {
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
      browser.windows?.onFocusChanged?.removeListener(focused);
    };
  },
};
