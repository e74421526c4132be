/**
 * axe-core in real Chromium: in a page, and in our in-page UI (closed shadow root) through a
 * copy the DevTools protocol makes. Used by a11y.test.ts and keyboard.test.ts.
 */
import { AXE_SOURCE, describeViolations, type AxeViolation } from './in-extension';
import type { Page } from 'playwright-core';
import { HOST_TAG } from '../../lib/overlay/shadow-host';

const describe_ = describeViolations;

/** axe-core's violations (WCAG 2.x A and AA rules and best practices) in an extension page. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return describe_(violations);
}

/**
 * The same for our in-page UI, which lives in a closed shadow root that neither page script nor
 * axe can enter. Through the DevTools protocol, the open card and our root's stylesheets are
 * copied into an open shadow root of a test element (same markup, same styles), axe checks that
 * copy, and the copy is removed. `scope` 'layer': all our UI shows, not only the card (what a
 * keyboard step adds around it: the line above it, the live region).
 */
export async function axeViolationsInOurUi(page: Page, scope: 'card' | 'layer' = 'card'): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: { children?: { localName?: string; children?: { localName?: string; shadowRoots?: { nodeId: number }[] }[] }[] } };
    const host = root.children?.find((n) => n.localName === 'html')?.children?.find((n) => n.localName === HOST_TAG);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('our UI is not on the page');
    const { object } = (await session.send('DOM.resolveNode', { nodeId: shadow.nodeId })) as { object: { objectId: string } };
    const r = (await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `async function (scope) {
        const card = this.querySelector('[role="dialog"]');
        if (!card) throw new Error('no card open');
        const shown = scope === 'layer' ? [...this.querySelector('.layer').children] : [card];
        const probe = document.createElement('div');
        probe.setAttribute('data-a11y-probe', '');
        const copy = probe.attachShadow({ mode: 'open' });
        for (const s of this.querySelectorAll('style')) copy.append(s.cloneNode(true));
        for (const sheet of this.adoptedStyleSheets ?? []) copy.adoptedStyleSheets = [...copy.adoptedStyleSheets, sheet];
        const layer = document.createElement('div');
        layer.className = 'layer';
        for (const el of shown) layer.append(el.cloneNode(true));
        copy.append(layer);
        document.body.append(probe);
        try {
          const result = await window.axe.run(probe, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
        } finally {
          probe.remove();
        }
      }`,
      arguments: [{ value: scope }],
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: AxeViolation[] }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(`axe in our UI: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return describe_(r.result.value);
  } finally {
    await session.detach();
  }
}
