/** Small, valid-shaped datasets for storage tests, independent of the real data. */
import type { Dataset, Item, Unit } from '../../lib/data/types';

const unit = (id: string, name: string): Unit => ({ id, name, kind: '政府部门', aliases: [], traditional: [], source: 's1' });

const item = (seq: number, unitId: string, unitName: string, name: string, status: Item['status'] = 'completed'): Item => ({
  id: `mw2023-${String(seq).padStart(3, '0')}`,
  programme: 'minsheng-weishishi',
  year: 2023,
  seq,
  unitId,
  unit: unitName,
  name,
  statusHistory: [{ status, asOf: '2024-02-06', source: 's1' }],
  status,
  statusAsOf: '2024-02-06',
  source: 's1',
  places: [],
  keyphrases: [],
});

export function tinyDataset(version: string, hash: string, items?: Item[]): Dataset {
  const units = [unit('gonganju', '公安局'), unit('minzhengju', '民政局')];
  const list = items ?? [
    item(1, 'gonganju', '公安局', '护校安园促和谐活动'),
    item(2, 'gonganju', '公安局', '推动“微车管所”进五里工业园区'),
    item(3, 'minzhengju', '民政局', '困难老年人家庭适老化改造项目'),
  ];
  return {
    meta: {
      name: '测试数据集',
      nameEn: 'test dataset',
      version,
      hash,
      generatedFrom: [],
      counts: { items: list.length, units: units.length, places: 0, figures: 0, completed: list.filter((i) => i.status === 'completed').length, programmes: 1, series: 0 },
    },
    sources: [{ id: 's1', title: 't', publisher: '晋江经济报', date: '2024-02-06', url: 'http://jjjjb.fjdaily.com/', script: 'Hans' }],
    programmes: [
      {
        id: 'minsheng-weishishi-2023',
        programme: 'minsheng-weishishi',
        year: 2023,
        name: '测试清单',
        nameEn: 'test list',
        announced: null,
        known: list.length,
        complete: false,
        sources: ['s1'],
      },
    ],
    series: [],
    units,
    items: list,
    places: [],
    figures: [],
  };
}

export { item as tinyItem };
