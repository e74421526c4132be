import { describe, expect, it } from 'vitest';
import { isoDateOf, pageMetaOf } from '../../../lib/overlay/page-meta';
import { pageInfoOf } from '../../../lib/overlay/page-info';

function docWith(head: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head; // test markup of our own, not page text
  return doc;
}

describe('what a page says of itself', () => {
  it('reads Open Graph and schema.org markup', () => {
    const doc = docWith(
      '<meta property="og:site_name" content=" 晋江新闻网 "><meta name="author" content="记者 林晓"><meta property="article:published_time" content="2024-02-06T09:30:00+08:00">',
    );
    expect(pageMetaOf(doc)).toEqual({ siteName: '晋江新闻网', author: '记者 林晓', published: '2024-02-06' });
  });

  it('reads the metadata Chinese government sites carry (SiteName, PubDate, ContentSource)', () => {
    const doc = docWith('<meta name="SiteName" content="晋江市人民政府"><meta name="PubDate" content="2023/12/5 10:00"><meta name="ContentSource" content="晋江经济报">');
    expect(pageMetaOf(doc)).toEqual({ siteName: '晋江市人民政府', published: '2023-12-05' });
  });

  it('leaves out what the page does not give, and what is not a name or a date', () => {
    expect(pageMetaOf(docWith('<meta name="description" content="x">'))).toEqual({});
    expect(pageMetaOf(docWith('<meta property="article:author" content="https://example.cn/u/1"><meta name="PubDate" content="2024-02-30">'))).toEqual({});
  });

  it('caps long values', () => {
    const meta = pageMetaOf(docWith(`<meta name="author" content="${'名'.repeat(500)}">`));
    expect(meta.author).toHaveLength(200);
  });

  it('turns dates in the forms pages use into ISO days', () => {
    expect(isoDateOf('2024年2月6日 09:00')).toBe('2024-02-06');
    expect(isoDateOf('2024.02.06')).toBe('2024-02-06');
    expect(isoDateOf('yesterday')).toBeUndefined();
  });

  it('travels with the page info only when there is something to say', () => {
    const doc = docWith('<meta name="author" content="林晓">');
    expect(pageInfoOf(doc).meta).toEqual({ author: '林晓' });
    expect('meta' in pageInfoOf(docWith(''))).toBe(false);
  });
});
