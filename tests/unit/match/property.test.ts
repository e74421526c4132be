/** Any string in, valid offsets out: random text with the dataset's names mixed into noise. */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { foldTable, normaliseCodes, normaliseCodesSteps } from '../../../lib/text/normalise';
import { scanAutomaton, scanAutomatonSteps } from '../../../lib/match/automaton';
import { extractHtmlText } from '../../../lib/text/extract-html';
import { NASTY, pick, rng } from './random';

const pack = buildPack(bundledDataset);
const NAMES = [
  ...bundledDataset.items.map((i) => i.name),
  ...bundledDataset.units.flatMap((u) => [u.name, ...u.aliases]),
  ...bundledDataset.places.map((p) => p.name),
  '为民办实事', '石狮市', '晋江西溪', '晋江地区', '鞋博会',
];

function randomText(r: () => number): string {
  const parts: string[] = [];
  const n = Math.floor(r() * 60);
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.35) parts.push(pick(r, NASTY));
    else if (x < 0.6) {
      // A name, maybe broken up by a separator or a lone surrogate.
      const name = pick(r, NAMES);
      const cut = Math.floor(r() * (name.length + 1));
      parts.push(r() < 0.5 ? name : name.slice(0, cut) + pick(r, NASTY) + name.slice(cut));
    } else if (x < 0.8) parts.push(String.fromCharCode(Math.floor(r() * 0x10000)));
    else parts.push(String.fromCodePoint(0x10000 + Math.floor(r() * 0xfffff)));
  }
  return parts.join('');
}

describe('property: any string', () => {
  it('scans without crashing and every mention slices the original text exactly', () => {
    const r = rng(20240206);
    let mentions = 0;
    for (let run = 0; run < 3000; run++) {
      const text = randomText(r);
      const res = scanText(text, pack);
      expect(typeof res.relevant).toBe('boolean');
      expect(Number.isFinite(res.score)).toBe(true);
      let lastEnd = 0;
      for (const m of res.mentions) {
        mentions++;
        expect(m.start).toBeGreaterThanOrEqual(lastEnd);
        expect(m.start).toBeLessThan(m.end);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.text).toBe(text.slice(m.start, m.end));
        lastEnd = m.end;
      }
    }
    expect(mentions).toBeGreaterThan(500); // the generator does produce names
  });

  it('normalises with a monotone map that points at the folded character', () => {
    const r = rng(7);
    for (let run = 0; run < 2000; run++) {
      const text = randomText(r);
      const n = normaliseCodes(text);
      let bad = n.map[n.length] === text.length ? -1 : n.length;
      for (let i = 0; i < n.length && bad < 0; i++) {
        if (!(n.map[i]! < n.map[i + 1]!) || n.codes[i] !== foldTable()[text.charCodeAt(n.map[i]!)]) bad = i;
      }
      expect(bad, JSON.stringify(text)).toBe(-1);
    }
  });

  it('normalises the same when paused anywhere (the content script pauses every 64K units)', () => {
    const r = rng(11);
    for (let run = 0; run < 500; run++) {
      const text = randomText(r);
      const whole = normaliseCodes(text);
      const chunk = 1 + Math.floor(r() * 9);
      const steps = normaliseCodesSteps(text, undefined, chunk);
      let step = steps.next();
      let pauses = 0;
      for (; !step.done; step = steps.next()) pauses++;
      const paused = step.value;
      expect(pauses).toBe(Math.max(0, Math.ceil(text.length / chunk) - 1));
      expect([...paused.codes.subarray(0, paused.length)]).toEqual([...whole.codes.subarray(0, whole.length)]);
      expect([...paused.map.subarray(0, paused.length + 1)]).toEqual([...whole.map.subarray(0, whole.length + 1)]);
      expect([...paused.lineStarts]).toEqual([...whole.lineStarts]);
      expect([...paused.clauseEnds]).toEqual([...whole.clauseEnds]);
    }
  });

  it('finds the same hits when the automaton pauses anywhere, names across a pause included', () => {
    const r = rng(12);
    let across = 0;
    for (let run = 0; run < 300; run++) {
      const n = normaliseCodes(randomText(r));
      const whole = scanAutomaton(pack.automaton, n.codes, n.length);
      const chunk = 1 + Math.floor(r() * 9);
      const steps = scanAutomatonSteps(pack.automaton, n.codes, n.length, chunk);
      let step = steps.next();
      while (!step.done) step = steps.next();
      const hits = step.value;
      const list = (h: typeof whole) => Array.from({ length: h.count }, (_, i) => [h.start[i], h.end[i], h.pattern[i]]);
      expect(list(hits)).toEqual(list(whole));
      for (let i = 0; i < whole.count; i++) if (Math.floor(whole.start[i]! / chunk) !== Math.floor((whole.end[i]! - 1) / chunk)) across++;
    }
    expect(across).toBeGreaterThan(100); // many names did straddle a pause
  });

  it('extracts HTML from random markup without crashing', () => {
    const r = rng(99);
    for (let run = 0; run < 1000; run++) {
      const html = randomText(r).replace(/晋/g, () => pick(r, ['<p>', '</div>', '<script>', '<!--', '<br/>', '<td hidden>', '&#x', '<']));
      expect(typeof extractHtmlText(html)).toBe('string');
    }
  });
});
