import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { rawDataset } from '../../lib/data/raw-dataset';
import loadPrebuilt from 'virtual:minsheng-engine';
import { packFromJSON } from '../../lib/match/pack';
import { loadFoldTable } from '../../lib/text/normalise';
import { request } from '../../lib/messaging/client';
import { parseTabRequest, type TabResponseMap } from '../../lib/messaging/tab-protocol';
import { indexDataset } from '../../lib/overlay/card-model';
import { Overlay } from '../../lib/overlay/controller';
import { createEngineSource } from '../../lib/overlay/engine-source';
import { DEFAULT_MATCHES } from '../../lib/overlay/sites';
import '../../components/overlay/highlights.css';

const FLAG = '__minshengLens';

export default defineContentScript({
  matches: DEFAULT_MATCHES,
  // Frames on these sites (an article in an iframe) get their own overlay; the popup talks to the top frame.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const startedAt = performance.now();
    // Injected again by "scan this page"? The running instance answers; this one stays out.
    const w = window as unknown as Record<string, unknown>;
    if (w[FLAG]) return;
    w[FLAG] = true;

    // The bundled dataset's engine, until the overlay's state says the user installed another.
    const engines = createEngineSource({
      bundledHash: rawDataset.meta.hash,
      loadBundled: () => {
        const prebuilt = loadPrebuilt();
        loadFoldTable(prebuilt.fold);
        return { pack: packFromJSON(prebuilt.pack), index: indexDataset(rawDataset) };
      },
      send: request,
      onSwitch: () => void overlay.datasetChanged(),
    });
    const overlay = new Overlay({
      doc: document,
      startedAt,
      engine: engines.get,
      send: engines.send,
      // Firefox registers highlight ranges slowly and keeps document styles out of shadow trees.
      painterOptions: { fillInPlace: import.meta.env.FIREFOX, styleShadowRoots: import.meta.env.FIREFOX },
    });
    const started = overlay.start(false);

    browser.runtime.onMessage.addListener((raw, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const req = parseTabRequest(raw);
      if (!req) return undefined;
      const answer = async (): Promise<TabResponseMap[typeof req.type]> => {
        await started;
        switch (req.type) {
          case 'tab/report':
            return overlay.report();
          case 'tab/rescan':
            return overlay.rescan();
          case 'tab/reveal':
            return { found: overlay.revealId(req.id) };
          case 'tab/note-selection':
            return { opened: overlay.notePassage() };
          case 'tab/disable':
            overlay.dispose();
            return { ok: true };
        }
      };
      return answer();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.locationChanged());
    ctx.onInvalidated(() => overlay.dispose());
  },
});
