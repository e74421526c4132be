/** The automaton and longest-first selection against a naive reference. */
import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAutomaton } from '../../../lib/match/automaton';
import { selectLongest } from '../../../lib/match/scanner';
import { rng } from './random';

function naiveLongestEnding(patterns: string[], text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let end = 1; end <= text.length; end++) {
    let best = -1;
    patterns.forEach((p, i) => {
      if (end >= p.length && text.slice(end - p.length, end) === p && (best < 0 || p.length > patterns[best]!.length)) best = i;
    });
    if (best >= 0) out.push([end - patterns[best]!.length, end, best]);
  }
  return out;
}

const codesOf = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('automaton', () => {
  it('reports the longest pattern ending at every position, like a naive search', () => {
    const r = rng(1);
    const alphabet = 'abc晋江市';
    for (let run = 0; run < 300; run++) {
      const set = new Set<string>();
      const count = 1 + Math.floor(r() * 12);
      while (set.size < count) {
        let p = '';
        const len = 1 + Math.floor(r() * 5);
        for (let i = 0; i < len; i++) p += alphabet[Math.floor(r() * alphabet.length)];
        set.add(p);
      }
      const patterns = [...set];
      let text = '';
      for (let i = 0; i < 40; i++) text += (alphabet + 'xy')[Math.floor(r() * (alphabet.length + 2))];
      const a = buildAutomaton(patterns);
      const hits = scanAutomaton(a, codesOf(text), text.length);
      const got: Array<[number, number, number]> = [];
      for (let i = 0; i < hits.count; i++) got.push([hits.start[i]!, hits.end[i]!, hits.pattern[i]!]);
      expect(got).toEqual(naiveLongestEnding(patterns, text));
    }
  });

  it('selects longest first, then leftmost, without overlaps', () => {
    const patterns = ['晋江', '晋江市', '市公安局', '晋江市公安局', '公安局', 'ab', 'bcde'];
    const text = '晋江市公安局abcde';
    const a = buildAutomaton(patterns);
    const t = selectLongest(scanAutomaton(a, codesOf(text), text.length), text.length);
    const spans = Array.from({ length: t.count }, (_, i) => text.slice(t.start[i]!, t.end[i]!));
    expect(spans).toEqual(['晋江市公安局', 'bcde']);
  });
});
