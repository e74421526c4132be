import { describe, expect, it } from 'vitest';
import { anchorSelectors, boundedLevenshtein, describeRange } from '../../../lib/anchor/text-quote';
import { bundledDataset } from '../../../lib/data/dataset';
import { nameReader } from '../../../lib/match/names';
import { buildPack } from '../../../lib/match/pack';

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

describe('anchoring checks the context and the names', () => {
  const names = nameReader(buildPack(bundledDataset));
  const para = (...lines: string[]) => lines.join('\n');
  const P1 = '第一篇报道说，园区里的员工办理驾驶证业务不再需要专程进城，大家都觉得方便。';
  const P2 = '第二篇报道接着写到，园区里的员工办理驾驶证业务不再需要专程进城，下一步还要推广。';
  const FILL = '其余的内容与本笔记无关。';

  it('does not trust the saved position when the context there is another paragraph’s (a sentence that occurs twice)', () => {
    const page = para(P1, FILL, P2);
    const quote = '园区里的员工办理驾驶证业务不再需要专程进城';
    const at = page.lastIndexOf(quote);
    const sel = describeRange(page, at, at + quote.length);
    // reordered: P2 moved down, and the first paragraph's copy of the sentence now sits exactly at the saved position
    const pad = '新'.repeat(at - P1.indexOf(quote) - 1);
    const reordered = para(pad, P1, P2);
    expect(reordered.slice(sel.position.start, sel.position.end)).toBe(quote); // the trap is set
    const found = anchorSelectors(reordered, sel, { names })!;
    expect(found.start).toBe(reordered.indexOf(P2) + P2.indexOf(quote));
    expect(found.method).toBe('quote');
  });

  it('chooses the nearest of identical passages (a duplicated paragraph), the saved position first', () => {
    const page = para(P2, FILL, P2);
    const quote = '下一步还要推广';
    const second = page.lastIndexOf(quote);
    const sel = describeRange(page, second, second + quote.length);
    expect(anchorSelectors(page, sel, { names })).toMatchObject({ start: second, method: 'position' });
    const moved = '新增的一段导语。\n' + page;
    expect(anchorSelectors(moved, sel, { names })!.start).toBe(moved.lastIndexOf(quote));
  });

  it('keeps a note whose surroundings had a small edit, and orphans it when they were rewritten', () => {
    const page = para(FILL, '晋江市公安局把微车管所开进了五里工业园区，园区职工办理业务方便了很多，企业也很欢迎。');
    const quote = '园区职工办理业务方便了很多';
    const sel = pick(page, quote);
    const typo = page.replace('企业也很欢迎', '企业也都欢迎');
    expect(anchorSelectors(typo, sel, { names })).toMatchObject({ start: typo.indexOf(quote), method: 'position' });
    const rewritten = page.replace('企业也很欢迎', '工厂也都赞成');
    expect(anchorSelectors(rewritten, sel, { names })).toBeNull();
  });

  it('orphans a note rather than move it to an identical sentence elsewhere, once its own is gone', () => {
    const mine = '晋江市公安局的通报写道：这项服务今年全部完成，市民反映良好。';
    const other = '另一篇不相干的文章结尾也有一句：这项服务今年全部完成，欢迎大家监督。';
    const page = para(FILL, mine, other);
    const sel = pick(page, '这项服务今年全部完成');
    expect(anchorSelectors(page, sel, { names })!.start).toBe(page.indexOf('这项服务今年全部完成'));
    expect(anchorSelectors(para(FILL, other), sel, { names })).toBeNull();
  });

  it('never moves a note to a sentence that names another unit (two characters apart)', () => {
    const police = '晋江市公安局牵头把“微车管所”开进五里工业园区，职工办理驾驶证不再需要专程进城。';
    const civil = police.replace('公安局', '民政局');
    const page = para(FILL, police, civil);
    const quote = '晋江市公安局牵头把“微车管所”开进五里工业园区';
    const sel = pick(page, quote);
    const removed = para(FILL, civil);
    expect(anchorSelectors(removed, sel, { names })).toBeNull();
    // a typo fixed in the note's own sentence still follows it
    const typo = para(FILL, police.replace('开进', '搬进'), civil);
    expect(anchorSelectors(typo, sel, { names })).toMatchObject({ method: 'fuzzy', start: typo.indexOf('晋江市公安局') });
  });

  it('never moves a note to the same words about another city’s bureau', () => {
    const ours = '晋江市公安局的微车管所今年开进了五里工业园区和经济开发区。';
    const page = para(FILL, ours);
    const quote = '公安局的微车管所今年开进了五里工业园区';
    const sel = pick(page, quote);
    expect(anchorSelectors(para(FILL, '石狮市公安局的微车管所今年开进了五里工业园区和经济开发区。'), sel, { names })).toBeNull();
  });
});
