/**
 * Import fuzzing (issue 11): generated files — valid backups and W3C documents, then mutated at a
 * random place (wrong types, empty and over-long strings, control characters, lone surrogates,
 * foreign schemes, dates of 1970 or 275760, missing and unknown fields, duplicated rows), and cut or
 * re-encoded files. Every case must end one of two ways:
 * - refused with an ImportError (a field path for invalid rows), and nothing stored changed;
 * - accepted, with every row of the file in the database afterwards, and the stored data exporting
 *   (backup) and re-importing into an empty database as the same rows — for W3C imports also
 *   through the W3C export.
 * Seeded, so a failure reproduces; the figures are printed for the closing note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Follow, Note, Sighting } from '../../../lib/types/records';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import { backupToJson, exportBackup } from '../../../lib/export/backup';
import { ImportError } from '../../../lib/export/check';
import { applyImport, parseImport, previewImport, readImportFile, wipeUserData, type ParsedImport } from '../../../lib/export/import';
import { notesToAnnotationCollection } from '../../../lib/export/w3c';
import { tinyDataset } from '../../helpers/tiny-dataset';
import { addSampleRows, userTables } from '../../helpers/user-rows';
import { NASTY, pick, rng } from '../match/random';

const SEED = 20_261_129;
const CASES = 600;
const NOW = Date.UTC(2026, 0, 15);
const T0 = Date.UTC(2024, 0, 1);

type Rand = () => number;
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const uuid = (r: Rand) => [8, 4, 4, 4, 12].map((len) => Array.from({ length: len }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('')).join('-');
const words = ['微车管所', '适老化改造', '晋江', '公安局', '𠀀𪚥', '😀', 'note', '长者食堂', 'a-b', '“引号”'];
const phrase = (r: Rand, max = 4) => Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, words)).join(pick(r, ['', ' ', '，', '\n']));
const tagOf = (r: Rand) => pick(r, ['交通', '园区', '老年', 'todo', '跟进', '𠀀', 'x1']);
const urlOf = (r: Rand) => pick(r, ['https://www.ijjnews.com/a.html', 'http://www.jinjiang.gov.cn/x/y?z=1', 'https://news.example.cn/b#frag', 'https://例子.cn/路径']);
const target = (r: Rand) => (r() < 0.7 ? { kind: 'item' as const, id: pick(r, ['mw2023-001', 'mw2023-002', 'mw2023-003', 'mw2023-404']) } : { kind: 'unit' as const, id: pick(r, ['gonganju', 'minzhengju']) });

/** A note as the extension stores it (valid by construction). */
function noteOf(r: Rand): Note {
  const created = T0 + Math.floor(r() * 1e10);
  const n: Note = { id: r() < 0.8 ? uuid(r) : `n-${Math.floor(r() * 1e6)}`, targetId: '', pageUrl: '', body: r() < 0.9 ? phrase(r, 8) : '', tags: [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => tagOf(r)))], createdAt: created, updatedAt: created + Math.floor(r() * 1e8) };
  if (r() < 0.7) {
    const t = target(r);
    n.target = t;
    n.targetId = t.id;
  }
  if (r() < 0.6 || !n.target) {
    const url = urlOf(r);
    const exact = phrase(r, 2);
    const start = Math.floor(r() * 5000);
    n.anchor = { url, canonicalUrl: url.split('#')[0]!, title: r() < 0.5 ? phrase(r) .replace(/\n/g, '') : '', quote: { type: 'TextQuoteSelector', exact, prefix: phrase(r, 2), suffix: phrase(r, 2) }, position: { type: 'TextPositionSelector', start, end: start + exact.length } };
    n.pageUrl = n.anchor.canonicalUrl;
  }
  return n;
}

function followOf(r: Rand): Follow {
  const t = target(r);
  const f: Follow = { key: `${t.kind}:${t.id}`, target: t, targetId: t.id, createdAt: T0 + Math.floor(r() * 1e10) };
  if (r() < 0.5) f.statusWhenFollowed = pick(r, ['completed', 'in_progress', 'not_started', 'unknown']);
  return f;
}

function sightingOf(r: Rand): Sighting {
  const t = target(r);
  const url = urlOf(r).split('#')[0]!;
  const first = T0 + Math.floor(r() * 1e10);
  return { key: `${t.id}|${url}`, target: t, targetId: t.id, url, canonicalUrl: url, title: phrase(r).replace(/\n/g, ''), site: new URL(url).hostname.replace(/^www\./, ''), quote: phrase(r, 2), prefix: phrase(r, 1), suffix: phrase(r, 1), firstSeen: first, lastSeen: first + Math.floor(r() * 1e8), visits: 1 + Math.floor(r() * 20) };
}

const uniqueBy = <T>(rows: T[], key: (t: T) => string) => [...new Map(rows.map((x) => [key(x), x])).values()];

function backupOf(r: Rand): Json {
  const notes = uniqueBy(Array.from({ length: Math.floor(r() * 5) }, () => noteOf(r)), (n) => n.id);
  const follows = uniqueBy(Array.from({ length: Math.floor(r() * 4) }, () => followOf(r)), (f) => f.key);
  const sightings = uniqueBy(Array.from({ length: Math.floor(r() * 4) }, () => sightingOf(r)), (s) => s.key);
  return JSON.parse(JSON.stringify({ format: 'minsheng-lens/backup', version: 1, exportedAt: new Date(NOW - 1000).toISOString(), dataset: { version: '1.0.0', hash: 'hash-v1' }, notes, follows, sightings })) as Json;
}

function w3cOf(r: Rand): Json {
  const notes = uniqueBy(Array.from({ length: 1 + Math.floor(r() * 4) }, () => noteOf(r)), (n) => n.id);
  const doc = JSON.parse(JSON.stringify(notesToAnnotationCollection(notes, '笔记', NOW))) as { first: { items: Json[] } };
  const shape = r();
  if (shape < 0.15) return doc.first.items; // a bare array
  if (shape < 0.25) return doc.first.items[0]!; // a single annotation
  return doc as unknown as Json;
}

/** Hostile and odd values a field may get. */
function oddValue(r: Rand): Json {
  return pick<() => Json>(r, [
    () => null,
    () => true,
    () => -1,
    () => 1.5,
    () => 0,
    () => 1e300,
    () => '',
    () => 'x'.repeat(pick(r, [201, 300, 500, 2_001, 100_001])),
    () => pick(r, NASTY),
    () => `a${pick(r, ['\u0000', '\u0007', '\u001b', '\ud800', '\u2028'])}b`,
    () => pick(r, ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'https://a.cn/x y', 'http://a.cn/\n', 'ftp://a.cn/']),
    () => pick(r, [0, 1000, Date.UTC(1970, 0, 1), Date.UTC(2150, 0, 1), 8.64e15]),
    () => pick(r, ['1970-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '2150-01-01T00:00:00Z', 'yesterday', '2024-13-45']),
    () => pick(r, ['urn:minsheng-lens:note:%E0%A4%A', 'urn:uuid:', 'urn:minsheng-lens:item:', 'urn:minsheng-lens:item:' + 'y'.repeat(300)]),
    () => [],
    () => [pick(r, ['', ' ', '#', 'a,b', 'ok'])],
    () => ({}),
    () => ({ type: 'TextQuoteSelector' }),
  ])();
}

/** Every path into a JSON value, with a setter and a deleter for it. */
interface Spot {
  key: string;
  value: Json;
  set: (v: Json) => void;
  del: () => void;
}

function places(root: Json): Spot[] {
  const out: Spot[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        out.push({ key: String(i), value: c, set: (x) => void (v[i] = x), del: () => void v.splice(i, 1) });
        walk(c);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ key: k, value: v[k]!, set: (x) => void (v[k] = x), del: () => void delete v[k] });
        walk(v[k]!);
      }
    }
  };
  walk(root);
  return out;
}

const NAMED = new Set(['id', 'source', 'created', 'modified', 'url', 'canonicalUrl', 'value', 'exact', 'prefix', 'start', 'end', 'tags', 'createdAt', 'updatedAt', 'firstSeen', 'lastSeen', 'visits', 'site', 'key', 'title']);

/** Values aimed at one field's rule. */
function oddFor(r: Rand, key: string): Json {
  if (key === 'id' || key === 'key') return pick(r, ['urn:minsheng-lens:note:%E0%A4%A', 'urn:minsheng-lens:note:%', 'urn:minsheng-lens:note:' + 'z'.repeat(300), 'i'.repeat(500), '', 'urn:uuid:', 'a\u0000b']);
  if (['source', 'url', 'canonicalUrl'].includes(key)) return pick(r, ['javascript:alert(1)', 'data:,x', 'https://a.cn/x y', 'https://a.cn/\u0007', 'file:///x', '//a.cn/x', '']);
  if (['created', 'modified'].includes(key)) return pick(r, ['1970-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '2150-06-01T00:00:00Z', 'soon', '']);
  if (['createdAt', 'updatedAt', 'firstSeen', 'lastSeen'].includes(key)) return pick(r, [0, 1e9, Date.UTC(2150, 0, 1), 8.64e15, -5, 1.5]);
  if (['start', 'end', 'visits'].includes(key)) return pick(r, [-1, 1.5, 2e9, 0, '3']);
  if (key === 'tags') return pick(r, [[''], ['a b'], ['#x'], ['t'.repeat(300)], Array.from({ length: 60 }, (_, i) => `t${i}`), ['dup', 'dup']]);
  return oddValue(r);
}

/** W3C annotations from other tools often give the quote without a position. */
function dropPositions(r: Rand, doc: Json): void {
  for (const p of places(doc)) if (p.key === 'selector' && Array.isArray(p.value) && r() < 0.7) p.set(p.value.filter((s) => !(s && typeof s === 'object' && !Array.isArray(s) && s.type === 'TextPositionSelector')));
}

/** A change a valid file may well have: times ahead of the clock, odd but legal text, tags typed by hand. */
function benign(r: Rand, spot: Spot): void {
  const v = spot.value;
  if (typeof v === 'number' && v > 1e12) spot.set(pick(r, [Date.UTC(2150, 0, 1), NOW + 3_600_000, Date.UTC(2000, 0, 1)]));
  else if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) spot.set(pick(r, ['2150-01-01T00:00:00.000Z', '2026-01-15T09:00:00+08:00', '2001-02-03T04:05:06Z']));
  else if (typeof v === 'string') spot.set(v + pick(r, ['𠀀', '😀', ' ', '\t', '\n', '“”', '\u200b', 'Ａ']));
}

function mutate(r: Rand, doc: Json): Json {
  const all = places(doc);
  if (!all.length) return doc;
  // A third of the time, a field where the rules are (ids, addresses, dates, text, offsets).
  const named = all.filter((p) => NAMED.has(p.key));
  if (r() < 0.35 && named.length) {
    const spot = pick(r, named);
    if (r() < 0.3) benign(r, spot);
    else spot.set(oddFor(r, spot.key));
    return doc;
  }
  const spot = pick(r, all);
  if (r() < 0.3) {
    benign(r, spot);
    return doc;
  }
  const how = r();
  if (how < 0.6) spot.set(oddValue(r));
  else if (how < 0.75) spot.del();
  else if (how < 0.85 && spot.value && typeof spot.value === 'object' && !Array.isArray(spot.value)) (spot.value as Record<string, Json>)['extra'] = 1;
  else if (Array.isArray(spot.value) && spot.value.length) spot.value.push(JSON.parse(JSON.stringify(spot.value[0])) as Json);
  else spot.set(oddValue(r));
  return doc;
}

/** The file as bytes: mostly plain UTF-8 JSON; sometimes cut, re-encoded, or with a BOM. */
function bytesOf(r: Rand, doc: Json): Uint8Array<ArrayBuffer> {
  const text = JSON.stringify(doc);
  const how = r();
  if (how < 0.04) return new TextEncoder().encode(text.slice(0, Math.floor(text.length * r())));
  if (how < 0.07) return new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  if (how < 0.09) return new Uint8Array([...new TextEncoder().encode(text.slice(0, 20)), 0xc4, 0xe3, ...new TextEncoder().encode(text.slice(20))]);
  if (how < 0.11) return new TextEncoder().encode(`\uFEFF${text}`);
  return new TextEncoder().encode(text);
}

const sortRows = (t: Awaited<ReturnType<typeof userTables>>) => t;

let home: LensDb;
let spare: LensDb;
beforeAll(async () => {
  home = new LensDb('fuzz-home');
  spare = new LensDb('fuzz-spare');
  for (const db of [home, spare]) {
    await db.open();
    await seedDataset(db, tinyDataset('1.0.0', 'hash-v1'));
  }
});
afterAll(async () => {
  await home.delete();
  await spare.delete();
});

/** Imports into an empty database and answers what it then holds. */
async function reimport(parsed: ParsedImport) {
  await wipeUserData(spare);
  await applyImport(spare, parsed.rows);
  return userTables(spare);
}

describe('import fuzzing', () => {
  it(`${CASES} generated files: refused with a message naming the field, or accepted, kept whole and round-tripped`, async () => {
    const r = rng(SEED);
    const figures = { tried: 0, refused: 0, refusedByCode: {} as Record<string, number>, accepted: 0, acceptedUnmutated: 0, rowsInAccepted: 0, rowsLost: 0, clamped: 0 };
    for (let i = 0; i < CASES; i++) {
      const w3c = r() < 0.4;
      const doc = w3c ? w3cOf(r) : backupOf(r);
      const mutations = r() < 0.25 ? 0 : 1 + Math.floor(r() * 2);
      if (w3c && r() < 0.3) dropPositions(r, doc);
      for (let m = 0; m < mutations; m++) mutate(r, doc);
      const bytes = bytesOf(r, doc);
      figures.tried++;

      await wipeUserData(home);
      await addSampleRows(home);
      const before = await userTables(home);
      let parsed: ParsedImport;
      try {
        parsed = await readImportFile(new Blob([bytes]), NOW);
      } catch (err) {
        // A refusal is an ImportError with its own message; an invalid row names its field.
        expect(err, `case ${i}: ${String(err)}`).toBeInstanceOf(ImportError);
        const e = err as ImportError;
        if (e.code === 'invalid') {
          expect(e.path, `case ${i}: ${e.message}`).toMatch(/^\$/);
          expect(e.message).toContain(e.path!);
        }
        figures.refused++;
        figures.refusedByCode[e.code] = (figures.refusedByCode[e.code] ?? 0) + 1;
        expect(await userTables(home), `case ${i}: a refused file changed stored rows`).toEqual(before);
        continue;
      }
      figures.accepted++;
      if (!mutations) figures.acceptedUnmutated++;
      figures.clamped += parsed.clamped.length;
      // Accepted: the preview and the write agree, and every row of the file is in the database.
      const preview = await previewImport(home, parsed.rows);
      const applied = await applyImport(home, parsed.rows);
      expect(applied, `case ${i}`).toEqual(preview);
      const after = await userTables(home);
      const has = { notes: new Set(after.notes.map((n) => n.id)), follows: new Set(after.follows.map((f) => f.key)), sightings: new Set(after.sightings.map((s) => s.key)) };
      const rows = [...parsed.rows.notes.map((n) => has.notes.has(n.id)), ...parsed.rows.follows.map((f) => has.follows.has(f.key)), ...parsed.rows.sightings.map((s) => has.sightings.has(s.key))];
      figures.rowsInAccepted += rows.length;
      figures.rowsLost += rows.filter((ok) => !ok).length;
      // Nothing the user had is lost either.
      for (const n of before.notes) expect(has.notes.has(n.id)).toBe(true);

      // Round trip: what is stored exports and re-imports into an empty database as the same rows.
      const backup = parseImport(JSON.parse(backupToJson(await exportBackup(home, NOW))), NOW);
      expect(backup.clamped, `case ${i}`).toEqual([]);
      expect(sortRows(await reimport(backup)), `case ${i}: backup round trip`).toEqual(sortRows(after));
      if (parsed.kind === 'annotations') {
        // Notes that came in as W3C annotations go out and back through W3C unchanged.
        const imported = parsed.rows.notes.map((n) => after.notes.find((x) => x.id === n.id)!);
        const again = parseImport(JSON.parse(JSON.stringify(notesToAnnotationCollection(imported, 'x', NOW))), NOW);
        const byId = (a: Note, b: Note) => (a.id < b.id ? -1 : 1);
        expect([...again.rows.notes].sort(byId), `case ${i}: W3C round trip`).toEqual([...imported].sort(byId));
      }
    }
    console.info(`[import fuzzing] seed ${SEED}: ${JSON.stringify(figures)}`);
    expect(figures.tried).toBe(CASES);
    expect(figures.rowsLost).toBe(0);
    // The generator reaches both outcomes in numbers (not a test of one side only).
    expect(figures.accepted).toBeGreaterThan(CASES / 5);
    expect(figures.refused).toBeGreaterThan(CASES / 5);
  }, 120_000);
});
