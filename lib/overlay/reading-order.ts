/**
 * Reading order of places on the page, across shadow trees: a place inside a web component's
 * shadow root is read at its host, before the host's own children (as the text reader reads
 * them, lib/text/extract-dom.ts). Used by the "this page" outline.
 */
import type { DomSpan } from './dom-spans';

/** The node, then the hosts of the shadow roots it sits in, innermost first. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) chain.push(root.host);
  return chain;
}

/** Negative when `a` comes first in reading order, positive when `b` does, 0 for the same point. */
export function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  const ca = hostChain(a);
  const cb = hostChain(b);
  for (let i = 0; i < ca.length; i++) {
    const j = cb.findIndex((y) => y.getRootNode() === ca[i]!.getRootNode());
    if (j < 0) continue;
    // Lifted into one tree: a host contains its light children, so its shadow text comes first.
    const pos = ca[i]!.compareDocumentPosition(cb[j]!);
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  return 0;
}

export const compareSpans = (a: DomSpan, b: DomSpan): number => comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
