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

  it('requires seqs 1..n in order, with matching ids', () => {
    expect(errorAfter((d) => d.items.splice(10, 1))).toMatch(/^items\[10\]\.seq: expected 11 \(seqs run 1\.\.n in order\), got 12/);
    expect(errorAfter((d) => (d.items[0]!.id = 'mw2023-999'))).toBe('items[0].id: expected "mw2023-001" for seq 1, got "mw2023-999"');
  });

  it("checks each item's unit, places, source and town", () => {
    expect(errorAfter((d) => (d.items[7]!.unitId = 'nowhere'))).toBe('items[7].unitId: unknown unit id "nowhere"');
    expect(errorAfter((d) => (d.items[7]!.unit = '民政局'))).toBe('items[7].unit: "民政局" does not match unit tongzhanbu\'s name "市委统战部"');
    expect(errorAfter((d) => d.items[11]!.places.push('火星村'))).toBe('items[11].places[1]: unknown place "火星村"');
    expect(errorAfter((d) => (d.items[0]!.source = 'rumour'))).toBe('items[0].source: unknown source "rumour"');
    expect(errorAfter((d) => (d.items[91]!.town = '陈埭镇'))).toBe('items[91].town: the lead unit is 池店镇, so town must be "池店镇"');
  });

  it('checks dates, versions and hashes by format', () => {
    expect(errorAfter((d) => (d.items[0]!.statusAsOf = '2024-02-30'))).toBe('items[0].statusAsOf: not a real date: "2024-02-30"');
    expect(errorAfter((d) => (d.sources[0]!.date = '6 Feb 2024'))).toBe('sources[0].date: expected an ISO date (YYYY-MM-DD), got "6 Feb 2024"');
    expect(errorAfter((d) => (d.meta.version = 'v1'))).toBe('meta.version: expected a semver version like "1.0.0", got "v1"');
    expect(errorAfter((d) => (d.meta.hash = 'abc'))).toMatch(/^meta\.hash: expected a sha-256 hex digest/);
  });

  it('checks the counts in meta against the data', () => {
    expect(errorAfter((d) => (d.meta.counts.items = 116))).toBe('meta.counts.items: expected 117 (counted), got 116');
    expect(errorAfter((d) => (d.items[4]!.status = 'unknown'))).toBe('meta.counts.completed: expected 116 (counted), got 117');
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
      'items[60].keyphrases[2]: "家风书场" is also a keyphrase of seq 1; make it a genericPhrase',
    );
  });
});
