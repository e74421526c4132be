/**
 * Visible text of a live DOM subtree, for the content script: one string plus the text
 * nodes it came from, so an offset maps back to (node, offset) for a highlight Range. Same
 * rules as the CLI's HTML extractor (visible-text.ts); on a live page the computed style
 * also decides what is rendered (rendered.ts). The page is only read, never changed.
 */
import { Render, type RenderProbe } from './rendered';
import { closeBoundary, hiddenByAttributes, isBlank, isClosedDetails, openBoundary, SKIP_TAGS, TextSink } from './visible-text';

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
  /**
   * The live page's rendering (`renderProbe(document)`): text the page does not render is
   * left out. Without it only markup decides (the `hidden` attribute, inline styles, closed
   * `<details>`), as the CLI reads saved HTML.
   */
  rendered?: RenderProbe;
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

/** Tags `attachShadow` accepts besides custom elements (DOM standard, "valid shadow host name"). */
const SHADOW_HOSTS: ReadonlySet<string> = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/**
 * Nodes visited between pauses of `extractDomTextSteps` (a few ms of work at most). 256, not 2048,
 * since the reader asks each text-holding element whether it is rendered: in Firefox 2,048 nodes
 * of that took up to 50 ms on the 1 MB news page; at 256 its longest slice is 23 ms (Chromium: 26 ms).
 */
const NODES_PER_STEP = 256;

/** Per open element: whether it is rendered (asked lazily), and whether it is a closed <details>. */
const UNKNOWN = 0;
const SHOWN = 1;
const HIDDEN = 2;
const STATE = 3;
const CLOSED_DETAILS = 4;

/**
 * `extractDomText` as a generator that pauses every few thousand nodes, so reading a huge
 * page never blocks the main thread for long. The page must not change between pauses
 * (the content script reads, then rescans whatever its observer saw change).
 *
 * With `rendered`, whether an element is rendered is asked only when a text node is found
 * directly in it, once per element: an element's first text decides for all its text, and
 * a hidden element is left at once, with the hidden ancestors above it (what was added for
 * them, line breaks only, is taken back, as if they had been skipped on entry).
 */
export function* extractDomTextSteps(root: Node, options: DomTextOptions = {}): Generator<void, DomText, void> {
  let visited = 0;
  const sink = new TextSink();
  const nodes: Text[] = [];
  const starts: number[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const { rendered, skipEditable } = options;
  const hiddenOnEntry = rendered?.hiddenOnEntry.size ? rendered.hiddenOnEntry : null;
  let getter: Element | null = null;
  const get = (a: string) => getter!.getAttribute(a);

  // The open elements, innermost last: tag, element, the sink's mark before entering, flags.
  const tags: string[] = [];
  const els: Element[] = [];
  const marks: number[] = [];
  const flags: number[] = [];
  /** The sink's mark after the last text taken: elements entered before it cannot be taken back. */
  let textMark = 0;

  /** Enters an element: false when its subtree is not read. */
  const enter = (el: Element, tag: string): boolean => {
    if (SKIP_TAGS.has(tag)) return false;
    let flag = UNKNOWN;
    if (el.hasAttributes()) {
      getter = el;
      if (hiddenByAttributes(get)) return false;
      if (skipEditable) {
        const editable = el.getAttribute('contenteditable');
        if (editable !== null && editable !== 'false') return false;
      }
      if (isClosedDetails(tag, get)) flag = CLOSED_DETAILS;
    } else if (tag === 'details') flag = CLOSED_DETAILS;
    if (hiddenOnEntry?.has(el)) return false;
    const mark = sink.mark();
    sink.boundary(openBoundary(tag));
    tags.push(tag);
    els.push(el);
    marks.push(mark);
    flags.push(flag);
    return true;
  };

  /**
   * An element's first child to read: its open shadow root's, if it has one (read first).
   * Only elements that can host one are asked (custom elements and the few tags
   * `attachShadow` accepts): on the 1 MB bench pages asking them costs 0–3 ms per read (same-run
   * A/B, README), within the noise of a run, and pages do attach roots to plain divs and spans.
   * Closed roots stay closed: a page that closes one keeps it to itself.
   * A closed <details> shows only its summary.
   */
  const firstOf = (el: Element, tag: string): Node | null => {
    if (flags[flags.length - 1]! & CLOSED_DETAILS) {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'summary') return c;
      return null;
    }
    const shadow = SHADOW_HOSTS.has(tag) || tag.indexOf('-') > 0 ? el.shadowRoot : null;
    if (shadow) {
      shadowRoots.push(shadow);
      if (shadow.firstChild) return shadow.firstChild;
    }
    return el.firstChild;
  };

  /**
   * Whether text directly in open element `i` is rendered: -1 if so, else the index of the
   * element that hides it (`i` or an ancestor). Asks the probe for `i` and, until an answer
   * covers them, its ancestors; remembers every answer on the stack.
   */
  const hiddenBy = (i: number): number => {
    let j = i;
    let hidden = false;
    for (; j >= 0; j--) {
      const known = flags[j]! & STATE;
      if (known !== UNKNOWN) {
        hidden = known === HIDDEN;
        break;
      }
      const answer = rendered!.check(els[j]!);
      if (answer === Render.Hidden) {
        hidden = true;
        break;
      }
      if (answer === Render.Shown && rendered!.coversAncestors) break;
      // display:contents, or an answer for this element alone: its ancestors decide
    }
    const state = hidden ? HIDDEN : SHOWN;
    for (let k = Math.max(j, 0); k <= i; k++) if ((flags[k]! & STATE) === UNKNOWN) flags[k] = flags[k]! | state;
    return hidden ? j : -1;
  };

  /**
   * The outermost hidden element to leave, from hidden element `i` up: ancestors hidden too
   * and with no text taken inside them (a hidden menu is left whole, not link by link).
   */
  const outermostHidden = (i: number): number => {
    let top = i;
    while (top > 0 && marks[top - 1]! >= textMark && (flags[top - 1]! & STATE) === UNKNOWN && rendered!.check(els[top - 1]!) === Render.Hidden) {
      top--;
      flags[top] = flags[top]! | HIDDEN;
    }
    return top;
  };

  let node: Node | null = root.firstChild;
  if (root.nodeType === 1) {
    const tag = (root as Element).localName;
    if (!enter(root as Element, tag)) return { text: '', nodes, starts, shadowRoots };
    node = firstOf(root as Element, tag);
  }
  /** Stack depth of the root element (0), or -1 when the root is a document, fragment or shadow root. */
  const base = root.nodeType === 1 ? 0 : -1;
  walk: while (node) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (data && !blank(data)) {
        const top = els.length - 1;
        const hider = !rendered || top < 0 || (flags[top]! & STATE) === SHOWN ? -1 : hiddenBy(top);
        if (hider < 0) {
          nodes.push(node as Text);
          starts.push(sink.length);
          sink.text(data);
          textMark = sink.mark();
        } else {
          // Leave the hidden element(s): as if never entered when nothing was taken inside.
          const out = outermostHidden(hider);
          const untouched = marks[out]! >= textMark;
          node = els[out]!;
          const tag = tags[out]!;
          if (untouched) sink.rollBack(marks[out]!);
          tags.length = els.length = marks.length = flags.length = out;
          if (!untouched) sink.boundary(closeBoundary(tag));
          if (out === base) break walk;
        }
      }
    } else if (type === 1) {
      const tag = (node as Element).localName;
      if (enter(node as Element, tag)) {
        const child = firstOf(node as Element, tag);
        if (child) {
          node = child;
          continue;
        }
        tags.pop();
        els.pop();
        marks.pop();
        flags.pop();
        sink.boundary(closeBoundary(tag));
      }
    }
    // next in document order, closing the elements we leave
    while (node) {
      // (a closed <details> shows its summary only: nothing after it)
      const next: Node | null = els.length && flags[flags.length - 1]! & CLOSED_DETAILS && node.parentNode === els[els.length - 1] ? null : node.nextSibling;
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
      els.pop();
      marks.pop();
      flags.pop();
      sink.boundary(closeBoundary(tags.pop()!));
    }
  }
  if (root.nodeType === 1 && els[0] === root) sink.boundary(closeBoundary((root as Element).localName));
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
