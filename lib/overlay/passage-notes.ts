/** Finding this page's passage notes again: anchored ones get a span, the rest are orphans. */
import { anchorSelectors } from '../anchor/text-quote';
import type { Note } from '../types/records';
import type { DomText } from '../text/extract-dom';
import { spanFor, type DomSpan } from './dom-spans';

export interface AnchoredNote {
  note: Note;
  span: DomSpan;
}

export function anchorPageNotes(notes: readonly Note[], dom: DomText): { anchored: AnchoredNote[]; orphans: Note[] } {
  const anchored: AnchoredNote[] = [];
  const orphans: Note[] = [];
  for (const note of notes) {
    const a = note.anchor;
    const hit = a && anchorSelectors(dom.text, { quote: a.quote, position: a.position });
    const span = hit && spanFor(dom, hit.start, hit.end);
    if (span) anchored.push({ note, span });
    else orphans.push(note);
  }
  return { anchored, orphans };
}
