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
