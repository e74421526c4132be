/**
 * Drawing highlights without rewriting the page where the browser allows it: the CSS
 * Custom Highlight API (one `Highlight` per class, under names made for each build that our
 * own stylesheet styles; page CSS could target them only by naming them, and nothing generic
 * such as `* { all: unset }` reaches a ::highlight; what the page removes is put back), and an element-wrapping fallback that records
 * every split it makes so removing it restores the page's text nodes exactly.
 */
import type { DomSpan } from './dom-spans';
import { DEFAULT_HIGHLIGHT_STYLES, HIGHLIGHT_CLASSES, HIGHLIGHT_PRIORITY, type HighlightClass, type HighlightStyle } from './highlight-classes';

/** A span to draw; `key` is written on fallback elements so a hover can find its mention. */
export type DrawSpan = DomSpan & { key?: number };
export type Drawing = Partial<Record<HighlightClass, DrawSpan[]>>;

export interface Painter {
  readonly kind: 'css-highlights' | 'wrapping';
  /** Replaces everything drawn with `drawing`. */
  draw(drawing: Drawing): void;
  /**
   * `draw` as a generator that pauses every few hundred ranges. What the page shows changes
   * at once, at the end (but see CssPainterOptions.fillInPlace); a newer draw or a `clear`
   * makes an unfinished one give up.
   */
  drawSteps(drawing: Drawing): Generator<void, void, void>;
  /**
   * Highlights inside these open shadow roots get our styles too, where the browser does not
   * carry the document's ::highlight rules into shadow trees (Firefox). No-op elsewhere.
   */
  styleShadowRoots(roots: readonly ShadowRoot[]): void;
  /** Removes everything this painter drew; the page is left as it was. */
  clear(): void;
  /**
   * Puts back what the page took away (a class deleted from the registry or replaced, as by
   * `CSS.highlights.clear()`, and our colour sheet); true when something was missing.
   */
  restore?(): boolean;
  /**
   * The fallback painter's first element for a span key. Its splits leave the spans' own
   * offsets behind, so where a mention is on screen is read from its element.
   */
  markFor?(key: number): Element | undefined;
}

/** Ranges made between pauses of `drawSteps`. */
const RANGES_PER_STEP = 512;

/** Same spans, same order (the controller passes the mention store's own span objects). */
function sameSpans(a: readonly DrawSpan[] | undefined, b: readonly DrawSpan[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type Styles = Record<HighlightClass, HighlightStyle>;

export function supportsCssHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/**
 * The start of our highlights' names: made at random for each build (wxt.config.ts, which also
 * writes it into components/overlay/highlights.css), so a page's stylesheet cannot be written
 * ahead to hide them; `msl` where no build made one (unit tests). Script on the page can still
 * list the registry and learn them (README: what a page can still do).
 */
export const HIGHLIGHT_PREFIX: string = typeof __MSL_HL_PREFIX__ === 'string' ? __MSL_HL_PREFIX__ : 'msl';

/** Our highlights' names; components/overlay/highlights.css styles them. */
export function highlightName(cls: HighlightClass | 'flash'): string {
  return `${HIGHLIGHT_PREFIX}-${cls}`;
}

/** One class's rule; a transparent background or inherited colour is left out, as in highlights.css. */
function cssFor(name: string, s: HighlightStyle): string {
  const background = s.background !== 'transparent' ? `background-color:${s.background};` : '';
  const color = s.color !== 'inherit' ? `color:${s.color};` : '';
  return `::highlight(${name}){${background}${color}${s.decoration ? `text-decoration:${s.decoration};` : ''}}`;
}

export interface CssPainterOptions {
  /**
   * Fill a class that is not shown yet in place (registered first, ranges added as we go)
   * instead of off the registry and swapped in whole. Measured on 13,000 ranges: Firefox does
   * its per-range work when a range joins a registered Highlight (~3.5 µs each), so swapping a
   * full one in is a single ~45 ms call, while filling in place spreads it over our slices;
   * Chromium registers for nothing but repaints a registered Highlight at every frame, so
   * filling in place would pay for partial repaints (dense page: draw 18 → 57 ms). The
   * Firefox build says yes.
   */
  fillInPlace?: boolean;
  /**
   * Add our ::highlight rules to the shadow roots whose text we highlight. Chromium applies
   * the document's rules to text in shadow trees; Firefox does not (checked in both: the same
   * highlight painted in the light tree and stayed plain in a shadow tree). The Firefox build says yes.
   */
  styleShadowRoots?: boolean;
}

/**
 * Draws with the Highlight API. The default colours come from the content script's own
 * stylesheet; only user-chosen colours add a sheet at runtime (one restyle, their choice).
 */
export function createCssHighlightPainter(doc: Document, styles?: Partial<Styles>, options: CssPainterOptions = {}): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  let sheet: CSSStyleSheet | undefined;
  const custom = styles && HIGHLIGHT_CLASSES.filter((c) => styles[c]);
  if (custom?.length) {
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(custom.map((c) => cssFor(highlightName(c), styles![c]!)).join('\n'));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  /** What each class shows now: its registered Highlight and the spans it was made from. */
  const shown = new Map<HighlightClass, { hl: Highlight; spans: readonly DrawSpan[] }>();
  /** Bumped by every draw and clear: an unfinished draw that sees a newer one gives up. */
  let version = 0;
  /** Every class's rule, for shadow roots (made on first need). */
  let shadowSheet: CSSStyleSheet | undefined;
  const styledRoots = new Set<ShadowRoot>();

  function* drawSteps(drawing: Drawing): Generator<void, void, void> {
    const mine = ++version;
    const made = new Map<HighlightClass, Highlight>();
    let ranges = 0;
    for (const cls of HIGHLIGHT_CLASSES) {
      const name = highlightName(cls);
      const spans = drawing[cls] ?? [];
      const now = shown.get(cls);
      const onPage = now !== undefined && win.CSS.highlights.get(name) === now.hl;
      // A class whose spans did not change keeps its Highlight (a follow redraws one class),
      // unless the page took it out of the registry.
      if (!spans.length || (onPage && sameSpans(now.spans, spans))) continue;
      const hl = new win.Highlight();
      hl.priority = HIGHLIGHT_PRIORITY[cls];
      // A class being replaced is always filled first and swapped in whole, at the end.
      const inPlace = !onPage && options.fillInPlace === true;
      if (inPlace) {
        win.CSS.highlights.set(name, hl);
        shown.set(cls, { hl, spans: [] }); // partial: never "the same" as a drawing
      }
      for (const s of spans) {
        hl.add(new win.StaticRange(s));
        if (++ranges % RANGES_PER_STEP === 0) {
          yield;
          if (mine !== version) return;
        }
      }
      if (inPlace) shown.set(cls, { hl, spans });
      else made.set(cls, hl);
    }
    for (const cls of HIGHLIGHT_CLASSES) {
      const name = highlightName(cls);
      const hl = made.get(cls);
      if (!drawing[cls]?.length) {
        if (shown.delete(cls)) win.CSS.highlights.delete(name);
      } else if (hl) {
        win.CSS.highlights.set(name, hl);
        shown.set(cls, { hl, spans: drawing[cls]! });
      }
    }
  }

  return {
    kind: 'css-highlights',
    drawSteps,
    draw(drawing) {
      for (const _ of drawSteps(drawing));
    },
    styleShadowRoots(roots) {
      if (!options.styleShadowRoots) return;
      for (const root of roots) {
        if (styledRoots.has(root)) continue;
        if (!shadowSheet) {
          shadowSheet = new win.CSSStyleSheet();
          shadowSheet.replaceSync(HIGHLIGHT_CLASSES.map((c) => cssFor(highlightName(c), { ...DEFAULT_HIGHLIGHT_STYLES[c], ...styles?.[c] })).join('\n'));
        }
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, shadowSheet];
        styledRoots.add(root);
      }
    },
    restore() {
      let missing = false;
      for (const [cls, { hl }] of shown) {
        const name = highlightName(cls);
        if (win.CSS.highlights.get(name) === hl) continue;
        win.CSS.highlights.set(name, hl);
        missing = true;
      }
      if (sheet && !doc.adoptedStyleSheets.includes(sheet)) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        missing = true;
      }
      return missing;
    },
    clear() {
      version++;
      for (const cls of shown.keys()) win.CSS.highlights.delete(highlightName(cls));
      shown.clear();
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      for (const root of styledRoots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== shadowSheet);
      styledRoots.clear();
    },
  };
}

export const WRAP_TAG = 'msl-mark';

/**
 * The fallback: each span's text is wrapped in `<msl-mark>` with inline `!important` styles
 * (which outrank page stylesheets). Every split is remembered and undone on `clear()`.
 * Overlapping spans keep the higher-priority class only.
 */
export function createWrappingPainter(doc: Document, styles: Styles = DEFAULT_HIGHLIGHT_STYLES): Painter {
  const marks: HTMLElement[] = [];
  const byKey = new Map<number, HTMLElement>();
  /** Text nodes split off an original node, in order, so they can be merged back. */
  const splits: { original: Text; piece: Text }[] = [];

  function wrapPiece(node: Text, from: number, to: number, cls: HighlightClass, key: number | undefined) {
    if (from >= to || !node.parentNode) return;
    let target = node;
    if (from > 0) {
      target = node.splitText(from);
      splits.push({ original: node, piece: target });
    }
    if (to - from < target.data.length) splits.push({ original: target, piece: target.splitText(to - from) });
    const mark = doc.createElement(WRAP_TAG);
    mark.setAttribute('data-msl-class', cls);
    if (key !== undefined) {
      mark.setAttribute('data-msl-key', String(key));
      byKey.set(key, mark); // spans are wrapped last piece first: the last one set is the first
    }
    const s = styles[cls];
    mark.style.setProperty('background-color', s.background, 'important');
    mark.style.setProperty('color', s.color, 'important');
    if (s.decoration) mark.style.setProperty('text-decoration', s.decoration, 'important');
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }

  /** The text nodes from span start to span end, in document order (within its tree: a span never leaves one). */
  function textNodesOf(span: DomSpan): Text[] {
    if (span.startContainer === span.endContainer) return [span.startContainer];
    const nodes: Text[] = [span.startContainer];
    const walker = doc.createTreeWalker(span.startContainer.getRootNode(), 0x4);
    walker.currentNode = span.startContainer;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      if (n === span.endContainer) return nodes;
    }
    return [span.startContainer];
  }

  function wrapSpan(span: DrawSpan, cls: HighlightClass) {
    const nodes = textNodesOf(span);
    // Last node first: splitting it never moves the offsets of the earlier ones.
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      const from = i === 0 ? span.startOffset : 0;
      const to = i === nodes.length - 1 && node === span.endContainer ? span.endOffset : node.data.length;
      wrapPiece(node, from, to, cls, span.key);
    }
  }

  function clear() {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    marks.length = 0;
    byKey.clear();
    // Merge split pieces back into their originals, newest split first.
    for (const { original, piece } of splits.reverse()) {
      if (piece.parentNode && piece.previousSibling === original) {
        original.appendData(piece.data);
        piece.remove();
      }
    }
    splits.length = 0;
  }

  /**
   * Text nodes in reading order: the document's, by a TreeWalker; when a span lies in a web
   * component's shadow tree (which a TreeWalker does not enter), by a walk that enters open
   * shadow roots as the reader does (shadow root first, then the host's own children).
   */
  function textOrder(spans: readonly DomSpan[]): Map<Node, number> {
    const position = new Map<Node, number>();
    const walker = doc.createTreeWalker(doc.documentElement, 0x4);
    for (let n = walker.nextNode(), i = 0; n; n = walker.nextNode(), i++) position.set(n, i);
    if (spans.every((s) => position.has(s.startContainer) && position.has(s.endContainer))) return position;
    position.clear();
    const stack: Node[] = [doc.documentElement];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeType === 3) {
        position.set(n, position.size);
        continue;
      }
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
      const shadow = n.nodeType === 1 ? (n as Element).shadowRoot : null;
      if (shadow) stack.push(shadow);
    }
    return position;
  }

  function draw(drawing: Drawing) {
    clear();
    const all: { span: DrawSpan; cls: HighlightClass; order: number }[] = [];
    for (const cls of HIGHLIGHT_CLASSES) for (const span of drawing[cls] ?? []) all.push({ span, cls, order: 0 });
    if (!all.length) return;
    // Reading order via the nodes' positions, then offsets; drop overlaps, keeping priority.
    const position = textOrder(all.map((e) => e.span));
    const key = (node: Node, offset: number) => (position.get(node) ?? -1) * 1e7 + offset;
    all.sort((a, b) => key(a.span.startContainer, a.span.startOffset) - key(b.span.startContainer, b.span.startOffset) || HIGHLIGHT_PRIORITY[b.cls] - HIGHLIGHT_PRIORITY[a.cls]);
    const kept: typeof all = [];
    let lastEnd = -Infinity;
    for (const entry of all) {
      const start = key(entry.span.startContainer, entry.span.startOffset);
      if (start < lastEnd) {
        const prev = kept[kept.length - 1]!;
        if (HIGHLIGHT_PRIORITY[entry.cls] > HIGHLIGHT_PRIORITY[prev.cls]) kept[kept.length - 1] = entry;
        else continue;
      } else kept.push(entry);
      lastEnd = Math.max(lastEnd, key(entry.span.endContainer, entry.span.endOffset));
    }
    for (let i = kept.length - 1; i >= 0; i--) wrapSpan(kept[i]!.span, kept[i]!.cls);
  }

  return {
    kind: 'wrapping',
    draw,
    // Marks carry their styles inline, in shadow trees too.
    styleShadowRoots() {},
    markFor: (key) => byKey.get(key),
    // The page's DOM changes as it is wrapped, so wrapping happens in one go, unobserved.
    *drawSteps(drawing) {
      draw(drawing);
    },
    clear,
  };
}
