/** The live-DOM reader where the HTML reader has nothing to compare with: web components. */
import { describe, expect, it } from 'vitest';
import { extractDomText } from '../../../lib/text/extract-dom';
import { spanFor } from '../../../lib/overlay/dom-spans';

/** <news-card> with an open shadow root holding `shadowHtml`, and `lightHtml` as its own children. */
function component(shadowHtml: string, lightHtml = '', mode: ShadowRootMode = 'open'): HTMLElement {
  const host = document.createElement('news-card');
  host.innerHTML = lightHtml; // test fixtures written here
  host.attachShadow({ mode }).innerHTML = shadowHtml;
  return host;
}

describe('extractDomText and shadow roots', () => {
  it('reads an open shadow root at its host, then the host’s own (slotted) children', () => {
    document.body.innerHTML = '<p>前言</p>';
    document.body.append(component('<h2>晋江市公安局</h2><p>推动微车管所进园区</p><slot></slot>', '<p>市妇联</p>'));
    document.body.insertAdjacentHTML('beforeend', '<p>结语</p>');
    const dom = extractDomText(document.body);
    expect(dom.text).toBe('前言\n晋江市公安局\n推动微车管所进园区\n市妇联\n结语');
    expect(dom.shadowRoots).toHaveLength(1);
    // offsets map into the shadow tree's own text nodes
    const at = dom.text.indexOf('微车管所');
    const span = spanFor(dom, at, at + 4)!;
    expect(span.startContainer.data.slice(span.startOffset, span.endOffset)).toBe('微车管所');
    expect(span.startContainer.getRootNode()).toBe(dom.shadowRoots[0]);
  });

  it('reads nested components, and a host given as the root', () => {
    const outer = component('<div>外层</div><inner-x></inner-x>', '<span>光照</span>');
    const inner = outer.shadowRoot!.querySelector('inner-x')!;
    inner.attachShadow({ mode: 'open' }).innerHTML = '<p>内层</p>';
    document.body.replaceChildren(outer);
    expect(extractDomText(document.body).text).toBe('外层\n内层\n光照');
    expect(extractDomText(outer).text).toBe('外层\n内层\n光照');
    expect(extractDomText(outer.shadowRoot!).text).toBe('外层\n内层');
  });

  it('leaves closed shadow roots alone and reads an empty one’s host children', () => {
    document.body.replaceChildren(component('<p>不公开</p>', '<p>宿主文字</p>', 'closed'), component('', '<p>只有光照</p>'));
    const dom = extractDomText(document.body);
    expect(dom.text).toBe('宿主文字\n只有光照');
    expect(dom.shadowRoots).toHaveLength(1);
  });
});
