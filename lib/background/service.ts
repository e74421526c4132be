/**
 * What the background does, without the browser wiring: seeds the dataset once per worker
 * life (the hash check makes repeats cheap) and answers the protocol's requests.
 *
 * Every request about "this page" is answered for the sender's own tab, frame and address
 * (lib/background/sender.ts): the page's canonical link counts only on the sender's own site,
 * and sightings take their site and address from the sender (DESIGN contract 7). Targets must
 * exist in the installed dataset.
 */
import type { Dataset } from '../data/types';
import { installDataset, installedDataset } from '../db/installed-dataset';
import { classifyStorageError } from '../db/open';
import { getDatasetSummary } from '../db/queries';
import type { Note, TargetRef } from '../types/records';
import type { LensDb } from '../db/schema';
import { seedDataset, type SeedOutcome } from '../db/seed';
import { recordSightings, siteOf } from '../db/sightings';
import { follow, saveNote, unfollow } from '../db/user-data';
import { deletePageNote, restorePageNote, updatePageNote } from './page-notes';
import { jumpFor, outlineFor, type ThisPageDeps } from './this-page';
import type { OverlayState } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import { cleanLine, cleanText, LIMITS } from '../rows/fields';
import type { Settings } from '../settings/settings';
import { siteIsAuto } from '../settings/sites';
import { createEngineCache } from './installed-engine';
import { canonicalFor, type ContentSender } from './sender';

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
  /** The dataset bundled with this version (what the content script carries). */
  dataset: Dataset;
  openDb: () => Promise<LensDb>;
  version: string;
  setBadge?: (tabId: number, text: string) => void;
  loadSettings: () => Promise<Settings>;
  /** Runs the content script in a tab the user asked us to scan (activeTab). */
  injectContentScript?: (tabId: number) => Promise<void>;
  log?: (msg: string) => void;
  now?: () => number;
  /** The side panel's "this page" view: tabs and their content scripts (absent in unit tests that do not need them). */
  thisPage?: ThisPageDeps;
}

/** A target the installed dataset does not hold: refused, whatever the page says. */
export class UnknownTarget extends Error {
  override name = 'UnknownTarget';
}

/** The targets the installed dataset does not hold, as `kind:id` keys. */
async function unknownTargets(db: LensDb, targets: readonly TargetRef[]): Promise<Set<string>> {
  const items = [...new Set(targets.filter((t) => t.kind === 'item').map((t) => t.id))];
  const units = [...new Set(targets.filter((t) => t.kind === 'unit').map((t) => t.id))];
  const [foundItems, foundUnits] = await Promise.all([db.items.bulkGet(items), db.units.bulkGet(units)]);
  return new Set([...items.filter((_, i) => !foundItems[i]).map((id) => `item:${id}`), ...units.filter((_, i) => !foundUnits[i]).map((id) => `unit:${id}`)]);
}

async function assertKnown(db: LensDb, targets: readonly TargetRef[]): Promise<void> {
  const missing = [...(await unknownTargets(db, targets))];
  if (missing.length) throw new UnknownTarget(`not in the dataset: ${missing.slice(0, 5).join(', ')}`);
}

export function createBackgroundService(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;
  let seeding: Promise<SeedOutcome> | undefined;
  const engineFor = createEngineCache();

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

  /** The database, seeded. */
  const ready = async (): Promise<LensDb> => {
    await ensureDataset();
    return deps.openDb();
  };

  async function overlayState(claimedCanonical: string, sender: ContentSender): Promise<OverlayState> {
    const canonicalUrl = canonicalFor(sender, claimedCanonical);
    // Settings (extension storage) and the database are read side by side: a page waits on this.
    const [settings, state] = await Promise.all([deps.loadSettings(), ready().then((db) => userStateOf(db, canonicalUrl))]);
    return {
      ...state,
      locale: settings.locale,
      sightings: settings.sightingsMode,
      wrapHighlights: settings.wrapHighlights,
      highlightColours: settings.highlightColours,
      siteDisabled: siteOff(hostOf(sender.pageUrl), settings),
    };
  }

  /** What the user keeps that a page's overlay shows: follows, this page's notes, note counts per target, the dataset it has. */
  function userStateOf(db: LensDb, canonicalUrl: string) {
    return db.transaction('r', [db.follows, db.notes, db.meta], async () => {
      const followed = (await db.follows.toCollection().primaryKeys()) as string[];
      const pageNotes = await db.notes.where('pageUrl').equals(canonicalUrl).toArray();
      const noteCounts: Record<string, number> = {};
      await db.notes.where('targetId').notEqual('').each((n) => {
        noteCounts[n.targetId] = (noteCounts[n.targetId] ?? 0) + 1;
      });
      const meta = await db.meta.get('dataset');
      return {
        followed: followed.map((key) => key.slice(key.indexOf(':') + 1)),
        pageNotes,
        noteCounts,
        dataset: meta ? { version: meta.meta.version, hash: meta.meta.hash } : null,
      };
    });
  }

  /** Saves a note for the sender's page; the same id saved again answers the stored note (a retry). */
  async function saveNoteFor(req: Parameters<Handlers['note/save']>[0], sender: ContentSender): Promise<Note> {
    const db = await ready();
    if (req.target) await assertKnown(db, [req.target]);
    const anchor = req.anchor && {
      ...req.anchor,
      url: sender.pageUrl,
      canonicalUrl: canonicalFor(sender, req.anchor.canonicalUrl),
      title: cleanLine(req.anchor.title, LIMITS.title),
      quote: { ...req.anchor.quote, exact: cleanText(req.anchor.quote.exact, LIMITS.exact), prefix: cleanText(req.anchor.quote.prefix, LIMITS.context), suffix: cleanText(req.anchor.quote.suffix, LIMITS.context) },
    };
    return db.transaction('rw', [db.notes], async () => {
      const existing = await db.notes.get(req.id);
      if (existing) {
        const samePlace = existing.targetId === (req.target?.id ?? '') && existing.pageUrl === (anchor?.canonicalUrl ?? '');
        if (!samePlace) throw new Error('a note with this id exists elsewhere');
        return existing;
      }
      const input = { body: req.body, ...(req.tags ? { tags: req.tags } : {}), ...(req.target ? { target: req.target } : {}), ...(anchor ? { anchor } : {}) };
      return saveNote(db, input, now(), req.id);
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
    ping: () => ({ pong: true, version: deps.version, bundled: { version: deps.dataset.meta.version, hash: deps.dataset.meta.hash } }),
    'dataset/ensure': async () => getDatasetSummary(await ready()),
    'page/gate': (req, sender) => {
      const frames = frameCounts.get(sender.tabId) ?? new Map<number, number>();
      frames.set(sender.frameId, req.relevant ? req.mentions : 0);
      frameCounts.set(sender.tabId, frames);
      updateBadge(sender.tabId);
      return { ok: true };
    },
    'overlay/state': (req, sender) => overlayState(req.canonicalUrl, sender),
    'dataset/engine': async () => {
      const dataset = await installedDataset(await ready(), deps.dataset);
      return !dataset || dataset.meta.hash === deps.dataset.meta.hash ? null : engineFor(dataset);
    },
    'follow/set': async (req) => {
      const db = await ready();
      if (req.follow) {
        await assertKnown(db, [req.target]);
        await follow(db, req.target, now());
      } else await unfollow(db, req.target);
      return { followed: req.follow };
    },
    'note/save': (req, sender) => saveNoteFor(req, sender),
    'note/update': async (req, sender) => {
      const db = await ready();
      if (req.target) await assertKnown(db, [req.target]);
      return updatePageNote(db, req, sender, now());
    },
    'note/delete': async (req, sender) => deletePageNote(await ready(), req.id, sender),
    'note/restore': async (req, sender) => restorePageNote(await ready(), req.note, sender),
    'page/outline': (_req, sender) => (deps.thisPage ? outlineFor(sender, deps.thisPage) : { tabId: null, outline: null }),
    'page/jump': (req) => (deps.thisPage ? jumpFor(req.tabId, req.key, deps.thisPage) : { found: false }),
    'sightings/record': async (req, sender) => {
      const db = await ready();
      // Mentions of items the installed dataset does not hold (a page read before it changed) are not recorded.
      const unknown = await unknownTargets(db, req.reports.map((r) => r.target));
      const page = {
        url: sender.pageUrl,
        canonicalUrl: canonicalFor(sender, req.page.canonicalUrl),
        title: cleanLine(req.page.title, LIMITS.title),
        ...(req.page.meta ? { meta: req.page.meta } : {}),
      };
      const reports = req.reports.filter((r) => !unknown.has(`${r.target.kind}:${r.target.id}`)).map((r) => ({
        target: { kind: r.target.kind, id: r.target.id },
        quote: cleanText(r.quote, LIMITS.sightingQuote),
        prefix: cleanText(r.prefix, LIMITS.context),
        suffix: cleanText(r.suffix, LIMITS.context),
        ...(r.sentence ? { sentence: cleanText(r.sentence, LIMITS.sentence) } : {}),
      }));
      return { recorded: await recordSightings(db, page, reports, now(), siteOf(sender.pageUrl)) };
    },
    'tab/scan': async (req) => {
      if (!deps.injectContentScript) return { injected: false };
      await deps.injectContentScript(req.tabId);
      return { injected: true };
    },
    'tab/frames': (req) => ({
      frames: [...(frameCounts.get(req.tabId) ?? new Map<number, number>())].filter(([frameId, n]) => frameId !== 0 && n > 0).map(([frameId]) => frameId),
    }),
    'dataset/restore': async () => {
      const outcome = await installDataset(await ready(), deps.dataset, deps.dataset.meta.hash, now(), { allowDowngrade: true });
      return { version: outcome.version };
    },
  };

  return { ensureDataset, handlers, forgetTab };
}
