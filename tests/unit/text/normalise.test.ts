import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise, normaliseCodes, normaliseKey, toOriginalRange } from '../../../lib/text/normalise';
import { clauseStarts } from '../../../lib/match/context';
import { GENERATED_PATH, generate } from '../../../scripts/build-variants';

describe('normalise', () => {
  it('folds full-width letters, digits and punctuation to half-width, letters to lower case', () => {
    expect(normalise('ＨＰＶ疫苗１２３，（测试）').text).toBe('hpv疫苗123,(测试)');
  });

  it('drops spaces, line breaks, quotes and zero-width characters inside names', () => {
    expect(normalise('智慧停车“扩面工程”').text).toBe('智慧停车扩面工程');
    expect(normalise('智慧停车\n扩面\u00a0工程\u3000').text).toBe('智慧停车扩面工程');
    expect(normalise('中医药\u200b文化「六进」\u00ad活动\ufeff').text).toBe('中医药文化六进活动');
    expect(normalise('生育关怀·暖冬行——活动').text).toBe('生育关怀暖冬行活动');
  });

  it('maps Traditional characters the dataset uses to Simplified', () => {
    expect(normalise('晉江市公安局').text).toBe('晋江市公安局');
    expect(normalise('池店鎮龍池路改造工程').text).toBe('池店镇龙池路改造工程');
  });

  it('maps every normalised index back to the original one, with an end sentinel', () => {
    const input = '在“智慧 停车”里';
    const n = normalise(input);
    expect(n.text).toBe('在智慧停车里');
    expect([...n.map]).toEqual([0, 2, 3, 5, 6, 8, input.length]);
    // A name found in the normalised text slices the original with its inner separators.
    const s = n.text.indexOf('智慧停车');
    const [a, b] = toOriginalRange(n.map, s, s + 4);
    expect(input.slice(a, b)).toBe('智慧 停车');
  });

  it('passes astral characters and unpaired surrogates through untouched', () => {
    const input = 'a😀\ud800b\udfff';
    const n = normalise(input);
    expect(n.text).toBe(input);
    expect([...n.map]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('records where lines start (for sentence bounds) without keeping the breaks', () => {
    const r = normaliseCodes('甲乙\r\n丙\n\n丁');
    expect(r.length).toBe(4);
    expect([...r.lineStarts]).toEqual([2, 3]);
  });

  it('records where clauses end, full-width stops included (they fold to ASCII first)', () => {
    const r = normaliseCodes('甲。乙！丙\n丁；');
    expect([...r.clauseEnds]).toEqual([2, 4, 7]);
    expect([...r.lineStarts]).toEqual([5]);
    expect([...clauseStarts(r)]).toEqual([0, 2, 4, 5, 7]);
  });

  it('normalises patterns the same way as text', () => {
    expect(normaliseKey('“晉江 司機之家”')).toBe(normalise('晋江司机之家').text);
  });
});

describe('variants.generated.ts', () => {
  it('is up to date with the dataset, the lexicon and opencc-js (run npx tsx scripts/build-variants.ts)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(generate());
  });
});
