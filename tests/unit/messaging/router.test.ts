import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/parse-request';
import { DEFAULT_HIGHLIGHT_COLOURS } from '../../../lib/settings/settings';
import { createRouter, type Handlers } from '../../../lib/messaging/router';

const handlers: Handlers = {
  ping: () => ({ pong: true, version: '9', bundled: { version: '1.0.0', hash: 'h' } }),
  'dataset/ensure': () => Promise.reject(new Error('disk on fire')),
  'page/gate': () => ({ ok: true }),
  'overlay/state': () => ({ locale: 'zh_CN', followed: [], pageNotes: [], noteCounts: {}, sightings: 'all', wrapHighlights: false, siteDisabled: false, highlightColours: DEFAULT_HIGHLIGHT_COLOURS, dataset: null }),
  'dataset/engine': () => null,
  'dataset/restore': () => ({ version: '1' }),
  'follow/set': (req) => ({ followed: req.follow }),
  'note/save': () => Promise.reject(new Error('not in this test')),
  'sightings/record': (req) => ({ recorded: req.reports.length }),
  'tab/scan': () => ({ injected: false }),
  'tab/frames': () => ({ frames: [] }),
  'note/update': () => Promise.reject(new Error('not in this test')),
  'note/delete': () => null,
  'note/restore': () => ({ restored: false }),
  'page/outline': () => ({ tabId: null, outline: null }),
  'page/jump': () => ({ found: false }),
};
const route = createRouter('me', handlers, 'chrome-extension://me/');
/** Our content script in a tab, and one of our pages. */
const page = { id: 'me', tab: { id: 1 }, frameId: 0, url: 'https://www.ijjnews.com/a.html' };
const own = { id: 'me', url: 'chrome-extension://me/options.html' };

describe('the message protocol', () => {
  it('answers a valid request from this extension with a native Promise of an envelope', async () => {
    const answer = route({ type: 'ping' }, own);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ ok: true, value: { pong: true, version: '9', bundled: { version: '1.0.0', hash: 'h' } } });
  });

  it('rejects other senders', async () => {
    expect(await route({ type: 'ping' }, { id: 'someone-else' })).toEqual({ ok: false, error: 'sender is not this extension' });
    expect(await route({ type: 'ping' }, {})).toMatchObject({ ok: false });
  });

  it('rejects malformed payloads instead of guessing', async () => {
    for (const bad of [null, 'ping', [], { type: 'nope' }, { type: 'page/gate', relevant: 'yes', score: 1, mentions: 1 }, { type: 'page/gate', relevant: true, score: NaN, mentions: 1 }, { type: 'page/gate', relevant: true, score: 1, mentions: -1 }, { type: 'toString' }]) {
      expect(parseRequest(bad)).toBeNull();
      expect(await route(bad, page)).toEqual({ ok: false, error: 'invalid request' });
    }
  });

  it('validates targets, anchors and sighting reports', async () => {
    const target = { kind: 'item', id: 'mw2023-023' };
    const anchor = {
      url: 'https://www.ijjnews.com/a.html',
      canonicalUrl: 'https://www.ijjnews.com/a.html',
      title: 'A',
      quote: { type: 'TextQuoteSelector', exact: '微车管所', prefix: '推动“', suffix: '”进' },
      position: { type: 'TextPositionSelector', start: 10, end: 14 },
    };
    expect(parseRequest({ type: 'follow/set', target, follow: true })).not.toBeNull();
    expect(parseRequest({ type: 'follow/set', target: { kind: 'place', id: 'x' }, follow: true })).toBeNull();
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(parseRequest({ type: 'note/save', id, body: '记一笔', anchor })).not.toBeNull();
    expect(parseRequest({ type: 'note/save', body: '记一笔', anchor })).toBeNull();
    expect(parseRequest({ type: 'note/save', id: 'not-a-uuid', body: '记一笔', anchor })).toBeNull();
    // A blank body is a highlight (a quote kept without a note): only with a passage.
    expect(parseRequest({ type: 'note/save', id, body: '', anchor })).not.toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: '   ', target })).toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: '没有对象' })).toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: 'x', anchor: { ...anchor, position: { type: 'TextPositionSelector', start: 5, end: 5 } } })).toBeNull();
    expect(parseRequest({ type: 'follow/set', target: { kind: 'item', id: 'a\u0000b' }, follow: true })).toBeNull();
    const info = { url: anchor.url, canonicalUrl: anchor.url, title: 'A' };
    expect(await route({ type: 'sightings/record', page: info, reports: [{ target, quote: '微车管所', prefix: '', suffix: '' }] }, page)).toEqual({ ok: true, value: { recorded: 1 } });
    expect(parseRequest({ type: 'sightings/record', page: info, reports: [{ target, quote: 5, prefix: '', suffix: '' }] })).toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: 'x', anchor: { ...anchor, sentence: '一句话。', meta: { siteName: '晋江新闻网', published: '2024-02-06' } } })).not.toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: 'x', anchor: { ...anchor, meta: { published: '2月6日' } } })).toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: 'x', anchor: { ...anchor, meta: { script: 'x' } } })).toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: 'x', anchor: { ...anchor, sentence: '长'.repeat(1001) } })).toBeNull();
    expect(parseRequest({ type: 'note/save', id, body: 'x', anchor: { ...anchor, url: 'javascript:alert(1)' } })).toBeNull();
    const report = { target, quote: '微车管所', prefix: '', suffix: '', sentence: '推动“微车管所”进园区。' };
    expect(parseRequest({ type: 'sightings/record', page: { ...info, meta: { author: '林晓' } }, reports: [report] })).not.toBeNull();
    expect(parseRequest({ type: 'sightings/record', page: info, reports: [{ ...report, sentence: 7 }] })).toBeNull();
    expect(parseRequest({ type: 'sightings/record', page: { ...info, meta: { author: 7 } }, reports: [report] })).toBeNull();
  });

  it('turns a handler failure into an error envelope', async () => {
    expect(await route({ type: 'dataset/ensure' }, own)).toEqual({ ok: false, error: 'Error: disk on fire' });
  });

  it('takes note changes from pages only, and "this page" requests from our own pages only', async () => {
    expect(await route({ type: 'note/delete', id: 'n1' }, page)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'note/delete', id: 'n1' }, own)).toMatchObject({ ok: false });
    expect(await route({ type: 'page/outline' }, own)).toEqual({ ok: true, value: { tabId: null, outline: null } });
    expect(await route({ type: 'page/outline' }, page)).toMatchObject({ ok: false });
    expect(await route({ type: 'page/jump', tabId: 3, key: 'm:x:0' }, page)).toMatchObject({ ok: false });
    expect(parseRequest({ type: 'note/update', id: 'n1', target: null })).not.toBeNull();
    expect(parseRequest({ type: 'note/update', id: 'n1', target: { kind: 'place', id: 'x' } })).toBeNull();
  });
});
