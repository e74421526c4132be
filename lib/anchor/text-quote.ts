/**
 * W3C text selectors for passage notes: describe a range of a page's text, and find it
 * again on a later visit. A chain of explicit fallbacks, each accepted only when the text
 * found still matches, context included: correctness is checked, not assumed.
 *
 * 1. The exact quote where its whole line-bounded context (context.ts) is still around it:
 *    the same passage. Several such places (a paragraph repeated) → the nearest to the saved
 *    position; the saved position itself when it is one of them.
 * 2. The exact quote where that context differs by small edits only, with its line edges where
 *    they were (a typo fixed next to the passage): the best agreement, then the nearest.
 * 3. A near-copy of the quote (fuzzy.ts) in such a context, fewest edits first.
 *
 * The tolerance (15% of each side, as for the quote itself) is what keeps a note off a copy of
 * its sentence elsewhere: pages repeat sentences, and when the note's own paragraph is gone,
 * a copy in another paragraph has other surroundings.
 *
 * Steps 2 and 3 accept a place only if it and its context name the same units, projects and
 * places as the quote and its stored context did (`names`: the engine's scanner): Chinese unit
 * names differ by a character or two (晋江市公安局 / 晋江市民政局), so a similarity bar alone
 * would move a note to another unit's sentence, and the same sentence after another unit's
 * statement is another passage. What none of the steps accepts is an orphan: listed for its
 * page, never lost.
 * Offsets are UTF-16 code units (DESIGN contract 4).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../types/records';
import { agreement, CONTEXT_LENGTH, lineWindow, localContext, type ContextAgreement, type LocalContext } from './context';
import { fuzzyHits } from './fuzzy';

export { boundedLevenshtein, MIN_FUZZY_QUOTE, MIN_FUZZY_SIMILARITY } from './fuzzy';

export { CONTEXT_LENGTH } from './context';
/** Places of step 2 and 3 whose names are compared before giving up: a common phrase occurs everywhere. */
const MAX_NAME_CHECKS = 20;

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

/** A name the engine found, as a comparable key (e.g. `unit:gonganju`), and where: [start, end) of the text it was given. */
export interface FoundName {
  start: number;
  end: number;
  key: string;
}

/** The engine's reading of the names (units, projects, places, other places) in a stretch of text. */
export type NameReader = (text: string) => FoundName[];

export interface AnchorOptions {
  /** Without it, steps 2 and 3 cannot tell names apart: give it wherever the engine is loaded. */
  names?: NameReader;
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

interface Place {
  start: number;
  end: number;
  agree: ContextAgreement;
  cost: number;
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Finds a described passage in (possibly changed) text, or null: then the note is an orphan. */
export function anchorSelectors(text: string, sel: Selectors, options: AnchorOptions = {}): Anchored | null {
  const { quote, position } = sel;
  if (!quote.exact) return null;
  const lc = localContext(quote);
  const distance = (p: Place) => Math.abs(p.start - position.start);

  // 1–2: every exact occurrence, with its context's agreement
  const exact: Place[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    exact.push({ start: at, end: at + quote.exact.length, agree: agreement(text, at, at + quote.exact.length, lc), cost: 0 });
  }
  const same = exact.filter((p) => p.agree.full);
  if (same.length) {
    const best = same.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    return { start: best.start, end: best.end, method: best.start === position.start ? 'position' : 'quote' };
  }
  const namesOf = options.names;
  const quoteNames = namesOf && quoteNamesOf(quote, lc, namesOf);
  const accept = (places: Place[]): Place | undefined => {
    let checks = 0;
    for (const p of places) {
      if (!quoteNames || !namesOf) return p;
      if (++checks > MAX_NAME_CHECKS) return undefined;
      if (sameNames(placeNamesOf(text, p, lc, namesOf), quoteNames)) return p;
    }
    return undefined;
  };
  const byAgreement = (a: Place, b: Place) => a.cost - b.cost || b.agree.matched - a.agree.matched || distance(a) - distance(b);
  const partial = accept(exact.filter((p) => p.agree.close).sort(byAgreement));
  if (partial) return { start: partial.start, end: partial.end, method: partial.start === position.start ? 'position' : 'quote' };

  // 3: near-copies
  const near = fuzzyHits(text, quote)
    .map((h) => ({ ...h, agree: agreement(text, h.start, h.end, lc) }))
    .filter((p) => p.agree.close)
    .sort(byAgreement);
  const fuzzy = accept(near);
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' } : null;
}

/**
 * The names that make a passage what it is: those overlapping it, and those wholly inside its
 * context (as far as the stored context reaches on its line). Sorted keys, without repeats.
 */
function namesAround(found: readonly FoundName[], start: number, end: number, from: number, to: number): string[] {
  const keys = new Set<string>();
  for (const n of found) if ((n.end > start && n.start < end) || (n.start >= from && n.end <= to)) keys.add(n.key);
  return [...keys].sort();
}

/** The quote's names, read from its stored line-bounded context. */
function quoteNamesOf(q: TextQuoteSelector, lc: LocalContext, names: NameReader): string[] {
  const window = lc.prefix + q.exact + lc.suffix;
  return namesAround(names(window), lc.prefix.length, lc.prefix.length + q.exact.length, 0, window.length);
}

/**
 * A place's names, read over its line up to CONTEXT_LENGTH each side (so a name running over
 * an edge is read whole, and 石狮市 in front of 公安局 is seen), the context as far as the
 * quote's own reaches.
 */
function placeNamesOf(text: string, p: Place, lc: LocalContext, names: NameReader): string[] {
  const [from, to] = lineWindow(text, p.start, p.end, CONTEXT_LENGTH);
  const found = names(text.slice(from, to));
  const ctxFrom = Math.max(from, p.start - lc.prefix.length) - from;
  const ctxTo = Math.min(to, p.end + lc.suffix.length) - from;
  return namesAround(found, p.start - from, p.end - from, ctxFrom, ctxTo);
}
