/**
 * What the Firefox tests do in the extension's own pages and in our in-page UI, over the BiDi
 * driver (firefox.ts): find an element and click it with the real mouse, type into it with the
 * real keyboard, set the UI language and read the stored rows the way the extension's pages can
 * (browser.storage, the raw IndexedDB API: no help from our own code), run axe-core.
 */
import { AXE_SOURCE, describeViolations, readStoreRows, storeLocale, type AxeViolation } from './in-extension';
import { expect } from 'vitest';
import type { FirefoxTab } from './firefox';

type Point = { x: number; y: number };

/** Middle of the first element matching `selector` (and containing `text`, when given) in a page, scrolled into view; null when absent. */
export const pointIn = (tab: FirefoxTab, selector: string, text?: string) =>
  tab.evaluate(
    ([sel, t]: [string, string | null]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => t === null || (e.textContent ?? '').includes(t));
      if (!el) return null;
      // the middle of the view: a sticky header may cover its top edge
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    [selector, text ?? null] as [string, string | null],
  );

/**
 * A real click on an element of a page (waits up to 10 s for it, and for it to hold still: a
 * page that is still rendering may move it between the look and the click).
 */
export async function clickIn(tab: FirefoxTab, selector: string, text?: string): Promise<void> {
  let last = '';
  let p: Point | null = null;
  await expect
    .poll(
      async () => {
        const before = last;
        p = await pointIn(tab, selector, text);
        last = JSON.stringify(p);
        return p !== null && last === before;
      },
      { timeout: 10_000, interval: 100, message: `${selector} ${text ?? ''}` },
    )
    .toBe(true);
  await tab.click(p!);
}

/** Text of the first element matching `selector` in a page, or null. */
export const textIn = (tab: FirefoxTab, selector: string) => tab.evaluate((sel: string) => document.querySelector(sel)?.textContent ?? null, selector);

/** Middle of an element of our UI (closed shadow root) by CSS selector, scrolled into view; null when absent. */
export const uiPoint = (tab: FirefoxTab, selector: string) =>
  tab.inOurUi((root, sel: string) => {
    const el = root.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);

/** A real click on an element of our UI. */
export async function clickUi(tab: FirefoxTab, selector: string): Promise<void> {
  let p: Point | null = null;
  await expect.poll(async () => (p = await uiPoint(tab, selector)), { timeout: 5_000, message: selector }).not.toBeNull();
  await tab.click(p!);
}

/** Clicks a field of our UI and types `text` into it with the keyboard. */
export async function typeInUi(tab: FirefoxTab, selector: string, text: string): Promise<void> {
  await clickUi(tab, selector);
  await tab.type(text);
}

/** Sets the UI language as the options page does (every open page follows); `tab` shows one of the extension's pages. */
export const setLocaleIn = (tab: FirefoxTab, locale: 'zh_CN' | 'en') => tab.evaluate(storeLocale, locale);

/** Every row of one object store of the extension's IndexedDB, read with the raw API in one of its pages. */
export const storedRowsIn = (tab: FirefoxTab, store: string) => tab.evaluate(readStoreRows, store);


/** axe-core's violations (its default rules: WCAG 2.x A and AA and best practices) in a page. */
export async function axeViolations(tab: FirefoxTab): Promise<string[]> {
  await tab.addScript(AXE_SOURCE);
  const violations = await tab.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return describeViolations(violations);
}

/**
 * The same for our in-page UI, in a closed shadow root that axe cannot enter: the open card
 * (`[role="dialog"]`) and our root's stylesheets are copied into an open shadow root of a test
 * element (same markup, same styles), axe checks that copy, and the copy is removed (as the
 * Chromium test does, a11y.test.ts).
 */
export async function axeViolationsInOurUi(tab: FirefoxTab): Promise<string[]> {
  await tab.addScript(AXE_SOURCE);
  const violations = await tab.inOurUi(async (root) => {
    const card = root.querySelector('[role="dialog"]');
    if (!card) throw new Error('no card open');
    const probe = document.createElement('div');
    probe.setAttribute('data-a11y-probe', '');
    const copy = probe.attachShadow({ mode: 'open' });
    for (const s of root.querySelectorAll('style')) copy.append(s.cloneNode(true));
    copy.adoptedStyleSheets = [...root.adoptedStyleSheets];
    const layer = document.createElement('div');
    layer.className = 'layer';
    layer.append(card.cloneNode(true));
    copy.append(layer);
    document.body.append(probe);
    try {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(probe, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    } finally {
      probe.remove();
    }
  }, null);
  if (!violations) throw new Error('our UI is not on the page');
  return describeViolations(violations);
}
