/**
 * Pointer and keyboard on the page, turned into what the overlay does: a short hover opens a
 * card, leaving closes an unpinned one after a grace period, a click pins it, Esc closes.
 * Stepping through mentions and notes (Alt+Shift+J / K, stepper.ts) is a manifest command, sent by
 * the background as 'tab/step', so the reader can remap it and no page-made key event can step. Listeners end with `signal`. Only the user's own
 * input counts (`isTrusted`) for opening cards: events the page makes up are ignored, so page
 * script cannot open our cards.
 */
export const HOVER_DELAY_MS = 300;
export const HOVER_CLOSE_MS = 500;

/** `H`: what is under the pointer (a mention, or a passage note). */
export interface PointerTarget<H> {
  /** The mention under a point, if any. */
  hitAt(x: number, y: number, target: EventTarget | null): H | undefined;
  /** True for events inside our own UI. */
  isOwn(e: Event): boolean;
  open(hit: H, pinned: boolean): void;
  /** Closes an open card; false when nothing was open. */
  close(): boolean;
  /** True while a card opened by hovering (not pinned) is showing. */
  hoverCardOpen(): boolean;
  selectionChanged(): void;
}

export function trackPointer<H>(doc: Document, signal: AbortSignal, t: PointerTarget<H>): void {
  let hovered: H | undefined;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => {
    clearTimeout(hoverTimer);
    clearTimeout(closeTimer);
  });
  const passive = { signal, passive: true } as const;
  /** The element under the pointer, inside a web component too (`target` stops at its host). */
  const innermost = (e: Event) => e.composedPath()[0] ?? e.target;

  doc.addEventListener(
    'pointermove',
    (e) => {
      if (!e.isTrusted) return;
      if (t.isOwn(e)) return clearTimeout(closeTimer);
      const hit = t.hitAt(e.clientX, e.clientY, innermost(e));
      if (hit === hovered) return;
      hovered = hit;
      clearTimeout(hoverTimer);
      if (hit) {
        clearTimeout(closeTimer);
        hoverTimer = setTimeout(() => t.open(hit, false), HOVER_DELAY_MS);
      } else if (t.hoverCardOpen()) {
        closeTimer = setTimeout(() => t.close(), HOVER_CLOSE_MS);
      }
    },
    passive,
  );
  doc.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || t.isOwn(e)) return;
      const hit = t.hitAt(e.clientX, e.clientY, innermost(e));
      clearTimeout(hoverTimer);
      clearTimeout(closeTimer);
      if (hit) t.open(hit, true);
      else t.close();
    },
    { signal, capture: true },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      // Alt+Shift+J / K are manifest commands (the reader can remap them): the background sends 'tab/step'.
      if (e.key === 'Escape') t.close();
    },
    { signal },
  );
  // Reading the selection writes nothing (the note editor's save is the user's own click), so
  // these two may come from anywhere.
  doc.addEventListener('mouseup', () => setTimeout(() => t.selectionChanged(), 0), passive);
  doc.addEventListener('keyup', (e) => e.shiftKey && t.selectionChanged(), passive);
}
