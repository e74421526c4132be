import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities, extractHtmlText } from '../../../lib/text/extract-html';
import { extractDomText, locate } from '../../../lib/text/extract-dom';

const PAGES = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

describe('extractHtmlText', () => {
  it('reads visible text only: no scripts, styles, head, hidden or display:none elements', () => {
    const html = `<html><head><title>标题</title><style>p{}</style></head><body>
      <p>晋江市公安局</p><script>var x = "晋江市民政局";</script><noscript>开启脚本</noscript>
      <div hidden>隐藏一</div><div style="display: none">隐藏二</div><template><p>模板</p></template>
      <p>可见</p></body></html>`;
    const text = extractHtmlText(html);
    expect(text).toContain('晋江市公安局');
    expect(text).toContain('可见');
    for (const hidden of ['标题', '晋江市民政局', '开启脚本', '隐藏一', '隐藏二', '模板', 'p{}']) expect(text).not.toContain(hidden);
  });

  it('breaks lines at blocks and <br>, separates table cells with a tab', () => {
    expect(extractHtmlText('<p>一</p><p>二<br>三</p><span>四</span>五')).toBe('一\n二\n三\n四五');
    expect(extractHtmlText('<table><tr><td>24</td><td>民政局</td></tr><tr><td>25</td></tr></table>')).toBe('24\t民政局\t\n25');
  });

  it('decodes character references', () => {
    expect(decodeEntities('&ldquo;家风书场&rdquo;&nbsp;&#26187;&#x6C5F;&amp;&unknown;')).toBe('“家风书场”\u00a0晋江&&unknown;');
  });

  it('survives broken markup', () => {
    expect(() => extractHtmlText('<p>未闭合<div <b>文字</i>< 3 & 4 <!-- 注释')).not.toThrow();
    expect(extractHtmlText('a < b <!-- x --> c')).toBe('a < b  c');
  });
});

describe('extractDomText (content script) agrees with extractHtmlText (CLI)', () => {
  for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.html'))) {
    it(file, () => {
      const html = readFileSync(join(PAGES, file), 'utf8');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const dom = extractDomText(doc.documentElement);
      expect(dom.text).toBe(extractHtmlText(html));
      // Offsets map back to text nodes.
      const at = dom.text.indexOf('晋江');
      if (at >= 0) {
        const pos = locate(dom, at)!;
        expect(pos.node.data.slice(pos.offset, pos.offset + 2)).toBe('晋江');
      }
    });
  }
});

describe('extractHtmlText reads what a reader sees', () => {
  it('reads ruby bases, not their annotations or fallback parentheses', () => {
    expect(extractHtmlText('<p>晋江市<ruby>公<rt>gōng</rt>安<rt>ān</rt></ruby>局</p>')).toBe('晋江市公安局');
    expect(extractHtmlText('<p><ruby>微<rp>(</rp><rt>wēi</rt><rp>)</rp>车</ruby>管所</p>')).toBe('微车管所');
    expect(extractHtmlText('<ruby><rb>晋</rb><rb>江</rb><rtc><rt>jìn</rt><rt>jiāng</rt></rtc></ruby>市')).toBe('晋江市');
    // end tags left out, as HTML allows: the next <rt> closes the open one
    expect(extractHtmlText('<p><ruby>民<rt>mín<rt>zhèng</ruby>政局</p>')).toBe('民政局');
  });

  it('shows only the summary of a closed <details>, everything of an open one', () => {
    expect(extractHtmlText('<details><summary>摘要</summary>正文<p>段落</p></details>后文')).toBe('摘要\n后文');
    expect(extractHtmlText('<details open><summary>摘要</summary><p>段落</p></details>')).toBe('摘要\n段落');
    expect(extractHtmlText('<details><p>先写的段落</p><summary>摘要</summary><summary>第二个</summary></details>')).toBe('摘要');
  });

  it('leaves out inert subtrees and inline-styled hidden or visually hidden text', () => {
    const html = `<p>可见</p><div inert>惰性</div><p style="visibility: hidden">不可见</p>
      <p>句子<span style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden">读屏专用</span>结束</p>
      <p style="content-visibility:hidden">跳过</p><p style="display:none !important">重要隐藏</p><p style="display:none;display:block">后写的胜出</p>`;
    expect(extractHtmlText(html)).toBe('可见\n句子结束\n后写的胜出');
  });

  it('applies the document’s own one-class and one-id hiding rules, and only those it can be sure of', () => {
    const html = `<style>
        .menu { display: none } #ad { visibility: hidden } .sr-only { position: absolute; clip: rect(1px, 1px, 1px, 1px); }
        .drop { display: none } .nav:hover .drop { display: block }
        .box .deep { display: none }
        @media (max-width: 600px) { .wide { display: none } }
      </style><style media="print">.print-hide { display: none }</style>
      <ul class="menu top"><li>菜单</li></ul><p id="ad">广告</p><p>正文<span class="sr-only">读屏</span></p>
      <p class="drop">悬停才显示</p><div class="box"><p class="deep">复合选择器</p></div><p class="wide">窄屏隐藏</p>
      <p class="print-hide">打印隐藏</p><p class="menu" style="display:block">内联显示</p>`;
    expect(extractHtmlText(html)).toBe('正文\n悬停才显示\n复合选择器\n窄屏隐藏\n打印隐藏\n内联显示');
  });
});
