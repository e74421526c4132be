/**
 * The parts of a page the overlay draws on, made once the user's state has arrived: the view
 * (mounted when it first has something to show), the drawing, passage notes, the mention card,
 * and the pointer and keyboard turned into card and note actions. All of it ends with `signal`.
 */
import type { NameReader } from '../anchor/text-quote';
import type { OverlayState, Send } from '../messaging/protocol';
import { MentionCards } from './card-actions';
import type { DatasetIndex } from './card-model';
import { PageDrawing } from './drawing';
import type { CssPainterOptions } from './highlighter';
import { mentionAtPoint } from './hit-test';
import type { MentionStore, PlacedMention } from './mention-store';
import type { PageWatcher } from './page-watcher';
import { PassageNotes } from './passage-notes';
import { trackPointer } from './pointer';
import type { SightingRecorder } from './sightings';
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
}

export function createDrawnPage(env: DrawnPageEnv, userState: OverlayState, signal: AbortSignal): DrawnPage {
  const { doc, index, send, store, watcher } = env;
  const followed = new Set(userState.followed);
  const view = createOverlayStore({ view: { kind: 'none' }, orphans: [], locale: userState.locale, colours: userState.highlightColours });
  const ui = mountWhenNeeded(view, env.mountView, signal);
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
    pageDate: () => env.pageDate?.(),
  });
  const listen = () =>
    trackPointer(doc, signal, {
      hitAt: (x, y, target) => mentionAtPoint(doc, store, watcher.shadowRoots, x, y, target),
      isOwn: (e) => e.composedPath().some((n) => n === ui.host()),
      open: (p, pinned) => card.open(p, pinned),
      close: () => card.closeAny(),
      hoverCardOpen: () => card.hoverCardOpen(),
      selectionChanged: () => notes.selectionChanged(),
    });
  return { card, notes, drawing, record, listen };
}
