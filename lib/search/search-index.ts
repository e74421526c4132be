/**
 * Search over items and units as the reader types. Fuse.js scores the matches (typos, partial
 * phrases); a character index in front of it picks the candidates first, because Chinese has
 * no spaces for a word index and Fuse alone scans every string of every document per keystroke.
 *
 * Tuning (measured in tests/bench/search.bench.ts): `ignoreLocation` because a phrase may sit
 * anywhere in a long project name; threshold 0.4 lets one wrong character through in a query of
 * three or more characters (bitap error score = errors / length) but not in a two-character one.
 */
import { normaliseKey } from '../text/normalise';
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { ItemStatus, ProgrammeId, UnitKind } from '../data/types';
import type { SearchDoc } from './documents';

export interface SearchFilters {
  kind?: 'item' | 'unit';
  unitId?: string;
  unitKind?: UnitKind;
  town?: string;
  status?: ItemStatus;
  programme?: ProgrammeId;
  year?: number;
  followed?: boolean;
  hasNotes?: boolean;
}

/** The user's own marks the `followed` / `hasNotes` filters look at. */
export interface SearchMarks {
  followed: ReadonlySet<string>;
  noted: ReadonlySet<string>;
}

export interface SearchHit {
  doc: SearchDoc;
  /** 0 is a perfect match, 1 none (Fuse's scale); 0 for every hit of an empty query. */
  score: number;
}

const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'aliases', weight: 2.5 },
    { name: 'unitNames', weight: 1.5 },
    { name: 'places', weight: 1 },
  ],
  ignoreLocation: true,
  threshold: 0.4,
  includeScore: true,
  minMatchCharLength: 1,
  shouldSort: true,
};

/**
 * Punctuation and spaces never decide a match (“微车管所” and 微车管所 are the same query), and
 * Traditional characters fold to the Simplified ones the dataset uses (微車管所 finds it too),
 * through the engine's own table.
 */
export function normaliseQuery(q: string): string {
  return normaliseKey(q.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Share of a query's distinct characters a document must contain to be scored at all. */
const CANDIDATE_SHARE = 0.6;
/** A hit this good counts as exact… */
const EXACT = 0.01;
/** …and then only hits up to this score are kept. */
const NEAR = 0.34;
/** A unit hit at least this good lists the unit's items… */
const UNIT_EXPANDS = 0.1;
/** …ranked just below the unit itself. */
const UNIT_ITEM_PENALTY = 0.001;

export class SearchIndex {
  readonly docs: readonly SearchDoc[];
  private readonly fuse: Fuse<SearchDoc>;
  private readonly fullIndex: FuseIndex<SearchDoc>;
  /** character → indices of the documents whose text contains it */
  private readonly postings = new Map<string, Uint32Array>();
  private readonly counts: Uint16Array;
  private readonly bySeq = new Map<number, number>();
  private readonly itemsOfUnit = new Map<string, number[]>();

  constructor(docs: readonly SearchDoc[]) {
    this.docs = docs;
    this.fullIndex = Fuse.createIndex(FUSE_OPTIONS.keys!, docs as SearchDoc[]);
    this.fuse = new Fuse(docs as SearchDoc[], FUSE_OPTIONS, this.fullIndex);
    this.counts = new Uint16Array(docs.length);
    const lists = new Map<string, number[]>();
    docs.forEach((d, i) => {
      if (d.kind === 'item' && d.seq > 0) this.bySeq.set(d.seq, i);
      if (d.kind === 'item' && d.unitId !== undefined) {
        const list = this.itemsOfUnit.get(d.unitId);
        if (list) list.push(i);
        else this.itemsOfUnit.set(d.unitId, [i]);
      }
      const chars = new Set(normaliseQuery([d.name, ...d.aliases, ...d.places, ...d.unitNames].join('')));
      for (const c of chars) {
        let l = lists.get(c);
        if (!l) lists.set(c, (l = []));
        l.push(i);
      }
    });
    for (const [c, l] of lists) this.postings.set(c, Uint32Array.from(l));
  }

  /** Indices of documents containing enough of the query's characters (typo-tolerant). */
  private candidates(q: string): number[] {
    const chars = [...new Set(q)];
    const need = Math.max(1, Math.ceil(chars.length * CANDIDATE_SHARE));
    const counts = this.counts;
    counts.fill(0);
    const out: number[] = [];
    for (const c of chars) {
      const list = this.postings.get(c);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (++counts[i]! === need) out.push(i);
      }
    }
    return out;
  }

  search(query: string, filters: SearchFilters = {}, marks?: SearchMarks, limit = 50): SearchHit[] {
    const keep = (d: SearchDoc) => matchesFilters(d, filters, marks);
    const q = normaliseQuery(query);
    if (!q) {
      const all = this.docs.filter(keep).map((doc) => ({ doc, score: 0 }));
      return all.sort((a, b) => order(a.doc) - order(b.doc)).slice(0, limit);
    }
    const scored = new Map<number, number>();
    const add = (i: number, score: number) => {
      const prev = scored.get(i);
      if (prev === undefined || score < prev) scored.set(i, score);
    };
    // "23" or "第23项" finds item 23 first.
    const num = /^第?(\d{1,5})[项号]?$/.exec(q);
    const bySeq = num ? this.bySeq.get(Number(num[1])) : undefined;
    if (bySeq !== undefined) add(bySeq, 0);

    const candidates = this.candidates(q);
    if (q.length <= 2) {
      // One wrong character in two is no match (threshold), so short queries are plain substring tests.
      for (const i of candidates) {
        const s = substringScore(this.docs[i]!, q);
        if (s !== undefined) add(i, s);
      }
    } else if (candidates.length) {
      // Object records are created one per document, in order: record i is document i.
      const records = this.fullIndex.records;
      const subset = Fuse.parseIndex<SearchDoc>({ keys: this.fullIndex.keys, records: candidates.sort((a, b) => a - b).map((i) => records[i]!) });
      this.fuse.setCollection(this.docs as SearchDoc[], subset);
      // Fuse's bitap handles up to 32 characters at a time; long pasted text gains nothing past that.
      for (const r of this.fuse.search(q.slice(0, 32))) add(r.refIndex, r.score ?? 0);
      this.fuse.setCollection(this.docs as SearchDoc[], this.fullIndex);
    }
    // A unit found by name or alias brings its items, just after it.
    for (const [i, score] of [...scored]) {
      const d = this.docs[i]!;
      if (d.kind !== 'unit' || score > UNIT_EXPANDS) continue;
      for (const j of this.itemsOfUnit.get(d.unitId ?? '') ?? []) add(j, score + UNIT_ITEM_PENALTY);
    }
    const hits = [...scored]
      .filter(([i]) => keep(this.docs[i]!))
      .map(([i, score]) => ({ doc: this.docs[i]!, score }))
      .sort((a, b) => a.score - b.score || order(a.doc) - order(b.doc));
    // With an exact hit present, distant fuzzy ones are noise (晋江市公安局 must not list 晋江市安海镇).
    const best = hits[0]?.score ?? 1;
    return (best < EXACT ? hits.filter((h) => h.score <= NEAR) : hits).slice(0, limit);
  }
}

/** Exact-substring score for short queries, by the field it is found in (mirrors the Fuse weights). */
function substringScore(d: SearchDoc, q: string): number | undefined {
  const has = (s: string) => normaliseQuery(s).includes(q);
  if (has(d.name)) return d.name.length === q.length ? 0 : 0.01;
  if (d.aliases.some(has)) return 0.02;
  if (d.unitNames.some(has)) return 0.05;
  if (d.places.some(has)) return 0.08;
  return undefined;
}

/** Units first, then items in reading order (year, programme, then the source's own order). */
const order = (d: SearchDoc) => (d.kind === 'unit' ? -100_000 : d.order);

export function matchesFilters(d: SearchDoc, f: SearchFilters, marks?: SearchMarks): boolean {
  if (f.kind && d.kind !== f.kind) return false;
  if (f.unitId && d.unitId !== f.unitId) return false;
  if (f.unitKind && d.unitKind !== f.unitKind) return false;
  if (f.town && d.town !== f.town && !d.places.includes(f.town)) return false;
  if (f.status && d.status !== f.status) return false;
  // A year or programme filter asks for items of a list: units have neither.
  if (f.programme && d.programme !== f.programme) return false;
  if (f.year !== undefined && d.year !== f.year) return false;
  if (f.followed && !marks?.followed.has(d.id)) return false;
  if (f.hasNotes && !marks?.noted.has(d.id)) return false;
  return true;
}
