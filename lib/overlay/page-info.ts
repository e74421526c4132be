/** The page's identity for notes and sightings: its address, canonical address, title and what its markup says of itself. */
import type { PageInfo } from '../types/page';
import { pageMetaOf } from './page-meta';

/**
 * The document's address without its fragment. A frame without an address of its own
 * (`<iframe srcdoc>`: about:srcdoc; a blank frame a script wrote into: about:blank) belongs to
 * the page that made it: its base URL is that page's (HTML's fallback base URL), and so is
 * its address here.
 */
export function addressOf(doc: Document): string {
  const own = doc.location.href;
  const address = /^https?:/i.test(own) || !/^https?:/i.test(doc.baseURI) ? own : doc.baseURI;
  return address.split('#')[0]!;
}

/** The page's canonical URL: `<link rel=canonical>` when it is http(s), else its address. */
export function canonicalUrlOf(doc: Document): string {
  const href = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  if (href && /^https?:/i.test(href)) return href.split('#')[0]!;
  return addressOf(doc);
}

/** The document's title; an untitled frame without an address takes its parent's (same origin by construction). */
function titleOf(doc: Document): string {
  if (doc.title || /^https?:/i.test(doc.location.href)) return doc.title;
  try {
    return doc.defaultView?.parent?.document.title ?? '';
  } catch {
    return ''; // another origin's parent (a sandboxed frame)
  }
}

/** `pageDate`: the page's date (ISO) as lib/text/page-date.ts read it (markup, byline, address), when known. */
export function pageInfoOf(doc: Document, pageDate?: string): PageInfo {
  const info: PageInfo = { url: addressOf(doc), canonicalUrl: canonicalUrlOf(doc), title: titleOf(doc).slice(0, 500) };
  const meta = pageMetaOf(doc);
  if (pageDate) meta.published = pageDate;
  if (Object.keys(meta).length) info.meta = meta;
  return info;
}
