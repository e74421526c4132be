/**
 * What a page says about itself, for the source record a researcher cites (issue 13, 7): the
 * outlet's name and the author, read from the page's markup only where it gives them; nothing is
 * guessed. The page's date is not read here: lib/text/page-date.ts reads it once for the engine
 * (markup, JSON-LD, byline, address) and page-info.ts adds it. Sources of each rule:
 * - Open Graph (`og:site_name`, `article:author`), schema.org `itemprop="author"`, HTML
 *   `<meta name=author>` / `application-name`;
 * - the metadata China's government sites carry by the 政府网站发展指引 (2017): `SiteName`,
 *   `ContentSource` (the outlet a piece comes from), `Author`.
 * These are the page's claims: shown and exported as text, never trusted for where the page is
 * (the background takes the address and site from the sender).
 */
import type { PageMeta } from '../types/records';

/** Longest value kept per field (UTF-16 units). */
export const META_MAX = 200;

const clean = (s: string | null | undefined): string | undefined => {
  const v = s?.replace(/\s+/g, ' ').trim().slice(0, META_MAX);
  return v ? v : undefined;
};

/** The first non-empty `content` among `<meta>` elements matching the selectors, in that order. */
function metaContent(doc: Document, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    for (const el of doc.head?.querySelectorAll<HTMLMetaElement>(sel) ?? []) {
      const v = clean(el.getAttribute('content'));
      if (v) return v;
    }
  }
  return undefined;
}

const SITE_NAME = ['meta[property="og:site_name"]', 'meta[name="SiteName" i]', 'meta[name="application-name"]', 'meta[name="ContentSource" i]'];
const AUTHOR = ['meta[name="author" i]', 'meta[property="article:author"]', 'meta[itemprop="author"]'];

/** The page's own description of itself (outlet, author); fields the page does not give are left out. */
export function pageMetaOf(doc: Document): PageMeta {
  const meta: PageMeta = {};
  const siteName = metaContent(doc, SITE_NAME);
  if (siteName) meta.siteName = siteName;
  const author = metaContent(doc, AUTHOR);
  // A profile address (Open Graph allows one) is not a name.
  if (author && !/^https?:/i.test(author)) meta.author = author;
  return meta;
}
