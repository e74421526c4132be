import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, REPO_ROOT, serializeDataset } from '../../../scripts/data/build-dataset';
import { bundledDataset, itemBySeq, unitByName } from '../../../lib/data/dataset';
import { canonicalJson, datasetHash, sha256Hex } from '../../../lib/data/hash';

const d = bundledDataset;
const unitOf = (name: string) => {
  const u = unitByName(name);
  if (u === undefined) throw new Error(`no unit ${name}`);
  return u;
};

describe('the bundled dataset', () => {
  const table = d.items.filter((i) => i.programme === 'minsheng-weishishi' && i.year === 2023);

  it('holds the 117 projects of 82 lead units, all completed as of the source date, with their v1 ids', () => {
    expect(table).toHaveLength(117);
    expect(table.map((i) => i.id)).toEqual(Array.from({ length: 117 }, (_, k) => `mw2023-${String(k + 1).padStart(3, '0')}`));
    expect(table.map((i) => i.seq)).toEqual(Array.from({ length: 117 }, (_, k) => k + 1));
    expect(d.units).toHaveLength(82);
    expect(table.filter((i) => i.status === 'completed')).toHaveLength(117);
    expect(new Set(table.map((i) => i.statusAsOf))).toEqual(new Set(['2024-02-06']));
    for (const i of table) expect(i.statusHistory).toEqual([{ status: 'completed', asOf: '2024-02-06', source: 'jjjjb-2024-02-06', note: i.statusNote }]);
    expect(d.meta.counts).toEqual({
      items: d.items.length,
      units: 82,
      places: d.places.length,
      figures: d.figures.length,
      completed: d.items.filter((i) => i.status === 'completed').length,
      programmes: d.programmes.length,
      series: d.series.length,
    });
    expect(d.meta.version).toMatch(/^2\./);
  });

  it('holds the yearly 为民办实事 lists from 2021, each saying how much of it is known', () => {
    const summary = d.programmes.map((p) => [p.id, p.known, p.announced, p.complete]);
    expect(summary).toEqual([
      ['weiminbanshishi-2021', 14, 22, false],
      ['weiminbanshishi-2022', 18, 22, false],
      ['minsheng-weishishi-2023', 117, 117, true],
      ['weiminbanshishi-2023', 2, 24, false],
      ['weiminbanshishi-2024', 11, 20, false],
      ['weiminbanshishi-2025', 1, null, false],
    ]);
    for (const p of d.programmes) {
      expect(d.items.filter((i) => i.programme === p.programme && i.year === p.year)).toHaveLength(p.known);
      if (!p.complete) expect(p.note).toBeTruthy();
    }
  });

  it('gives each yearly item a dated history whose latest entry is its status, and units only where sourced', () => {
    const sourceIds = new Set(d.sources.map((s) => s.id));
    for (const i of d.items.filter((x) => x.programme === 'weiminbanshishi')) {
      expect(i.id.startsWith(`wm${i.year}-`)).toBe(true);
      expect(i.seq).toBeUndefined();
      expect(i.unitId).toBeUndefined(); // no source of the yearly lists names a lead unit as such
      const last = i.statusHistory.at(-1)!;
      expect([i.status, i.statusAsOf, i.source, i.statusNote]).toEqual([last.status, last.asOf, last.source, last.note]);
      for (const e of i.statusHistory) expect(sourceIds.has(e.source)).toBe(true);
    }
    const all2022 = d.items.filter((i) => i.programme === 'weiminbanshishi' && i.year === 2022);
    expect(all2022.every((i) => i.status === 'completed' && i.statusAsOf === '2023-01-06')).toBe(true);
    const fitness = d.items.find((i) => i.id === 'wm2024-baixing-jianshen')!;
    expect(fitness.statusHistory.map((e) => [e.status, e.asOf])).toEqual([
      ['not_started', '2024-03-20'],
      ['in_progress', '2024-07-16'],
    ]);
    expect(d.items.find((i) => i.id === 'wm2023-zhihui-tingche')!.targets).toEqual([{ what: '全市新增停车位', value: 3000, unit: '个', source: 'jjjjb-2024-02-06' }]);
  });

  it('ties recurring names together in series, each with a source, across years', () => {
    const years = (id: string) => [...new Set(d.items.filter((i) => i.series === id).map((i) => i.year))].sort();
    expect(years('ziban-shitang')).toEqual([2021, 2023, 2024]);
    expect(years('gongjiao-fuwu')).toEqual([2022, 2023, 2024]);
    expect(years('jiceng-tiyu')).toEqual([2022, 2023, 2024]);
    expect(years('zhangzhe-shitang')).toEqual([2022, 2025]);
    const sourceIds = new Set(d.sources.map((s) => s.id));
    for (const s of d.series) {
      expect(sourceIds.has(s.source)).toBe(true);
      expect(d.items.some((i) => i.series === s.id)).toBe(true);
    }
    expect(d.series.find((s) => s.id === 'sibang-sifu')!.traditional).toContain('四幫四扶');
  });

  it('records how each source writes and who first published a mirrored page', () => {
    const mirror = d.sources.find((s) => s.id === 'ghqlgyb-mnw-2024-10')!;
    expect(mirror).toMatchObject({ script: 'Hant', originalPublisher: '闽南网' });
    expect(d.sources.find((s) => s.id === 'jjjjb-2024-02-06')!.script).toBe('Hans');
  });

  it('gives every item, unit, place and figure a unique id', () => {
    for (const xs of [d.items, d.units, d.places, d.figures, d.sources]) {
      expect(new Set(xs.map((x) => x.id)).size).toBe(xs.length);
    }
  });

  it("links every item to an existing unit whose name it carries, and notes the merged 完成情况 cell", () => {
    for (const item of table) {
      const unit = d.units.find((u) => u.id === item.unitId);
      expect(unit?.name).toBe(item.unit);
      expect(item.statusNote).toMatch(/合并单元格/);
    }
    expect(new Set(table.map((i) => i.unitId)).size).toBe(82);
  });

  it('lets each alias name one unit, unless it is listed as ambiguous', () => {
    const ambiguous = new Set(d.ambiguousAliases?.map((a) => a.alias));
    const owners = new Map<string, Set<string>>();
    for (const u of d.units) {
      for (const form of [u.name, ...u.aliases, ...u.traditional]) owners.set(form, (owners.get(form) ?? new Set()).add(u.id));
    }
    const shared = [...owners].filter(([form, ids]) => ids.size > 1 && !ambiguous.has(form));
    expect(shared).toEqual([]);
  });

  it('never takes the whole city leadership for a unit', () => {
    const forms = new Set(d.units.flatMap((u) => [u.name, ...u.aliases]));
    for (const bare of ['晋江', '晋江市', '晋江市委', '晋江市政府', '市委', '市政府', '晋江市委书记']) expect(forms.has(bare)).toBe(false);
  });

  it('writes units the way real pages do', () => {
    expect(unitOf('公安局').aliases).toEqual(expect.arrayContaining(['晋江市公安局', '市公安局']));
    expect(unitOf('市场监督管理局').aliases).toEqual(expect.arrayContaining(['晋江市市场监督管理局', '市市场监管局', '晋江市市场监管局']));
    expect(unitOf('经济开发区').aliases).toContain('晋江经济开发区');
    expect(unitOf('池店镇')).toMatchObject({ kind: '镇', town: '池店镇', fullName: '晋江市池店镇' });
    expect(unitOf('池店镇').aliases).not.toContain('池店');
    expect(unitOf('团市委').fullName).toBe('共青团晋江市委员会');
  });

  it('carries Traditional forms, leaving out those equal to the Simplified', () => {
    expect(unitOf('公安局').traditional).not.toContain('公安局');
    expect(unitOf('公安局').traditional).toContain('晉江市公安局');
    expect(unitOf('市场监督管理局').traditional).toEqual(expect.arrayContaining(['市場監督管理局', '晉江市市場監管局']));
    expect(unitOf('台联').traditional).toEqual(expect.arrayContaining(['臺聯', '台聯']));
    expect(unitOf('池店镇').traditional).toContain('池店鎮');
  });

  it('places each project in its town where the source establishes one', () => {
    expect(itemBySeq(12)).toMatchObject({ town: '池店镇', places: ['潘湖村'] });
    expect(itemBySeq(8)).toMatchObject({ town: '内坑镇', places: ['霞美村', '锦霞路'] });
    expect(itemBySeq(18)).toMatchObject({ town: '永和镇', places: ['锦岭村'] });
    expect(itemBySeq(9)?.town).toBeUndefined();
    for (const item of d.items.filter((i) => i.town !== undefined && d.units.find((u) => u.id === i.unitId)?.town === undefined)) {
      expect(item.note, `seq ${item.seq} needs a note saying why it has a town`).toBeTruthy();
    }
    expect(d.places.find((p) => p.name === '霞村村')?.town).toBe('陈埭镇');
    expect(d.places.find((p) => p.name === '张林村')?.town).toBeUndefined();
  });

  it('tells near-twin projects apart only by context', () => {
    for (const seq of [24, 105]) {
      expect(itemBySeq(seq)?.keyphrases).toEqual([]);
      expect(itemBySeq(seq)?.genericPhrases).toContain('适老化改造');
    }
    expect(itemBySeq(24)?.contextWords).toContain('民政局');
    expect(itemBySeq(105)?.contextWords).toContain('永和');
    expect(itemBySeq(23)?.keyphrases).toContain('微车管所');
    expect(itemBySeq(61)?.keyphrases).toContain('晋江司机之家');
    expect(itemBySeq(39)?.genericPhrases).toContain('司机之家');
  });

  it('states the programme figures', () => {
    const value = (id: string) => d.figures.find((f) => f.id === id)?.value;
    expect(value('weimin-banshishi-items')).toBe(24);
    expect(value('minsheng-weishishi-items')).toBe(117);
    expect(value('xianchang-bangong-funds')).toBe(1160);
  });
});

describe('hash', () => {
  it('sorts keys and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: '晋江' }] })).toBe('{"a":[2,{"c":"晋江"}],"b":1}');
  });

  it('computes sha-256 with Web Crypto', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches meta.hash of the bundled dataset', async () => {
    expect(await datasetHash(d)).toBe(d.meta.hash);
  });
});

describe('data/build.ts', () => {
  it('rebuilds exactly the committed data/dataset.json from data/source and data/curated', async () => {
    const committed = readFileSync(join(REPO_ROOT, 'data/dataset.json'), 'utf8');
    const fresh = await buildDataset();
    expect(JSON.parse(committed)).toEqual(fresh);
    expect(serializeDataset(fresh)).toBe(committed);
  });
});
