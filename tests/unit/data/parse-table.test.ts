import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/data/build-dataset';
import { parseTable, TABLE_HEADER } from '../../../scripts/data/parse-table';

type Row = [seq: number, unit: string, name: string];

const table = readFileSync(join(REPO_ROOT, 'data/source/table-2023.txt'), 'utf8');
const unitNames = (JSON.parse(readFileSync(join(REPO_ROOT, 'data/curated/units.json'), 'utf8')) as { units: { name: string }[] }).units.map((u) => u.name);
const expected = (JSON.parse(readFileSync(join(REPO_ROOT, 'tests/fixtures/table-expected.json'), 'utf8')) as { rows: Row[] }).rows;
const GOLD = resolve(REPO_ROOT, '../shared/gold/seed-mentions.json');

/** [seq, unit, name] per row as the hand-checked gold mentions give them (units only on group starts). */
function rowsFromGold(): Row[] {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as {
    text: string;
    gold: { kind: 'unit' | 'project'; start: number; text: string; unit?: string; seq?: number }[];
  };
  const tableStart = gold.text.indexOf('晋江市镇(街道)、市直单位民生微实事项目完成情况公开表');
  const rows: Row[] = [];
  let unit = '';
  for (const m of gold.gold.filter((g) => g.start >= tableStart).sort((a, b) => a.start - b.start)) {
    if (m.kind === 'unit') unit = m.unit!;
    else rows.push([m.seq!, unit, m.text]);
  }
  return rows;
}

const mini = (body: string) => `测试公开表\n${TABLE_HEADER}${body}`;

describe('parseTable on the 2023 table', () => {
  const rows = parseTable(table, unitNames);

  it('reads all 117 rows with the hand-checked unit and name', () => {
    expect(rows.map((r): Row => [r.seq, r.unit, r.name])).toEqual(expected);
  });

  it('agrees with the gold mentions (the committed expected rows stand in when the gold file is absent)', () => {
    const reference = existsSync(GOLD) ? rowsFromGold() : expected;
    expect(reference).toHaveLength(117);
    expect(expected).toEqual(reference);
  });

  it('finds 82 groups, each starting on the row that prints 已完成', () => {
    const starts = rows.filter((r) => r.statusPrinted);
    expect(starts).toHaveLength(82);
    expect(new Set(starts.map((r) => r.unit)).size).toBe(82);
  });

  it('keeps a town printed twice as part of the project name', () => {
    expect(rows[91]).toEqual({ seq: 92, unit: '池店镇', name: '池店镇龙池路改造工程', statusPrinted: true });
    expect(rows[92]).toEqual({ seq: 93, unit: '池店镇', name: '池店镇启承路路灯改造项目', statusPrinted: false });
    expect(rows[108]).toMatchObject({ seq: 109, unit: '金井镇', name: '金井镇湖厝村三池公园池塘清淤工程' });
  });

  it('handles the long park-office name, the stray line break at 56/57 and the last row', () => {
    expect(rows[55]).toMatchObject({ unit: '泉州半导体高新技术产业园区晋江分园区办事处', name: '园区台籍人才祖籍地家谱赠送活动' });
    expect(rows[56]).toMatchObject({ unit: '政务服务中心管委会', name: '办事大厅增加征信查询打印的便民服务功能' });
    expect(rows[116]).toMatchObject({ seq: 117, unit: '经济开发区', name: '五里园四经一路、安祥路、东山路、金源路、灵山路等5条道路改造提升项目' });
  });

  it('keeps spaces inside names and drops the repeated header', () => {
    expect(rows[2]!.name).toBe('儿童友好型社区建设——“科技点亮未来 助力儿童成长”科技节系列活动');
    expect(rows[38]!.name).toBe('推动成品油零售企业“司机之家”建设');
    expect(rows[39]).toMatchObject({ seq: 40, unit: '文旅局' });
    expect(rows.some((r) => r.name.includes('序号'))).toBe(false);
  });
});

describe('parseTable refuses what it cannot read', () => {
  const units = ['公安局', '民政局'];

  it('reads a small well-formed table', () => {
    expect(parseTable(mini('1公安局甲项目已完成2乙项目3民政局丙项目已完成'), units)).toEqual([
      { seq: 1, unit: '公安局', name: '甲项目', statusPrinted: true },
      { seq: 2, unit: '公安局', name: '乙项目', statusPrinted: false },
      { seq: 3, unit: '民政局', name: '丙项目', statusPrinted: true },
    ]);
  });

  it('rejects a missing title or header', () => {
    expect(() => parseTable(`${TABLE_HEADER}1公安局甲已完成`, units)).toThrow(/title/);
    expect(() => parseTable('测试公开表\n1公安局甲已完成', units)).toThrow(/column header/);
  });

  it('rejects a table that does not start at row 1, and numbers that go backwards', () => {
    expect(() => parseTable(mini('2公安局甲已完成'), units)).toThrow(/row 1: row numbers must run 1, 2, 3 …; found 2/);
    expect(() => parseTable(mini('1公安局甲已完成\n1民政局乙已完成'), units)).toThrow(/row 1: "已完成" inside the row; a row number may be missing or out of order/);
  });

  it('rejects a missing row number', () => {
    expect(() => parseTable(mini('1公安局甲已完成3民政局丙已完成'), units)).toThrow(/row 1: "已完成" inside the row; a row number may be missing/);
  });

  it('rejects a group start whose unit it does not know', () => {
    expect(() => parseTable(mini('1公安局甲已完成2财政局乙已完成'), units)).toThrow(/row 2: starts a group .* no known unit/);
  });

  it('rejects a first row with nothing to inherit, and a silent change of unit', () => {
    expect(() => parseTable(mini('1甲项目'), units)).toThrow(/row 1: no lead unit printed/);
    expect(() => parseTable(mini('1公安局甲已完成2民政局乙'), units)).toThrow(/row 2: begins with unit 民政局 but prints no 已完成/);
  });

  it('needs a list of units', () => {
    expect(() => parseTable(mini('1公安局甲已完成'), [])).toThrow(/empty/);
  });
});
