/** The page's date and how it was found: markup, JSON-LD, the byline, the address. */
import { describe, expect, it } from 'vitest';
import {
  dateFromText,
  dateFromUrl,
  explicitPageDate,
  markupFromHtml,
  pageDateFromDocument,
  pageDateFromHtml,
  parseDateValue,
} from '../../../lib/text/page-date';
import { extractHtmlText } from '../../../lib/text/extract-html';

describe('one date value', () => {
  it('reads ISO dates and timestamps, slashes, dots and 年月日', () => {
    expect(parseDateValue('2024-02-06')).toBe('2024-02-06');
    expect(parseDateValue('2024-02-06T10:20:00+08:00')).toBe('2024-02-06');
    expect(parseDateValue('2024/2/6 09:00')).toBe('2024-02-06');
    expect(parseDateValue('2024.02.06')).toBe('2024-02-06');
    expect(parseDateValue('2024年2月6日 星期二')).toBe('2024-02-06');
    expect(parseDateValue('20240206')).toBe('2024-02-06');
  });

  it('takes an instant with an offset in China time', () => {
    expect(parseDateValue('2024-02-05T20:00:00Z')).toBe('2024-02-06');
    expect(parseDateValue('2024-02-05T15:59:00Z')).toBe('2024-02-05');
    expect(parseDateValue('2024-02-05T23:30:00-05:00')).toBe('2024-02-06');
    expect(parseDateValue('2024-02-05T23:30:00')).toBe('2024-02-05'); // no offset: as written
  });

  it('refuses what is not a real date', () => {
    expect(parseDateValue('2024-02-30')).toBeNull();
    expect(parseDateValue('2024-13-01')).toBeNull();
    expect(parseDateValue('yesterday')).toBeNull();
    expect(explicitPageDate('2024-2-6')).toBeNull();
    expect(explicitPageDate('2024-02-06')).toEqual({ value: '2024-02-06', evidence: '--date' });
  });
});

describe('the byline and the address', () => {
  it('finds the 发布时间 / 来源 line near the top, after spam lines, in either script', () => {
    expect(dateFromText('首页 > 新闻\n标题\n发布时间：2024-10-08 09:12  来源：闽南网\n正文')).toMatchObject({ value: '2024-10-08' });
    expect(dateFromText('免费领取红包\n點擊下載APP\n2025年03月04日 10:00 來源：閩南網\n正文')).toMatchObject({ value: '2025-03-04' });
    expect(dateFromText('日期：2021/6/28\n正文')?.value).toBe('2021-06-28');
    // A byline of reporters with the date and the paper.
    expect(dateFromText('标题\n记者 庄文清　通讯员 吴倩　2022.11.28　泉州晚报\n正文')?.value).toBe('2022-11-28');
  });

  it('reads an unlabelled dateline: a short line that opens with a date and a time', () => {
    expect(dateFromText('晋江老旧小区改造有了路线图\n2021-09-17 08:41　泉州网　选稿：林枫\n正文')?.value).toBe('2021-09-17');
    // A labelled line wins over it, wherever it is in the head.
    expect(dateFromText('2021-09-17 08:41 转载\n发布时间：2021-09-18\n正文')?.value).toBe('2021-09-18');
    // A date without a time, or in a long line, is the article's, not a dateline.
    expect(dateFromText('标题\n2021-09-17 全市开展老旧小区改造\n正文')).toBeNull();
    expect(dateFromText('2021-09-17 08:41，' + '全市老旧小区改造工作会议召开，会议要求各镇街加快进度。'.repeat(3))).toBeNull();
  });

  it('does not take a date from the article’s own sentences', () => {
    expect(dateFromText('项目计划于2024年12月31日前完工，惠及全市居民。')).toBeNull();
  });

  it('reads the address forms news and government sites use', () => {
    expect(dateFromUrl('http://jjjjb.fjdaily.com/pc/con/202402/06/content_342280.html')).toEqual({ value: '2024-02-06', evidence: 'url: /202402/06/' });
    expect(dateFromUrl('https://www.ijjnews.com/news/2023-12/08/content_1.htm')?.value).toBe('2023-12-08');
    expect(dateFromUrl('https://example.cn/a/2024-02-06/x.html')?.value).toBe('2024-02-06');
    expect(dateFromUrl('https://www.jinjiang.gov.cn/xxgk/jjyw/202409/t20240921_3083381.htm')?.value).toBe('2024-09-21');
    expect(dateFromUrl('http://news.ijjnews.com/system/2021/10/24/030075630.shtml')?.value).toBe('2021-10-24');
    expect(dateFromUrl('http://info.smartjx.com/jj/2023/0304/25302502.html')?.value).toBe('2023-03-04');
    expect(dateFromUrl('http://mnw.cn/jinjiang/news/2949939.html')).toBeNull();
  });
});

const page = (head: string, body = '<p>正文</p>') => `<html><head>${head}</head><body>${body}</body></html>`;

describe('the page’s date from its markup, in order of trust', () => {
  it('prefers <meta> over JSON-LD over the byline over <time> over the address', () => {
    const all = page(
      '<meta property="article:published_time" content="2024-02-06T08:00:00+08:00"><script type="application/ld+json">{"datePublished":"2023-01-01"}</script>',
      '<p>发布时间：2022-05-05</p><time datetime="2021-01-01">x</time>',
    );
    const url = 'https://x.cn/202001/01/a.html';
    expect(pageDateFromHtml(all, extractHtmlText(all), url)).toEqual({ value: '2024-02-06', evidence: 'meta[article:published_time]' });
    const noMeta = all.replace(/<meta[^>]*>/, '');
    expect(pageDateFromHtml(noMeta, extractHtmlText(noMeta), url)).toEqual({ value: '2023-01-01', evidence: 'json-ld datePublished' });
    const noLd = noMeta.replace(/<script[\s\S]*?<\/script>/, '');
    expect(pageDateFromHtml(noLd, extractHtmlText(noLd), url)?.value).toBe('2022-05-05');
    const noLine = noLd.replace('发布时间：2022-05-05', '');
    expect(pageDateFromHtml(noLine, extractHtmlText(noLine), url)).toEqual({ value: '2021-01-01', evidence: 'time[datetime]' });
    const bare = noLine.replace(/<time[^>]*>/, '<span>');
    expect(pageDateFromHtml(bare, extractHtmlText(bare), url)?.evidence).toBe('url: /202001/01/');
    expect(pageDateFromHtml(bare, extractHtmlText(bare))).toBeNull();
  });

  it('reads og, DC and pubdate metas, JSON-LD inside @graph, and <time itemprop=datePublished> before the byline', () => {
    expect(markupFromHtml(page('<meta name="PubDate" content="2024-09-21 10:00">')).metas).toEqual([{ key: 'pubdate', content: '2024-09-21 10:00' }]);
    expect(pageDateFromHtml(page('<meta name="DC.date.issued" content="2021/06/28">'), '')?.value).toBe('2021-06-28');
    expect(pageDateFromHtml(page('<meta property="og:published_time" content="2025-01-02">'), '')?.value).toBe('2025-01-02');
    // Government CMSs' making time, and a bare "created".
    expect(pageDateFromHtml(page('<meta name="Maketime" content="2024-12-03 16:20:11">'), '')).toEqual({ value: '2024-12-03', evidence: 'meta[maketime]' });
    expect(pageDateFromHtml(page('<meta name="created" content="2024-01-22T08:10:00+08:00">'), '')?.value).toBe('2024-01-22');
    const graph = '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-12-30T09:00:00+08:00"}]}</script>';
    expect(pageDateFromHtml(page(graph), '')).toEqual({ value: '2025-12-30', evidence: 'json-ld datePublished' });
    const marked = page('', '<p>发布时间：2022-05-05</p><time itemprop="datePublished" datetime="2022-05-04">');
    expect(pageDateFromHtml(marked, extractHtmlText(marked))?.evidence).toBe('time[datetime] (published)');
    expect(pageDateFromHtml(page('<script type="application/ld+json">{not json</script>'), '')).toBeNull();
  });

  it('reads the same evidence from a live document as from the HTML source', () => {
    const html = page(
      '<meta name="publishdate" content="2023-10-12">',
      '<article><time datetime="2020-01-01">旧</time><p>来源：晋江经济报</p></article>',
    );
    document.documentElement.innerHTML = html.replace(/^<html>|<\/html>$/g, '');
    const fromDom = pageDateFromDocument(document, document.body.textContent ?? '', 'https://a.cn/');
    expect(fromDom).toEqual(pageDateFromHtml(html, extractHtmlText(html), 'https://a.cn/'));
    expect(fromDom).toEqual({ value: '2023-10-12', evidence: 'meta[publishdate]' });
  });
});
