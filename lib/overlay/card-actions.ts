/**
 * The mention card on a page: opening it (hover, click, keyboard steps: stepper.ts, the popup's
 * "find on page"), closing it, and what its buttons do. Follow: tells the background, redraws the
 * followed underline, records a sighting of the now-followed item (when sightings are kept for
 * followed items) and shows the card again. Add note: saves a note about the item and counts it.
 */
import { newNoteId } from '../rows/ids';
import { statusClaimNear } from '../match/claims';
import type { OverlayState, Send } from '../messaging/protocol';
import { isLinked } from '../match/types';
import { cardModelFor, roundCardModel, type DatasetIndex } from './card-model';
import type { DomSpan } from './dom-spans';
import type { PlacedMention } from './mention-store';
import { mentionKey, targetOf } from './target';
import type { Reached } from './stepper';
import type { OverlayStore, Rect } from './view-model';

export interface CardParts {
  view: OverlayStore;
  index: DatasetIndex;
  send: Send;
  /** Ids followed now; the card's follow button changes it. */
  followed: Set<string>;
  /** Notes per item/unit id; saving a note counts it. */
  noteCounts: OverlayState['noteCounts'];
  mentions(): readonly PlacedMention[];
  rectOf(p: PlacedMention): Rect;
  flash(span: DomSpan): void;
  /** After a follow changed: redraw the followed class. */
  redraw(): void;
  /** After a follow: the mention may now be recorded as a sighting. */
  onFollowed(p: PlacedMention): void;
  /** A card was opened with intent (click, keyboard, popup): keyboard steps go on from there. */
  onPinned?(p: PlacedMention): void;
  /** Passage notes covering the mention, which its card offers to open. */
  notesAt?(p: PlacedMention): { onOpen(): void } | undefined;
  /** The page's date (ISO) when known: the claim check compares with the record as of then. */
  pageDate(): string | undefined;
}

/** A round's card has no follow or note (there is no item): its actions only close it. */
function noActions(onClose: () => void) {
  return { followed: false, noteCount: 0, onToggleFollow: async () => {}, onSaveNote: async () => {}, onClose };
}

export class MentionCards {
  private pinned = false;

  constructor(private readonly parts: CardParts) {}

  /** True while a card opened by hovering (not pinned) is showing. */
  hoverCardOpen(): boolean {
    return !this.pinned && this.parts.view.get().view.kind === 'card';
  }

  /** Closes whatever view is open (card, pill, note editor); false when nothing was. */
  closeAny(): boolean {
    if (this.parts.view.get().view.kind === 'none') return false;
    this.close();
    return true;
  }

  close(): void {
    this.pinned = false;
    this.parts.view.set({ view: { kind: 'none' } });
  }

  /** The first mention of an item, unit or round (its `mentionKey`), scrolled to with its card open; false when the page has none. */
  revealId(key: string): boolean {
    const p = this.parts.mentions().find((x) => mentionKey(x.mention) === key);
    if (!p) return false;
    this.reveal(p);
    return true;
  }

  /**
   * Opens the mention's card (`pinned`: by click or keyboard, focus moves into it); `reached`:
   * what a keyboard step reached, which the card says. False when the mention has no card.
   */
  open(p: PlacedMention, pinned: boolean, reached?: Reached): boolean {
    const { parts } = this;
    const m = p.mention;
    const close = () => this.close();
    const stepped = reached ? { reached } : {};
    if (!isLinked(m)) {
      // A round the dataset lacks: what year it is (or could be), nothing to follow or note.
      this.pinned = pinned;
      if (pinned) parts.onPinned?.(p);
      parts.view.set({ view: { kind: 'card', model: roundCardModel(m), focus: pinned, at: parts.rectOf(p), actions: noActions(close), ...stepped } });
      return true;
    }
    // What the page says about progress next to the mention: read only when its card opens.
    const claim = m.kind === 'project' ? (statusClaimNear(p.source, m.start, m.end) ?? undefined) : undefined;
    const model = cardModelFor(parts.index, { kind: m.kind, id: m.id, evidence: m.evidence, claim, pageDate: parts.pageDate() });
    if (!model) return false;
    this.pinned = pinned;
    if (pinned) parts.onPinned?.(p);
    const target = targetOf(m);
    // One id per note being written: a retried save is the same note (issue 11, item 11).
    const noteId = newNoteId();
    const reopen = () => this.open(p, true);
    const notesHere = parts.notesAt?.(p);
    parts.view.set({
      view: {
        kind: 'card',
        model,
        focus: pinned,
        ...stepped,
        ...(notesHere ? { notesHere } : {}),
        at: parts.rectOf(p),
        actions: {
          followed: parts.followed.has(m.id),
          noteCount: parts.noteCounts[m.id] ?? 0,
          onToggleFollow: async () => {
            const follow = !parts.followed.has(m.id);
            await parts.send({ type: 'follow/set', target, follow });
            if (follow) parts.followed.add(m.id);
            else parts.followed.delete(m.id);
            parts.redraw();
            if (follow) parts.onFollowed(p);
            reopen();
          },
          onSaveNote: async (body) => {
            await parts.send({ type: 'note/save', id: noteId, body, target });
            parts.noteCounts[m.id] = (parts.noteCounts[m.id] ?? 0) + 1;
            reopen();
          },
          onClose: () => this.close(),
        },
      },
    });
    return true;
  }

  private reveal(p: PlacedMention) {
    p.span.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    this.parts.flash(p.span);
    this.open(p, true);
  }
}
