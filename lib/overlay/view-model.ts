/**
 * What the overlay shows on a page, as data: the one view open at a time (a mention card, the
 * "add note" pill for a selection, the passage-note editor) and the orphaned notes. The parts
 * set it; the Preact tree in `components/overlay/` renders it (the entry point mounts it).
 */
import type { Locale } from '../i18n';
import type { HighlightColours } from '../settings/settings';
import type { Note, TargetRef } from '../types/records';
import type { CardModel } from './card-model';
import type { Reached } from './stepper';

/** A box on screen, in CSS pixels of the viewport. */
export interface Rect {
  left: number;
  top: number;
  bottom: number;
  right: number;
}

/** What a mention card's buttons do. */
export interface CardActions {
  followed: boolean;
  noteCount: number;
  onToggleFollow(): Promise<void>;
  onSaveNote(body: string): Promise<void>;
  onClose(): void;
}

/** A project or unit a passage note may be about: mentioned inside the passage, or near it (same paragraph). */
export interface NoteTargetChoice {
  target: TargetRef;
  label: string;
  inside: boolean;
}

/** What a passage note's card shows and does (components/overlay/PassageNoteCard.tsx). */
export interface NoteCardView {
  kind: 'note';
  at: Rect;
  focus: boolean;
  note: Note;
  /** The name of what the note is about, when it has a target. */
  targetLabel?: string;
  choices: NoteTargetChoice[];
  /** Deleted a moment ago: the card offers to undo until it closes. */
  deleted: boolean;
  /** Opened by a keyboard step: which note or highlight of the page it is (said aloud, and shown). */
  reached?: Reached;
  actions: NoteCardActions;
}

export interface NoteCardActions {
  onSave(body: string, tags: string[]): Promise<void>;
  /** Links the note to a project or unit; null unlinks it. */
  onLink(target: TargetRef | null): Promise<void>;
  onDelete(): Promise<void>;
  onUndo(): Promise<void>;
  onClose(): void;
}

export type OverlayView =
  | { kind: 'none' }
  /** `notesHere`: the pointer was also on a passage note; the card offers to open it. `reached`: as NoteCardView's. */
  | { kind: 'card'; model: CardModel; at: Rect; actions: CardActions; focus: boolean; notesHere?: { onOpen(): void }; reached?: Reached }
  | { kind: 'pill'; at: Rect; onClick(): void; onHighlight(): void }
  | NoteCardView
  | { kind: 'passage-note'; at: Rect; quote: string; onSave(body: string): Promise<void>; onCancel(): void };

export interface OverlayViewState {
  view: OverlayView;
  orphans: Note[];
  locale: Locale;
  /** The reader's highlight colours, for the card's colour key. */
  colours?: HighlightColours;
}

export interface OverlayStore {
  get(): OverlayViewState;
  set(patch: Partial<OverlayViewState>): void;
  subscribe(fn: () => void): () => void;
}

export function createOverlayStore(initial: OverlayViewState): OverlayStore {
  let state = initial;
  const subs = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const fn of subs) fn();
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

/** The rendered view on the page: its host element (events inside it are ours) and how to remove it. */
export interface MountedView {
  host: Element;
  dispose(): void;
}

/** Renders a store into the page; supplied by the entry point (lib/ does not import components/). */
export type MountView = (store: OverlayStore) => MountedView;

/**
 * Mounts the view the first time it has something to show (a page with nothing open gets no
 * element of ours), and unmounts it when `signal` aborts. `host()` is the mounted host, if any.
 */
export function mountWhenNeeded(store: OverlayStore, mount: MountView, signal: AbortSignal): { host(): Element | undefined } {
  let mounted: MountedView | undefined;
  const unsubscribe = store.subscribe(() => {
    const { view, orphans } = store.get();
    if (mounted || signal.aborted || (view.kind === 'none' && !orphans.length)) return;
    mounted = mount(store);
    unsubscribe();
  });
  signal.addEventListener('abort', () => {
    unsubscribe();
    mounted?.dispose();
  });
  return { host: () => mounted?.host };
}
