import { afterEach, describe, expect, it } from 'vitest';
import { createBackgroundService, siteOff } from '../../../lib/background/service';
import { LensDb } from '../../../lib/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { tinyDataset } from '../../helpers/tiny-dataset';

let n = 0;
let db: LensDb | undefined;
afterEach(async () => {
  await db?.delete();
});

function service(settings: Partial<Settings> = {}) {
  db = new LensDb(`background-test-${n++}`);
  const badges: [number, string][] = [];
  const s = createBackgroundService({
    dataset: tinyDataset('1.0.0', 'h1'),
    openDb: async () => db!,
    version: 'test',
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    setBadge: (tab, text) => badges.push([tab, text]),
  });
  return { ...s, badges };
}

const sender = { id: 'me', tab: { id: 7 }, url: 'https://www.ijjnews.com/a.html' };
const anchor = {
  url: 'https://www.ijjnews.com/a.html',
  canonicalUrl: 'https://www.ijjnews.com/a.html',
  title: 'A',
  quote: { type: 'TextQuoteSelector' as const, exact: '微车管所', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 3, end: 7 },
};

describe('the background service', () => {
  it('seeds on demand and answers the overlay with follows, page notes and note counts', async () => {
    const { handlers } = service();
    await handlers['follow/set']({ type: 'follow/set', target: { kind: 'item', id: 'mw2023-002' }, follow: true }, sender);
    await handlers['note/save']({ type: 'note/save', body: '段落', anchor }, sender);
    await handlers['note/save']({ type: 'note/save', body: '关于项目', target: { kind: 'item', id: 'mw2023-002' } }, sender);
    const state = await handlers['overlay/state']({ type: 'overlay/state', canonicalUrl: anchor.canonicalUrl }, sender);
    expect(state.followed).toEqual(['mw2023-002']);
    expect(state.pageNotes.map((x) => x.body)).toEqual(['段落']);
    expect(state.noteCounts).toEqual({ 'mw2023-002': 1 });
    expect(state.siteDisabled).toBe(false);
    expect(await db!.items.count()).toBe(3);
  });

  it('unfollows, records sightings and sets the badge to the tab’s total over its frames', async () => {
    const { handlers, badges, forgetTab } = service();
    await handlers['follow/set']({ type: 'follow/set', target: { kind: 'unit', id: 'gonganju' }, follow: true }, sender);
    await handlers['follow/set']({ type: 'follow/set', target: { kind: 'unit', id: 'gonganju' }, follow: false }, sender);
    expect(await db!.follows.count()).toBe(0);
    const page = { url: anchor.url, canonicalUrl: anchor.url, title: 'A' };
    expect(await handlers['sightings/record']({ type: 'sightings/record', page, reports: [{ target: { kind: 'item', id: 'mw2023-002' }, quote: '微车管所', prefix: '', suffix: '' }] }, sender)).toEqual({ recorded: 1 });
    await handlers['page/gate']({ type: 'page/gate', relevant: true, score: 9, mentions: 12 }, { ...sender, frameId: 0 });
    await handlers['page/gate']({ type: 'page/gate', relevant: true, score: 5, mentions: 3 }, { ...sender, frameId: 4 });
    await handlers['page/gate']({ type: 'page/gate', relevant: false, score: 0, mentions: 0 }, { ...sender, frameId: 0 });
    expect(badges).toEqual([
      [7, '12'],
      [7, '15'],
      [7, '3'],
    ]);
    forgetTab(7);
    expect(badges.at(-1)).toEqual([7, '']);
  });

  it('turns a site off when the user said so or when it is not on the automatic list', () => {
    expect(siteOff('www.jinjiang.gov.cn', DEFAULT_SETTINGS)).toBe(false);
    expect(siteOff('www.jinjiang.gov.cn', { ...DEFAULT_SETTINGS, disabledSites: ['jinjiang.gov.cn'] })).toBe(true);
    expect(siteOff('news.example.org', DEFAULT_SETTINGS)).toBe(true);
    expect(siteOff('news.example.org', { ...DEFAULT_SETTINGS, allSites: true })).toBe(false);
    expect(siteOff('www.ijjnews.com', { ...DEFAULT_SETTINGS, autoSites: ['gov.cn'] })).toBe(true);
  });
});
