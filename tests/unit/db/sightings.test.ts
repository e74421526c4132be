import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LensDb } from '../../../lib/db/schema';
import { recordSightings, siteOf } from '../../../lib/db/sightings';

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`sightings-test-${n++}`);
  await db.open();
});
afterEach(() => db.delete());

const T = Date.UTC(2024, 5, 1);
const page = { url: 'https://www.ijjnews.com/a.html?from=list', canonicalUrl: 'https://www.ijjnews.com/a.html', title: '微车管所进园区' };
const report = (id: string) => ({ target: { kind: 'item' as const, id }, quote: '微车管所', prefix: '推动“', suffix: '”进五里' });

describe('recording sightings', () => {
  it('keeps one record per item per page, updated on revisit', async () => {
    await recordSightings(db, page, [report('mw2023-023'), report('mw2023-023'), report('mw2023-024')], T + 1000);
    await recordSightings(db, { ...page, url: 'https://www.ijjnews.com/a.html?from=home' }, [report('mw2023-023')], T + 5000);
    const rows = await db.sightings.orderBy('key').toArray();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ targetId: 'mw2023-023', site: 'ijjnews.com', firstSeen: T + 1000, lastSeen: T + 5000, visits: 2, url: 'https://www.ijjnews.com/a.html?from=home' });
    expect(rows[1]).toMatchObject({ targetId: 'mw2023-024', firstSeen: T + 1000, lastSeen: T + 1000, visits: 1 });
  });

  it('keeps the sentence first seen and the page meta of the latest visit that gave any', async () => {
    const withSentence = { ...report('mw2023-023'), sentence: '公安局推动“微车管所”进五里工业园区。' };
    await recordSightings(db, { ...page, meta: { siteName: '晋江新闻网' } }, [withSentence], T + 1000);
    await recordSightings(db, page, [{ ...withSentence, sentence: '另一句。' }], T + 2000);
    let [row] = await db.sightings.toArray();
    expect(row).toMatchObject({ sentence: '公安局推动“微车管所”进五里工业园区。', meta: { siteName: '晋江新闻网' }, visits: 2 });
    await recordSightings(db, { ...page, meta: { siteName: '晋江新闻网', published: '2024-02-06' } }, [report('mw2023-023')], T + 3000);
    [row] = await db.sightings.toArray();
    expect(row!.meta).toEqual({ siteName: '晋江新闻网', published: '2024-02-06' });
    // A row recorded before sentences were kept gets one on its next visit.
    await recordSightings(db, page, [report('mw2023-024')], T + 4000);
    await recordSightings(db, page, [{ ...report('mw2023-024'), sentence: '第二句。' }], T + 5000);
    expect((await db.sightings.get('mw2023-024|https://www.ijjnews.com/a.html'))!.sentence).toBe('第二句。');
  });

  it('names the site without www', () => {
    expect(siteOf('http://jjjjb.fjdaily.com/pc/con/x.html')).toBe('jjjjb.fjdaily.com');
    expect(siteOf('not a url')).toBe('');
  });
});
