/**
 * Notes on passages of the page: finding this page's notes again (anchored ones get a span and
 * are drawn, the rest are listed as orphans, never lost), the "add note" pill on a selection,
 * and the editor that saves a note anchored to the selected passage (W3C quote and position).
 */
import { newNoteId } from '../rows/ids';
import { anchorSelectors, describeRange, type NameReader } from '../anchor/text-quote';
import type { Send } from '../messaging/protocol';
import type { Note } from '../types/records';
import { extractDomText, type DomText } from '../text/extract-dom';
import { rectOfSpan } from './rects';
import { spanFor, type DomSpan } from './dom-spans';
import { pageInfoOf } from './page-info';
import { pageReading } from './read-page';
import { evidenceSentence } from '../text/sentence';
import { rangeToText, usableSelection } from './selection';
import type { OverlayStore } from './view-model';

export interface AnchoredNote {
  note: Note;
  span: DomSpan;
}

/** `names`: the engine's reader of names (match/names.ts), so that no note moves to a passage naming another unit or project. */
export function anchorPageNotes(notes: readonly Note[], dom: DomText, names?: NameReader): { anchored: AnchoredNote[]; orphans: Note[] } {
  const anchored: AnchoredNote[] = [];
  const orphans: Note[] = [];
  for (const note of notes) {
    const a = note.anchor;
    const hit = a && anchorSelectors(dom.text, { quote: a.quote, position: a.position }, { names });
    const span = hit && spanFor(dom, hit.start, hit.end);
    if (span) anchored.push({ note, span });
    else orphans.push(note);
  }
  return { anchored, orphans };
}

export interface PassageNoteParts {
  doc: Document;
  view: OverlayStore;
  send: Send;
  /** The engine's reader of names (anchoring compares them). */
  names?: NameReader;
  /** This page's notes on passages (from the background); a saved note joins them. */
  pageNotes: Note[];
  /** After a note was anchored or saved. */
  redraw(): void;
  /** Closes the editor (the card part owns what is open). */
  close(): void;
  /** The page's date (ISO), when known: kept with a note as the source's date. */
  pageDate?: () => string | undefined;
}

export class PassageNotes {
  private anchoredNotes: AnchoredNote[] = [];
  private changes = 0;

  constructor(private readonly parts: PassageNoteParts) {}

  /** Changes whenever the anchored notes do (anchored again, saved, removed, put back). */
  get version(): number {
    return this.changes;
  }

  anchored(): readonly AnchoredNote[] {
    return this.anchoredNotes;
  }

  /** Re-anchors this page's notes in `dom` (the whole page's text); the ones that no longer fit are shown as orphans. */
  anchor(dom: DomText): void {
    const { anchored, orphans } = anchorPageNotes(this.parts.pageNotes, dom, this.parts.names);
    this.anchoredNotes = anchored;
    this.changes++;
    this.parts.view.set({ orphans });
  }

  /** After the page changed: re-anchors, reading the page's text only when it has notes at all. */
  reanchor(dom: () => DomText): void {
    if (this.parts.pageNotes.length) this.anchor(dom());
  }

  /** The selection changed: shows the "add note" pill by a usable selection, hides it otherwise. */
  selectionChanged(): void {
    const { doc, view } = this.parts;
    const range = usableSelection(doc);
    const kind = view.get().view.kind;
    if (!range) {
      if (kind === 'pill') view.set({ view: { kind: 'none' } });
      return;
    }
    if (kind === 'card' || kind === 'passage-note') return;
    const r = rectOfSpan(range, doc);
    view.set({ view: { kind: 'pill', at: { left: r.right, right: r.right, top: r.top, bottom: r.bottom }, onClick: () => this.notePassage(), onHighlight: () => void this.highlightPassage() } });
  }

  /** The selection as a passage of the page: its text, selectors, DOM span and where it is on screen. */
  private selectedPassage() {
    const { doc } = this.parts;
    const range = usableSelection(doc);
    if (!range) return null;
    const dom = extractDomText(doc.body, pageReading(doc));
    const passage = rangeToText(doc, dom, range);
    if (!passage) return null;
    const { start, end } = passage;
    return {
      selectors: { ...describeRange(dom.text, start, end), ...evidenceSentence(dom.text, start, end) },
      span: spanFor(dom, start, end),
      at: rectOfSpan(range, doc),
      // One id per note being written: a retried save is the same note (issue 11, item 11).
      id: newNoteId(),
    };
  }

  /** Saves the passage with `body` ('' for a highlight) and draws it. */
  private async save(passage: NonNullable<ReturnType<PassageNotes['selectedPassage']>>, body: string): Promise<Note> {
    const { doc, send } = this.parts;
    const note = await send({ type: 'note/save', id: passage.id, body, anchor: { ...pageInfoOf(doc, this.parts.pageDate?.()), ...passage.selectors } });
    this.parts.pageNotes.push(note);
    if (passage.span) this.anchoredNotes.push({ note, span: passage.span });
    this.changes++;
    this.parts.redraw();
    doc.getSelection()?.removeAllRanges();
    return note;
  }

  /** Opens the note editor for the current selection; false when nothing usable is selected. */
  notePassage(): boolean {
    const passage = this.selectedPassage();
    if (!passage) return false;
    this.parts.view.set({
      view: {
        kind: 'passage-note',
        at: passage.at,
        quote: passage.selectors.quote.exact,
        onCancel: () => this.parts.close(),
        onSave: async (body) => {
          await this.save(passage, body);
          this.parts.close();
        },
      },
    });
    return true;
  }

  /** Keeps the selected passage as a highlight, a note without text (a quote kept for later); false when nothing usable is selected. */
  async highlightPassage(): Promise<boolean> {
    const passage = this.selectedPassage();
    if (!passage) return false;
    this.parts.close();
    await this.save(passage, '');
    return true;
  }

  /** The anchored note whose passage covers a DOM point, if any (the last written wins where passages overlap). */
  noteAt(node: Node, offset: number): AnchoredNote | undefined {
    for (let i = this.anchoredNotes.length - 1; i >= 0; i--) {
      const a = this.anchoredNotes[i]!;
      if (pointInside(a.span, node, offset)) return a;
    }
    return undefined;
  }

  /** A note changed (edited, linked): the page's copy follows. */
  replace(note: Note): void {
    const at = this.parts.pageNotes.findIndex((n) => n.id === note.id);
    if (at >= 0) this.parts.pageNotes[at] = note;
    const anchored = this.anchoredNotes.find((a) => a.note.id === note.id);
    if (anchored) anchored.note = note;
  }

  /** A note was deleted: it leaves the page (its span is handed back, for undo). */
  remove(id: string): AnchoredNote | undefined {
    const pageNotes = this.parts.pageNotes;
    const at = pageNotes.findIndex((n) => n.id === id);
    if (at >= 0) pageNotes.splice(at, 1);
    const i = this.anchoredNotes.findIndex((a) => a.note.id === id);
    const [gone] = i >= 0 ? this.anchoredNotes.splice(i, 1) : [];
    this.changes++;
    this.parts.redraw();
    return gone;
  }

  /** Undo of a delete: the note is back where it was (when its text is still on the page). */
  restore(note: Note, span: DomSpan | undefined): void {
    this.parts.pageNotes.push(note);
    if (span?.startContainer.isConnected && span.endContainer.isConnected) this.anchoredNotes.push({ note, span });
    this.changes++;
    this.parts.redraw();
  }
}

/** Whether the DOM point lies in the span (both ends' text nodes compared by document order). */
function pointInside(span: DomSpan, node: Node, offset: number): boolean {
  const doc = node.ownerDocument;
  if (!doc) return false;
  const range = doc.createRange();
  try {
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
    return range.comparePoint(node, offset) === 0 && !(node === span.endContainer && offset === span.endOffset);
  } catch {
    return false; // a node in another tree (shadow root) or gone from the page
  }
}
