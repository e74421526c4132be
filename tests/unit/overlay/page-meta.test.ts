import { describe, expect, it } from 'vitest';
import { pageMetaOf } from '../../../lib/overlay/page-meta';
import { pageInfoOf } from '../../../lib/overlay/page-info';

function docWith(head: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head; // test markup of our own, not page text
  return doc;
}

describe('what a page says of itself', () => {
  it('reads Open Graph and schema.org markup', () => {
    const doc = docWith('<meta property="og:site_name" content=" 晋江新闻网 "><meta name="author" content="记者 林晓"><meta property="article:published_time" content="2024-02-06T09:30:00+08:00">');
    // The date is read once, by lib/text/page-date.ts, and given to pageInfoOf.
    expect(pageMetaOf(doc)).toEqual({ siteName: '晋江新闻网', author: '记者 林晓' });
  });

  it('reads the metadata Chinese government sites carry (SiteName, ContentSource)', () => {
    expect(pageMetaOf(docWith('<meta name="SiteName" content="晋江市人民政府"><meta name="ContentSource" content="晋江经济报">'))).toEqual({ siteName: '晋江市人民政府' });
    expect(pageMetaOf(docWith('<meta name="ContentSource" content="晋江经济报">'))).toEqual({ siteName: '晋江经济报' });
  });

  it('leaves out what the page does not give, and what is not a name', () => {
    expect(pageMetaOf(docWith('<meta name="description" content="x">'))).toEqual({});
    expect(pageMetaOf(docWith('<meta property="article:author" content="https://example.cn/u/1">'))).toEqual({});
  });

  it('caps long values', () => {
    const meta = pageMetaOf(docWith(`<meta name="author" content="${'名'.repeat(500)}">`));
    expect(meta.author).toHaveLength(200);
  });

  it('travels with the page info, with the page date when one was read, and only when there is something to say', () => {
    const doc = docWith('<meta name="author" content="林晓">');
    expect(pageInfoOf(doc).meta).toEqual({ author: '林晓' });
    expect(pageInfoOf(doc, '2023-09-15').meta).toEqual({ author: '林晓', published: '2023-09-15' });
    expect(pageInfoOf(docWith(''), '2023-09-15').meta).toEqual({ published: '2023-09-15' });
    expect('meta' in pageInfoOf(docWith(''))).toBe(false);
  });
});
