/**
 * Importing a newer dataset file (same schema as data/dataset.json): validated with the one
 * dataset validator, its content hash checked, its version and dates checked for plausibility,
 * previewed, then installed (lib/db/installed-dataset.ts), which replaces reference rows in one
 * transaction and never touches notes, follows or sightings.
 *
 * The preview (issue 11, items 8 and 9): status changes with followed items first; every item the
 * user follows or has notes on whose name, year or status would change (ids are identity, so a
 * changed name under a kept id is worth a look); items added and removed; and the risks that make
 * the options page ask a second time — a file that removes most items, or items the user follows
 * or has notes on. "Restore the bundled dataset" (the background's `dataset/restore`) undoes an install.
 */
import { datasetHash } from '../data/hash';
import type { Dataset, Item } from '../data/types';
import { DatasetError, validateDataset } from '../data/validate';
import { compareVersions } from '../data/version';
import { installDataset } from '../db/installed-dataset';
import type { LensDb } from '../db/schema';
import type { SeedOutcome } from '../db/seed';
import { ImportError } from './check';

export { compareVersions };

/** A dataset version a release could carry: plain semver with numbers a person would write. */
const PLAUSIBLE_SEMVER = /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})(?:-[0-9A-Za-z.-]{1,40})?$/;
/** A day of slack for time zones when refusing dates after today. */
const DAY_MS = 86_400_000;

export interface PlausibilityContext {
  /** Versions known here (the bundled one, the installed one): a file may be at most one major version ahead of them (none known: no limit). */
  known: string[];
  now: number;
}

/**
 * Refuses versions no release would have (99999999999999999999.0.0, non-semver, several major
 * versions ahead of anything known) and facts dated after today: a file that passed these once
 * would otherwise block every later update (issue 11, item 9).
 */
export function checkPlausible(dataset: Dataset, ctx: PlausibilityContext): void {
  const v = dataset.meta.version;
  if (!PLAUSIBLE_SEMVER.test(v)) throw new ImportError('implausibleVersion', `version ${JSON.stringify(v.slice(0, 60))} is not a plain semver version with parts below 10000`, '$.meta.version');
  const major = (s: string) => Number(s.split('.')[0]) || 0;
  const highest = Math.max(0, ...ctx.known.map(major));
  if (ctx.known.length && major(v) > highest + 1) throw new ImportError('implausibleVersion', `version ${v} is more than one major version ahead of ${highest}.x`, '$.meta.version');
  const today = ctx.now + DAY_MS;
  const after = (iso: string) => Date.parse(`${iso}T00:00:00Z`) > today;
  dataset.items.forEach((it, i) => {
    if (after(it.statusAsOf)) throw new ImportError('invalid', `${it.statusAsOf} is in the future`, `items[${i}].statusAsOf`);
    it.statusHistory.forEach((h, j) => {
      if (after(h.asOf)) throw new ImportError('invalid', `${h.asOf} is in the future`, `items[${i}].statusHistory[${j}].asOf`);
    });
  });
  dataset.sources.forEach((s, i) => {
    if (after(s.date)) throw new ImportError('invalid', `${s.date} is in the future`, `sources[${i}].date`);
  });
}

/** The dataset in `x`, validated, with a matching content hash and plausible version and dates; ImportError otherwise. */
export async function validateDatasetFile(x: unknown, ctx: PlausibilityContext = { known: [], now: Date.now() }): Promise<Dataset> {
  let dataset: Dataset;
  try {
    dataset = validateDataset(x);
  } catch (err) {
    if (err instanceof DatasetError) throw new ImportError('invalid', err.detail, err.path);
    throw err;
  }
  checkPlausible(dataset, ctx);
  const hash = await datasetHash(dataset);
  if (hash !== dataset.meta.hash) throw new ImportError('hashMismatch', `content hash ${hash.slice(0, 12)}… does not match meta.hash ${dataset.meta.hash.slice(0, 12)}…: the file was edited or damaged`, '$.meta.hash');
  return dataset;
}

/** An item as the preview names it: its list (programme, year) and 序号 where it has one. */
export type ItemBrief = Pick<Item, 'id' | 'seq' | 'name' | 'programme' | 'year'>;
type Brief = ItemBrief;

export interface StatusChangePreview {
  item: Brief;
  from: string;
  to: string;
  followed: boolean;
}

/** A followed or noted item that stays (same id) but whose name, year or status would change. */
export interface IdentityChangePreview {
  item: Brief;
  followed: boolean;
  notes: number;
  changes: { field: 'name' | 'year' | 'status'; from: string; to: string }[];
}

export interface DatasetPreview {
  dataset: Dataset;
  fromVersion: string | null;
  toVersion: string;
  /** Followed items first, then by table number. */
  statusChanges: StatusChangePreview[];
  /** Every followed or noted item whose name, year or status would change. */
  identityChanges: IdentityChangePreview[];
  added: Brief[];
  /** Items that disappear; notes and follows on them are kept and flagged. */
  removed: (Brief & { followed: boolean; notes: number })[];
  /** Why installing needs a second yes (empty: one is enough). */
  risks: { removesMost?: { removed: number; of: number }; removesKept?: number };
}

const yearOf = (i: Item): number | undefined => i.year;
const brief = (i: Item): Brief => ({ id: i.id, ...(i.seq !== undefined && { seq: i.seq }), name: i.name, programme: i.programme, year: i.year });
const bySeq = (a: Brief, b: Brief) => a.year - b.year || (a.seq ?? 0) - (b.seq ?? 0) || a.id.localeCompare(b.id);

/** What installing `dataset` would change; refuses one that is not newer than the installed one. */
export async function previewDataset(db: LensDb, dataset: Dataset): Promise<DatasetPreview> {
  return db.transaction('r', [db.meta, db.items, db.follows, db.notes], async () => {
    const current = await db.meta.get('dataset');
    if (current && compareVersions(dataset.meta.version, current.meta.version) <= 0) {
      throw new ImportError('notNewer', `version ${dataset.meta.version} is not newer than the installed ${current.meta.version}`, '$.meta.version');
    }
    const [oldItems, followed, notes] = await Promise.all([db.items.toArray(), db.follows.orderBy('targetId').uniqueKeys(), db.notes.toArray()]);
    const isFollowed = new Set(followed as string[]);
    const noteCount = new Map<string, number>();
    for (const n of notes) if (n.targetId) noteCount.set(n.targetId, (noteCount.get(n.targetId) ?? 0) + 1);
    const next = new Map(dataset.items.map((i) => [i.id, i]));
    const old = new Map(oldItems.map((i) => [i.id, i]));
    const statusChanges: StatusChangePreview[] = [];
    const identityChanges: IdentityChangePreview[] = [];
    const removed: DatasetPreview['removed'] = [];
    for (const o of oldItems) {
      const n = next.get(o.id);
      const kept = { followed: isFollowed.has(o.id), notes: noteCount.get(o.id) ?? 0 };
      if (!n) {
        removed.push({ ...brief(o), ...kept });
        continue;
      }
      if (n.status !== o.status) statusChanges.push({ item: brief(n), from: o.status, to: n.status, followed: kept.followed });
      if (!kept.followed && !kept.notes) continue;
      const changes: IdentityChangePreview['changes'] = [];
      if (n.name !== o.name) changes.push({ field: 'name', from: o.name, to: n.name });
      if (yearOf(n) !== yearOf(o)) changes.push({ field: 'year', from: String(yearOf(o) ?? '—'), to: String(yearOf(n) ?? '—') });
      if (n.status !== o.status) changes.push({ field: 'status', from: o.status, to: n.status });
      if (changes.length) identityChanges.push({ item: brief(n), ...kept, changes });
    }
    statusChanges.sort((a, b) => Number(b.followed) - Number(a.followed) || bySeq(a.item, b.item));
    identityChanges.sort((a, b) => bySeq(a.item, b.item));
    const risks: DatasetPreview['risks'] = {};
    if (oldItems.length && removed.length * 2 > oldItems.length) risks.removesMost = { removed: removed.length, of: oldItems.length };
    const removesKept = removed.filter((r) => r.followed || r.notes > 0).length;
    if (removesKept) risks.removesKept = removesKept;
    return {
      dataset,
      fromVersion: current?.meta.version ?? null,
      toVersion: dataset.meta.version,
      statusChanges,
      identityChanges,
      added: dataset.items.filter((i) => !old.has(i.id)).map(brief),
      removed,
      risks,
    };
  });
}

/** True when the preview's risks call for a second confirmation before installing. */
export const needsSecondConfirmation = (p: DatasetPreview): boolean => p.risks.removesMost !== undefined || p.risks.removesKept !== undefined;

/**
 * Installs the previewed dataset. One with risks is refused unless `confirmedTwice` (the options
 * page asks again). `bundledHash` tells the installer whether the file needs keeping.
 */
export async function applyDataset(db: LensDb, preview: DatasetPreview, bundledHash: string, confirmedTwice = false): Promise<SeedOutcome> {
  if (needsSecondConfirmation(preview) && !confirmedTwice) throw new Error('this dataset removes most items or items you keep notes on or follow: confirm again to install it');
  return installDataset(db, preview.dataset, bundledHash);
}
