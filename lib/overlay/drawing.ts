/**
 * Drawing a page's highlights for one run: picks the painter (the Highlight API, or elements
 * for screen readers / where the API is missing), says which class each span is drawn in,
 * draws at once or in slices, flashes a mention the reader jumped to, and says where a mention
 * is on screen. What the page takes out of the highlight registry is put back within RESTORE_MS.
 * Everything drawn is removed when `signal` aborts.
 */
import type { Mention } from '../match/types';
import type { OverlayState } from '../messaging/protocol';
import type { DatasetIndex } from './card-model';
import type { DomSpan } from './dom-spans';
import { customStyles, DEFAULT_HIGHLIGHT_STYLES, type HighlightClass } from './highlight-classes';
import { createCssHighlightPainter, createWrappingPainter, highlightName, supportsCssHighlights, type CssPainterOptions, type Drawing, type DrawSpan, type Painter } from './highlighter';
import type { MentionStore, PlacedMention } from './mention-store';
import type { AnchoredNote } from './passage-notes';
import { rectOfSpan } from './rects';
import type { Rect } from './view-model';

/** How long a mention the reader jumped to stays marked, ms. */
const FLASH_MS = 1200;
/** How often we look for highlights the page took away (and put them back), ms. */
const RESTORE_MS = 500;

export interface DrawingParts {
  doc: Document;
  index: DatasetIndex;
  store: MentionStore;
  followed: ReadonlySet<string>;
  /** The passage notes anchored now. */
  notes(): readonly AnchoredNote[];
  /** Runs DOM edits without our page watcher seeing them (the fallback painter edits the DOM). */
  withoutObserving(work: () => void): void;
}

export class PageDrawing {
  private readonly painter: Painter;

  constructor(
    private readonly parts: DrawingParts,
    settings: Pick<OverlayState, 'wrapHighlights' | 'highlightColours'>,
    painterOptions: CssPainterOptions | undefined,
    signal: AbortSignal,
  ) {
    const { doc } = parts;
    const win = doc.defaultView as Window & typeof globalThis;
    const custom = customStyles(settings.highlightColours);
    this.painter =
      !settings.wrapHighlights && supportsCssHighlights(win)
        ? createCssHighlightPainter(doc, custom, painterOptions)
        : createWrappingPainter(doc, { ...DEFAULT_HIGHLIGHT_STYLES, ...custom });
    const restorer = setInterval(() => this.painter.restore?.(), RESTORE_MS);
    signal.addEventListener('abort', () => {
      clearInterval(restorer);
      this.painter.clear();
    });
  }

  styleShadowRoots(roots: Iterable<ShadowRoot>): void {
    this.painter.styleShadowRoots([...roots]);
  }

  /** Draws at once (after a follow or a note: the painter remakes only the classes that changed). */
  draw(): void {
    this.parts.withoutObserving(() => this.painter.draw(this.drawing()));
  }

  /** Draws everything, pausing as it goes (all the mentions of a page, or of a rescan). */
  *drawSteps(): Generator<void, void, void> {
    // The fallback painter edits the DOM: at once, unobserved.
    if (this.painter.kind === 'wrapping') return this.draw();
    yield* this.painter.drawSteps(this.drawing());
  }

  /** Briefly marks a span as a "note" highlight so the eye finds it after scrolling. */
  flash(span: DomSpan): void {
    if (this.painter.kind !== 'css-highlights') return;
    const win = this.parts.doc.defaultView as Window & typeof globalThis;
    const name = highlightName('flash');
    const hl = new win.Highlight(new win.StaticRange(span));
    hl.priority = 10;
    win.CSS.highlights.set(name, hl);
    setTimeout(() => win.CSS.highlights.delete(name), FLASH_MS);
  }

  /** Where a mention is on screen (with the fallback painter, its element: the span's offsets went stale when it split the text). */
  rectOf(p: PlacedMention): Rect {
    const mark = this.painter.markFor?.(this.parts.store.all().indexOf(p));
    if (!mark) return rectOfSpan(p.span, this.parts.doc);
    const r = mark.getBoundingClientRect();
    return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
  }

  /** A round the dataset lacks (id null) has no recorded completion: drawn as not (yet) completed. */
  private classOf(m: Mention): HighlightClass {
    if (m.kind === 'unit') return 'unit';
    const item = m.id === null ? undefined : this.parts.index.itemsById.get(m.id);
    return item?.status === 'completed' ? 'project-done' : 'project-open';
  }

  /** Every span to draw, by class: the mentions, the followed ones again, the passage notes. */
  private drawing(): Required<Drawing> {
    const drawing: Required<Drawing> = { unit: [], 'project-done': [], 'project-open': [], followed: [], note: [] };
    const keyed = this.painter.kind === 'wrapping';
    this.parts.store.all().forEach((p, key) => {
      // Only the fallback painter needs the key (to find a mention from its element).
      const span: DrawSpan = keyed ? { ...p.span, key } : p.span;
      drawing[this.classOf(p.mention)].push(span);
      if (p.mention.id !== null && this.parts.followed.has(p.mention.id)) drawing.followed.push(span);
    });
    for (const n of this.parts.notes()) drawing.note.push(n.span);
    return drawing;
  }
}
