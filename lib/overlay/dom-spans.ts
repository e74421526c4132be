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
