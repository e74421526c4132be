import { beforeEach, describe, expect, it } from 'vitest';
import { rangeToText } from '../../../lib/overlay/selection';
import { extractDomText } from '../../../lib/text/extract-dom';

beforeEach(() => {
  document.body.innerHTML = '<p>晋江市<b>公安局</b>推动“微车管所”</p>\n  <p>进五里工业园区，职工办事更方便。</p>';
});

const text = () => extractDomText(document.body);

describe('a selection as a passage of the page text', () => {
  it('maps a range inside one text node', () => {
    const dom = text();
    const node = document.querySelector('b')!.firstChild!;
    const range = document.createRange();
    range.setStart(node, 1);
    range.setEnd(node, 3);
    const r = rangeToText(document, dom, range)!;
    expect(dom.text.slice(r.start, r.end)).toBe('安局');
  });

  it('maps a range across elements and paragraphs, starting and ending on element boundaries', () => {
    const dom = text();
    const [p1, p2] = [...document.querySelectorAll('p')];
    const range = document.createRange();
    range.setStart(p1!, 1); // before <b>
    range.setEnd(p2!, 1); // after the second paragraph's text
    const r = rangeToText(document, dom, range)!;
    expect(dom.text.slice(r.start, r.end)).toBe('公安局推动“微车管所”\n进五里工业园区，职工办事更方便。');
  });

  it('ignores a range that only covers blank text', () => {
    const dom = text();
    const blank = document.body.childNodes[1]!; // the whitespace between the paragraphs
    const range = document.createRange();
    range.setStart(blank, 0);
    range.setEnd(blank, 3);
    expect(rangeToText(document, dom, range)).toBeNull();
  });
});
