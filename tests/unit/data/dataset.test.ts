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
  it('holds the 117 projects of 82 lead units, all completed as of the source date', () => {
    expect(d.items).toHaveLength(117);
    expect(d.units).toHaveLength(82);
    expect(d.items.filter((i) => i.status === 'completed')).toHaveLength(117);
    expect(new Set(d.items.map((i) => i.statusAsOf))).toEqual(new Set(['2024-02-06']));
    expect(d.meta.counts).toEqual({ items: 117, units: 82, places: d.places.length, figures: d.figures.length, completed: 117 });
  });

  it('gives every item, unit, place and figure a unique id', () => {
    for (const xs of [d.items, d.units, d.places, d.figures, d.sources]) {
      expect(new Set(xs.map((x) => x.id)).size).toBe(xs.length);
    }
  });

  it("links every item to an existing unit whose name it carries, and notes the merged 完成情况 cell", () => {
    for (const item of d.items) {
      const unit = d.units.find((u) => u.id === item.unitId);
      expect(unit?.name).toBe(item.unit);
      expect(item.statusNote).toMatch(/合并单元格/);
    }
    expect(new Set(d.items.map((i) => i.unitId)).size).toBe(82);
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
