/**
 * Which programme a passage speaks of (为民办实事 or 民生微实事), and what it changes: twins (one
 * project in 2023's list and as a row of the 2023 table), a row's name in a later year's list,
 * a table's year column, and a phrase repeated after an unrelated paragraph.
 */
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { passageProgramme, programmeOfWord, type ProgrammeWord } from '../../../lib/match/programme-scope';
import { bundledDataset } from '../../../lib/data/dataset';

describe('the programme a word names', () => {
  it('reads 民生微实事 as the 2023 table, 为民办实事 and its forms as the yearly list, 民生实事 as neither', () => {
    expect(programmeOfWord('民生微实事项目')).toBe('minsheng-weishishi');
    expect(programmeOfWord('为民办实事')).toBe('weiminbanshishi');
    expect(programmeOfWord('为民兴办实事')).toBe('weiminbanshishi');
    expect(programmeOfWord('为民实事')).toBe('weiminbanshishi');
    expect(programmeOfWord('民生实事')).toBeNull();
    expect(programmeOfWord('幸福清单')).toBeNull();
  });
});

describe('the programme a passage speaks of', () => {
  const w = (start: number, programme: ProgrammeWord['programme']): ProgrammeWord => ({ start, end: start + 5, programme });
  it('takes the sentence first (before, then after), then the paragraph, the paragraphs before, then the first word after', () => {
    const words = [w(0, 'weiminbanshishi'), w(100, 'minsheng-weishishi'), w(200, 'weiminbanshishi')];
    // In its sentence, after it.
    expect(passageProgramme(words, 180, 190, [170, 210], [150, 260])).toEqual({ programme: 'weiminbanshishi', scope: 'sentence' });
    // Its paragraph, before the sentence.
    expect(passageProgramme(words, 130, 140, [125, 150], [95, 150])).toEqual({ programme: 'minsheng-weishishi', scope: 'paragraph' });
    // An earlier paragraph, within reach.
    expect(passageProgramme(words, 130, 140, [125, 150], [120, 150])).toEqual({ programme: 'minsheng-weishishi', scope: 'earlier' });
    // Nothing before within reach: the first word after.
    expect(passageProgramme([w(700, 'weiminbanshishi')], 500, 510, [490, 520], [480, 520])).toEqual({ programme: 'weiminbanshishi', scope: 'later' });
    expect(passageProgramme([w(0, 'weiminbanshishi')], 900, 910, [890, 920], [880, 920])).toBeNull();
  });
});

const pack = buildPack(bundledDataset);
const projects = (text: string, pageDate?: string) =>
  scanText(text, pack, { pageDate }).mentions
    .filter((m) => m.kind === 'project')
    .map((m) => ({ text: m.text, id: m.id, programme: m.programme, year: m.year }));

describe('what the passage’s programme decides', () => {
  it('links 智慧停车“扩面工程” to 2023’s yearly list in a sentence about that list, to table row 4 in one about 民生微实事', () => {
    expect(projects('2023年，晋江把智慧停车“扩面工程”写进为民办实事清单。', '2024-02-06')).toEqual([
      { text: '智慧停车“扩面工程”', id: 'wm2023-zhihui-tingche', programme: 'weiminbanshishi', year: 2023 },
    ]);
    expect(projects('晋江117项民生微实事中，智慧停车“扩面工程”已完成。', '2024-02-06')).toEqual([
      { text: '智慧停车“扩面工程”', id: 'mw2023-004', programme: 'minsheng-weishishi', year: 2023 },
    ]);
    // No programme word anywhere near, undated: the table row (it names its unit and status).
    expect(projects('晋江：智慧停车“扩面工程”新增泊位。')[0]).toMatchObject({ id: 'mw2023-004' });
    // On a page of a later year that never names 2023: that year's round, no status (the work may be new).
    expect(projects('晋江智慧停车扩面工程正在施工中。', '2025-05-01')).toEqual([{ text: '智慧停车扩面工程', id: null, programme: 'weiminbanshishi', year: 2025 }]);
    // The same on a page that names the name's year somewhere (a 2023-01 review of 去年's list): that year's.
    expect(projects('晋江去年的清单全部完成。\n' + '市民反映良好。'.repeat(60) + '\n实施公交服务提升项目开通新线。\n今年的清单正在征集。', '2023-01-05')[0]).toMatchObject({ id: 'wm2022-gongjiao-fuwu', year: 2022 });
  });

  it('links a name that the table and a later list print alike to the table row on an undated page about 民生微实事', () => {
    const page = '晋江把群众身边的小事列成民生微实事清单，由各单位认领。\n市交通运输局负责的公交服务品质提升工程优化了线路。';
    expect(projects(page)).toEqual([{ text: '公交服务品质提升工程', id: 'mw2023-032', programme: 'minsheng-weishishi', year: 2023 }]);
    // 认领 (a unit claimed it) in its sentence is the table's own way, even after a sentence that says 为民办实事.
    const claimed = '2023年晋江的民生微实事，并不都是为民办实事大项目。\n交通运输局认领的公交服务品质提升工程进展顺利。';
    expect(projects(claimed)).toEqual([{ text: '公交服务品质提升工程', id: 'mw2023-032', programme: 'minsheng-weishishi', year: 2023 }]);
    // The same words in a passage about 2024's yearly list: 2024's item.
    const list = '2024年晋江为民办实事项目中，实施公交服务品质提升工程已完成。';
    expect(projects(list)).toEqual([{ text: '实施公交服务品质提升工程', id: 'wm2024-gongjiao-fuwu', programme: 'weiminbanshishi', year: 2024 }]);
  });

  it('reports a 民生微实事 row’s name in a later year’s 为民办实事 list as that round, never as the 2023 row', () => {
    const page = '晋江市民政局工作人员说，今年的为民办实事项目征求意见稿里，困难老年人家庭适老化改造再次出现。';
    expect(projects(page, '2026-01-10')).toEqual([{ text: '困难老年人家庭适老化改造', id: null, programme: 'weiminbanshishi', year: 2026 }]);
    // The same on a dated page whose sentence names the yearly list but no year: the page's year's round.
    const dated = '晋江市为民办实事项目中，困难老年人家庭适老化改造项目正在推进。';
    expect(projects(dated, '2026-06-01')).toEqual([{ text: '困难老年人家庭适老化改造项目', id: null, programme: 'weiminbanshishi', year: 2026 }]);
    // Said of 2023's table, the row.
    expect(projects('晋江市民政局认领的民生微实事困难老年人家庭适老化改造已完成。', '2026-01-10')[0]).toMatchObject({ id: 'mw2023-024', year: 2023 });
  });
});

describe('years a table or a repeated phrase tells', () => {
  it('reads a table’s year column for each row', () => {
    const table = '晋江为民办实事项目回顾\n年份\t项目\t进展\n2021\t新建或改建38个中小学心理辅导室\t完成\n2022\t新建或改建38个中小学心理辅导室\t完成';
    expect(projects(table, '2024-10-15').map((m) => [m.id, m.year])).toEqual([
      ['wm2021-xinli-fudaoshi', 2021],
      ['wm2022-xinli-fudaoshi', 2022],
    ]);
  });

  it('gives a phrase repeated after a paragraph about another year the year its first mention told', () => {
    const filler = '村里的老人们说，饭菜可口，价格实惠。'.repeat(3);
    const page =
      `晋江为民办实事：今年新建5个长者食堂，${filler}\n` +
      `前年，民政局认领的民生微实事困难老年人家庭适老化改造项目装上了扶手。\n` +
      `市民政局透露，长者食堂年底前全部开门。`;
    const canteens = projects(page, '2025-07-22').filter((m) => m.text === '长者食堂');
    expect(canteens.map((m) => m.year)).toEqual([2025, 2025]);
  });
});
