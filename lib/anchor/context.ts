/**
 * How well the text around a place agrees with a quote's stored context (prefix, suffix).
 * Only the context on the quote's own line counts: the text extractors end a line at every
 * block (a paragraph, a heading, a table row), so what lies beyond the line break belongs to
 * a neighbouring block that a page may move, insert or delete without touching the passage.
 * Offsets are UTF-16 code units.
 */
import type { TextQuoteSelector } from '../types/records';
import { boundedLevenshtein, MIN_FUZZY_SIMILARITY } from './fuzzy';

/** Stored context length (W3C TextQuoteSelector prefix/suffix, as describeRange makes them). */
export const CONTEXT_LENGTH = 32;

export interface LocalContext {
  /** The stored prefix after its last line break. */
  prefix: string;
  /** The quote's line starts within the stored prefix. */
  prefixBounded: boolean;
  /** The stored suffix before its first line break. */
  suffix: string;
  /** The quote's line ends within the stored suffix. */
  suffixBounded: boolean;
}

export function localContext(q: TextQuoteSelector): LocalContext {
  const p = q.prefix.lastIndexOf('\n');
  const s = q.suffix.indexOf('\n');
  return {
    prefix: p >= 0 ? q.prefix.slice(p + 1) : q.prefix,
    // (a shorter prefix without a line break ran into the page's start: text put before the
    // first line is not taken for a change of the passage's surroundings)
    prefixBounded: p >= 0,
    suffix: s >= 0 ? q.suffix.slice(0, s) : q.suffix,
    suffixBounded: s >= 0,
  };
}

export interface ContextAgreement {
  /** Characters of the local context that agree outward from the place, before the first difference. */
  matched: number;
  /** The whole local context is there, up to its line edges: the same passage by text and context. */
  full: boolean;
  /**
   * Each side differs from the stored context by small edits only (as many as the fuzzy quote
   * step allows: 15%, none under 7 characters), and the line edges are where they were.
   */
  close: boolean;
}

/** Edits a side of `length` characters may have and still count as the same surroundings. */
const tolerance = (length: number) => Math.floor(length * (1 - MIN_FUZZY_SIMILARITY));

/**
 * Whether `stored` (one side's local context, read outward from the quote) is close to `around`
 * (the place's text on that side up to its line edge, read outward too).
 */
function sideClose(stored: string, bounded: boolean, around: string): boolean {
  const k = tolerance(stored.length);
  if (bounded) return Math.abs(around.length - stored.length) <= k && boundedLevenshtein(stored, around, k) <= k;
  for (let len = Math.max(0, stored.length - k); len <= Math.min(around.length, stored.length + k); len++) {
    if (boundedLevenshtein(stored, around.slice(0, len), k) <= k) return true;
  }
  return false;
}

const reverse = (s: string) => [...s].reverse().join('');

/** Agreement of the text around [start, end) with the local context. */
export function agreement(text: string, start: number, end: number, lc: LocalContext): ContextAgreement {
  let p = 0;
  const pl = lc.prefix.length;
  while (p < pl && start - p - 1 >= 0 && text.charCodeAt(start - p - 1) === lc.prefix.charCodeAt(pl - 1 - p)) p++;
  let s = 0;
  const sl = lc.suffix.length;
  while (s < sl && end + s < text.length && text.charCodeAt(end + s) === lc.suffix.charCodeAt(s)) s++;
  const atLineStart = start - p === 0 || text[start - p - 1] === '\n';
  const atLineEnd = end + s === text.length || text[end + s] === '\n';
  const prefixFull = p === pl && (!lc.prefixBounded || atLineStart);
  const suffixFull = s === sl && (!lc.suffixBounded || atLineEnd);
  const full = prefixFull && suffixFull;
  if (full) return { matched: p + s, full, close: true };
  const [from, to] = lineWindow(text, start, end, CONTEXT_LENGTH + tolerance(CONTEXT_LENGTH));
  // A stored side that reached its line's edge needs the place's line edge within reach too.
  const close =
    (prefixFull || ((!lc.prefixBounded || from === lineStartOf(text, start)) && sideClose(reverse(lc.prefix), lc.prefixBounded, reverse(text.slice(from, start))))) &&
    (suffixFull || ((!lc.suffixBounded || to === lineEndOf(text, end)) && sideClose(lc.suffix, lc.suffixBounded, text.slice(end, to))));
  return { matched: p + s, full, close };
}

const lineStartOf = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
function lineEndOf(text: string, at: number): number {
  const next = text.indexOf('\n', at);
  return next < 0 ? text.length : next;
}

/**
 * [from, to) of a place's surroundings on its own line, up to `reach` units each side: where
 * its context is compared and its names are read (a name running over an edge is read whole,
 * and 石狮市 in front of 公安局 is seen).
 */
export function lineWindow(text: string, start: number, end: number, reach: number): [number, number] {
  return [Math.max(lineStartOf(text, start), start - reach), Math.min(lineEndOf(text, end), end + reach)];
}
