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

  constructor(private readonly parts: PassageNoteParts) {}

  anchored(): readonly AnchoredNote[] {
    return this.anchoredNotes;
  }

  /** Re-anchors this page's notes in `dom` (the whole page's text); the ones that no longer fit are shown as orphans. */
  anchor(dom: DomText): void {
    const { anchored, orphans } = anchorPageNotes(this.parts.pageNotes, dom, this.parts.names);
    this.anchoredNotes = anchored;
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
    view.set({ view: { kind: 'pill', at: { left: r.right, right: r.right, top: r.top, bottom: r.bottom }, onClick: () => this.notePassage() } });
  }

  /** Opens the note editor for the current selection; false when nothing usable is selected. */
  notePassage(): boolean {
    const { doc, view, send } = this.parts;
    const range = usableSelection(doc);
    if (!range) return false;
    const dom = extractDomText(doc.body, pageReading(doc));
    const passage = rangeToText(doc, dom, range);
    if (!passage) return false;
    const { start, end } = passage;
    const selectors = describeRange(dom.text, start, end);
    const info = pageInfoOf(doc, this.parts.pageDate?.());
    // One id per note being written: a retried save is the same note (issue 11, item 11).
    const noteId = newNoteId();
    view.set({
      view: {
        kind: 'passage-note',
        at: rectOfSpan(range, doc),
        quote: selectors.quote.exact,
        onCancel: () => this.parts.close(),
        onSave: async (body) => {
          const note = await send({ type: 'note/save', id: noteId, body, anchor: { ...info, ...selectors, ...evidenceSentence(dom.text, start, end) } });
          this.parts.pageNotes.push(note);
          const span = spanFor(dom, start, end);
          if (span) this.anchoredNotes.push({ note, span });
          this.parts.redraw();
          this.parts.close();
          doc.getSelection()?.removeAllRanges();
        },
      },
    });
    return true;
  }
}
