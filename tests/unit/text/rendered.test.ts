/**
 * The live reader with the page's rendering (happy-dom's computed style here; the same pages
 * in real Chromium and Firefox: tests/browser/reading.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDomText } from '../../../lib/text/extract-dom';
import { extractHtmlText } from '../../../lib/text/extract-html';
import { Render, renderProbe, type RenderProbe } from '../../../lib/text/rendered';

const READING = join(import.meta.dirname, '..', '..', 'fixtures', 'reading');

/** Puts `html` in the live document (styles in <head> apply) and reads the body as the content script does. */
function readLive(html: string, probe?: RenderProbe) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(doc.head.childNodes).map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
  return extractDomText(document.body, { rendered: probe ?? renderProbe(document) });
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('reading what the page renders', () => {
  it('leaves out what a style sheet hides, with no trace (no stray line breaks)', () => {
    const html = `<style>.menu{display:none}.ghost{visibility:hidden}</style>
      <nav><a>导航</a><ul class="menu"><li><a>晋江市民政局</a></li><li><a>晋江市司法局</a></li></ul></nav>
      <p>第一段<span class="ghost">隐身</span>继续</p><div>前<div class="menu"><p>块内</p></div>后</div>`;
    const dom = readLive(html);
    expect(dom.text).toBe('导航\n第一段继续\n前后');
    expect(dom.text).toBe(extractHtmlText(html));
    expect(dom.nodes.map((n) => n.data)).toEqual(['导航', '第一段', '继续', '前', '后']);
  });

  it('asks once per element that holds text, and leaves a hidden menu whole', () => {
    const probe = renderProbe(document)!;
    const check = vi.spyOn(probe, 'check');
    readLive(`<style>.menu{display:none}</style><p>一<b>二</b>三</p><ul class="menu"><li><a>甲</a></li><li><a>乙</a></li><li><a>丙</a></li></ul>`, probe);
    const asked = check.mock.calls.map(([el]) => el.localName + (el.className ? '.' + el.className : ''));
    // p and b hold text; in the menu, the first link's answer leads up to the list, which is left
    // whole (the body, where text was already read, is not asked)
    expect(asked).toEqual(['p', 'b', 'a', 'li', 'ul.menu']);
  });

  it('reads through display:contents wrappers', () => {
    expect(readLive('<style>.wrap{display:contents}</style><p><span class="wrap">包裹里的字</span>外面的字</p>').text).toBe('包裹里的字外面的字');
  });

  it('keeps what was read when a hidden part follows inside the same element', () => {
    // An element whose own answer is for itself alone (no checkVisibility): its ancestors are asked too.
    const own: RenderProbe = {
      coversAncestors: false,
      hiddenOnEntry: new Set(),
      check: (el) => (el.getAttribute('data-hide') !== null ? Render.Hidden : Render.Shown),
    };
    const dom = readLive('<div><p>甲</p><section data-hide><p>乙</p><p>丙</p></section><p>丁</p></div>', own);
    expect(dom.text).toBe('甲\n丁');
    const inside = readLive('<div data-hide><p>乙</p></div><p>丁</p>', own);
    expect(inside.text).toBe('丁');
  });

  it('skips visually hidden (clipped) elements found from the style sheets', () => {
    const html = `<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}</style><p>正文<span class="sr-only">读屏专用</span>完</p>`;
    expect(readLive(html).text).toBe('正文完');
  });

  it('gives the CLI’s text on every reading fixture', () => {
    for (const file of ['ruby.html', 'hidden.html', 'hidden-unrelated.html']) {
      // happy-dom has no content-visibility: that block is left to the real browsers' test
      const html = readFileSync(join(READING, file), 'utf8').replace(/<section id="skipped-block">.*?<\/section>/, '');
      expect(readLive(html).text, file).toBe(extractHtmlText(html));
    }
  });
});
