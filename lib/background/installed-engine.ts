/**
 * The match pack and card data of the dataset the user installed, for pages (issue 11, item 7):
 * the content script carries the bundled dataset's pack, and asks for this one only when the
 * installed dataset's hash differs. Built once per installed hash (a few ms for the real dataset).
 */
import type { Dataset } from '../data/types';
import { buildPack, packToJSON } from '../match/pack';
import type { InstalledEngine } from '../messaging/protocol';

export function engineOf(dataset: Dataset): InstalledEngine {
  return {
    version: dataset.meta.version,
    hash: dataset.meta.hash,
    pack: packToJSON(buildPack(dataset)),
    cards: { items: dataset.items, units: dataset.units, sources: dataset.sources },
  };
}

/** Remembers the last engine built, keyed by the dataset's hash. */
export function createEngineCache() {
  let last: InstalledEngine | undefined;
  return (dataset: Dataset): InstalledEngine => {
    if (last?.hash !== dataset.meta.hash) last = engineOf(dataset);
    return last;
  };
}
