import { describe, expect, it } from 'vitest';
import { anchorSelectors, boundedLevenshtein, describeRange } from '../../../lib/anchor/text-quote';

const page = '晋江市公安局把“微车管所”开进了五里工业园区，园区里的员工办理驾驶证业务不再需要专程进城。民政局牵头的困难老年人家庭适老化改造项目也已完成。';
const pick = (text: string, s: string) => {
  const start = text.indexOf(s);
  return describeRange(text, start, start + s.length);
};

describe('anchoring passage notes', () => {
  it('describes a range with exact, prefix, suffix and position', () => {
    const sel = pick(page, '五里工业园区');
    expect(sel.quote.exact).toBe('五里工业园区');
    expect(sel.quote.prefix.endsWith('开进了')).toBe(true);
    expect(sel.quote.suffix.startsWith('，园区')).toBe(true);
    expect(sel.position.end - sel.position.start).toBe(6);
  });

  it('re-anchors by position when the page is unchanged', () => {
    const sel = pick(page, '适老化改造项目');
    expect(anchorSelectors(page, sel)).toMatchObject({ method: 'position', start: sel.position.start });
  });

  it('falls back to the quote when text was inserted before it', () => {
    const sel = pick(page, '适老化改造项目');
    const changed = '【编者按】本文有更新。' + page;
    const found = anchorSelectors(changed, sel)!;
    expect(found.method).toBe('quote');
    expect(changed.slice(found.start, found.end)).toBe('适老化改造项目');
  });

  it('uses prefix and suffix to choose between repeated quotes', () => {
    const text = '园区一：五里工业园区。园区二：五里工业园区。';
    const second = text.lastIndexOf('五里工业园区');
    const sel = describeRange(text, second, second + 6);
    const moved = '补充。' + text;
    expect(anchorSelectors(moved, sel)!.start).toBe(moved.lastIndexOf('五里工业园区'));
  });

  it('finds a long quote after a small edit (bounded fuzzy)', () => {
    const sel = pick(page, '园区里的员工办理驾驶证业务不再需要专程进城');
    const edited = page.replace('园区里的员工办理驾驶证业务不再需要专程进城', '园区里的职工办理驾驶证业务不再需要专程进城').replace('晋江市', '福建晋江市');
    const found = anchorSelectors(edited, sel)!;
    expect(found.method).toBe('fuzzy');
    expect(edited.slice(found.start, found.end)).toBe('园区里的职工办理驾驶证业务不再需要专程进城');
  });

  it('never fuzzy-matches a short quote', () => {
    const sel = pick(page, '微车管所');
    expect(anchorSelectors(page.replace('微车管所', '微车站所'), sel)).toBeNull();
  });

  it('gives up (orphan) when the passage is gone', () => {
    const sel = pick(page, '园区里的员工办理驾驶证业务不再需要专程进城');
    expect(anchorSelectors('完全不同的一篇文章，讲的是别的事情，没有任何相同的句子可以找回。', sel)).toBeNull();
  });

  it('computes bounded edit distance', () => {
    expect(boundedLevenshtein('适老化改造', '适老化改造', 2)).toBe(0);
    expect(boundedLevenshtein('适老化改造', '适老化改建', 2)).toBe(1);
    expect(boundedLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
