import { describe, expect, it } from 'vitest';
import { canonicalFor, classifySender, registrableHost, sameSite, type ContentSender } from '../../../lib/background/sender';

const EXT = 'moz-extension://0b7e-uuid/';

describe('who sent a message', () => {
  it('tells our pages from our content script by the sender’s address, even when the page is open in a tab', () => {
    expect(classifySender({ id: 'me', url: 'moz-extension://0b7e-uuid/popup.html' }, 'me', EXT)).toEqual({ kind: 'extension' });
    // Open as a tab, it is still our page; its tab is kept (the "this page" view is about the tab used before it).
    expect(classifySender({ id: 'me', url: 'moz-extension://0b7e-uuid/sidepanel.html', tab: { id: 4, windowId: 2 }, frameId: 0 }, 'me', EXT)).toEqual({ kind: 'extension', tab: { id: 4, windowId: 2 } });
    expect(classifySender({ id: 'me', url: 'https://www.ijjnews.com/a.html#p3', tab: { id: 4 }, frameId: 2 }, 'me', EXT)).toEqual({
      kind: 'content',
      tabId: 4,
      frameId: 2,
      pageUrl: 'https://www.ijjnews.com/a.html',
    });
  });

  it('does not take a look-alike address for one of our pages', () => {
    // A web page whose address merely starts with our origin's text is not ours.
    const s = classifySender({ id: 'me', url: 'https://moz-extension.evil.example/0b7e-uuid/popup.html', tab: { id: 1 } }, 'me', EXT);
    expect(s?.kind).toBe('content');
    expect(classifySender({ id: 'me', url: 'moz-extension://0b7e-uuidX/popup.html', tab: { id: 1 } }, 'me', EXT)).toBeNull();
  });

  it('refuses other extensions, senders without a tab, and frames without a web address of their own', () => {
    expect(classifySender({ id: 'other', url: 'https://a.gov.cn/', tab: { id: 1 } }, 'me', EXT)).toBeNull();
    expect(classifySender({ id: 'me', url: 'https://a.gov.cn/' }, 'me', EXT)).toBeNull();
    expect(classifySender({ id: 'me', url: 'file:///etc/passwd', tab: { id: 1 } }, 'me', EXT)).toBeNull();
    expect(classifySender({ id: 'me', url: 'about:blank', tab: { id: 1, url: 'https://a.gov.cn/x' }, origin: 'https://b.gov.cn' }, 'me', EXT)).toBeNull();
  });

  it('lets a srcdoc frame speak for its tab’s page when the browser says it has that page’s origin', () => {
    const s = classifySender({ id: 'me', url: 'about:srcdoc', frameId: 3, tab: { id: 1, url: 'https://www.jinjiang.gov.cn/x#y' }, origin: 'https://www.jinjiang.gov.cn' }, 'me', EXT);
    expect(s).toEqual({ kind: 'content', tabId: 1, frameId: 3, pageUrl: 'https://www.jinjiang.gov.cn/x' });
  });
});

describe('which canonical address a page may claim', () => {
  const sender: ContentSender = { kind: 'content', tabId: 1, frameId: 0, pageUrl: 'https://www.fuzhou.gov.cn/x.html' };

  it('compares registrable domains: gov.cn is a suffix shared by every government, not one site', () => {
    expect(registrableHost('www.jinjiang.gov.cn')).toBe('jinjiang.gov.cn');
    expect(sameSite('https://www.jinjiang.gov.cn/a', 'http://m.jinjiang.gov.cn/b')).toBe(true);
    expect(sameSite('https://www.jinjiang.gov.cn/a', 'https://www.fuzhou.gov.cn/a')).toBe(false);
    expect(sameSite('https://alice.github.io/a', 'https://bob.github.io/a')).toBe(false);
    expect(sameSite('http://localhost:8080/a', 'http://localhost:9090/b')).toBe(true);
    expect(sameSite('http://127.0.0.1/a', 'http://127.0.0.2/a')).toBe(false);
    expect(sameSite('javascript:alert(1)', 'https://www.fuzhou.gov.cn/')).toBe(false);
  });

  it('keeps a claim on the sender’s own site and drops any other', () => {
    expect(canonicalFor(sender, 'https://fuzhou.gov.cn/news/x.html#frag')).toBe('https://fuzhou.gov.cn/news/x.html');
    expect(canonicalFor(sender, 'https://www.jinjiang.gov.cn/a.html')).toBe(sender.pageUrl);
    expect(canonicalFor(sender, 'not a url')).toBe(sender.pageUrl);
    expect(canonicalFor(sender, undefined)).toBe(sender.pageUrl);
  });
});
