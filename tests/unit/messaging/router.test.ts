import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/protocol';
import { DEFAULT_HIGHLIGHT_COLOURS } from '../../../lib/settings/settings';
import { createRouter, type Handlers } from '../../../lib/messaging/router';

const handlers: Handlers = {
  ping: () => ({ pong: true, version: '9' }),
  'dataset/ensure': () => Promise.reject(new Error('disk on fire')),
  'page/gate': () => ({ ok: true }),
  'overlay/state': () => ({ locale: 'zh_CN', followed: [], pageNotes: [], noteCounts: {}, sightings: 'all', wrapHighlights: false, siteDisabled: false, highlightColours: DEFAULT_HIGHLIGHT_COLOURS }),
  'follow/set': (req) => ({ followed: req.follow }),
  'note/save': () => Promise.reject(new Error('not in this test')),
  'sightings/record': (req) => ({ recorded: req.reports.length }),
  'tab/scan': () => ({ injected: false }),
  'note/update': () => Promise.reject(new Error('not in this test')),
  'note/delete': () => null,
  'note/restore': () => ({ restored: false }),
  'page/outline': () => ({ tabId: null, outline: null }),
  'page/jump': () => ({ found: false }),
};
const route = createRouter('me', handlers);

describe('the message protocol', () => {
  it('answers a valid request from this extension with a native Promise of an envelope', async () => {
    const answer = route({ type: 'ping' }, { id: 'me' });
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toEqual({ ok: true, value: { pong: true, version: '9' } });
  });

  it('rejects other senders', async () => {
    expect(await route({ type: 'ping' }, { id: 'someone-else' })).toEqual({ ok: false, error: 'sender is not this extension' });
    expect(await route({ type: 'ping' }, {})).toMatchObject({ ok: false });
  });

  it('rejects malformed payloads instead of guessing', async () => {
    for (const bad of [null, 'ping', [], { type: 'nope' }, { type: 'page/gate', relevant: 'yes', score: 1, mentions: 1 }, { type: 'page/gate', relevant: true, score: NaN, mentions: 1 }, { type: 'page/gate', relevant: true, score: 1, mentions: -1 }, { type: 'toString' }]) {
      expect(parseRequest(bad)).toBeNull();
      expect(await route(bad, { id: 'me' })).toEqual({ ok: false, error: 'invalid request' });
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
    expect(parseRequest({ type: 'note/save', body: '记一笔', anchor })).not.toBeNull();
    // A blank body is a highlight (a quote kept without a note): only with a passage.
    expect(parseRequest({ type: 'note/save', body: '', anchor })).not.toBeNull();
    expect(parseRequest({ type: 'note/save', body: '   ', target })).toBeNull();
    expect(parseRequest({ type: 'note/save', body: '没有对象' })).toBeNull();
    expect(parseRequest({ type: 'note/save', body: 'x', anchor: { ...anchor, url: 'javascript:alert(1)' } })).toBeNull();
    expect(parseRequest({ type: 'note/save', body: 'x', anchor: { ...anchor, position: { type: 'TextPositionSelector', start: 5, end: 5 } } })).toBeNull();
    const page = { url: anchor.url, canonicalUrl: anchor.url, title: 'A' };
    expect(await route({ type: 'sightings/record', page, reports: [{ target, quote: '微车管所', prefix: '', suffix: '' }] }, { id: 'me' })).toEqual({ ok: true, value: { recorded: 1 } });
    expect(parseRequest({ type: 'sightings/record', page, reports: [{ target, quote: 5, prefix: '', suffix: '' }] })).toBeNull();
  });

  it('turns a handler failure into an error envelope', async () => {
    expect(await route({ type: 'dataset/ensure' }, { id: 'me' })).toEqual({ ok: false, error: 'Error: disk on fire' });
  });
});
