/**
 * Keyboard steps through the page (Alt+Shift+J / K: manifest commands the background sends as
 * 'tab/step'): the mentions and the reader's own passage notes and highlights together, in
 * reading order (outline.ts `orderedPlaces`, as the side panel's "this page" lists them), each
 * opening its own card. The position is the place last opened with intent (a step, a click, a
 * jump from the outline): the next step goes on from there, also after Esc closed the card.
 */
import type { DomSpan } from './dom-spans';
import type { PlacedMention } from './mention-store';
import type { OutlinePlace } from './outline';
import type { AnchoredNote } from './passage-notes';
import { compareSpans } from './reading-order';

/** What a step reached, as the reader hears it: a highlight is a passage note without text. */
export type StepKind = 'mention' | 'note' | 'highlight';

/** "Note 2 of 3": the place's rank among the page's places of its kind (1-based), and how many there are. */
export interface Reached {
  kind: StepKind;
  n: number;
  total: number;
}

export const stepKindOf = (p: OutlinePlace): StepKind => (p.kind === 'mention' ? 'mention' : p.note.note.body ? 'note' : 'highlight');

/** Where the steps are: the place itself (a mention as placed, a note by id) and its span, for when it has gone. */
export interface StepMark {
  mention?: PlacedMention;
  noteId?: string;
  span: DomSpan;
}

export function markOf(hit: PlacedMention | AnchoredNote): StepMark {
  return 'note' in hit ? { noteId: hit.note.id, span: hit.span } : { mention: hit, span: hit.span };
}

const isAt = (p: OutlinePlace, mark: StepMark) => (p.kind === 'mention' ? p.mention === mark.mention : p.note.note.id === mark.noteId);

/**
 * The index in `places` (reading order) of the place a step in `direction` reaches from `mark`,
 * wrapping round at either end; -1 when there are no places. Without a mark, or when the marked
 * place left the page, it starts at the first (forward) or last (back) place; a marked place no
 * longer listed but still on the page (its text was scanned again) steps from where it stood.
 */
export function nextPlace(places: readonly OutlinePlace[], mark: StepMark | undefined, direction: 1 | -1): number {
  const count = places.length;
  if (!count) return -1;
  const first = direction === 1 ? 0 : count - 1;
  if (!mark) return first;
  const at = places.findIndex((p) => isAt(p, mark));
  if (at >= 0) return (at + direction + count) % count;
  if (!mark.span.startContainer.isConnected) return first;
  if (direction === 1) {
    const after = places.findIndex((p) => compareSpans(p.span, mark.span) > 0);
    return after >= 0 ? after : 0;
  }
  for (let i = count - 1; i >= 0; i--) if (compareSpans(places[i]!.span, mark.span) < 0) return i;
  return count - 1;
}

/** Which of its kind `places[i]` is ("note 2 of 3"). */
export function reachedAt(places: readonly OutlinePlace[], i: number): Reached {
  const kind = stepKindOf(places[i]!);
  let n = 0;
  let total = 0;
  places.forEach((p, k) => {
    if (stepKindOf(p) !== kind) return;
    total++;
    if (k <= i) n++;
  });
  return { kind, n, total };
}

export interface StepParts {
  /** Mentions and anchored notes on the page now, in reading order. */
  places(): OutlinePlace[];
  /** Scrolls to the place and opens its card with focus in it, saying what was reached. */
  reveal(place: OutlinePlace, reached: Reached): void;
}

/** The step position on one drawn page. */
export class PageSteps {
  private mark: StepMark | undefined;

  constructor(private readonly parts: StepParts) {}

  /** Moves to the next (1) or previous (-1) mention or note and opens its card; false when the page has none. */
  step(direction: 1 | -1): boolean {
    const places = this.parts.places();
    const i = nextPlace(places, this.mark, direction);
    if (i < 0) return false;
    const place = places[i]!;
    this.mark = markOf(place.kind === 'mention' ? place.mention : place.note);
    this.parts.reveal(place, reachedAt(places, i));
    return true;
  }

  /** A card was opened with intent another way (a click, the outline, the popup): steps go on from it. */
  openedAt(hit: PlacedMention | AnchoredNote): void {
    this.mark = markOf(hit);
  }
}
