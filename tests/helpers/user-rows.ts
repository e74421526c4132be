/** A few notes, follows and sightings of every shape, for export/import and view tests. */
import type { Follow, Note, Sighting } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';

const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);
export const at = (minutes: number): number => T0 + minutes * 60_000;

export function sampleNotes(): Note[] {
  return [
    {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      target: { kind: 'item', id: 'mw2023-002' },
      targetId: 'mw2023-002',
      anchor: {
        url: 'https://news.example.cn/a?utm=x',
        canonicalUrl: 'https://news.example.cn/a',
        title: '晋江“微车管所”进园区',
        quote: { type: 'TextQuoteSelector', exact: '微车管所', prefix: '推动“', suffix: '”进五里工业园区' },
        position: { type: 'TextPositionSelector', start: 3, end: 7 },
        sentence: '公安局推动“微车管所”进五里工业园区，办事更近了。',
        meta: { siteName: '晋江新闻网', published: '2024-02-06' },
      },
      pageUrl: 'https://news.example.cn/a',
      body: '记者跟进：办理时间缩短, "当天办结"',
      tags: ['交通', '园区'],
      createdAt: at(0),
      updatedAt: at(5),
    },
    { id: 'n-item-only', target: { kind: 'unit', id: 'gonganju' }, targetId: 'gonganju', pageUrl: '', body: '=SUM(A1:A3) 不应被当作公式', tags: [], createdAt: at(10), updatedAt: at(10) },
    {
      id: 'n-astral',
      targetId: '',
      anchor: {
        url: 'https://news.example.cn/b',
        canonicalUrl: 'https://news.example.cn/b',
        title: 'B',
        quote: { type: 'TextQuoteSelector', exact: '适老化𠀀改造', prefix: '𠮷家庭', suffix: '项目' },
        position: { type: 'TextPositionSelector', start: 4, end: 11 },
      },
      pageUrl: 'https://news.example.cn/b',
      body: '多行\n笔记',
      tags: ['老年'],
      createdAt: at(20),
      updatedAt: at(21),
    },
  ];
}

export function sampleFollows(): Follow[] {
  return [
    { key: 'item:mw2023-002', target: { kind: 'item', id: 'mw2023-002' }, targetId: 'mw2023-002', createdAt: at(1), statusWhenFollowed: 'completed' },
    { key: 'unit:gonganju', target: { kind: 'unit', id: 'gonganju' }, targetId: 'gonganju', createdAt: at(2) },
  ];
}

export function sampleSightings(): Sighting[] {
  const s = (targetId: string, url: string, site: string, first: number, last: number, visits: number): Sighting => ({
    key: `${targetId}|${url}`,
    target: { kind: 'item', id: targetId },
    targetId,
    url,
    canonicalUrl: url,
    title: `页面 ${site}`,
    site,
    quote: '微车管所',
    prefix: '推动“',
    suffix: '”进',
    firstSeen: first,
    lastSeen: last,
    visits,
  });
  return [
    { ...s('mw2023-002', 'https://news.example.cn/a', 'news.example.cn', at(0), at(30), 3), sentence: '公安局推动“微车管所”进五里工业园区。', meta: { siteName: '晋江新闻网', author: '林晓' } },
    s('mw2023-002', 'https://www.jinjiang.gov.cn/x', 'jinjiang.gov.cn', at(3), at(4), 1),
    s('mw2023-003', 'https://news.example.cn/c', 'news.example.cn', at(6), at(7), 1),
  ];
}

export async function addSampleRows(db: LensDb): Promise<void> {
  await db.notes.bulkAdd(sampleNotes());
  await db.follows.bulkAdd(sampleFollows());
  await db.sightings.bulkAdd(sampleSightings());
}

export async function userTables(db: LensDb) {
  return {
    notes: await db.notes.orderBy('id').toArray(),
    follows: await db.follows.orderBy('key').toArray(),
    sightings: await db.sightings.orderBy('key').toArray(),
  };
}
