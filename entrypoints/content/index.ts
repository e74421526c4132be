/** The content script: wires the browser, the bundled engine and the Preact view to lib/overlay/in-page.ts. */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import loadPrebuilt from 'virtual:minsheng-engine';
import { mountOverlayView } from '../../components/overlay/mount';
import { rawDataset } from '../../lib/data/raw-dataset';
import { request } from '../../lib/messaging/client';
import { runInPage } from '../../lib/overlay/in-page';
import { DEFAULT_MATCHES } from '../../lib/settings/match-patterns';
import '../../components/overlay/highlights.css';

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  // Frames on these sites (an article in an iframe) get their own overlay; the popup talks to the top frame.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    runInPage({
      win: window,
      doc: document,
      extensionId: browser.runtime.id,
      startedAt: performance.now(),
      loadPrebuilt,
      dataset: rawDataset,
      mountView: (store) => mountOverlayView(document, store),
      send: request,
      // Firefox registers highlight ranges slowly and keeps document styles out of shadow trees.
      painterOptions: { fillInPlace: import.meta.env.FIREFOX, styleShadowRoots: import.meta.env.FIREFOX },
      onTabMessage: (listener) => browser.runtime.onMessage.addListener(listener),
      onLocationChange: (cb) => ctx.addEventListener(window, 'wxt:locationchange', cb),
      onInvalidated: (cb) => void ctx.onInvalidated(cb),
    });
  },
});
