import { afterEach, describe, expect, it } from 'vitest';
import { createBackgroundService, siteOff } from '../../../lib/background/service';
import type { SenderInfo } from '../../../lib/background/sender';
import { LensDb } from '../../../lib/db/schema';
import type { Note } from '../../../lib/types/records';
import type { Envelope, OverlayState } from '../../../lib/messaging/protocol';
import { createRouter } from '../../../lib/messaging/router';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { tinyDataset } from '../../helpers/tiny-dataset';

let n = 0;
let db: LensDb | undefined;
afterEach(async () => {
  await db?.delete();
});

const EXT = 'chrome-extension://me';
const NOW = Date.UTC(2025, 0, 2);

function service(settings: Partial<Settings> = {}) {
  db = new LensDb(`background-test-${n++}`);
  const badges: [number, string][] = [];
  const injected: number[] = [];
  const s = createBackgroundService({
    dataset: tinyDataset('1.0.0', 'h1'),
    openDb: async () => db!,
    version: 'test',
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    setBadge: (tab, text) => badges.push([tab, text]),
    injectContentScript: async (tab) => void injected.push(tab),
    now: () => NOW,
  });
  const route = createRouter('me', s.handlers, EXT);
  /** Sends like the browser delivers: the payload as the content script wrote it, the sender as the browser saw it. */
  const send = async <T>(msg: unknown, from: SenderInfo): Promise<T> => {
    const answer = (await route(msg, from)) as Envelope<T>;
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  };
  return { ...s, route, send, badges, injected };
}

/** Our content script in tab 7's top frame, on a Jinjiang news page. */
const jinjiangPage: SenderInfo = { id: 'me', tab: { id: 7, url: 'https://www.ijjnews.com/a.html' }, frameId: 0, url: 'https://www.ijjnews.com/a.html#top' };
/** Our content script on another listed host (any *.gov.cn), in tab 9. */
const otherGovPage: SenderInfo = { id: 'me', tab: { id: 9, url: 'https://www.fuzhou.gov.cn/x.html' }, frameId: 0, url: 'https://www.fuzhou.gov.cn/x.html' };
const popup: SenderInfo = { id: 'me', url: `${EXT}/popup.html` };
const sidePanelInATab: SenderInfo = { id: 'me', url: `${EXT}/sidepanel.html`, tab: { id: 3 }, frameId: 0 };

const id = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
const anchor = {
  url: 'https://www.ijjnews.com/a.html',
  canonicalUrl: 'https://www.ijjnews.com/a.html',
  title: 'A',
  quote: { type: 'TextQuoteSelector' as const, exact: '微车管所', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 3, end: 7 },
};
const item2 = { kind: 'item' as const, id: 'mw2023-002' };
const report = (target = item2) => ({ target, quote: '微车管所', prefix: '', suffix: '' });

describe('the background service', () => {
  it('seeds on demand and answers the overlay with follows, page notes and note counts', async () => {
    const { send } = service();
    await send({ type: 'follow/set', target: item2, follow: true }, jinjiangPage);
    await send({ type: 'note/save', id: id(1), body: '段落', anchor }, jinjiangPage);
    await send({ type: 'note/save', id: id(2), body: '关于项目', target: item2 }, jinjiangPage);
    const state = await send<OverlayState>({ type: 'overlay/state', canonicalUrl: anchor.canonicalUrl }, jinjiangPage);
    expect(state.followed).toEqual(['mw2023-002']);
    expect(state.pageNotes.map((x) => x.body)).toEqual(['段落']);
    expect(state.noteCounts).toEqual({ 'mw2023-002': 1 });
    expect(state.siteDisabled).toBe(false);
    expect(state.dataset).toEqual({ version: '1.0.0', hash: 'h1' });
    expect(await db!.items.count()).toBe(3);
  });

  it('unfollows, records sightings and sets the badge to the tab’s total over its frames', async () => {
    const { send, badges, forgetTab } = service();
    await send({ type: 'follow/set', target: { kind: 'unit', id: 'gonganju' }, follow: true }, jinjiangPage);
    await send({ type: 'follow/set', target: { kind: 'unit', id: 'gonganju' }, follow: false }, jinjiangPage);
    expect(await db!.follows.count()).toBe(0);
    const page = { url: anchor.url, canonicalUrl: anchor.url, title: 'A' };
    expect(await send({ type: 'sightings/record', page, reports: [report()] }, jinjiangPage)).toEqual({ recorded: 1 });
    await send({ type: 'page/gate', relevant: true, score: 9, mentions: 12 }, jinjiangPage);
    await send({ type: 'page/gate', relevant: true, score: 5, mentions: 3 }, { ...jinjiangPage, frameId: 4, url: 'https://www.ijjnews.com/frame.html' });
    await send({ type: 'page/gate', relevant: false, score: 0, mentions: 0 }, jinjiangPage);
    expect(badges).toEqual([
      [7, '12'],
      [7, '15'],
      [7, '3'],
    ]);
    // The popup asks which frames (other than the top one) drew something, to merge their reports.
    expect(await send({ type: 'tab/frames', tabId: 7 }, popup)).toEqual({ frames: [4] });
    await expect(send({ type: 'tab/frames', tabId: 7 }, jinjiangPage)).rejects.toThrow(/not accepted from a page/);
    forgetTab(7);
    expect(badges.at(-1)).toEqual([7, '']);
    expect(await send({ type: 'tab/frames', tabId: 7 }, popup)).toEqual({ frames: [] });
  });

  it('turns a site off when the user said so or when it is not on the automatic list', () => {
    expect(siteOff('www.jinjiang.gov.cn', DEFAULT_SETTINGS)).toBe(false);
    expect(siteOff('www.jinjiang.gov.cn', { ...DEFAULT_SETTINGS, disabledSites: ['jinjiang.gov.cn'] })).toBe(true);
    expect(siteOff('news.example.org', DEFAULT_SETTINGS)).toBe(true);
    expect(siteOff('news.example.org', { ...DEFAULT_SETTINGS, allSites: true })).toBe(false);
    expect(siteOff('www.ijjnews.com', { ...DEFAULT_SETTINGS, autoSites: ['gov.cn'] })).toBe(true);
  });
});

describe('requests are about the sender’s own page (issue 11, items 1, 4, 5)', () => {
  it('does not hand a page the notes of another site it names as canonical', async () => {
    const { send } = service();
    await send({ type: 'note/save', id: id(1), body: '只给我自己看', anchor }, jinjiangPage);
    // A page on another listed host declares <link rel=canonical> pointing at the Jinjiang page.
    const state = await send<OverlayState>({ type: 'overlay/state', canonicalUrl: anchor.canonicalUrl }, otherGovPage);
    expect(state.pageNotes).toEqual([]);
    // The same site's other host (m. vs www.) may name it: that is one site.
    const mobile = { ...jinjiangPage, url: 'https://m.ijjnews.com/a.html' };
    expect((await send<OverlayState>({ type: 'overlay/state', canonicalUrl: anchor.canonicalUrl }, mobile)).pageNotes).toHaveLength(1);
  });

  it('takes the switch-off decision from the sender’s address, not the claimed one', async () => {
    const { send } = service({ disabledSites: ['fuzhou.gov.cn'] });
    const state = await send<OverlayState>({ type: 'overlay/state', canonicalUrl: anchor.canonicalUrl }, otherGovPage);
    expect(state.siteDisabled).toBe(true);
  });

  it('files a note under the sender’s page, whatever addresses its anchor claims', async () => {
    const { send } = service();
    const claimed = { ...anchor, url: 'https://www.ijjnews.com/elsewhere.html', canonicalUrl: 'https://www.ijjnews.com/a.html' };
    const note = await send<Note>({ type: 'note/save', id: id(5), body: '笔记', anchor: claimed }, otherGovPage);
    expect(note.anchor?.url).toBe('https://www.fuzhou.gov.cn/x.html');
    expect(note.pageUrl).toBe('https://www.fuzhou.gov.cn/x.html');
  });

  it('records sightings with the sender’s site and address, not the page’s claims', async () => {
    const { send } = service();
    const claim = { url: 'https://www.jinjiang.gov.cn/fake.html', canonicalUrl: 'https://www.jinjiang.gov.cn/fake.html', title: '晋江市人民政府' };
    await send({ type: 'sightings/record', page: claim, reports: [report()] }, otherGovPage);
    const [row] = await db!.sightings.toArray();
    expect(row).toMatchObject({ site: 'fuzhou.gov.cn', url: 'https://www.fuzhou.gov.cn/x.html', canonicalUrl: 'https://www.fuzhou.gov.cn/x.html' });
  });

  it('refuses targets the dataset does not hold', async () => {
    const { send } = service();
    await expect(send({ type: 'follow/set', target: { kind: 'item', id: 'mw2023-999' }, follow: true }, jinjiangPage)).rejects.toThrow(/not in the dataset/);
    await expect(send({ type: 'note/save', id: id(1), body: 'x', target: { kind: 'unit', id: 'nobody' } }, jinjiangPage)).rejects.toThrow(/not in the dataset/);
    expect(await db!.follows.count()).toBe(0);
    expect(await db!.notes.count()).toBe(0);
    // Sightings of unknown targets are left out; the others are kept.
    expect(await send({ type: 'sightings/record', page: anchor, reports: [report(), report({ kind: 'item', id: 'made-up' })] }, jinjiangPage)).toEqual({ recorded: 1 });
    expect((await db!.sightings.toArray()).map((s) => s.targetId)).toEqual(['mw2023-002']);
  });

  it('answers "scan a tab" only to extension pages, and page requests only to pages', async () => {
    const { send, injected } = service();
    await expect(send({ type: 'tab/scan', tabId: 12 }, jinjiangPage)).rejects.toThrow(/not accepted from a page/);
    expect(injected).toEqual([]);
    expect(await send({ type: 'tab/scan', tabId: 12 }, popup)).toEqual({ injected: true });
    expect(await send({ type: 'tab/scan', tabId: 13 }, sidePanelInATab)).toEqual({ injected: true });
    expect(injected).toEqual([12, 13]);
    await expect(send({ type: 'overlay/state', canonicalUrl: anchor.url }, popup)).rejects.toThrow(/not accepted from an extension page/);
    await expect(send({ type: 'dataset/restore' }, jinjiangPage)).rejects.toThrow(/not accepted/);
  });

  it('refuses a content script without a tab or a web address of its own', async () => {
    const { route } = service();
    expect(await route({ type: 'overlay/state', canonicalUrl: anchor.url }, { id: 'me', url: 'https://www.ijjnews.com/a.html' })).toMatchObject({ ok: false });
    expect(await route({ type: 'overlay/state', canonicalUrl: anchor.url }, { id: 'me', tab: { id: 1 }, url: 'about:blank' })).toMatchObject({ ok: false });
    expect(await route({ type: 'overlay/state', canonicalUrl: anchor.url }, { id: 'other', tab: { id: 1 }, url: anchor.url })).toMatchObject({ ok: false });
  });

  it('saves a retried note once: the client’s id makes the save idempotent', async () => {
    const { send } = service();
    const first = await send<Note>({ type: 'note/save', id: id(8), body: '重试', target: item2 }, jinjiangPage);
    const again = await send<Note>({ type: 'note/save', id: id(8), body: '重试', target: item2 }, jinjiangPage);
    expect(again).toEqual(first);
    expect(await db!.notes.count()).toBe(1);
    await expect(send({ type: 'note/save', id: id(8), body: '别处', target: { kind: 'unit', id: 'gonganju' } }, jinjiangPage)).rejects.toThrow(/exists elsewhere/);
  });
});
