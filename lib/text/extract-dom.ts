/**
 * Visible text of a live DOM subtree, for the content script: one string plus the text
 * nodes it came from, so an offset maps back to (node, offset) for a highlight Range. Same
 * rules as the CLI's HTML extractor (visible-text.ts); the page is only read, never changed.
 */
import { closeBoundary, isBlank, isSkipped, openBoundary, TextSink } from './visible-text';

export interface DomText {
  text: string;
  /** Text nodes in document order with the offset at which each one's data starts in `text`. */
  nodes: Text[];
  starts: number[];
}

export interface DomTextOptions {
  /** Extra visibility test for the live page (e.g. el => el.checkVisibility()); markup rules always apply. */
  isRendered?: (el: Element) => boolean;
}

export function extractDomText(root: Node, options: DomTextOptions = {}): DomText {
  const sink = new TextSink();
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (isBlank(data)) return;
      nodes.push(node as Text);
      starts.push(sink.length);
      sink.text(data);
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return; // comments, CDATA, PIs
    let tag = '';
    if (node.nodeType === 1) {
      const el = node as Element;
      tag = el.localName.toLowerCase();
      if (isSkipped(tag, (a) => el.getAttribute(a))) return;
      if (options.isRendered && !options.isRendered(el)) return;
      sink.boundary(openBoundary(tag));
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (tag) sink.boundary(closeBoundary(tag));
  };
  walk(root);
  return { text: sink.toString(), nodes, starts };
}

/** The text node and offset within it for a text offset (for building a Range). */
export function locate(dom: DomText, offset: number): { node: Text; offset: number } | undefined {
  let lo = 0;
  let hi = dom.starts.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (dom.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = dom.nodes[lo]!;
  return { node, offset: Math.min(offset - dom.starts[lo]!, node.data.length) };
}
