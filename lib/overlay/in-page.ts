/**
 * The content script's wiring, kept out of the entry point so it holds no logic: one overlay
 * per page (a second injection by "scan this page" leaves the running one answering), its
 * engine loaded on first use, the tab messages routed to it, and its lifecycle hooked up.
 */
import type { Dataset } from '../data/types';
import { packFromJSON, type PrebuiltEngine } from '../match/pack';
import type { Send } from '../messaging/protocol';
import { createTabRouter } from '../messaging/tab-router';
import { loadFoldTable } from '../text/normalise';
import { indexDataset } from './card-model';
import { Overlay } from './controller';
import { createEngineSource, type Engine } from './engine-source';
import { watchLifecycle } from './lifecycle';
import type { CssPainterOptions } from './highlighter';
import type { MountView } from './view-model';

const FLAG = '__minshengLens';

export interface InPageEnv {
  win: Window;
  doc: Document;
  extensionId: string;
  startedAt: number;
  /** The engine's tables made at build time (virtual:minsheng-engine) and the dataset they index. */
  loadPrebuilt: () => PrebuiltEngine;
  dataset: Dataset;
  mountView: MountView;
  send: Send;
  painterOptions?: CssPainterOptions;
  /** Wait for a rendered frame before the first read (the Firefox build: see OverlayEnv). */
  readAfterRendering?: boolean;
  /** Registers the listener for tab messages (browser.runtime.onMessage). */
  onTabMessage(listener: (raw: unknown, sender: { id?: string }) => Promise<unknown> | undefined): void;
  /** False once the extension was reloaded or removed (this script must stop). */
  isAlive(): boolean;
}

/** The bundled engine's match pack and lookup index, parsed the first time they are needed. */
function loadBundled(env: Pick<InPageEnv, 'loadPrebuilt' | 'dataset'>): Engine {
  const prebuilt = env.loadPrebuilt();
  loadFoldTable(prebuilt.fold);
  return { pack: packFromJSON(prebuilt.pack), index: indexDataset(env.dataset) };
}

/** Starts the overlay on this page, unless one is running already; returns it, or undefined. */
export function runInPage(env: InPageEnv): Overlay | undefined {
  const w = env.win as unknown as Record<string, unknown>;
  if (w[FLAG]) return undefined;
  w[FLAG] = true;

  // The bundled dataset's engine, until the overlay's state says the user installed another
  // (lib/overlay/engine-source.ts): then the page is read again with that one.
  const engines = createEngineSource({
    bundledHash: env.dataset.meta.hash,
    loadBundled: () => loadBundled(env),
    send: env.send,
    onSwitch: () => void overlay.datasetChanged(),
  });
  const overlay: Overlay = new Overlay({
    doc: env.doc,
    startedAt: env.startedAt,
    engine: engines.get,
    mountView: env.mountView,
    send: engines.send,
    painterOptions: env.painterOptions,
    readAfterRendering: env.readAfterRendering,
  });
  const started = overlay.start(false);
  env.onTabMessage(
    createTabRouter(
      env.extensionId,
      {
        'tab/report': () => overlay.report(),
        'tab/rescan': () => overlay.rescan(),
        'tab/reveal': (req) => ({ found: overlay.page?.card.revealId(req.id) ?? false }),
        'tab/note-selection': () => ({ opened: overlay.page?.notes.notePassage() ?? false }),
        'tab/highlight-selection': async () => ({ saved: (await overlay.page?.notes.highlightPassage()) ?? false }),
        'tab/outline': () => overlay.outline(),
        'tab/jump': (req) => ({ found: overlay.page?.jump(req.key) ?? false }),
        'tab/disable': () => {
          overlay.dispose();
          return { ok: true };
        },
        'tab/step': (req) => ({ moved: overlay.page?.step(req.direction) ?? false }),
      },
      started,
    ),
  );
  watchLifecycle({ win: env.win, isAlive: env.isAlive, onLocationChange: () => overlay.locationChanged(), onEnd: () => overlay.dispose() });
  return overlay;
}
