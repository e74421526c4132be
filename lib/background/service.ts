/**
 * What the background does, without the browser wiring: seeds the dataset once per worker
 * life (the hash check makes repeats cheap) and answers the protocol's requests.
 */
import type { Dataset } from '../data/types';
import { classifyStorageError } from '../db/open';
import { getDatasetSummary } from '../db/queries';
import type { LensDb } from '../db/schema';
import { seedDataset, type SeedOutcome } from '../db/seed';
import type { Handlers } from '../messaging/router';

export interface BackgroundDeps {
  dataset: Dataset;
  openDb: () => Promise<LensDb>;
  version: string;
  setBadge?: (tabId: number, text: string) => void;
  log?: (msg: string) => void;
}

export function createBackgroundService(deps: BackgroundDeps) {
  let seeding: Promise<SeedOutcome> | undefined;

  /** Seeds if needed; a failure is reported and the next call tries again. */
  function ensureDataset(): Promise<SeedOutcome> {
    seeding ??= deps
      .openDb()
      .then((db) => seedDataset(db, deps.dataset))
      .then((outcome) => {
        deps.log?.(`dataset ${outcome.kind} (${outcome.version})`);
        return outcome;
      })
      .catch((err: unknown) => {
        seeding = undefined;
        throw classifyStorageError(err);
      });
    return seeding;
  }

  const handlers: Handlers = {
    ping: () => ({ pong: true, version: deps.version }),
    'dataset/ensure': async () => {
      await ensureDataset();
      return getDatasetSummary(await deps.openDb());
    },
    'page/gate': (req, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) deps.setBadge?.(tabId, req.relevant && req.mentions > 0 ? String(Math.min(req.mentions, 999)) : '');
      return { ok: true };
    },
  };

  return { ensureDataset, handlers };
}
