/**
 * A small, fixed dataset-v2-shaped extension of the bundled 2023 table for the year tests: a few yearly 为民办实事 items in several years and the series they share.
 * Names and figures follow ../shared/research/programme-years.md; statuses are as that file has them.
 */
import { bundledDataset } from '../../../lib/data/dataset';
import type { Dataset } from '../../../lib/data/types';

const src = bundledDataset.sources[0]!.id;
const wm = (id: string, year: number, name: string, series: string | undefined, status: string, asOf: string) => ({
  id,
  programme: 'weiminbanshishi',
  year,
  name,
  ...(series ? { series } : {}),
  status,
  statusAsOf: asOf,
  statusHistory: [{ status, asOf, source: src }],
  source: src,
  places: [],
  keyphrases: [],
});

export const SERIES = [
  { id: 'zhihui-tingche', name: '智慧停车', phrases: ['智慧停车'], source: src },
  { id: 'zhangzhe-shitang', name: '长者食堂', phrases: ['长者食堂'], source: src },
  { id: 'jiceng-tiyu', name: '基层体育设施', phrases: ['百姓健身驿站', '基层体育设施'], source: src },
];

export const YEAR_ITEMS = [
  wm('wm2022-zhangzhe-shitang', 2022, '建设阳光颐养园等10个长者食堂', 'zhangzhe-shitang', 'completed', '2023-01-06'),
  wm('wm2025-zhangzhe-shitang', 2025, '新建、提升10个长者食堂', 'zhangzhe-shitang', 'completed', '2025-12-30'),
  wm('wm2022-quanmin-jianshen', 2022, '实施全民健身设施提升工程', 'jiceng-tiyu', 'completed', '2023-01-06'),
  wm('wm2024-baixing-jianshen', 2024, '百姓健身驿站建设项目', 'jiceng-tiyu', 'in_progress', '2024-07-16'),
  wm('wm2021-xinli-fudaoshi', 2021, '新建或改建38个中小学心理辅导室项目', undefined, 'in_progress', '2021-09-30'),
  wm('wm2022-xinli-fudaoshi', 2022, '新建或改建38个中小学心理辅导室', undefined, 'completed', '2023-01-06'),
];

/** The bundled dataset plus the items and series above; 2023's rows 4 (智慧停车) and 51 (基层体育场地设施) join their series. */
export function yearsDataset(): Dataset {
  // Only the 2023 table from the bundled data: the yearly lists here are the fixed ones above, so
  // these tests do not move when the bundled lists grow.
  const table = bundledDataset.items.filter((it) => it.programme === 'minsheng-weishishi');
  const items = table.map((it) =>
    it.seq === 51 ? { ...it, series: 'jiceng-tiyu' } : it.seq === 4 ? { ...it, series: 'zhihui-tingche' } : it,
  );
  return { ...bundledDataset, items: [...items, ...YEAR_ITEMS], series: SERIES } as unknown as Dataset;
}
