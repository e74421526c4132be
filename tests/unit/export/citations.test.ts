/**
 * The page as a source: source records from stored rows, CSL-JSON checked against the CSL
 * schema (Ajv), RIS read back by an independent parser (astrocite-ris), and the coverage CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseRis } from 'astrocite-ris';
import { describe, expect, it } from 'vitest';
import type { Note, Sighting } from '../../../lib/types/records';
import { coverageCsv, statusOn, type CoverageItem } from '../../../lib/export/coverage';
import { cslJson, sourceId, toCslItems } from '../../../lib/export/csl';
import { toRis } from '../../../lib/export/ris';
import { localDay, sourceRecords } from '../../../lib/export/sources';
import { at, sampleNotes, sampleSightings } from '../../helpers/user-rows';

const schema = JSON.parse(readFileSync(join(__dirname, '../../fixtures/csl/csl-data.json'), 'utf8')) as object;
const validateCsl = new Ajv({ allErrors: true, strict: false }).compile(schema);

const names = new Map([
  ['mw2023-002', '2. 推动“微车管所”进五里工业园区'],
  ['mw2023-003', '3. 家风书场'],
  ['gonganju', '公安局'],
]);

/** Page A seen with meta on the latest visit, a unit seen there first, a note on page B. */
function rows(): { notes: Note[]; sightings: Sighting[] } {
  const sightings = sampleSightings();
  sightings[0]!.meta = { siteName: '晋江新闻网', author: 'Lin, Xiao', published: '2024-02-06' };
  sightings[0]!.sentence = '公安局推动“微车管所”进五里工业园区。';
  const unitSeen: Sighting = {
    ...sightings[0]!,
    key: 'gonganju|https://news.example.cn/a',
    target: { kind: 'unit', id: 'gonganju' },
    targetId: 'gonganju',
    quote: '公安局',
    firstSeen: at(-5),
    lastSeen: at(-5),
    meta: { siteName: '旧名' },
  };
  return { notes: sampleNotes(), sightings: [unitSeen, ...sightings] };
}

describe('pages as source records', () => {
  it('makes one record per page with the latest meta, the first access and projects before units', () => {
    const { notes, sightings } = rows();
    const records = sourceRecords(notes, sightings);
    expect(records.map((r) => r.canonicalUrl)).toEqual(['https://news.example.cn/a', 'https://news.example.cn/b', 'https://news.example.cn/c', 'https://www.jinjiang.gov.cn/x']);
    const a = records[0]!;
    expect(a.meta).toEqual({ siteName: '晋江新闻网', author: 'Lin, Xiao', published: '2024-02-06' });
    expect(a.accessed).toBe(at(-5));
    expect(a.lastAccessed).toBe(at(30));
    expect(a.sightings.map((s) => s.targetId)).toEqual(['mw2023-002', 'gonganju']);
    expect(a.notes.map((n) => n.id)).toEqual(['7c9e6679-7425-40de-944b-e07fc1f90ae7']);
    // A page known only from a note is a source too.
    expect(records[1]).toMatchObject({ title: 'B', site: 'news.example.cn', sightings: [], accessed: at(20) });
  });
});

describe('CSL-JSON', () => {
  const { notes, sightings } = rows();
  const items = toCslItems(sourceRecords(notes, sightings), names, 'Projects');

  it('validates against the CSL schema', () => {
    const ok = validateCsl(JSON.parse(cslJson(items)));
    expect(validateCsl.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: a malformed item is refused', () => {
    expect(validateCsl([{ ...items[0], type: 'web page' }])).toBe(false);
    expect(validateCsl([{ ...items[0], author: 'Lin Xiao' }])).toBe(false);
  });

  it('says what the page gave and nothing more', () => {
    const [a, b] = items;
    expect(a).toEqual({
      id: sourceId('https://news.example.cn/a'),
      type: 'webpage',
      title: '页面 news.example.cn',
      'container-title': '晋江新闻网',
      author: [{ literal: 'Lin, Xiao' }],
      issued: { 'date-parts': [[2024, 2, 6]] },
      accessed: { 'date-parts': [localDay(at(-5)).split('-').map(Number)] },
      URL: 'https://news.example.cn/a',
      note: 'Projects: 2. 推动“微车管所”进五里工业园区',
    });
    // No date, no author on the page: none invented; the outlet falls back to the site.
    expect(b).not.toHaveProperty('issued');
    expect(b).not.toHaveProperty('author');
    expect(b!['container-title']).toBe('news.example.cn');
    expect(sourceId('https://news.example.cn/a')).toBe(a!.id);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('RIS', () => {
  const { notes, sightings } = rows();
  const items = toCslItems(sourceRecords(notes, sightings), names, 'Projects');
  const ris = toRis(items);

  it('reads back, with an independent parser, to the same facts as the CSL-JSON', () => {
    const parsed = parseRis(ris) as Record<string, unknown>[];
    expect(parsed).toHaveLength(items.length);
    const a = parsed[0]!;
    expect(a).toMatchObject({ id: items[0]!.id, type: 'webpage', title: items[0]!.title, 'container-title': '晋江新闻网', URL: 'https://news.example.cn/a', note: items[0]!.note });
    expect(a.author).toEqual([{ family: 'Lin', given: 'Xiao' }]);
    expect((a.issued as { 'date-parts': string[][] })['date-parts'][0]!.map(Number)).toEqual([2024, 2, 6]);
    expect((a.accessed as { 'date-parts': string[][] })['date-parts'][0]!.map(Number)).toEqual(items[0]!.accessed['date-parts'][0]);
    expect(parsed[1]).not.toHaveProperty('issued');
  });

  it('writes tags one per CRLF line, a value never running onto the next', () => {
    const broken = toRis([{ ...items[0]!, title: '第一行\n第二行' }]);
    expect(broken).toContain('TI  - 第一行 第二行\r\n');
    for (const line of ris.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
  });
});

describe('coverage CSV', () => {
  const item = (over: Partial<CoverageItem>): CoverageItem => ({ id: 'mw2023-002', name: '推动“微车管所”进五里工业园区', seq: 2, unit: '公安局', status: 'completed', statusAsOf: '2024-02-06', ...over });

  it('takes the status in force on the page date from the history, or none', () => {
    const history = item({ statusHistory: [{ status: 'in_progress', asOf: '2023-06-30' }, { status: 'completed', asOf: '2024-02-06' }] });
    expect(statusOn(history, '2023-09-01')?.status).toBe('in_progress');
    expect(statusOn(history, '2024-02-06')?.status).toBe('completed');
    expect(statusOn(history, '2023-01-01')).toBeUndefined();
    expect(statusOn(history, undefined)).toBeUndefined();
    // A v1 item: its one status counts from its as-of date.
    expect(statusOn(item({}), '2025-01-01')).toEqual({ status: 'completed', asOf: '2024-02-06' });
  });

  it('has one row per project per page, units left out, unknowns left empty', () => {
    const { notes, sightings } = rows();
    const items = new Map([['mw2023-002', item({ programme: 'minsheng-weishishi', year: 2023 })]]);
    const csv = coverageCsv(sourceRecords(notes, sightings), items, (s) => `<${s}>`);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('project_id,table_no,programme,year,project,lead_unit,status_at_page_date,status_as_of,page_date,accessed,site,outlet,title,url,sentence');
    expect(lines.slice(1)).toEqual([
      `mw2023-002,2,minsheng-weishishi,2023,"推动“微车管所”进五里工业园区",公安局,<completed>,2024-02-06,2024-02-06,${localDay(at(-5))},news.example.cn,晋江新闻网,页面 news.example.cn,https://news.example.cn/a,公安局推动“微车管所”进五里工业园区。`.replace('"推动“微车管所”进五里工业园区"', '推动“微车管所”进五里工业园区'),
      // Page c: no page date, so no status at that date; the project left the dataset: its columns empty.
      `mw2023-003,,,,,,,,,${localDay(at(6))},news.example.cn,,页面 news.example.cn,https://news.example.cn/c,推动“微车管所”进`,
      `mw2023-002,2,minsheng-weishishi,2023,推动“微车管所”进五里工业园区,公安局,,,,${localDay(at(3))},jinjiang.gov.cn,,页面 jinjiang.gov.cn,https://www.jinjiang.gov.cn/x,推动“微车管所”进`,
    ]);
  });
});
