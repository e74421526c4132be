/**
 * Pages as sources, the way a reference manager keeps them (issue 13, 7): each page the reader
 * met, once, with its title, outlet, author and date where the page gave them, the date it was
 * first accessed and its address, and the evidence gathered there (sightings with their sentence,
 * passage notes with theirs). Built from stored rows only; nothing is looked up or guessed.
 */
import type { Note, PageMeta, Sighting } from '../types/records';

export interface SourceRecord {
  /** The page's canonical address: one record per page. */
  canonicalUrl: string;
  /** The address as last visited. */
  url: string;
  title: string;
  /** The host, without `www.` (sightings' `site`). */
  site: string;
  /** What the page said of itself (outlet, author, date), as of the latest visit that gave any. */
  meta: PageMeta;
  /** First time the reader was on the page (ms): first sighting or first note there. */
  accessed: number;
  /** Latest time (ms). */
  lastAccessed: number;
  /** Projects first, then units; each in the order first seen (ties by id). */
  sightings: Sighting[];
  /** Passage notes written on the page, oldest first. */
  notes: Note[];
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** Projects before units; the order they were first seen within each. */
export const projectsFirst = (a: Sighting, b: Sighting): number =>
  (a.target.kind === 'item' ? 0 : 1) - (b.target.kind === 'item' ? 0 : 1) || a.firstSeen - b.firstSeen || a.targetId.localeCompare(b.targetId);

/** One record per page, from the sightings and the passage notes; most recently visited first. */
export function sourceRecords(notes: readonly Note[], sightings: readonly Sighting[]): SourceRecord[] {
  const pages = new Map<string, SourceRecord & { metaAt: number; titleAt: number }>();
  const page = (canonicalUrl: string, url: string, at: number) => {
    let p = pages.get(canonicalUrl);
    if (!p) {
      p = { canonicalUrl, url, title: '', site: hostOf(canonicalUrl || url), meta: {}, accessed: at, lastAccessed: at, sightings: [], notes: [], metaAt: -1, titleAt: -1 };
      pages.set(canonicalUrl, p);
    }
    return p;
  };
  const seen = (p: SourceRecord & { metaAt: number; titleAt: number }, at: number, url: string, title: string, meta: PageMeta | undefined) => {
    p.accessed = Math.min(p.accessed, at);
    if (at >= p.lastAccessed) {
      p.lastAccessed = at;
      if (url) p.url = url;
    }
    if (title && at >= p.titleAt) [p.title, p.titleAt] = [title, at];
    if (meta && Object.keys(meta).length && at >= p.metaAt) [p.meta, p.metaAt] = [{ ...meta }, at];
  };
  for (const s of sightings) {
    const p = page(s.canonicalUrl, s.url, s.firstSeen);
    seen(p, s.firstSeen, s.url, s.title, undefined);
    seen(p, s.lastSeen, s.url, s.title, s.meta);
    if (s.site) p.site = s.site;
    p.sightings.push(s);
  }
  for (const n of notes) {
    if (!n.anchor) continue;
    const p = page(n.pageUrl, n.anchor.url, n.createdAt);
    seen(p, n.createdAt, n.anchor.url, n.anchor.title, n.anchor.meta);
    p.notes.push(n);
  }
  return [...pages.values()]
    .map(({ metaAt: _m, titleAt: _t, ...p }) => ({ ...p, title: p.title || p.canonicalUrl, sightings: p.sightings.sort(projectsFirst), notes: p.notes.sort((a, b) => a.createdAt - b.createdAt) }))
    .sort((a, b) => b.lastAccessed - a.lastAccessed);
}

/** `YYYY-MM-DD` of a time, in the reader's time zone (the day they would say they read it). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
