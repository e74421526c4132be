import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildSearchDocs } from '../../../lib/search/documents';
import { normaliseQuery, SearchIndex } from '../../../lib/search/search-index';

const { items, units, places } = bundledDataset;
const index = new SearchIndex(buildSearchDocs(items, units, places));
const top = (q: string, ...rest: Parameters<SearchIndex['search']> extends [string, ...infer R] ? R : never) =>
  index.search(q, ...rest).map((h) => (h.doc.kind === 'item' ? h.doc.seq : h.doc.name));

describe('search over the real dataset', () => {
  it('finds a project by a phrase inside its name', () => {
    expect(top('微车管所')[0]).toBe(23);
    expect(top('“微车管所”')[0]).toBe(23);
    expect(top('家风书场')[0]).toBe(items.find((i) => i.name.includes('家风书场'))!.seq);
  });

  it('tolerates a wrong or an extra character', () => {
    expect(top('微车馆所')[0]).toBe(23);
    expect(top('微车管理所')[0]).toBe(23);
  });

  it('finds a unit by its full name or a short form, with its projects after it', () => {
    for (const q of ['公安局', '市公安局', '晋江市公安局']) {
      const r = top(q);
      expect(r[0], q).toBe('公安局');
      expect(r, q).toContain(23);
    }
    expect(top('晋江市公安局')).not.toContain('安海镇');
    expect(top('市场监管局')[0]).toBe('市场监督管理局');
  });

  it('finds items by table number and by place', () => {
    expect(top('23')[0]).toBe(23);
    expect(top('第23项')[0]).toBe(23);
    expect(top('五里工业园区')).toContain(23);
  });

  it('filters by unit, kind, town, status, followed and notes', () => {
    expect(top('', { kind: 'unit' }, undefined, 500)).toHaveLength(units.length);
    expect(top('', { unitId: 'gonganju', kind: 'item' }).sort()).toEqual(items.filter((i) => i.unitId === 'gonganju').map((i) => i.seq).sort());
    expect(top('', { unitKind: '镇', kind: 'unit' }, undefined, 500).length).toBe(units.filter((u) => u.kind === '镇').length);
    // Only yearly-list items are in progress (the 2023 table is all completed); they have no 序号.
    const inProgress = index.search('', { status: 'in_progress' }, undefined, 500).map((h) => h.doc);
    expect(inProgress.length).toBe(items.filter((i) => i.status === 'in_progress').length);
    expect(inProgress.every((d) => d.programme === 'weiminbanshishi' && d.seq === 0)).toBe(true);
    const yh = top('', { town: '永和镇', kind: 'item' });
    expect(yh.length).toBeGreaterThan(0);
    const marks = { followed: new Set(['mw2023-023']), noted: new Set(['mw2023-001']) };
    expect(top('', { followed: true }, marks)).toEqual([23]);
    expect(top('', { hasNotes: true }, marks)).toEqual([1]);
    expect(top('微车管所', { followed: true }, { followed: new Set(), noted: new Set() })).toEqual([]);
  });

  it('filters by year and programme, and finds a recurring name in every year the dataset holds', () => {
    const ids = (q: string, f: Parameters<SearchIndex['search']>[1]) => index.search(q, f, undefined, 500).map((h) => h.doc.id);
    expect(ids('', { year: 2021 }).sort()).toEqual(items.filter((i) => i.year === 2021).map((i) => i.id).sort());
    expect(ids('', { programme: 'minsheng-weishishi' })).toHaveLength(117);
    expect(ids('', { year: 2023, programme: 'weiminbanshishi' }).sort()).toEqual(['wm2023-jiceng-tiyu', 'wm2023-zhihui-tingche']);
    expect(ids('自办食堂', {})).toEqual(expect.arrayContaining(['wm2021-ziban-shitang', 'mw2023-084', 'wm2024-ziban-shitang']));
    expect(ids('自办食堂', { year: 2024 })).toEqual(['wm2024-ziban-shitang']);
    // Reading order: years ascending, 为民办实事 before 民生微实事 within a year.
    const years = index.search('', { kind: 'item' }, undefined, 500).map((h) => `${h.doc.year}-${h.doc.programme}`);
    expect(years[0]).toBe('2021-weiminbanshishi');
    expect(years.indexOf('2023-weiminbanshishi')).toBeLessThan(years.indexOf('2023-minsheng-weishishi'));
    expect(years.at(-1)).toBe('2025-weiminbanshishi');
  });

  it('ignores spaces and punctuation in the query', () => {
    expect(normaliseQuery(' “微车 管所”！')).toBe('微车管所');
  });

  it('reads Traditional characters as the Simplified ones of the dataset', () => {
    expect(normaliseQuery('「微車管所」')).toBe('微车管所');
    expect(top('微車管所')[0]).toBe(23);
    expect(top('適老化改造')).toEqual(expect.arrayContaining([24, 105]));
  });
});
