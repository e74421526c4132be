/**
 * One pass of the automaton over the normalised text, then longest-first selection of
 * non-overlapping spans: 晋江市公安局 is one token, not 晋江 + 公安局, and a project name
 * swallows the unit and place names inside it.
 */
import type { NormalisedCodes } from '../text/normalise';
import { scanAutomaton, scanAutomatonSteps, type RawHits } from './automaton';
import type { MatchPack } from './pack';

/** Selected spans in normalised coordinates, sorted by start. */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  pattern: Int32Array;
}

/**
 * Longest first, then leftmost; a span is kept if it overlaps nothing kept so far. Because
 * kept spans are never shorter than the candidate, checking its two ends suffices. Spans of
 * `maxLength` or more are left out (to look inside a phrase without the phrase itself).
 */
export function selectLongest(raw: RawHits, length: number, maxLength = Infinity): Tokens {
  const n = raw.count;
  if (n === 0) return { count: 0, start: new Int32Array(0), end: new Int32Array(0), pattern: new Int32Array(0) };
  let maxLen = 0;
  for (let i = 0; i < n; i++) maxLen = Math.max(maxLen, raw.end[i]! - raw.start[i]!);
  // Counting sort by length, descending; raw hits are already in start order within a length.
  const bucket = new Int32Array(maxLen + 2);
  for (let i = 0; i < n; i++) bucket[maxLen - (raw.end[i]! - raw.start[i]!) + 1]!++;
  for (let l = 0; l <= maxLen; l++) bucket[l + 1]! += bucket[l]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[bucket[maxLen - (raw.end[i]! - raw.start[i]!)]!++] = i;

  const taken = new Uint8Array(length);
  const keep = new Uint8Array(n);
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const s = raw.start[i]!;
    const e = raw.end[i]!;
    if (e - s >= maxLength || taken[s] || taken[e - 1]) continue;
    taken.fill(1, s, e);
    keep[i] = 1;
    kept++;
  }
  // Raw hits are in end order; kept ones do not overlap, so end order is start order.
  const start = new Int32Array(kept);
  const end = new Int32Array(kept);
  const pattern = new Int32Array(kept);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    start[j] = raw.start[i]!;
    end[j] = raw.end[i]!;
    pattern[j++] = raw.pattern[i]!;
  }
  return { count: kept, start, end, pattern };
}

/** Scan normalised text with the pack: the selected tokens. */
export function scanTokens(pack: MatchPack, norm: NormalisedCodes): Tokens {
  return selectLongest(scanAutomaton(pack.automaton, norm.codes, norm.length), norm.length);
}

/** `scanTokens`, pausing every few tens of thousands of units (see scanAutomatonSteps). */
export function* scanTokensSteps(pack: MatchPack, norm: NormalisedCodes): Generator<void, Tokens, void> {
  const raw = yield* scanAutomatonSteps(pack.automaton, norm.codes, norm.length);
  yield;
  return selectLongest(raw, norm.length);
}
