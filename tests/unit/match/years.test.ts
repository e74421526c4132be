/** Which year a passage speaks of, and which year's item a recurring name links to. */
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { normaliseCodes } from '../../../lib/text/normalise';
import { clauseFrom, clauseStarts, lineAround } from '../../../lib/match/context';
import { passageYear, yearWords } from '../../../lib/match/years';
import { bundledDataset } from '../../../lib/data/dataset';

/** The year the passage around `name` speaks of, as passageYear reads it. */
function yearOf(text: string, name: string, pageYear: number | null = null) {
  const norm = normaliseCodes(text);
  const key = normaliseCodes(name);
  const hay = String.fromCharCode(...norm.codes.subarray(0, norm.length));
  const s = hay.indexOf(String.fromCharCode(...key.codes.subarray(0, key.length)));
  expect(s).toBeGreaterThanOrEqual(0);
  const e = s + key.length;
  const words = yearWords(norm, pageYear);
  return passageYear(norm, words, s, e, clauseFrom(clauseStarts(norm), norm.length, s, e), lineAround(norm, s), pageYear);
}

describe('the year a passage speaks of', () => {
  it('reads 2024年, 2024年度, full-width digits and Chinese numerals', () => {
    expect(yearOf('2024年，长者食堂建成。', '长者食堂').year).toBe(2024);
    expect(yearOf('２０２２年度长者食堂验收。', '长者食堂').year).toBe(2022);
    expect(yearOf('二〇二五年长者食堂再添五家。', '长者食堂').year).toBe(2025);
    expect(yearOf('二零二一年的长者食堂。', '长者食堂').year).toBe(2021);
  });

  it('counts 今年, 去年, 前年, 明年 and 本年度 from the page date', () => {
    expect(yearOf('今年新建长者食堂。', '长者食堂', 2025)).toMatchObject({ year: 2025, word: '今年' });
    expect(yearOf('去年新建长者食堂。', '长者食堂', 2025).year).toBe(2024);
    expect(yearOf('前年新建长者食堂。', '长者食堂', 2025).year).toBe(2023);
    expect(yearOf('明年再建长者食堂。', '长者食堂', 2025).year).toBe(2026);
    expect(yearOf('本年度长者食堂。', '长者食堂', 2025).year).toBe(2025);
  });

  it('does not read 年轻, 年均 or 基本年内 as year words', () => {
    expect(yearOf('目前年轻人也来长者食堂。', '长者食堂', 2025).scope).toBe('page');
    expect(yearOf('此后年均新增长者食堂。', '长者食堂', null).scope).toBe('none');
    expect(yearOf('基本年内建成长者食堂。', '长者食堂', null).scope).toBe('none');
  });

  it('takes 今年 on an undated page as a year it cannot tell, not the page year or an earlier one', () => {
    expect(yearOf('2023年建了很多。今年长者食堂更多。', '长者食堂', null)).toMatchObject({ year: null, scope: 'sentence' });
  });

  it('prefers the name, then its sentence (before, then after), its paragraph, the paragraphs just before, then the page', () => {
    expect(yearOf('2021年回顾：2025年长者食堂', '2025年长者食堂').scope).toBe('name');
    expect(yearOf('2022年建成一批，2024年长者食堂提升。', '长者食堂')).toMatchObject({ year: 2024, scope: 'sentence' });
    expect(yearOf('长者食堂是2025年为民办实事项目。', '长者食堂')).toMatchObject({ year: 2025, scope: 'sentence' });
    expect(yearOf('2022年全市推进养老。长者食堂建成十家。', '长者食堂')).toMatchObject({ year: 2022, scope: 'paragraph' });
    expect(yearOf('2022年全市推进养老。\n这批长者食堂建成十家。', '长者食堂', 2025)).toMatchObject({ year: 2022, scope: 'earlier' });
    const far = '2022年全市推进养老。\n' + '村里的老人们说，饭菜可口，价格实惠。'.repeat(20) + '\n长者食堂建成十家。';
    // Beyond reach, a page that names one year only is about that year (below); 今年 elsewhere on it, the date.
    expect(yearOf(far, '长者食堂', 2025)).toMatchObject({ year: 2022, scope: 'one-year' });
    expect(yearOf(far + '今年再建。', '长者食堂', 2025)).toMatchObject({ year: 2025, scope: 'page' });
    expect(yearOf(far + '今年再建。', '长者食堂', null)).toMatchObject({ year: null, scope: 'none' });
  });

  it('takes the one year a whole page speaks of over its date: headline, lead and body all about 2022', () => {
    const filler = '\n' + '村里的老人们说，饭菜可口，价格实惠。'.repeat(20) + '\n';
    const report = '2022年为民办实事项目全部完成\n去年确定的项目已办结。' + filler + '长者食堂建成十家。';
    expect(yearOf(report, '长者食堂', 2023)).toMatchObject({ year: 2022, scope: 'one-year' });
    // Before its first year word, too (a headline that names no year).
    expect(yearOf('长者食堂全部开门\n2022年的项目全部完成，去年的清单已办结。', '长者食堂', 2023)).toMatchObject({ year: 2022, scope: 'one-year' });
    // Two different years: neither is the page's subject; the date decides.
    expect(yearOf('2021年和2022年的项目。' + filler + '长者食堂建成十家。', '长者食堂', 2025)).toMatchObject({ year: 2025, scope: 'page' });
    // 今年 on an undated page is a year we cannot tell: no one year.
    expect(yearOf('2022年的项目。今年也建。' + filler + '长者食堂建成十家。', '长者食堂', null)).toMatchObject({ year: null, scope: 'none' });
  });

  it('reads 2021年以来 and 2021年起 as the start of a span, not a year spoken of; 今年以来 is this year', () => {
    expect(yearOf('2021年以来，长者食堂遍布全市。', '长者食堂', 2025)).toMatchObject({ year: 2025, scope: 'page' });
    expect(yearOf('2021年起，长者食堂逐年增加。', '长者食堂', 2025)).toMatchObject({ year: 2025, scope: 'page' });
    expect(yearOf('今年以来，长者食堂新增五家。', '长者食堂', 2025)).toMatchObject({ year: 2025, scope: 'sentence' });
  });

  it('reads a year that opens a line after a line ending in digits (a date line) as a year', () => {
    expect(yearOf('发布时间：2025-06-01\n2025年长者食堂再添五家。', '长者食堂', 2025)).toMatchObject({ year: 2025, scope: 'sentence' });
    expect(yearOf('发布时间：2024-06-01\n2025年长者食堂再添五家。', '长者食堂', 2024)).toMatchObject({ year: 2025, word: '2025年' });
    // Inside one line, a longer run of digits is no year.
    expect(yearOf('编号12025年长者食堂。', '长者食堂', 2024).scope).toBe('page');
  });

  it('skips a range of years (2021—2025年)', () => {
    expect(yearOf('2021—2025年长者食堂规划。', '长者食堂', null).scope).toBe('none');
  });
});

const pack = buildPack(bundledDataset);
const projects = (text: string, pageDate?: string) =>
  scanText(text, pack, { pageDate }).mentions
    .filter((m) => m.kind === 'project')
    .map((m) => ({ text: m.text, id: m.id, programme: m.programme, year: m.year, ...(m.candidateYears ? { candidateYears: m.candidateYears } : {}) }));

describe('a recurring name links to the item of the year the passage speaks of', () => {
  it('links a series phrase to that year’s item (今年 from the page date, or 去年)', () => {
    expect(projects('晋江为民办实事项目：今年新建5个长者食堂。', '2025-03-01')).toEqual([
      { text: '长者食堂', id: 'wm2025-zhangzhe-shitang', programme: 'weiminbanshishi', year: 2025 },
    ]);
    expect(projects('晋江为民办实事项目：去年建成10个长者食堂。', '2023-03-01')).toEqual([
      { text: '长者食堂', id: 'wm2022-zhangzhe-shitang', programme: 'weiminbanshishi', year: 2022 },
    ]);
  });

  it('reports a round the dataset has no item for with id null and its year, never another year’s item', () => {
    expect(projects('晋江为民办实事项目：今年再建一批长者食堂。', '2024-05-01')).toEqual([
      { text: '长者食堂', id: null, programme: 'weiminbanshishi', year: 2024 },
    ]);
    expect(projects('2026年晋江为民办实事将继续建设百姓健身驿站。')).toEqual([
      { text: '百姓健身驿站', id: null, programme: 'weiminbanshishi', year: 2026 },
    ]);
  });

  it('says which years it could be when the year cannot be told', () => {
    expect(projects('晋江为民办实事：长者食堂越办越多。')).toEqual([
      { text: '长者食堂', id: null, programme: 'weiminbanshishi', year: null, candidateYears: [2022, 2025] },
    ]);
  });

  it('finds a list item whose name another year prints with its verb (实施残疾人康复和帮扶工程 on a 2021 page)', () => {
    expect(projects('晋江市2021年为民办实事项目：实施残疾人康复和帮扶工程已完成。')[0]).toMatchObject({ id: 'wm2021-canjiren-kangfu', year: 2021 });
    expect(projects('晋江市2022年为民办实事项目：实施残疾人康复和帮扶工程已完成。')[0]).toMatchObject({ id: 'wm2022-canjiren-kangfu', year: 2022 });
  });

  it('tells a name printed in two years apart by the year', () => {
    expect(projects('2021年，晋江新建或改建38个中小学心理辅导室项目进展顺利。')[0]).toMatchObject({ id: 'wm2021-xinli-fudaoshi', year: 2021 });
    expect(projects('2022年，晋江新建或改建38个中小学心理辅导室全部完成。')[0]).toMatchObject({ id: 'wm2022-xinli-fudaoshi', year: 2022 });
    expect(projects('晋江新建或改建38个中小学心理辅导室。')[0]).toMatchObject({ id: null, year: null, candidateYears: [2021, 2022] });
  });

  it('keeps a table row’s own evidence over a year taken from the page date alone', () => {
    const row = '晋江市民生微实事项目完成情况公开表\n4\t政府办\t智慧停车\t已完成\n51\t体育局\t基层体育场地设施建设项目\t已完成';
    expect(projects(row, '2024-02-06')).toEqual([
      { text: '智慧停车', id: 'mw2023-004', programme: 'minsheng-weishishi', year: 2023 },
      { text: '基层体育场地设施建设项目', id: 'mw2023-051', programme: 'minsheng-weishishi', year: 2023 },
    ]);
    // The same phrase outside a table, on a page of 2024 that names the programme: 2024's round.
    expect(projects('晋江为民办实事：智慧停车再扩面。', '2024-02-06')).toEqual([{ text: '智慧停车', id: null, programme: 'weiminbanshishi', year: 2024 }]);
  });

  it('does not take another city’s round for Jinjiang’s', () => {
    expect(projects('深圳市福田区今年新建长者食堂，纳入民生微实事。', '2025-01-01')).toEqual([]);
  });

  it('leaves the 117 specific names of 2023 alone whatever year the passage speaks of', () => {
    expect(projects('2025年，晋江市公安局的“微车管所”仍在运行。', '2025-06-01')).toEqual([
      { text: '微车管所', id: 'mw2023-023', programme: 'minsheng-weishishi', year: 2023 },
    ]);
  });
});
