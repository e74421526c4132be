/** The page's identity for notes and sightings: its address, canonical address and title. */
import type { PageInfo } from '../types/page';

/** The page's canonical URL: `<link rel=canonical>` when it is http(s), else the address without its fragment. */
export function canonicalUrlOf(doc: Document): string {
  const href = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  if (href && /^https?:/i.test(href)) return href.split('#')[0]!;
  return doc.location.href.split('#')[0]!;
}

export function pageInfoOf(doc: Document): PageInfo {
  return { url: doc.location.href.split('#')[0]!, canonicalUrl: canonicalUrlOf(doc), title: doc.title.slice(0, 500) };
}
