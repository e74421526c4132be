/**
 * Our in-page UI lives in a closed shadow root, out of reach of page script and of
 * Playwright's locators. Tests reach it the way only the browser's own tools can: Chromium's
 * DevTools protocol walks into closed shadow roots (`DOM.getDocument` with `pierce`) and runs a
 * function with the root as `this`. Clicks and typing then go through the real mouse and
 * keyboard (trusted input), as a reader's would.
 */
import type { CDPSession, Page } from 'playwright-core';
import { HOST_TAG } from '../../lib/overlay/shadow-host';

interface CdpNode {
  nodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = page.context().newCDPSession(page)));
  return s;
}

/** Runs `fn(root, arg)` with our closed shadow root; null when our UI is not on the page. `fn` must be self-contained. */
export async function inOurUi<T, A>(page: Page, fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg: A): Promise<T | null> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const html = root.children?.find((n) => n.localName === 'html');
  const host = html?.children?.find((n) => n.localName === HOST_TAG);
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = (await session.send('DOM.resolveNode', { nodeId: shadow.nodeId })) as { object: { objectId: string } };
  const r = (await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    // esbuild's keepNames helper, which a transpiled function may refer to
    functionDeclaration: `function (arg) { var __name = (f) => f; return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  if (r.exceptionDetails) throw new Error(`in our UI: ${r.exceptionDetails.text}`);
  await session.send('Runtime.releaseObject', { objectId: object.objectId });
  return r.result.value;
}

/** Like a Playwright locator, for an element inside our closed shadow root. */
export interface UiLocator {
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** A real click in its middle. */
  click(): Promise<void>;
  /** Focuses it with a real click and types `text` as keyboard input. */
  fill(text: string): Promise<void>;
  getByTestId(id: string): UiLocator;
}

export function uiLocator(page: Page, selector: string): UiLocator {
  /** The element's middle, waiting for it like Playwright's own locators do (5 s): our UI renders after the event that opens it. */
  const middle = async () => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const p = await middleNow();
      if (p) return p;
      if (Date.now() > deadline) throw new Error(`not in our UI: ${selector}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const middleNow = async () => {
    return inOurUi(
      page,
      (root, sel) => {
        const el = root.querySelector(sel);
        if (!el) return null;
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      },
      selector,
    );
  };
  const self: UiLocator = {
    count: async () => (await inOurUi(page, (root, sel) => root.querySelectorAll(sel).length, selector)) ?? 0,
    textContent: () => inOurUi(page, (root, sel) => root.querySelector(sel)?.textContent ?? null, selector),
    getAttribute: (name) => inOurUi(page, (root, [sel, n]) => root.querySelector(sel)?.getAttribute(n) ?? null, [selector, name] as [string, string]),
    boundingBox: () =>
      inOurUi(
        page,
        (root, sel) => {
          const r = root.querySelector(sel)?.getBoundingClientRect();
          return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
        },
        selector,
      ),
    click: async () => {
      const p = await middle();
      await page.mouse.click(p.x, p.y);
    },
    fill: async (text) => {
      await self.click();
      await page.keyboard.insertText(text);
    },
    getByTestId: (id) => uiLocator(page, `${selector} [data-testid="${id}"]`),
  };
  return self;
}

/** Our UI's root, as a locator base: `ourUi(page).getByTestId('note-save')`. */
export const ourUi = (page: Page) => ({
  locator: (selector: string) => uiLocator(page, selector),
  getByTestId: (id: string) => uiLocator(page, `[data-testid="${id}"]`),
});
