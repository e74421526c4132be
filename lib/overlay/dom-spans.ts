/** Between engine offsets (into extracted text) and DOM positions, for drawing and hit-testing. */
import type { DomText } from '../text/extract-dom';

export interface DomSpan {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

function nodeIndexAt(dom: DomText, offset: number): number {
  let lo = 0;
  let hi = dom.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (dom.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The DOM span of text [start, end); null when it does not lie on text nodes. */
export function spanFor(dom: DomText, start: number, end: number): DomSpan | null {
  if (!dom.nodes.length || end <= start) return null;
  const a = nodeIndexAt(dom, start);
  const b = nodeIndexAt(dom, end - 1);
  const startNode = dom.nodes[a]!;
  const endNode = dom.nodes[b]!;
  const startOffset = start - dom.starts[a]!;
  const endOffset = end - dom.starts[b]!;
  if (startOffset < 0 || startOffset >= startNode.data.length || endOffset <= 0 || endOffset > endNode.data.length) return null;
  return { startContainer: startNode, startOffset, endContainer: endNode, endOffset };
}

/** The text offset of a DOM point, or -1 when the node is not part of `dom`. */
export function offsetOfPoint(dom: DomText, index: Map<Node, number>, node: Node, offset: number): number {
  const i = index.get(node);
  if (i === undefined) return -1;
  return dom.starts[i]! + Math.min(offset, dom.nodes[i]!.data.length);
}

export const nodeIndex = (dom: DomText): Map<Node, number> => new Map(dom.nodes.map((n, i) => [n, i]));

/**
 * A span as it stands now. The fallback painter (highlighter.ts, "mark highlights with page
 * elements") splits text nodes, which leaves a span's offsets past the end of its nodes; the
 * text in reading order is unchanged, so the same point is found by walking on through the
 * following text nodes. A span still valid is returned as it is.
 */
export function liveSpan(span: DomSpan): DomSpan {
  const start = livePoint(span.startContainer, span.startOffset, false);
  const end = livePoint(span.endContainer, span.endOffset, true);
  return start && end ? { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset } : span;
}

/** `atEnd`: an end point may stand after a node's last character, a start point must stand before one. */
function livePoint(node: Text, offset: number, atEnd: boolean): { node: Text; offset: number } | null {
  const fits = (n: Text, o: number) => o < n.data.length || (atEnd && o === n.data.length);
  if (fits(node, offset)) return { node, offset };
  const doc = node.ownerDocument;
  const walker = doc.createTreeWalker(node.getRootNode(), 0x4 /* NodeFilter.SHOW_TEXT */);
  walker.currentNode = node;
  let rest = offset - node.data.length;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (fits(n, rest)) return { node: n, offset: rest };
    rest -= n.data.length;
  }
  return null;
}
