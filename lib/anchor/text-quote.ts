/**
 * W3C text selectors for passage notes: describe a range of a page's text, and find it
 * again on a later visit. A chain of explicit fallbacks (position → exact quote → bounded
 * fuzzy quote), each accepted only when the text found still matches: correctness is
 * checked, not assumed. Offsets are UTF-16 code units (DESIGN contract 4).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../types/records';

export const CONTEXT_LENGTH = 32;
/** Quotes shorter than this are only ever matched exactly: a fuzzy hit on a few characters means nothing. */
export const MIN_FUZZY_QUOTE = 12;
/** Fuzzy hits must keep at least this share of the quote's characters. */
export const MIN_FUZZY_SIMILARITY = 0.85;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
}

export function describeRange(text: string, start: number, end: number): Selectors {
  if (!(0 <= start && start < end && end <= text.length)) throw new RangeError(`bad range ${start}–${end} in text of ${text.length}`);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Length of the common suffix of `a` and the common prefix of `b` with the expected context. */
function contextScore(text: string, start: number, end: number, q: TextQuoteSelector): number {
  let score = 0;
  for (let i = 1; i <= q.prefix.length && start - i >= 0; i++) {
    if (text[start - i] !== q.prefix[q.prefix.length - i]) break;
    score++;
  }
  for (let i = 0; i < q.suffix.length && end + i < text.length; i++) {
    if (text[end + i] !== q.suffix[i]) break;
    score++;
  }
  return score;
}

/** Every exact occurrence, best context first; ties go to the one nearest the old position. */
function exactQuote(text: string, q: TextQuoteSelector, hint?: number): Anchored | null {
  let best: { start: number; score: number } | null = null;
  for (let at = text.indexOf(q.exact); at !== -1; at = text.indexOf(q.exact, at + 1)) {
    const score = contextScore(text, at, at + q.exact.length, q);
    const closer = best && hint !== undefined && score === best.score && Math.abs(at - hint) < Math.abs(best.start - hint);
    if (!best || score > best.score || closer) best = { start: at, score };
  }
  return best && { start: best.start, end: best.start + q.exact.length, method: 'quote' };
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

/**
 * The quote after small edits (a typo fixed, a word changed): candidates are windows found
 * by the quote's own head or tail, or by its context; the best within the similarity bar wins.
 */
function fuzzyQuote(text: string, q: TextQuoteSelector, hint?: number): Anchored | null {
  const n = q.exact.length;
  if (n < MIN_FUZZY_QUOTE) return null;
  const maxEdits = Math.floor(n * (1 - MIN_FUZZY_SIMILARITY));
  const probeLen = Math.min(8, Math.floor(n / 3));
  const starts = new Set<number>();
  const collect = (needle: string, offset: (at: number) => number[]) => {
    if (needle.length < 4) return;
    let count = 0;
    for (let at = text.indexOf(needle); at !== -1 && count < 50; at = text.indexOf(needle, at + 1), count++) {
      for (const s of offset(at)) starts.add(s);
    }
  };
  const slack = (s: number) => Array.from({ length: 2 * maxEdits + 1 }, (_, k) => s - maxEdits + k).filter((x) => x >= 0);
  collect(q.exact.slice(0, probeLen), (at) => [at]);
  collect(q.exact.slice(n - probeLen), (at) => slack(at + probeLen - n));
  collect(q.prefix.slice(-probeLen), (at) => [at + probeLen]);
  collect(q.suffix.slice(0, probeLen), (at) => slack(at - n));
  let best: { start: number; end: number; cost: number } | null = null;
  for (const s of starts) {
    for (let len = n - maxEdits; len <= n + maxEdits; len++) {
      if (len <= 0 || s + len > text.length) continue;
      const cost = boundedLevenshtein(q.exact, text.slice(s, s + len), maxEdits);
      if (cost > maxEdits) continue;
      const tieBreak = best && cost === best.cost && hint !== undefined && Math.abs(s - hint) < Math.abs(best.start - hint);
      if (!best || cost < best.cost || tieBreak) best = { start: s, end: s + len, cost };
    }
  }
  return best && { start: best.start, end: best.end, method: 'fuzzy' };
}

/** Finds a described passage in (possibly changed) text, or null: then the note is an orphan. */
export function anchorSelectors(text: string, sel: Selectors): Anchored | null {
  const { quote, position } = sel;
  if (!quote.exact) return null;
  if (text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, method: 'position' };
  return exactQuote(text, quote, position.start) ?? fuzzyQuote(text, quote, position.start);
}
