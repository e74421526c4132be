/**
 * Where items were seen: one record per item per page (keyed by canonical URL), created on
 * the first visit and updated on later ones, so a researcher sees every page once.
 */
import { sightingKey, type PageMeta, type Sighting, type TargetRef } from './records';
import type { LensDb } from './schema';

export interface SightingReport {
  target: TargetRef;
  quote: string;
  prefix: string;
  suffix: string;
  /** The sentence around the mention (lib/text/sentence.ts). */
  sentence?: string;
}

export interface PageInfo {
  url: string;
  canonicalUrl: string;
  title: string;
  /** What the page's markup says of itself (outlet, author, date). */
  meta?: PageMeta;
}

const hasMeta = (m: PageMeta | undefined): m is PageMeta => !!m && Object.keys(m).length > 0;

/** The site a URL belongs to, for grouping ("seen on N sites"). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export async function recordSightings(db: LensDb, page: PageInfo, reports: SightingReport[], now = Date.now()): Promise<number> {
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
            site: siteOf(page.canonicalUrl || page.url),
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
