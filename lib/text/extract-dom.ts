/**
 * Visible text of a live DOM subtree, for the content script: one string plus the text
 * nodes it came from, so an offset maps back to (node, offset) for a highlight Range. Same
 * rules as the CLI's HTML extractor (visible-text.ts); the page is only read, never changed.
 */
import { closeBoundary, hiddenByAttributes, isBlank, openBoundary, SKIP_TAGS, TextSink } from './visible-text';

export interface DomText {
  text: string;
  /** Text nodes in document order with the offset at which each one's data starts in `text`. */
  nodes: Text[];
  starts: number[];
  /**
   * Open shadow roots whose text was read (web components): at its host, a shadow root's
   * text comes first, then the host's own children (which its slots show).
   */
  shadowRoots: ShadowRoot[];
}

export interface DomTextOptions {
  /** Extra visibility test for the live page (e.g. el => el.checkVisibility()); markup rules always apply. */
  isRendered?: (el: Element) => boolean;
  /** Leave out editable regions (contenteditable): what the user is typing is theirs, not the page's. */
  skipEditable?: boolean;
}

/** Blank without a regex in the common case: most text nodes start with a visible character. */
function blank(data: string): boolean {
  const c = data.charCodeAt(0);
  if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  return isBlank(data);
}

/**
 * Iterative (deep pages cannot overflow the stack) and frugal with DOM calls, since every call
 * from a content script crosses into the browser: attributes are read only for elements that
 * have any, and never through a closure per element.
 */
export function extractDomText(root: Node, options: DomTextOptions = {}): DomText {
  const steps = extractDomTextSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Nodes visited between pauses of `extractDomTextSteps` (a few ms of work at most). */
const NODES_PER_STEP = 2048;

/**
 * `extractDomText` as a generator that pauses every few thousand nodes, so reading a huge
 * page never blocks the main thread for long. The page must not change between pauses
 * (the content script reads, then rescans whatever its observer saw change).
 */
export function* extractDomTextSteps(root: Node, options: DomTextOptions = {}): Generator<void, DomText, void> {
  let visited = 0;
  const sink = new TextSink();
  const nodes: Text[] = [];
  const starts: number[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const { isRendered, skipEditable } = options;
  let getter: Element | null = null;
  const get = (a: string) => getter!.getAttribute(a);

  /** Enters an element: false when its subtree is not read. */
  const enter = (el: Element, tag: string): boolean => {
    if (SKIP_TAGS.has(tag)) return false;
    if (el.hasAttributes()) {
      getter = el;
      if (hiddenByAttributes(get)) return false;
      if (skipEditable) {
        const editable = el.getAttribute('contenteditable');
        if (editable !== null && editable !== 'false') return false;
      }
    }
    if (isRendered && !isRendered(el)) return false;
    sink.boundary(openBoundary(tag));
    return true;
  };

  /**
   * An element's first child to read: its open shadow root's, if it has one (read first).
   * Only custom elements (a hyphen in the name) are asked: web components are where pages
   * put text in shadow roots, and asking every element cost ~3 ms more on the 1 MB bench page
   * (same-run A/B). Closed roots stay closed: a page that closes one keeps it to itself.
   */
  const firstOf = (el: Element, tag: string): Node | null => {
    const shadow = tag.indexOf('-') > 0 ? el.shadowRoot : null;
    if (shadow) {
      shadowRoots.push(shadow);
      if (shadow.firstChild) return shadow.firstChild;
    }
    return el.firstChild;
  };

  /** Tags of the open elements, so leaving one needs no DOM call for its name. */
  const open: string[] = [];
  let node: Node | null = root.firstChild;
  if (root.nodeType === 1) {
    const tag = (root as Element).localName;
    if (!enter(root as Element, tag)) return { text: '', nodes, starts, shadowRoots };
    node = firstOf(root as Element, tag);
  }
  walk: while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data && !blank(data)) {
        nodes.push(node as Text);
        starts.push(sink.length);
        sink.text(data);
      }
    } else if (type === 1) {
      const tag = (node as Element).localName;
      if (enter(node as Element, tag)) {
        const child = firstOf(node as Element, tag);
        if (child) {
          open.push(tag);
          node = child;
          continue;
        }
        sink.boundary(closeBoundary(tag));
      }
    }
    // next in document order, closing the elements we leave
    while (node) {
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        continue walk;
      }
      node = node.parentNode;
      if (!node || node === root) break walk;
      // (asked only once a shadow root was entered: every DOM call here costs on big pages)
      if (shadowRoots.length && node.nodeType === 11) {
        // The end of a shadow root: its host's own children follow, then the host is left.
        const host: Element = (node as ShadowRoot).host;
        const light: Node | null = host.firstChild;
        if (light) {
          node = light;
          continue walk;
        }
        node = host;
        if (node === root) break walk;
      }
      sink.boundary(closeBoundary(open.pop()!));
    }
  }
  if (root.nodeType === 1) sink.boundary(closeBoundary((root as Element).localName));
  return { text: sink.toString(), nodes, starts, shadowRoots };
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
