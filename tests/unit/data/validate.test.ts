import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/data/build-dataset';
import type { Dataset } from '../../../lib/data/types';
import { DatasetError, validateDataset } from '../../../lib/data/validate';

const committed = (): Dataset => JSON.parse(readFileSync(join(REPO_ROOT, 'data/dataset.json'), 'utf8')) as Dataset;

/** Validates a copy of the committed dataset after `breakIt` has damaged it; returns the error message. */
function errorAfter(breakIt: (d: Dataset) => void): string {
  const d = committed();
  breakIt(d);
  try {
    validateDataset(d);
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return (e as Error).message;
  }
  throw new Error('validateDataset accepted a broken dataset');
}

describe('validateDataset', () => {
  it('accepts the committed dataset', () => {
    const d = committed();
    expect(validateDataset(d)).toBe(d);
  });

  it('rejects what is not a dataset', () => {
    expect(() => validateDataset(null)).toThrow('$: expected an object, got null');
    expect(() => validateDataset([])).toThrow('$: expected an object, got an array');
    expect(() => validateDataset({})).toThrow('meta: missing');
  });

  it('names the bad field of a status', () => {
    expect(errorAfter((d) => ((d.items[3] as { status: string }).status = 'done'))).toBe(
      'items[3].status: expected one of completed, in_progress, not_started, unknown; got "done"',
    );
  });

  it('rejects an unknown field and a missing one', () => {
    expect(errorAfter((d) => Object.assign(d.units[0]!, { alias: [] }))).toBe('units[0].alias: unknown field');
    expect(errorAfter((d) => delete (d.places[2] as Partial<Dataset['places'][number]>).source)).toBe('places[2].source: missing');
  });

  it('rejects duplicate ids and names', () => {
    expect(errorAfter((d) => (d.units[5]!.id = d.units[4]!.id))).toMatch(/^units\[5\]\.id: duplicate id "/);
    expect(errorAfter((d) => (d.places[1]!.name = d.places[0]!.name))).toMatch(/^places\[1\]\.name: duplicate name "霞美村"/);
  });

  it('keeps the 117 table rows, their ids identity and not position (issue 11, item 8)', () => {
    expect(errorAfter((d) => d.items.splice(10, 1))).toBe('items: expected 117 items of the 2023 minsheng-weishishi table, got 116');
    // Ids are not tied to a row's place or its 序号: rows in another order are the same items.
    const reordered = committed();
    [reordered.items[3], reordered.items[40]] = [reordered.items[40]!, reordered.items[3]!];
    expect(validateDataset(reordered).items[3]!.id).toBe('mw2023-041');
    // … but each number of the table and each frozen id once.
    expect(errorAfter((d) => (d.items[11]!.seq = 11))).toBe('items[11].seq: duplicate seq 11 in minsheng-weishishi-2023 (also mw2023-011)');
    expect(errorAfter((d) => (d.items[0]!.id = 'mw2023-999'))).toBe('items[0].id: not one of the table\'s ids mw2023-001…117, got "mw2023-999"');
  });

  it("checks each item's unit, places, source and town", () => {
    expect(errorAfter((d) => (d.items[7]!.unitId = 'nowhere'))).toBe('items[7].unitId: unknown unit id "nowhere"');
    expect(errorAfter((d) => (d.items[7]!.unit = '民政局'))).toBe('items[7].unit: "民政局" does not match unit tongzhanbu\'s name "市委统战部"');
    expect(errorAfter((d) => d.items[11]!.places.push('火星村'))).toBe('items[11].places[1]: unknown place "火星村"');
    expect(errorAfter((d) => (d.items[0]!.statusHistory[0]!.source = d.items[0]!.source = 'rumour'))).toBe('items[0].statusHistory[0].source: unknown source "rumour"');
    expect(errorAfter((d) => (d.items[0]!.source = 'qzce-2023-01-06'))).toBe(
      'items[0].source: "qzce-2023-01-06" differs from the latest statusHistory entry\'s "jjjjb-2024-02-06"',
    );
    expect(errorAfter((d) => (d.items[91]!.town = '陈埭镇'))).toBe('items[91].town: the lead unit is 池店镇, so town must be "池店镇"');
  });

  it('checks dates, versions and hashes by format', () => {
    expect(errorAfter((d) => (d.items[0]!.statusAsOf = '2024-02-30'))).toBe('items[0].statusAsOf: not a real date: "2024-02-30"');
    expect(errorAfter((d) => (d.items[0]!.statusHistory[0]!.asOf = '2024-13-01'))).toBe('items[0].statusHistory[0].asOf: not a real date: "2024-13-01"');
    expect(errorAfter((d) => (d.sources[0]!.date = '6 Feb 2024'))).toBe('sources[0].date: expected an ISO date (YYYY-MM-DD), got "6 Feb 2024"');
    expect(errorAfter((d) => (d.meta.version = 'v1'))).toBe('meta.version: expected a semver version like "1.0.0", got "v1"');
    expect(errorAfter((d) => (d.meta.hash = 'abc'))).toMatch(/^meta\.hash: expected a sha-256 hex digest/);
  });

  it('checks the counts in meta against the data', () => {
    const n = committed().items.length;
    const done = committed().items.filter((i) => i.status === 'completed').length;
    expect(errorAfter((d) => (d.meta.counts.items = n - 1))).toBe(`meta.counts.items: expected ${n} (counted), got ${n - 1}`);
    expect(errorAfter((d) => (d.items[4]!.status = 'unknown'))).toBe('items[4].status: "unknown" differs from the latest statusHistory entry\'s "completed"');
    expect(
      errorAfter((d) => {
        d.items[4]!.status = 'unknown';
        d.items[4]!.statusHistory.at(-1)!.status = 'unknown';
      }),
    ).toBe(`meta.counts.completed: expected ${done - 1} (counted), got ${done}`);
    expect(errorAfter((d) => (d.meta.counts.programmes = 1))).toMatch(/^meta\.counts\.programmes: expected \d+ \(counted\), got 1$/);
  });

  it('rejects an alias shared by two units unless it is listed as ambiguous', () => {
    const shared = (d: Dataset) => d.units.find((u) => u.id === 'minzhengju')!.aliases.push('市公安局');
    expect(errorAfter(shared)).toMatch(/^units\[\d+\]\.aliases\[2\]: "市公安局" also names unit gonganju; list it in ambiguousAliases or remove it$/);
    const d = committed();
    shared(d);
    d.ambiguousAliases!.push({ alias: '市公安局', candidates: ['gonganju', 'minzhengju'], note: 'test' });
    expect(() => validateDataset(d)).not.toThrow();
  });

  it('rejects an ambiguous alias whose candidate is not a unit', () => {
    expect(errorAfter((d) => d.ambiguousAliases!.push({ alias: 'x', candidates: ['ghost'], note: 'n' }))).toMatch(
      /^ambiguousAliases\[\d+\]\.candidates\[0\]: unknown unit id "ghost"$/,
    );
  });

  it('rejects a keyphrase claimed by two items', () => {
    expect(errorAfter((d) => d.items[60]!.keyphrases.push('家风书场'))).toBe(
      'items[60].keyphrases[2]: "家风书场" is also a keyphrase of mw2023-001; make it a genericPhrase',
    );
  });

  const at = (d: Dataset, id: string) => d.items.findIndex((i) => i.id === id);

  it('checks a status history: not empty, oldest first, sources known, latest = the status fields', () => {
    const fit = at(committed(), 'wm2024-baixing-jianshen');
    expect(errorAfter((d) => (d.items[fit]!.statusHistory = []))).toBe(`items[${fit}].statusHistory: expected at least one entry`);
    expect(errorAfter((d) => d.items[fit]!.statusHistory.reverse())).toBe(
      `items[${fit}].statusHistory[1].asOf: 2024-03-20 is before the entry above it (2024-07-16); oldest first`,
    );
    expect(errorAfter((d) => (d.items[fit]!.statusNote = 'x'))).toMatch(new RegExp(`^items\\[${fit}\\]\\.statusNote: "x" differs from the latest`));
    expect(errorAfter((d) => (d.items[fit]!.statusHistory[0]!.status = 'done' as never))).toBe(
      `items[${fit}].statusHistory[0].status: expected one of completed, in_progress, not_started, unknown; got "done"`,
    );
  });

  it('derives known and complete for each programme, and needs a programme for every item', () => {
    const p21 = committed().programmes.findIndex((p) => p.id === 'weiminbanshishi-2021');
    expect(errorAfter((d) => (d.programmes[p21]!.known = 22))).toBe(`programmes[${p21}].known: expected 14 (counted), got 22`);
    expect(errorAfter((d) => (d.programmes[p21]!.complete = true))).toBe(`programmes[${p21}].complete: expected false (known 14 of 22)`);
    expect(errorAfter((d) => (d.programmes[p21]!.announced = 10))).toBe(`programmes[${p21}].known: 14 items known but the list has 10`);
    expect(errorAfter((d) => (d.programmes[p21]!.id = 'weiminbanshishi-2020'))).toBe(`programmes[${p21}].id: expected "weiminbanshishi-2021", got "weiminbanshishi-2020"`);
    const i25 = at(committed(), 'wm2025-zhangzhe-shitang');
    expect(errorAfter((d) => (d.items[i25]!.year = 2026))).toBe(`items[${i25}].year: no programme "weiminbanshishi-2026" for this item`);
  });

  it('keeps item ids unique, in their programme and year, and the 117 table ids frozen', () => {
    const i24 = at(committed(), 'wm2024-ziban-shitang');
    expect(errorAfter((d) => (d.items[i24]!.id = 'wm2021-ziban-shitang'))).toMatch(/duplicate id "wm2021-ziban-shitang"$/);
    expect(errorAfter((d) => (d.items[i24]!.id = 'wm2025-ziban-shitang'))).toBe(
      `items[${i24}].id: an item of weiminbanshishi-2024 has an id starting "wm2024-", got "wm2025-ziban-shitang"`,
    );
    expect(errorAfter((d) => (d.items[5]!.id = 'mw2023-ziban'))).toBe('items[5].id: not one of the table\'s ids mw2023-001…117, got "mw2023-ziban"');
    expect(errorAfter((d) => (d.items[5]!.programme = 'weiminbanshishi'))).toMatch(/^items: expected 117 items of the 2023 minsheng-weishishi table, got 116$/);
  });

  it('checks series, targets and sources', () => {
    const i24 = at(committed(), 'wm2024-ziban-shitang');
    expect(errorAfter((d) => (d.items[i24]!.series = 'nope'))).toBe(`items[${i24}].series: unknown series "nope"`);
    expect(errorAfter((d) => (d.items[i24]!.targets![0]!.value = -1))).toBe(`items[${i24}].targets[0].value: expected a positive number, got number -1`);
    expect(errorAfter((d) => (d.items[i24]!.targets![0]!.source = 'x'))).toBe(`items[${i24}].targets[0].source: unknown source "x"`);
    expect(errorAfter((d) => (d.series[0]!.source = 'x'))).toBe('series[0].source: unknown source "x"');
    expect(errorAfter((d) => ((d.sources[1] as { script: string }).script = 'Latn'))).toBe('sources[1].script: expected one of Hans, Hant; got "Latn"');
    expect(errorAfter((d) => (d.items[i24]!.unitId = 'gonganju'))).toBe(`items[${i24}].unit: unitId and unit go together`);
  });
});
