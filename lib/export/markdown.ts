/**
 * Markdown for a journalist's draft: notes grouped by page, each passage as a block quote that
 * links back to the exact sentence (a text fragment link), followed by the note and its item.
 * User and page text is escaped so it cannot turn into links, headings or HTML.
 */
import type { Note } from '../types/records';
import { translator, type Locale } from '../i18n';
import { localDay } from './sources';

/** Backslash-escapes Markdown syntax characters and neutralises raw HTML. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|>~]/g, '\\$&').replace(/</g, '&lt;');
}

/** A URL that scrolls to and highlights `exact` in browsers that support text fragments. */
export function textFragmentUrl(url: string, exact: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  return `${url.replace(/#.*$/, '')}#:~:text=${enc(exact)}`;
}

/**
 * An address fit for a Markdown link, or '' (no link): http(s) only, and nothing that could end
 * the link or start another (whitespace and control characters refuse; brackets are escaped).
 */
export const safeUrl = (url: string): string =>
  /^https?:\/\//i.test(url) && !/[\s\u0000-\u001f\u007f-\u009f]/.test(url) ? url.replace(/[()<>[\]`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : '';

export interface MarkdownOptions {
  locale: Locale;
  /** Item/unit display names by id. */
  names: ReadonlyMap<string, string>;
  now?: number;
}

export function notesMarkdown(notes: readonly Note[], opts: MarkdownOptions): string {
  const t = translator(opts.locale);
  const byPage = new Map<string, Note[]>();
  for (const n of [...notes].sort((a, b) => a.createdAt - b.createdAt)) {
    const list = byPage.get(n.pageUrl);
    if (list) list.push(n);
    else byPage.set(n.pageUrl, [n]);
  }
  const out: string[] = [`# ${escapeMarkdown(t('mdTitle'))}`, '', `_${escapeMarkdown(t('mdExported', { date: new Date(opts.now ?? Date.now()).toISOString().slice(0, 10) }))}_`, ''];
  const pages = [...byPage.keys()].sort((a, b) => (a === '') === (b === '') ? 0 : a === '' ? 1 : -1);
  for (const page of pages) {
    const list = byPage.get(page)!;
    const title = list.find((n) => n.anchor?.title)?.anchor?.title || page;
    const url = safeUrl(page);
    out.push(page ? (url ? `## [${escapeMarkdown(title)}](${url})` : `## ${escapeMarkdown(title)}`) : `## ${escapeMarkdown(t('mdNoPage'))}`, '');
    for (const n of list) {
      if (n.anchor) {
        const link = safeUrl(n.anchor.url || n.anchor.canonicalUrl);
        const quote = escapeMarkdown(n.anchor.quote.exact).replace(/\r?\n/g, ' ');
        out.push(link ? `> ${quote} ([${escapeMarkdown(t('mdSource'))}](${textFragmentUrl(link, n.anchor.quote.exact)}))` : `> ${quote}`, '');
      }
      if (n.body) out.push(...n.body.split(/\r?\n/).map(escapeMarkdown), '');
      // Every note says when it was written (and edited, when that was another day).
      const meta: string[] = [t('mdWritten', { date: localDay(n.createdAt) })];
      if (localDay(n.updatedAt) !== localDay(n.createdAt)) meta.push(t('mdEdited', { date: localDay(n.updatedAt) }));
      if (n.targetId) meta.push(`${t('mdAbout')}: ${escapeMarkdown(opts.names.get(n.targetId) ?? n.targetId)}`);
      if (n.tags.length) meta.push(`${t('tags')}: ${n.tags.map((tag) => `#${escapeMarkdown(tag)}`).join(' ')}`);
      out.push(`_${meta.join(' · ')}_`, '');
    }
  }
  return out.join('\n');
}
