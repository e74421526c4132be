/**
 * Watching the page: one MutationObserver on the document and on every open shadow root read, from
 * the first moment of a run. Records pile up and are handed on, debounced, as the subtrees that
 * changed (`onChange`), or as a navigation when the address moved (`onNavigated`, after the page
 * settles). One piece of work at a time: changes that arrive while the overlay starts or
 * rescans wait for the next round. Everything stops when `signal` aborts.
 * What is done with a change: page-changes.ts.
 */
import { changedRoots } from './subtrees';

/** After the last change, on a page we draw on. */
const MUTATION_DEBOUNCE_MS = 250;
/** Until the page looks relevant, re-gating is cheap but need not be eager. */
const QUIET_DEBOUNCE_MS = 1000;
/** A page that never stops changing (a ticker) is still handled this often. */
const MAX_WAIT_MS = 2000;
/**
 * What the observer watches, in the whole document (a page may replace its <body> or its root
 * element and go on in the new one) and in each shadow root read: content, and the attributes
 * that show or hide content without changing it (a <details> opened, `hidden` or `inert`
 * taken off). Class and style changes are left out: pages change them all the time (a class on
 * <body> while scrolling), and rereading on each would cost more than it finds.
 */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['open', 'hidden', 'inert'] };

export interface PageWatcherHooks {
  /** True while the overlay is drawn: changes are handled sooner. */
  isActive(): boolean;
  /** True when the page's address is no longer the one we read. */
  hasNavigated(): boolean;
  onNavigated(): void;
  /** The roots of the changed subtrees (none inside another). */
  onChange(roots: Node[]): Promise<void> | void;
}

export class PageWatcher {
  /** Open shadow roots whose text we read: watched, and given to hit-testing. */
  readonly shadowRoots = new Set<ShadowRoot>();
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private waitingSince?: number;
  private busy = false;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly hooks: PageWatcherHooks,
  ) {
    this.observer = new MutationObserver((records) => {
      this.pending.push(...records);
      this.schedule();
    });
    this.observe();
    signal.addEventListener('abort', () => this.stop());
  }

  /** No more watching (the user turned the site off, or the run ended). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.observer.disconnect();
  }

  /** Shadow roots read so far are watched too (an observer on the body does not see into them). */
  watchShadowRoots(roots: readonly ShadowRoot[]): void {
    for (const root of roots) {
      if (this.shadowRoots.has(root)) continue;
      this.shadowRoots.add(root);
      if (!this.stopped) this.observer.observe(root, OBSERVED);
    }
  }

  /**
   * Whether text may have left the page since reading began. The observer has seen every
   * removal in the document since then (a replaced body or root element included).
   */
  mayHaveRemoved(): boolean {
    this.pending.push(...this.observer.takeRecords());
    return this.pending.some((r) => r.type === 'childList' && r.removedNodes.length > 0);
  }

  /** Runs our own DOM work without our observer seeing it (the fallback painter edits the DOM). */
  withoutObserving(work: () => void): void {
    this.pending.push(...this.observer.takeRecords());
    this.observer.disconnect();
    work();
    if (!this.stopped) this.observe();
  }

  /**
   * Runs `work` as the one piece of work under way (the overlay's start, or a rescan); what
   * changed meanwhile is handled after it, unless the run ended.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.busy = true;
    try {
      return await work();
    } finally {
      if (!this.signal.aborted) {
        this.busy = false;
        if (this.pending.length) this.schedule();
      }
    }
  }

  /**
   * Debounced, with a ceiling: a page that never stops changing is still handled every
   * MAX_WAIT_MS instead of waiting forever for a quiet moment.
   */
  schedule(): void {
    const now = performance.now();
    this.waitingSince ??= now;
    clearTimeout(this.timer);
    const debounce = this.hooks.isActive() ? MUTATION_DEBOUNCE_MS : QUIET_DEBOUNCE_MS;
    const delay = Math.max(0, Math.min(debounce, this.waitingSince + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.waitingSince = undefined;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.busy || this.stopped || this.signal.aborted) return;
    if (this.hooks.hasNavigated()) return this.hooks.onNavigated();
    const roots = changedRoots(this.pending.splice(0));
    if (!roots.length) return;
    await this.exclusive(async () => this.hooks.onChange(roots));
  }

  /** The document, not one body: what replaces the body (or the root element) is watched as well. */
  private observe(): void {
    this.observer.observe(this.doc, OBSERVED);
    for (const root of this.shadowRoots) this.observer.observe(root, OBSERVED);
  }
}
