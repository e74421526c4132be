import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { rawDataset } from '../../lib/data/raw-dataset';
import loadPrebuilt from 'virtual:minsheng-engine';
import { packFromJSON, type MatchPack } from '../../lib/match/pack';
import { loadFoldTable } from '../../lib/text/normalise';
import { request } from '../../lib/messaging/client';
import { parseTabRequest, type TabResponseMap } from '../../lib/messaging/tab-protocol';
import { indexDataset, type DatasetIndex } from '../../lib/overlay/card-model';
import { Overlay } from '../../lib/overlay/controller';
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

    let engine: { pack: MatchPack; index: DatasetIndex } | undefined;
    const overlay = new Overlay({
      doc: document,
      startedAt,
      engine: () => {
        if (engine) return engine;
        const prebuilt = loadPrebuilt();
        loadFoldTable(prebuilt.fold);
        return (engine = { pack: packFromJSON(prebuilt.pack), index: indexDataset(rawDataset) });
      },
      send: request,
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
          case 'tab/step':
            return { moved: overlay.step(req.direction) };
        }
      };
      return answer();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.locationChanged());
    ctx.onInvalidated(() => overlay.dispose());
  },
});
