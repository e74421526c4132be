/**
 * CSL-JSON (Citation Style Language input data, schema csl-data.json of CSL 1.0.2) for the pages
 * a reader met: what Zotero, Mendeley, Pandoc and citeproc read. Each page is a `webpage` item:
 * title, container-title (the outlet the page names, else its site), author where the page
 * names one (as a literal: a byline is not split into family and given names), issued (the
 * page's date, only when the page gives it), accessed, URL; the note lists the projects seen
 * there. Written by hand against the schema (tests/unit/export/citations.test.ts validates it):
 * citation-js, the usual library, carries network fetching and needs Node 22.
 */
import type { SourceRecord } from './sources';
import { localDay } from './sources';

type DateParts = { 'date-parts': [[number, number, number]] };

export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  'container-title'?: string;
  author?: { literal: string }[];
  issued?: DateParts;
  accessed: DateParts;
  URL: string;
  note?: string;
}

const dateParts = (iso: string): DateParts => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { 'date-parts': [[y, m, d]] };
};

/** FNV-1a of the address, base 36: the same page always gets the same id across exports. */
export function sourceId(canonicalUrl: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < canonicalUrl.length; i++) {
    h ^= canonicalUrl.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `mslens-${h.toString(36)}`;
}

/**
 * One CSL item per page. `names` gives project and unit names by id (for the note), and
 * `seenLabel` the note's lead-in in the UI language ("Projects mentioned").
 */
export function toCslItems(records: readonly SourceRecord[], names: ReadonlyMap<string, string>, seenLabel: string): CslItem[] {
  return records.map((r) => {
    const item: CslItem = { id: sourceId(r.canonicalUrl), type: 'webpage', title: r.title, accessed: dateParts(localDay(r.accessed)), URL: r.url || r.canonicalUrl };
    const outlet = r.meta.siteName || r.site;
    if (outlet) item['container-title'] = outlet;
    if (r.meta.author) item.author = [{ literal: r.meta.author }];
    if (r.meta.published) item.issued = dateParts(r.meta.published);
    const projects = r.sightings.filter((s) => s.target.kind === 'item').map((s) => names.get(s.targetId) ?? s.targetId);
    if (projects.length) item.note = `${seenLabel}: ${projects.join('; ')}`;
    return item;
  });
}

export const cslJson = (items: readonly CslItem[]): string => JSON.stringify(items, null, 2) + '\n';
