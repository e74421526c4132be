/**
 * Sightings, all of their storage: where items were seen, one record per item per page (keyed
 * by canonical URL), created on the first visit and updated on later ones, so a researcher sees
 * every page once; and the timeline queries the side panel reads them with.
 */
import type { PageInfo, SightingReport } from '../types/page';
import type { PageMeta, Sighting } from '../types/records';
import { sightingKey } from './keys';
import type { LensDb } from './schema';

const hasMeta = (m: PageMeta | undefined): m is PageMeta => !!m && Object.keys(m).length > 0;

/** The site a URL belongs to, for grouping ("seen on N sites"). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Records one sighting per item for the page. `site` is the site the sighting is filed under;
 * the background passes the sender's own (never the page's claim); by default the page's address.
 */
export async function recordSightings(db: LensDb, page: PageInfo, reports: SightingReport[], now = Date.now(), site = siteOf(page.url)): Promise<number> {
  if (!reports.length) return 0;
  const byKey = new Map<string, SightingReport>();
  for (const r of reports) byKey.set(sightingKey(r.target.id, page.canonicalUrl), byKey.get(sightingKey(r.target.id, page.canonicalUrl)) ?? r);
  return db.transaction('rw', db.sightings, async () => {
    const keys = [...byKey.keys()];
    const existing = await db.sightings.bulkGet(keys);
    const rows: Sighting[] = keys.map((key, i) => {
      const r = byKey.get(key)!;
      const old = existing[i];
      return old
        ? {
            ...old,
            url: page.url,
            title: page.title || old.title,
            ...(old.sentence || !r.sentence ? {} : { sentence: r.sentence }),
            ...(hasMeta(page.meta) ? { meta: page.meta } : {}),
            lastSeen: now,
            visits: old.visits + 1,
          }
        : {
            key,
            target: r.target,
            targetId: r.target.id,
            url: page.url,
            canonicalUrl: page.canonicalUrl,
            title: page.title,
            site,
            quote: r.quote,
            prefix: r.prefix,
            suffix: r.suffix,
            ...(r.sentence ? { sentence: r.sentence } : {}),
            ...(hasMeta(page.meta) ? { meta: page.meta } : {}),
            firstSeen: now,
            lastSeen: now,
            visits: 1,
          };
    });
    await db.sightings.bulkPut(rows);
    return rows.length;
  });
}

export interface SightingFilter {
  targetId?: string;
  site?: string;
}

/** Sightings across sites, most recently seen first. */
export async function sightingsTimeline(db: LensDb, filter: SightingFilter = {}): Promise<Sighting[]> {
  const base = filter.targetId ? db.sightings.where('targetId').equals(filter.targetId) : filter.site ? db.sightings.where('site').equals(filter.site) : db.sightings.toCollection();
  const rows = await base.toArray();
  return rows.filter((s) => (!filter.site || s.site === filter.site) && (!filter.targetId || s.targetId === filter.targetId)).sort((a, b) => b.lastSeen - a.lastSeen);
}

export async function sightingSites(db: LensDb): Promise<string[]> {
  return ((await db.sightings.orderBy('site').uniqueKeys()) as string[]).sort();
}

/** The targets that have sightings, for the timeline's item filter. */
export async function sightedTargets(db: LensDb): Promise<string[]> {
  return (await db.sightings.orderBy('targetId').uniqueKeys()) as string[];
}
