/**
 * The content script (declared in wxt.config.ts's manifest; built as an unlisted script so the
 * framework's page-visible lifecycle is not used: see lib/overlay/lifecycle.ts). It only wires
 * the browser, the bundled engine and the Preact view to lib/overlay/in-page.ts.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import loadPrebuilt from 'virtual:minsheng-engine';
import { mountOverlayView } from '../components/overlay/mount';
import { rawDataset } from '../lib/data/raw-dataset';
import { request } from '../lib/messaging/client';
import { runInPage } from '../lib/overlay/in-page';
import '../components/overlay/highlights.css';

export default defineUnlistedScript({
  main() {
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
      readAfterRendering: import.meta.env.FIREFOX,
      onTabMessage: (listener) => browser.runtime.onMessage.addListener(listener),
      isAlive: () => browser.runtime?.id !== undefined,
    });
  },
});
