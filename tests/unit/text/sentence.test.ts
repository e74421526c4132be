import { describe, expect, it } from 'vitest';
import { evidenceSentence, MAX_SENTENCE, sentenceAround } from '../../../lib/text/sentence';

const at = (text: string, name: string): [number, number] => {
  const i = text.indexOf(name);
  return [i, i + name.length];
};

describe('the sentence around a mention', () => {
  const text = '标题行\n去年，市里完成了一批项目。其中公安局推动“微车管所”进园区，办事更方便了！下一句另说。';

  it('runs from the previous sentence end to the next, keeping the full stop', () => {
    expect(sentenceAround(text, ...at(text, '微车管所'))).toBe('其中公安局推动“微车管所”进园区，办事更方便了！');
    expect(sentenceAround(text, ...at(text, '一批项目'))).toBe('去年，市里完成了一批项目。');
  });

  it('stops at line breaks and table cells (a heading is its own sentence)', () => {
    expect(sentenceAround(text, ...at(text, '标题'))).toBe('标题行');
    const row = '23\t公安局\t推动“微车管所”进五里工业园区\t已完成';
    expect(sentenceAround(row, ...at(row, '微车管所'))).toBe('推动“微车管所”进五里工业园区');
  });

  it('keeps a closing quote after the stop, and does not end at semicolons', () => {
    const t = '他说：“家风书场开讲了；村民都来听。”随后散场。';
    expect(sentenceAround(t, ...at(t, '家风书场'))).toBe('他说：“家风书场开讲了；村民都来听。”');
  });

  it('cuts a run-on text at the reach and says so', () => {
    const long = 'a'.repeat(500) + '微车管所' + 'b'.repeat(500);
    const s = sentenceAround(long, ...at(long, '微车管所'), 20);
    expect(s).toBe(`…${'a'.repeat(20)}微车管所${'b'.repeat(20)}…`);
  });

  it('refuses a range outside the text', () => {
    expect(() => sentenceAround('abc', 2, 9)).toThrow(RangeError);
  });

  it('gives no sentence without text or when it is too long to keep', () => {
    expect(evidenceSentence('', 0, 0)).toEqual({});
    const passage = '句'.repeat(MAX_SENTENCE + 5);
    expect(evidenceSentence(passage, 0, passage.length)).toEqual({});
    expect(evidenceSentence(text, ...at(text, '一批项目'))).toEqual({ sentence: '去年，市里完成了一批项目。' });
  });
});
