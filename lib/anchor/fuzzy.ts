/**
 * Near-copies of a quote after small edits (a typo fixed, a word changed): bounded edit
 * distance over candidate windows found by the quote's own head or tail, or by its context.
 * Which candidate wins (and whether any may) is text-quote.ts's decision.
 */
import type { TextQuoteSelector } from '../types/records';

/** Quotes shorter than this are only ever matched exactly: a fuzzy hit on a few characters means nothing. */
export const MIN_FUZZY_QUOTE = 12;
/** Fuzzy hits must keep at least this share of the quote's characters. */
export const MIN_FUZZY_SIMILARITY = 0.85;
/** Occurrences of each probe looked at: a probe found everywhere says nothing. */
const MAX_PROBE_HITS = 50;

export interface FuzzyHit {
  start: number;
  end: number;
  /** Edits from the quote (at most 15% of its length). */
  cost: number;
}

/** Edit distance, bounded: gives up (returns max + 1) once every path exceeds `max`. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Every window within the similarity bar of the quote, the cheapest per start; none for short quotes. */
export function fuzzyHits(text: string, q: TextQuoteSelector): FuzzyHit[] {
  const n = q.exact.length;
  if (n < MIN_FUZZY_QUOTE) return [];
  const maxEdits = Math.floor(n * (1 - MIN_FUZZY_SIMILARITY));
  const probeLen = Math.min(8, Math.floor(n / 3));
  const starts = new Set<number>();
  const collect = (needle: string, offset: (at: number) => number[]) => {
    if (needle.length < 4) return;
    let count = 0;
    for (let at = text.indexOf(needle); at !== -1 && count < MAX_PROBE_HITS; at = text.indexOf(needle, at + 1), count++) {
      for (const s of offset(at)) starts.add(s);
    }
  };
  const slack = (s: number) => Array.from({ length: 2 * maxEdits + 1 }, (_, k) => s - maxEdits + k).filter((x) => x >= 0);
  collect(q.exact.slice(0, probeLen), (at) => [at]);
  collect(q.exact.slice(n - probeLen), (at) => slack(at + probeLen - n));
  collect(q.prefix.slice(-probeLen), (at) => [at + probeLen]);
  collect(q.suffix.slice(0, probeLen), (at) => slack(at - n));
  const hits: FuzzyHit[] = [];
  for (const s of starts) {
    let best: FuzzyHit | null = null;
    for (let len = n - maxEdits; len <= n + maxEdits; len++) {
      if (len <= 0 || s + len > text.length) continue;
      const cost = boundedLevenshtein(q.exact, text.slice(s, s + len), maxEdits);
      if (cost <= maxEdits && (!best || cost < best.cost)) best = { start: s, end: s + len, cost };
    }
    if (best) hits.push(best);
  }
  return hits;
}
