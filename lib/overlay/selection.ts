/** The reader's selection as a passage of the page's text, for notes on passages. */
import type { DomText } from '../text/extract-dom';
import { nodeIndex, offsetOfPoint } from './dom-spans';
import { isOwnNode } from './shadow-host';

export const MAX_PASSAGE = 2000;

/** The selection, if it is a non-empty passage of the page (not of our UI, not too long). */
export function usableSelection(doc: Document): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const text = range.toString();
  if (!text.trim() || text.length > MAX_PASSAGE) return null;
  if (isOwnNode(range.commonAncestorContainer) || !doc.body.contains(range.commonAncestorContainer)) return null;
  return range;
}

/**
 * [start, end) of the range in `dom.text`, trimmed of surrounding whitespace; null when it
 * does not fall on the page's text. Uses the first and last text nodes of `dom` that the range
 * touches, so element boundaries and blank (left-out) text nodes resolve by themselves.
 */
export function rangeToText(doc: Document, dom: DomText, range: Range): { start: number; end: number } | null {
  const index = nodeIndex(dom);
  const common = range.commonAncestorContainer;
  const root = common.nodeType === 3 ? common.parentNode! : common;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let start = -1;
  let end = -1;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!index.has(t) || !range.intersectsNode(t)) continue;
    const text = t as Text;
    if (start < 0) start = offsetOfPoint(dom, index, text, text === range.startContainer ? range.startOffset : 0);
    end = offsetOfPoint(dom, index, text, text === range.endContainer ? range.endOffset : text.data.length);
  }
  if (start < 0 || end <= start) return null;
  while (start < end && /\s/.test(dom.text[start]!)) start++;
  while (end > start && /\s/.test(dom.text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
