/**
 * The page's text read into one string, without rewriting the page (DESIGN contract 3):
 * a TreeWalker over text nodes, with a table from string offsets back to nodes so mentions
 * can be drawn as ranges. Block boundaries become '\n' so neighbouring cells never join.
 */
import { BLOCK_TAGS, SKIP_TAGS } from './text-rules';

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `PageText.text`. */
  start: number;
}

export interface PageText {
  text: string;
  segments: TextSegment[];
}

export interface ReadOptions {
  /** Elements to leave out entirely (our own UI host, for one). */
  exclude?: (el: Element) => boolean;
}

function accept(el: Element, opts: ReadOptions): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return false;
  if (el.hasAttribute('hidden')) return false;
  // Text the user is typing is theirs, not the page's.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return false;
  return !opts.exclude?.(el);
}

export function readPageText(root: Node, opts: ReadOptions = {}): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let endsWithBreak = true;
  const walker = doc.createTreeWalker(root, 0x1 /* SHOW_ELEMENT */ | 0x4 /* SHOW_TEXT */, {
    acceptNode: (n) => (n.nodeType === 1 && !accept(n as Element, opts) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      if (!data) continue;
      segments.push({ node: n as Text, start: length });
      parts.push(data);
      length += data.length;
      endsWithBreak = data.endsWith('\n');
    } else if (!endsWithBreak && BLOCK_TAGS.has((n as Element).tagName.toUpperCase())) {
      parts.push('\n');
      length += 1;
      endsWithBreak = true;
    }
  }
  return { text: parts.join(''), segments };
}

/** Index of the segment containing `offset` (the last one starting at or before it). */
export function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface DomSpan {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/** The DOM boundaries of [start, end) in the page string, or null if it no longer maps. */
export function spanFor(page: PageText, start: number, end: number): DomSpan | null {
  if (!page.segments.length || end <= start) return null;
  const a = page.segments[segmentAt(page.segments, start)]!;
  const b = page.segments[segmentAt(page.segments, end - 1)]!;
  const startOffset = start - a.start;
  const endOffset = end - b.start;
  if (startOffset < 0 || startOffset >= a.node.data.length || endOffset > b.node.data.length) return null;
  return { startContainer: a.node, startOffset, endContainer: b.node, endOffset };
}

/** The page-string offset of a DOM point (for selections and caret hit-testing), or -1. */
export function offsetOf(page: PageText, node: Node, offset: number): number {
  for (const s of page.segments) if (s.node === node) return s.start + Math.min(offset, s.node.data.length);
  return -1;
}
