/** The page's identity for notes and sightings: its address, canonical address, title and what its markup says of itself. */
import type { PageInfo } from '../types/page';
import { pageMetaOf } from './page-meta';

/** The page's canonical URL: `<link rel=canonical>` when it is http(s), else the address without its fragment. */
export function canonicalUrlOf(doc: Document): string {
  const href = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  if (href && /^https?:/i.test(href)) return href.split('#')[0]!;
  return doc.location.href.split('#')[0]!;
}

/** `pageDate`: the page's date (ISO) as lib/text/page-date.ts read it (markup, byline, address), when known. */
export function pageInfoOf(doc: Document, pageDate?: string): PageInfo {
  const info: PageInfo = { url: doc.location.href.split('#')[0]!, canonicalUrl: canonicalUrlOf(doc), title: doc.title.slice(0, 500) };
  const meta = pageMetaOf(doc);
  if (pageDate) meta.published = pageDate;
  if (Object.keys(meta).length) info.meta = meta;
  return info;
}
