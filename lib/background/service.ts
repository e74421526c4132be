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
import type { OverlayState } from '../messaging/protocol';
import { recordSightings } from '../db/sightings';
import { follow, saveNote, unfollow } from '../db/user-data';
import { deletePageNote, restorePageNote, updatePageNote } from './page-notes';
import { jumpFor, outlineFor, type ThisPageDeps } from './this-page';
import type { Settings } from '../settings/settings';
import { siteIsAuto } from '../settings/sites';

/** Off when the user said so, or (without "all sites") when the site is not on the automatic list. */
export const siteOff = (host: string, s: Settings): boolean => siteIsAuto(host, s.disabledSites) || (!s.allSites && !siteIsAuto(host, s.autoSites));

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

export interface BackgroundDeps {
  dataset: Dataset;
  openDb: () => Promise<LensDb>;
  version: string;
  setBadge?: (tabId: number, text: string) => void;
  loadSettings: () => Promise<Settings>;
  /** Runs the content script in a tab the user asked us to scan (activeTab). */
  injectContentScript?: (tabId: number) => Promise<void>;
  log?: (msg: string) => void;
  /** The side panel's "this page" view: tabs and their content scripts (absent in unit tests that do not need them). */
  thisPage?: ThisPageDeps;
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

  async function overlayState(canonicalUrl: string, pageUrl: string | undefined): Promise<OverlayState> {
    // Settings (extension storage) and the database are read side by side: a page waits on this.
    const [settings, state] = await Promise.all([
      deps.loadSettings(),
      ensureDataset().then(async () => userStateOf(await deps.openDb(), canonicalUrl)),
    ]);
    return {
      ...state,
      locale: settings.locale,
      sightings: settings.sightingsMode,
      wrapHighlights: settings.wrapHighlights,
      highlightColours: settings.highlightColours,
      siteDisabled: siteOff(hostOf(pageUrl ?? canonicalUrl), settings),
    };
  }

  /** What the user keeps that a page's overlay shows: follows, this page's notes, note counts per target. */
  function userStateOf(db: LensDb, canonicalUrl: string) {
    return db.transaction('r', [db.follows, db.notes], async () => {
      const followed = (await db.follows.toCollection().primaryKeys()) as string[];
      const pageNotes = canonicalUrl ? await db.notes.where('pageUrl').equals(canonicalUrl).toArray() : [];
      const noteCounts: Record<string, number> = {};
      await db.notes.where('targetId').notEqual('').each((n) => {
        noteCounts[n.targetId] = (noteCounts[n.targetId] ?? 0) + 1;
      });
      return { followed: followed.map((key) => key.slice(key.indexOf(':') + 1)), pageNotes, noteCounts };
    });
  }

  /** Mentions per frame of each tab: the badge shows the tab's total (the overlay runs in frames too). */
  const frameCounts = new Map<number, Map<number, number>>();
  const updateBadge = (tabId: number) => {
    let total = 0;
    for (const n of frameCounts.get(tabId)?.values() ?? []) total += n;
    deps.setBadge?.(tabId, total > 0 ? String(Math.min(total, 999)) : '');
  };
  /** A tab navigated or closed: its frames' counts are gone. */
  function forgetTab(tabId: number) {
    if (frameCounts.delete(tabId)) deps.setBadge?.(tabId, '');
  }

  const handlers: Handlers = {
    ping: () => ({ pong: true, version: deps.version }),
    'dataset/ensure': async () => {
      await ensureDataset();
      return getDatasetSummary(await deps.openDb());
    },
    'page/gate': (req, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: true };
      const frames = frameCounts.get(tabId) ?? new Map<number, number>();
      frames.set(sender.frameId ?? 0, req.relevant ? req.mentions : 0);
      frameCounts.set(tabId, frames);
      updateBadge(tabId);
      return { ok: true };
    },
    'overlay/state': (req, sender) => overlayState(req.canonicalUrl, sender.url),
    'follow/set': async (req) => {
      const db = await deps.openDb();
      if (req.follow) await follow(db, req.target);
      else await unfollow(db, req.target);
      return { followed: req.follow };
    },
    'note/save': async (req) => saveNote(await deps.openDb(), { body: req.body, tags: req.tags, target: req.target, anchor: req.anchor }),
    'sightings/record': async (req) => ({ recorded: await recordSightings(await deps.openDb(), req.page, req.reports) }),
    'note/update': async (req, sender) => updatePageNote(await deps.openDb(), req, sender),
    'note/delete': async (req, sender) => deletePageNote(await deps.openDb(), req.id, sender),
    'note/restore': async (req, sender) => restorePageNote(await deps.openDb(), req.note, sender),
    'page/outline': (_req, sender) => (deps.thisPage ? outlineFor(sender, deps.thisPage) : { tabId: null, outline: null }),
    'page/jump': (req, sender) => (deps.thisPage ? jumpFor(sender, req.tabId, req.key, deps.thisPage) : { found: false }),
    'tab/scan': async (req) => {
      if (!deps.injectContentScript) return { injected: false };
      await deps.injectContentScript(req.tabId);
      return { injected: true };
    },
  };

  return { ensureDataset, handlers, forgetTab };
}
