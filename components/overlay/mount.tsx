/**
 * Puts the overlay's Preact tree on a page, in our shadow root (see lib/overlay/shadow-host.ts),
 * styled by OVERLAY_CSS. The content script's entry point hands this to the overlay, which
 * calls it the first time there is something to show.
 */
import { render } from 'preact';
import { createShadowHost } from '../../lib/overlay/shadow-host';
import type { MountedView, OverlayStore } from '../../lib/overlay/view-model';
import { OverlayRoot } from './OverlayRoot';
import { NOTE_CARD_CSS } from './note-card-css';
import { OVERLAY_CSS } from './overlay-css';

export function mountOverlayView(doc: Document, store: OverlayStore): MountedView {
  const shadow = createShadowHost(doc, OVERLAY_CSS + NOTE_CARD_CSS);
  render(<OverlayRoot store={store} />, shadow.root);
  return {
    host: shadow.host,
    dispose() {
      render(null, shadow.root);
      shadow.dispose();
    },
  };
}
