/** Finding this page's passage notes again: anchored ones get a span, the rest are orphans. */
import { anchorSelectors, type NameReader } from '../anchor/text-quote';
import type { Note } from '../db/records';
import type { DomText } from '../text/extract-dom';
import { spanFor, type DomSpan } from './dom-spans';

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
