import { afterEach, describe, expect, it } from 'vitest';
import { createBackgroundService } from '../../../lib/background/service';
import { pageTabFor, type TabInfo, type ThisPageDeps } from '../../../lib/background/this-page';
import { LensDb } from '../../../lib/db/schema';
import type { TabOutline } from '../../../lib/messaging/tab-protocol';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { tinyDataset } from '../../helpers/tiny-dataset';

let n = 0;
let db: LensDb | undefined;
afterEach(async () => {
  await db?.delete();
});

const OUTLINE: TabOutline = { title: 'A', url: 'https://www.ijjnews.com/a.html', state: 'active', entries: [], orphans: [] };
let ids = 0;
/** A fresh note id, as the page's editor picks one. */
const newId = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function service(tabs: TabInfo[] = []) {
  db = new LensDb(`page-notes-test-${n++}`);
  const asked: number[] = [];
  const thisPage: ThisPageDeps = {
    queryTabs: async (q) => tabs.filter((t) => (q.active ? t.active : true) && (q.windowId === undefined || t.windowId === q.windowId)),
    outlineOf: async (tabId) => {
      asked.push(tabId);
      if (tabId === 99) throw new Error('no content script');
      return OUTLINE;
    },
    jump: async () => ({ found: true }),
  };
  const s = createBackgroundService({ dataset: tinyDataset('1.0.0', 'h1'), openDb: async () => db!, version: 'test', loadSettings: async () => DEFAULT_SETTINGS, thisPage });
  return { ...s, asked };
}

const page = { kind: 'content' as const, tabId: 7, frameId: 0, pageUrl: 'https://www.ijjnews.com/a.html' };
const otherSite = { kind: 'content' as const, tabId: 8, frameId: 0, pageUrl: 'https://evil.example.com/' };
const panel = { kind: 'extension' as const };
const anchor = {
  url: 'https://www.ijjnews.com/a.html',
  canonicalUrl: 'https://www.ijjnews.com/a.html',
  title: 'A',
  quote: { type: 'TextQuoteSelector' as const, exact: '微车管所', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start: 3, end: 7 },
};

describe('notes changed from a page', () => {
  it('edits, links, deletes and restores a note of the sender’s own site', async () => {
    const { handlers } = service();
    const note = await handlers['note/save']({ type: 'note/save', id: newId(), body: '', anchor }, page);
    expect(note.body).toBe('');
    const edited = await handlers['note/update']({ type: 'note/update', id: note.id, body: ' 写上笔记 ', tags: ['交通，园区'], target: { kind: 'item', id: 'mw2023-002' } }, page);
    expect(edited).toMatchObject({ body: '写上笔记', tags: ['交通', '园区'], targetId: 'mw2023-002', target: { kind: 'item', id: 'mw2023-002' } });
    const unlinked = await handlers['note/update']({ type: 'note/update', id: note.id, target: null }, page);
    expect(unlinked.targetId).toBe('');
    expect(unlinked.target).toBeUndefined();
    const deleted = await handlers['note/delete']({ type: 'note/delete', id: note.id }, page);
    expect(deleted).toEqual(unlinked);
    expect(await db!.notes.get(note.id)).toBeUndefined();
    expect(await handlers['note/restore']({ type: 'note/restore', note: deleted! }, page)).toEqual({ restored: true });
    expect(await db!.notes.get(note.id)).toEqual(unlinked);
    // A second undo does not overwrite the row that is back.
    expect(await handlers['note/restore']({ type: 'note/restore', note: { ...deleted!, body: 'x' } }, page)).toEqual({ restored: false });
  });

  it('refuses to touch notes of another site, or a note without a passage', async () => {
    const { handlers } = service();
    const note = await handlers['note/save']({ type: 'note/save', id: newId(), body: '段落', anchor }, page);
    const onItem = await handlers['note/save']({ type: 'note/save', id: newId(), body: '关于项目', target: { kind: 'item', id: 'mw2023-002' } }, page);
    await expect(handlers['note/update']({ type: 'note/update', id: note.id, body: '改' }, otherSite)).rejects.toThrow(/not|no note/i);
    await expect(handlers['note/delete']({ type: 'note/delete', id: note.id }, otherSite)).rejects.toThrow();
    await expect(handlers['note/delete']({ type: 'note/delete', id: onItem.id }, page)).rejects.toThrow();
    await expect(handlers['note/restore']({ type: 'note/restore', note: { ...note, id: 'new-one' } }, otherSite)).rejects.toThrow();
    expect((await db!.notes.get(note.id))?.body).toBe('段落');
    expect(await db!.notes.count()).toBe(2);
  });
});

describe('the tab "this page" is about', () => {
  const tabs: TabInfo[] = [
    { id: 1, windowId: 1, active: false, lastAccessed: 100 },
    { id: 2, windowId: 1, active: false, lastAccessed: 300 },
    { id: 3, windowId: 1, active: true, lastAccessed: 400 },
    { id: 4, windowId: 2, active: true, lastAccessed: 500 },
  ];
  const deps = { queryTabs: async (q: { active?: boolean; windowId?: number }) => tabs.filter((t) => (q.active ? t.active && t.windowId === 1 : true) && (q.windowId === undefined || t.windowId === q.windowId)) };

  it('is the active tab for the side panel, and the tab used before it when the view is a tab itself', async () => {
    expect(await pageTabFor({}, deps)).toBe(3);
    expect(await pageTabFor({ tab: { id: 3, windowId: 1 } }, deps)).toBe(2);
  });

  it('says a tab without the lens has no outline', async () => {
    const { handlers, asked } = service([{ id: 99, windowId: 1, active: true }]);
    expect(await handlers['page/outline']({ type: 'page/outline' }, panel)).toEqual({ tabId: 99, outline: null });
    expect(asked).toEqual([99]);
  });

  it('answers the content script’s outline for the chosen tab', async () => {
    const { handlers, asked } = service([{ id: 5, windowId: 1, active: true }]);
    expect(await handlers['page/outline']({ type: 'page/outline' }, panel)).toEqual({ tabId: 5, outline: OUTLINE });
    expect(asked).toEqual([5]);
  });
});
