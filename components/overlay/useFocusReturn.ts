/**
 * Focus goes back where it was when a card that took it closes (ARIA's dialog pattern): a reader
 * who stepped to a note with the keyboard and pressed Esc is where they were before the step.
 * Only when the focus was still ours: a reader who moved it elsewhere keeps it there.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { OverlayView } from '../../lib/overlay/view-model';

type Focusable = Element & { focus(options?: FocusOptions): void };
const isFocusable = (el: Element | null): el is Focusable => !!el && typeof (el as Partial<Focusable>).focus === 'function';

/** `layer`: an element of our UI, whose shadow root's host is what the page sees focused while focus is in a card. */
export function useFocusReturn(view: OverlayView, layer: RefObject<HTMLElement | null>): void {
  const back = useRef<Focusable | null>(null);
  useLayoutEffect(() => {
    const el = layer.current;
    if (!el) return;
    const doc = el.ownerDocument;
    const root = el.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const active = doc.activeElement;
    if ((view.kind === 'card' || view.kind === 'note') && view.focus) {
      // The card takes focus after this (its own effect): what has it now is where to come back to.
      if (!back.current && active !== host && active !== doc.body && isFocusable(active)) back.current = active;
      return;
    }
    if (view.kind !== 'none' || !back.current) return;
    const target = back.current;
    back.current = null;
    const lostWithCard = active === null || active === doc.body || active === host;
    if (lostWithCard && target.isConnected) target.focus({ preventScroll: true });
  }, [view]);
}
