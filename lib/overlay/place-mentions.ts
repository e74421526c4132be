/** Turning the engine's mentions (offsets into read text) into spans on the page. */
import type { Mention } from '../match/types';
import type { DomText } from '../text/extract-dom';
import { spanFor } from './dom-spans';
import type { PlacedMention } from './mention-store';

/** Each mention with its DOM span; a name running from a shadow tree into the light one is left out (no range can span both). */
export function placeMentions(dom: DomText, mentions: readonly Mention[]): PlacedMention[] {
  const placed: PlacedMention[] = [];
  const oneTree = dom.shadowRoots.length > 0;
  for (const mention of mentions) {
    const span = spanFor(dom, mention.start, mention.end);
    if (!span) continue;
    if (oneTree && span.startContainer !== span.endContainer && span.startContainer.getRootNode() !== span.endContainer.getRootNode()) continue;
    placed.push({ mention, span, source: dom.text });
  }
  return placed;
}

export const isStillOnPage = (p: PlacedMention): boolean => p.span.startContainer.isConnected && p.span.endContainer.isConnected;

/**
 * The placed mentions whose text is still in the page. Only a removal can take a text node
 * out, so the per-span check (two DOM calls per mention) runs only when `mayHaveRemoved` says
 * one may have happened since the text was read.
 */
export function keepOnPage(placed: PlacedMention[], mayHaveRemoved: () => boolean): PlacedMention[] {
  return mayHaveRemoved() ? placed.filter(isStillOnPage) : placed;
}
