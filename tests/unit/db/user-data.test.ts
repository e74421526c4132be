import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import {
  acknowledgeChange,
  addTag,
  allTags,
  changedFollows,
  deleteNote,
  follow,
  followsOverview,
  normaliseTags,
  notesByItem,
  notesByPage,
  removeTag,
  restoreNote,
  saveNote,
  unfollow,
  updateNote,
  userMarks,
} from '../../../lib/db/user-data';
import { sightingSites, sightingsTimeline } from '../../../lib/db/sightings';
import { tinyDataset, tinyItem } from '../../helpers/tiny-dataset';
import { addSampleRows, at, sampleNotes } from '../../helpers/user-rows';

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`user-data-test-${n++}`);
  await db.open();
  await seedDataset(db, tinyDataset('1.0.0', 'hash-v1'));
});
afterEach(async () => {
  await db.delete();
});

const item2 = { kind: 'item', id: 'mw2023-002' } as const;

describe('follows', () => {
  it('follows once, remembering the status, and unfollows returning the row', async () => {
    const f = await follow(db, item2, at(1));
    expect(f).toMatchObject({ key: 'item:mw2023-002', statusWhenFollowed: 'completed', createdAt: at(1) });
    await follow(db, item2, at(2));
    expect(await db.follows.count()).toBe(1);
    expect((await unfollow(db, item2))?.createdAt).toBe(at(1));
    expect(await db.follows.count()).toBe(0);
  });

  it('marks followed items whose status changed in a dataset upgrade, until acknowledged', async () => {
    await follow(db, item2);
    await follow(db, { kind: 'item', id: 'mw2023-003' });
    await seedDataset(
      db,
      tinyDataset('2.0.0', 'hash-v2', [tinyItem(2, 'gonganju', '公安局', '推动“微车管所”进五里工业园区', 'in_progress'), tinyItem(3, 'minzhengju', '民政局', '困难老年人家庭适老化改造项目')]),
    );
    expect([...(await changedFollows(db))]).toEqual([['mw2023-002', { from: 'completed', to: 'in_progress' }]]);
    await acknowledgeChange(db, item2);
    expect((await changedFollows(db)).size).toBe(0);
  });

  it('uses the recorded dataset change for follows made without a status', async () => {
    await db.follows.add({ key: 'item:mw2023-002', target: item2, targetId: 'mw2023-002', createdAt: at(0) });
    await seedDataset(db, tinyDataset('2.0.0', 'hash-v2', [tinyItem(2, 'gonganju', '公安局', 'x', 'not_started')]), at(5));
    expect((await changedFollows(db)).get('mw2023-002')).toEqual({ from: 'completed', to: 'not_started' });
  });

  it('overview: latest sightings, distinct sites, notes, orphans flagged', async () => {
    await addSampleRows(db);
    await db.follows.add({ key: 'item:mw2023-404', target: { kind: 'item', id: 'mw2023-404' }, targetId: 'mw2023-404', createdAt: at(3) });
    const rows = await followsOverview(db, 1);
    const byId = new Map(rows.map((r) => [r.follow.targetId, r]));
    expect(rows[0]!.follow.targetId).toBe('mw2023-404');
    expect(byId.get('mw2023-404')!.orphan).toBe(true);
    expect(byId.get('mw2023-002')).toMatchObject({ orphan: false, sightings: 2, sites: 2, notes: 1 });
    expect(byId.get('mw2023-002')!.latest.map((s) => s.site)).toEqual(['news.example.cn']);
    expect(byId.get('gonganju')).toMatchObject({ orphan: false, notes: 1 });
    expect(byId.get('gonganju')!.unit?.name).toBe('公安局');
  });
});

describe('notes', () => {
  it('saves, edits, tags, deletes and restores exactly', async () => {
    const note = await saveNote(db, { body: '  第一条  ', tags: ['#交通, 园区', '交通'], target: item2 }, at(1));
    expect(note).toMatchObject({ body: '第一条', tags: ['交通', '园区'], targetId: 'mw2023-002', pageUrl: '', createdAt: at(1), updatedAt: at(1) });
    const { before, after } = await updateNote(db, note.id, { body: '改过' }, at(2));
    expect(before.body).toBe('第一条');
    expect(after).toMatchObject({ body: '改过', updatedAt: at(2), createdAt: at(1) });
    expect((await addTag(db, note.id, '新', at(3))).tags).toEqual(['交通', '园区', '新']);
    expect((await removeTag(db, note.id, '交通', at(4))).tags).toEqual(['园区', '新']);
    const gone = await deleteNote(db, note.id);
    expect(await db.notes.count()).toBe(0);
    await restoreNote(db, gone!);
    expect(await db.notes.get(note.id)).toEqual(gone);
  });

  it('normalises tags typed with Chinese separators', () => {
    expect(normaliseTags(['交通，园区、 #老年 ', ''])).toEqual(['交通', '园区', '老年']);
  });

  it('groups by page (page-less last) and by item, optionally by tag', async () => {
    await addSampleRows(db);
    const pages = await notesByPage(db);
    expect(pages.map((g) => g.key)).toEqual(['https://news.example.cn/b', 'https://news.example.cn/a', '']);
    expect(pages[1]!.label).toBe('晋江“微车管所”进园区');
    const items = await notesByItem(db);
    expect(items.map((g) => g.label)).toEqual(['公安局', '2023年民生微实事 · 2. 推动“微车管所”进五里工业园区', '']);
    expect((await notesByPage(db, '交通')).map((g) => g.notes.map((x) => x.id))).toEqual([[sampleNotes()[0]!.id]]);
    expect(await allTags(db)).toEqual(expect.arrayContaining(['交通', '园区', '老年']));
  });
});

describe('sightings and marks', () => {
  it('timeline newest first, filtered by item and by site', async () => {
    await addSampleRows(db);
    expect((await sightingsTimeline(db)).map((s) => s.lastSeen)).toEqual([at(30), at(7), at(4)]);
    expect((await sightingsTimeline(db, { targetId: 'mw2023-002' })).length).toBe(2);
    expect((await sightingsTimeline(db, { site: 'news.example.cn' })).map((s) => s.targetId)).toEqual(['mw2023-002', 'mw2023-003']);
    expect((await sightingsTimeline(db, { site: 'news.example.cn', targetId: 'mw2023-003' })).length).toBe(1);
    expect(await sightingSites(db)).toEqual(['jinjiang.gov.cn', 'news.example.cn']);
  });

  it('knows which targets are followed and which have notes', async () => {
    await addSampleRows(db);
    const marks = await userMarks(db);
    expect([...marks.followed].sort()).toEqual(['gonganju', 'mw2023-002']);
    expect([...marks.noted].sort()).toEqual(['gonganju', 'mw2023-002']);
  });
});
