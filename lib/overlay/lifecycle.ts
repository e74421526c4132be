/**
 * The content script's own lifecycle, instead of the framework's (WXT's ContentScriptContext
 * posts a start message with the extension id to the page's window, dispatches a DOM event
 * named after it, and stops when the page dispatches that event: a page could see us and
 * switch us off). Here nothing is posted or dispatched, and only the browser can end us:
 * address changes are found by looking at the address ourselves (every POLL_MS, and at once on
 * a trusted Navigation API `navigate` event where there is one), and the script stops when the
 * extension is gone (reloaded or removed: its runtime id disappears).
 */

/** How often the address and the extension's presence are checked, ms. */
const POLL_MS = 1000;

export interface LifecycleHooks {
  win: Window;
  /** False once the extension was reloaded or removed. */
  isAlive(): boolean;
  onLocationChange(): void;
  onEnd(): void;
}

type NavigationLike = EventTarget;

/** Starts watching, for as long as the extension is there. */
export function watchLifecycle(h: LifecycleHooks): void {
  const ended = new AbortController();
  const { signal } = ended;
  let url = h.win.location.href;
  const check = () => {
    if (signal.aborted) return;
    if (!h.isAlive()) {
      ended.abort();
      h.onEnd();
      return;
    }
    if (h.win.location.href !== url) {
      url = h.win.location.href;
      h.onLocationChange();
    }
  };
  const timer = setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
  const navigation = (h.win as unknown as { navigation?: NavigationLike }).navigation;
  // `navigate` fires before the address changes: look again on the next turn.
  navigation?.addEventListener?.('navigate', (e) => e.isTrusted && setTimeout(check, 0), { signal });
  h.win.addEventListener('popstate', (e) => e.isTrusted && check(), { signal });
}
