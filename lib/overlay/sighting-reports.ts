/**
 * What the content script reports as sightings for a batch of placed mentions: one report per
 * item or unit, quoting the mention in its best sentence. A heading or a table cell names a
 * project without saying anything about it, so the first mention that stands in a full
 * sentence (one ending in 。！？!? or a closing quote after them) is preferred; when there is
 * none, the first mention. A mention of a round the dataset lacks (id null) has no item to have
 * been seen and is skipped. Offsets index `text` (UTF-16 units).
 */
import type { SightingReport } from '../types/page';
import { evidenceSentence } from '../text/sentence';
import { isLinked } from '../match/types';
import type { PlacedMention } from './mention-store';
import { targetOf } from './target';

/** Characters of context kept either side of the quote (the W3C-style prefix and suffix). */
export const SIGHTING_CONTEXT = 32;

const FULL_SENTENCE = /[。！？!?][”’」』）)"']*$/;

/**
 * Reports for the mentions whose id `wanted` accepts, one per id, in first-seen order.
 * `text` may be '' (a mention reported without its page text): then no context or sentence.
 */
export function sightingReports(placed: readonly PlacedMention[], text: string, wanted: (id: string) => boolean): SightingReport[] {
  const chosen = new Map<string, { report: SightingReport; full: boolean }>();
  for (const { mention: m } of placed) {
    if (!isLinked(m)) continue;
    const have = chosen.get(m.id);
    if (have?.full || (!have && !wanted(m.id))) continue;
    const evidence = text ? evidenceSentence(text, m.start, m.end) : {};
    const full = !!evidence.sentence && FULL_SENTENCE.test(evidence.sentence);
    if (have && !full) continue;
    chosen.set(m.id, {
      full,
      report: {
        target: targetOf(m),
        quote: m.text.slice(0, 1000),
        prefix: text.slice(Math.max(0, m.start - SIGHTING_CONTEXT), m.start),
        suffix: text.slice(m.end, m.end + SIGHTING_CONTEXT),
        ...evidence,
      },
    });
  }
  return [...chosen.values()].map((c) => c.report);
}
