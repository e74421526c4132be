/**
 * Which dataset a page is read with (issue 11, item 7). The content script carries the bundled
 * dataset's match pack and card data; when the user installed another dataset, the overlay's
 * state says so (its hash), and the installed one's pack and cards are fetched from the
 * background and used from then on: highlights, cards and the popup's report follow the dataset
 * the side panel shows. An unrelated page never gets here (no message, nothing parsed).
 */
import type { DatasetIndex } from './card-model';
import { indexDataset } from './card-model';
import { packFromJSON, type MatchPack } from '../match/pack';
import type { OverlayState, Request, ResponseMap } from '../messaging/protocol';

export interface Engine {
  pack: MatchPack;
  index: DatasetIndex;
}

type Send = <R extends Request>(req: R) => Promise<ResponseMap[R['type']]>;

export interface EngineSource {
  /** The engine to read with now (the bundled one until an installed one arrived). */
  get(): Engine;
  /** The hash of the dataset `get()` reads with. */
  hash(): string;
  /**
   * Sends like `send`, and when an overlay state names another dataset than the one in use,
   * switches to it before the state is handed on; `onSwitch` then runs (the page is read again).
   */
  send: Send;
}

export function createEngineSource(opts: { bundledHash: string; loadBundled: () => Engine; send: Send; onSwitch: () => void }): EngineSource {
  let engine: Engine | undefined;
  let hash = opts.bundledHash;
  let switching: Promise<boolean> | undefined;

  async function follow(installed: OverlayState['dataset']): Promise<boolean> {
    if (!installed || installed.hash === hash) return false;
    engine ??= opts.loadBundled(); // its folding table serves every dataset
    const answer = await opts.send({ type: 'dataset/engine' });
    if (!answer || answer.hash === hash) return false;
    engine = { pack: packFromJSON(answer.pack), index: indexDataset(answer.cards) };
    hash = answer.hash;
    return true;
  }

  const send = (async (req: Request) => {
    const answer = await opts.send(req);
    if (req.type !== 'overlay/state') return answer;
    switching ??= follow((answer as OverlayState).dataset).finally(() => (switching = undefined));
    // A failed fetch keeps the bundled engine: the page still gets highlights.
    if (await switching.catch(() => false)) opts.onSwitch();
    return answer;
  }) as Send;

  return { get: () => (engine ??= opts.loadBundled()), hash: () => hash, send };
}
