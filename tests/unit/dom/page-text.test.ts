import { beforeEach, describe, expect, it } from 'vitest';
import { offsetOf, readPageText, spanFor } from '../../../lib/dom/page-text';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('reading page text', () => {
  it('joins text nodes, breaks at blocks, skips scripts, styles and hidden parts', () => {
    document.body.innerHTML =
      '<h1>晋江民生</h1><p>晋江市<b>公安局</b>推动“微车管所”</p><script>var 公安局 = 1</script><style>p{}</style><div hidden>隐藏的民政局</div><table><tr><td>22</td><td>公安局</td></tr></table>';
    const { text } = readPageText(document.body);
    expect(text).toBe('晋江民生\n晋江市公安局推动“微车管所”\n22\n公安局');
  });

  it('leaves out editable regions and excluded elements', () => {
    document.body.innerHTML = '<p>页面</p><div contenteditable="true">用户正在输入民政局</div><div id="ours">我们的界面</div>';
    const { text } = readPageText(document.body, { exclude: (el) => el.id === 'ours' });
    expect(text).toBe('页面');
  });

  it('maps string offsets to DOM spans and back, across element boundaries', () => {
    document.body.innerHTML = '<p>晋江市<b>公安局</b>新塘派出所</p>';
    const page = readPageText(document.body);
    const start = page.text.indexOf('晋江市公安局');
    const span = spanFor(page, start, start + 6)!;
    expect(span.startContainer.data).toBe('晋江市');
    expect(span.endContainer.data).toBe('公安局');
    expect(span.endOffset).toBe(3);
    const range = document.createRange();
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
    expect(range.toString()).toBe('晋江市公安局');
    expect(offsetOf(page, span.endContainer, 1)).toBe(start + 4);
  });
});
