/**
 * Drawing highlights without rewriting the page where the browser allows it: the CSS
 * Custom Highlight API (one `Highlight` per class, under fixed `msl-*` names that our own
 * stylesheet styles; page CSS could target them only by naming them, and nothing generic such
 * as `* { all: unset }` reaches a ::highlight), and an element-wrapping fallback that records
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
  /** Removes everything this painter drew; the page is left as it was. */
  clear(): void;
}

type Styles = Record<HighlightClass, HighlightStyle>;

export function supportsCssHighlights(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

/** Our highlights' names; components/overlay/highlights.css styles them. */
export function highlightName(cls: HighlightClass): string {
  return `msl-${cls}`;
}

function cssFor(name: string, s: HighlightStyle): string {
  return `::highlight(${name}){background-color:${s.background};color:${s.color};${s.decoration ? `text-decoration:${s.decoration};` : ''}}`;
}

/**
 * Draws with the Highlight API. The default colours come from the content script's own
 * stylesheet; only user-chosen colours add a sheet at runtime (one restyle, their choice).
 */
export function createCssHighlightPainter(doc: Document, styles?: Partial<Styles>): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  let sheet: CSSStyleSheet | undefined;
  const custom = styles && HIGHLIGHT_CLASSES.filter((c) => styles[c]);
  if (custom?.length) {
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(custom.map((c) => cssFor(highlightName(c), styles![c]!)).join('\n'));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  const registered = new Set<string>();
  return {
    kind: 'css-highlights',
    draw(drawing) {
      for (const cls of HIGHLIGHT_CLASSES) {
        const name = highlightName(cls);
        const spans = drawing[cls] ?? [];
        if (!spans.length) {
          win.CSS.highlights.delete(name);
          registered.delete(name);
          continue;
        }
        const hl = new win.Highlight();
        for (const s of spans) hl.add(new win.StaticRange(s));
        hl.priority = HIGHLIGHT_PRIORITY[cls];
        win.CSS.highlights.set(name, hl);
        registered.add(name);
      }
    },
    clear() {
      for (const name of registered) win.CSS.highlights.delete(name);
      registered.clear();
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
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
    if (key !== undefined) mark.setAttribute('data-msl-key', String(key));
    const s = styles[cls];
    mark.style.setProperty('background-color', s.background, 'important');
    mark.style.setProperty('color', s.color, 'important');
    if (s.decoration) mark.style.setProperty('text-decoration', s.decoration, 'important');
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }

  /** The text nodes from span start to span end, in document order. */
  function textNodesOf(span: DomSpan): Text[] {
    if (span.startContainer === span.endContainer) return [span.startContainer];
    const nodes: Text[] = [span.startContainer];
    const walker = doc.createTreeWalker(doc.documentElement, 0x4);
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
    // Merge split pieces back into their originals, newest split first.
    for (const { original, piece } of splits.reverse()) {
      if (piece.parentNode && piece.previousSibling === original) {
        original.appendData(piece.data);
        piece.remove();
      }
    }
    splits.length = 0;
  }

  return {
    kind: 'wrapping',
    draw(drawing) {
      clear();
      const all: { span: DrawSpan; cls: HighlightClass; order: number }[] = [];
      for (const cls of HIGHLIGHT_CLASSES) for (const span of drawing[cls] ?? []) all.push({ span, cls, order: 0 });
      if (!all.length) return;
      // Document order via the nodes' positions, then offsets; drop overlaps, keeping priority.
      const position = new Map<Node, number>();
      const walker = doc.createTreeWalker(doc.documentElement, 0x4);
      for (let n = walker.nextNode(), i = 0; n; n = walker.nextNode(), i++) position.set(n, i);
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
    },
    clear,
  };
}
