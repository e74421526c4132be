/**
 * The parts of a page the overlay draws on, made once the user's state has arrived: the view
 * (mounted when it first has something to show), the drawing, passage notes, the mention card,
 * the pointer and keyboard turned into card and note actions, and the keyboard steps through
 * mentions and notes (stepper.ts). All of it ends with `signal`.
 */
import { watchSettings } from '../settings/store';
import type { NameReader } from '../anchor/text-quote';
import type { OverlayState, Send } from '../messaging/protocol';
import { MentionCards } from './card-actions';
import type { DatasetIndex } from './card-model';
import { PageDrawing } from './drawing';
import type { CssPainterOptions } from './highlighter';
import { caretAt, mentionAtPoint, pointInSpan } from './hit-test';
import { NoteCards } from './note-card';
import { buildOutline, orderedPlaces, type OutlinePlace } from './outline';
import { boundsOfSpan } from './rects';
import type { AnchoredNote } from './passage-notes';
import type { TabOutline } from '../messaging/tab-protocol';
import type { MentionStore, PlacedMention } from './mention-store';
import type { PageWatcher } from './page-watcher';
import { PassageNotes } from './passage-notes';
import { trackPointer } from './pointer';
import type { SightingRecorder } from './sightings';
import { PageSteps, type Reached } from './stepper';
import { createOverlayStore, mountWhenNeeded, type MountView } from './view-model';

export interface DrawnPageEnv {
  doc: Document;
  index: DatasetIndex;
  /** The engine's reader of names, for anchoring passage notes. */
  names?: NameReader;
  send: Send;
  mountView: MountView;
  painterOptions?: CssPainterOptions;
  store: MentionStore;
  watcher: PageWatcher;
  sightings: SightingRecorder;
  /** The page's date (ISO) when known, for the card's claim check. */
  pageDate?: () => string | undefined;
}

export interface DrawnPage {
  card: MentionCards;
  notes: PassageNotes;
  drawing: PageDrawing;
  /** Records sightings of mentions just placed, as the user chose (`text`: what their offsets index). */
  record(placed: readonly PlacedMention[], text: string): void;
  /** Starts listening to the reader (after the first drawing). */
  listen(): void;
  /** Every mention and note in reading order (the side panel's "this page"). */
  outline(page: Pick<TabOutline, 'title' | 'url' | 'state'>): TabOutline;
  /** Scrolls to an outline entry and opens its card; false when the key names nothing on the page now. */
  jump(key: string): boolean;
  /** A keyboard step ('tab/step'): the next (1) or previous (-1) mention or note in reading order, its card opened; false when there is none. */
  step(direction: 1 | -1): boolean;
}

/** What is under the pointer: a mention, or (off mentions) a passage note. */
type Hit = PlacedMention | AnchoredNote;
const isNoteHit = (h: Hit): h is AnchoredNote => 'note' in h;

export function createDrawnPage(env: DrawnPageEnv, userState: OverlayState, signal: AbortSignal): DrawnPage {
  const { doc, index, send, store, watcher } = env;
  const followed = new Set(userState.followed);
  const view = createOverlayStore({ view: { kind: 'none' }, orphans: [], locale: userState.locale, colours: userState.highlightColours });
  const ui = mountWhenNeeded(view, env.mountView, signal);
  // The reader may switch the language (options page) while the page is open: our UI follows at once.
  const unwatchSettings = watchSettings((s) => {
    if (s.locale !== view.get().locale) view.set({ locale: s.locale });
  });
  signal.addEventListener('abort', unwatchSettings, { once: true });
  const notes: PassageNotes = new PassageNotes({ doc, view, send, names: env.names, pageNotes: userState.pageNotes, redraw: () => drawing.draw(), close: () => card.close(), pageDate: () => env.pageDate?.() });
  const drawing = new PageDrawing(
    { doc, index, store, followed, notes: () => notes.anchored(), withoutObserving: (work) => watcher.withoutObserving(work) },
    userState,
    env.painterOptions,
    signal,
  );
  drawing.styleShadowRoots(watcher.shadowRoots);
  const record = (placed: readonly PlacedMention[], text: string) => env.sightings.record(placed, text, userState.sightings, followed);
  const card: MentionCards = new MentionCards({
    view,
    index,
    send,
    followed,
    noteCounts: userState.noteCounts,
    mentions: () => store.all(),
    rectOf: (p) => drawing.rectOf(p),
    flash: (span) => drawing.flash(span),
    redraw: () => drawing.draw(),
    onFollowed: (p) => record([p], ''),
    onPinned: (p) => steps.openedAt(p),
    // Called only once the reader opens a card, after everything below exists.
    notesAt: (p) => notesCovering(p.span),
    pageDate: () => env.pageDate?.(),
  });
  const noteCards = new NoteCards({
    doc,
    view,
    index,
    send,
    notes,
    noteCounts: userState.noteCounts,
    mentions: () => store.all(),
    rectOfSpan: (span) => boundsOfSpan(span, doc),
    close: () => card.close(),
    onPinned: (n) => steps.openedAt(n),
  });
  /** The passage note a mention lies in (the last written where several do), for its card to offer. */
  const notesCovering = (span: PlacedMention['span']) => {
    const found = notes.noteAt(span.startContainer, span.startOffset);
    return found && { onOpen: () => noteCards.open(found, true) };
  };
  const noteAtPoint = (x: number, y: number): AnchoredNote | undefined => {
    if (!notes.anchored().length) return undefined;
    const caret = caretAt(doc, x, y);
    if (!caret || caret.node.nodeType !== 3) return undefined;
    const hit = notes.noteAt(caret.node, caret.offset) ?? (caret.offset > 0 ? notes.noteAt(caret.node, caret.offset - 1) : undefined);
    return hit && pointInSpan(doc, hit.span, x, y) ? hit : undefined;
  };
  const listen = () =>
    trackPointer<Hit>(doc, signal, {
      hitAt: (x, y, target) => mentionAtPoint(doc, store, watcher.shadowRoots, x, y, target) ?? noteAtPoint(x, y),
      isOwn: (e) => e.composedPath().some((n) => n === ui.host()),
      open: (hit, pinned) => (isNoteHit(hit) ? noteCards.open(hit, pinned) : card.open(hit, pinned)),
      close: () => card.closeAny(),
      hoverCardOpen: () => {
        const open = view.get().view;
        return card.hoverCardOpen() || (open.kind === 'note' && !open.focus && !open.deleted);
      },
      selectionChanged: () => notes.selectionChanged(),
    });
  const outline = (page: Pick<TabOutline, 'title' | 'url' | 'state'>) => buildOutline(page, store.all(), notes.anchored(), view.get().orphans, index);
  /** Scrolls to a place and opens its card, focus in it (`reached`: what a keyboard step reached). */
  const reveal = (place: OutlinePlace, reached?: Reached) => {
    place.span.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    drawing.flash(place.span);
    if (place.kind === 'note') noteCards.open(place.note, true, reached);
    else card.open(place.mention, true, reached);
  };
  const places = () => orderedPlaces(store.all(), notes.anchored());
  // Sorting a long page's places costs tens of ms (13,000 on a 1 MB page): a step reuses the order
  // until a mention or note is added or removed, leaving out what has left the page since.
  let sorted: { version: string; places: OutlinePlace[] } | undefined;
  const stepPlaces = () => {
    const version = `${store.version}:${notes.version}`;
    if (sorted?.version !== version) sorted = { version, places: places() };
    return sorted.places.filter((p) => p.span.startContainer.isConnected);
  };
  const steps = new PageSteps({ places: stepPlaces, reveal });
  const jump = (key: string): boolean => {
    const place = places().find((p) => p.key === key);
    if (place) reveal(place);
    return place !== undefined;
  };
  return { card, notes, drawing, record, listen, outline, jump, step: (direction) => steps.step(direction) };
}
