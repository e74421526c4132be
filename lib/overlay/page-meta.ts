/**
 * What a page says about itself, for the source record a researcher cites (issue 13, 7): the
 * outlet's name, the author and the page's date, read from the page's markup only where it gives
 * them; nothing is guessed. Sources of each rule:
 * - Open Graph (`og:site_name`, `article:published_time`, `article:author`), schema.org
 *   `itemprop` (`datePublished`, `author`), HTML `<meta name=author>` / `application-name`;
 * - the metadata China's government sites carry by the 政府网站发展指引 (2017): `SiteName`,
 *   `ContentSource` (the outlet a piece comes from), `Author`, `PubDate`.
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

/** `2024-02-06`, `2024-02-06T09:00+08:00`, `2024/2/6 09:00`, `2024年2月6日` → `2024-02-06`; else undefined. */
export function isoDateOf(s: string | undefined): string | undefined {
  const m = s?.match(/((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const SITE_NAME = ['meta[property="og:site_name"]', 'meta[name="SiteName" i]', 'meta[name="application-name"]', 'meta[name="ContentSource" i]'];
const AUTHOR = ['meta[name="author" i]', 'meta[property="article:author"]', 'meta[itemprop="author"]'];
const PUBLISHED = ['meta[property="article:published_time"]', 'meta[itemprop="datePublished"]', 'meta[name="PubDate" i]', 'meta[name="publishdate" i]', 'meta[name="date"]'];

/** The page's own description of itself; fields the page does not give are left out. */
export function pageMetaOf(doc: Document): PageMeta {
  const meta: PageMeta = {};
  const siteName = metaContent(doc, SITE_NAME);
  if (siteName) meta.siteName = siteName;
  const author = metaContent(doc, AUTHOR);
  // A profile address (Open Graph allows one) is not a name.
  if (author && !/^https?:/i.test(author)) meta.author = author;
  const published = isoDateOf(metaContent(doc, PUBLISHED));
  if (published) meta.published = published;
  return meta;
}
