/**
 * The compiled match pack: every pattern of the dataset and the lexicon in one automaton,
 * plus the compact tables the linker needs (which item a phrase names, which places and
 * town pin an item). Built in milliseconds from a Dataset; serialisable to plain JSON so the
 * background can hand it to a content script.
 */
import type { Dataset } from '../data/types';
import type { ProgrammeId } from './types';
import { normaliseKey } from '../text/normalise';
import { buildAutomaton, classTable, type Automaton } from './automaton';
import { BLOCKERS, GATE_WORDS, type LexiconWord } from './lexicon';
import { nameVariants } from './variants';

/** What a pattern means. A pattern may mean several things (a town is a unit and a place). */
export const Entry = {
  /** A lead unit's name; flag 1 = self-qualified (contains 晋江), 0 = short form. */
  Unit: 1,
  /** An item's printed name; flag 1 = curated as generic (needs context). */
  ItemName: 2,
  /** An item's derived name variant; flag 1 = too short to stand alone. */
  ItemVariant: 3,
  /** A curated distinctive phrase of an item. */
  ItemKey: 4,
  /** A curated generic phrase: names the item only with context. */
  ItemGeneric: 5,
  /** A curated context word of an item. */
  ItemContext: 6,
  /** A place (village, community, road) of the dataset. */
  Place: 7,
  /** A relevance word of the lexicon. */
  Gate: 8,
  /** An inert span: contains a unit name but is not that unit (中级人民法院). */
  Blocker: 9,
  /** An alias the dataset keeps ambiguous (bare town names, 管委会): context only. */
  Ambiguous: 10,
  /** A phrase of a Series (a name that comes back year after year: 长者食堂, 智慧停车). */
  Series: 11,
} as const;
export type EntryKind = (typeof Entry)[keyof typeof Entry];

export interface PackUnit {
  id: string;
  name: string;
  /** The unit is a town or street office (镇/街道): its name is also a place. */
  isTown: boolean;
}

export interface PackItem {
  id: string;
  seq: number;
  unit: number; // index into units
  /** Unit index of the town the project lies in, or -1. */
  town: number;
  places: number[]; // indices into places
  /** The programme's year (2023): a generic phrase in a clause about other years is not this item. */
  year: number;
  programme: ProgrammeId;
  /** Index into `series`, or -1. */
  series: number;
}

/** A name that recurs across years (dataset v2 `Series`). */
export interface PackSeries {
  id: string;
  name: string;
  /** Items of the series (indices into `items`). */
  items: number[];
}

export interface PackPlace {
  name: string;
  town: number; // unit index or -1
}

export interface PackAmbiguous {
  alias: string;
  /** Candidate unit indices. */
  units: number[];
}

export interface MatchPack {
  version: 1;
  datasetVersion: string;
  datasetHash: string;
  automaton: Automaton;
  /** Entries of pattern p are [entryStart[p], entryStart[p + 1]). */
  entryStart: Int32Array;
  entryKind: Uint8Array;
  entryRef: Int32Array;
  entryFlag: Uint8Array;
  units: PackUnit[];
  items: PackItem[];
  places: PackPlace[];
  ambiguous: PackAmbiguous[];
  series: PackSeries[];
  gateWords: LexiconWord[];
}

/** Minimum length (normalised units) for a derived variant to name an item on its own. */
const MIN_STANDALONE_VARIANT = 6;

/** Compiles a dataset (and the lexicon) into a match pack. Pure; a few ms for the real dataset. */
/** Verbs a yearly list puts before an item's name (实施…工程, 建设…, 推进…, 开展…). */
const LIST_VERBS = ['实施', '建设', '推进', '开展'];

export function buildPack(dataset: Dataset, gateWords: LexiconWord[] = GATE_WORDS): MatchPack {
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  // Entries as parallel arrays: tens of thousands of them for a large dataset.
  const eP: number[] = [];
  const eKind: number[] = [];
  const eRef: number[] = [];
  const eFlag: number[] = [];
  const seen = new Set<number>();
  const add = (text: string, kind: EntryKind, ref: number, flag = 0) => {
    const key = normaliseKey(text);
    if (key.length < 2) return;
    let p = keyIndex.get(key);
    if (p === undefined) {
      p = keys.length;
      keys.push(key);
      keyIndex.set(key, p);
    }
    const id = (p * 16 + kind) * 0x400000 + ref; // exact while ref < 2^22 and p < 2^27
    if (seen.has(id)) return; // a variant equal to a keyphrase of the same item, etc.
    seen.add(id);
    eP.push(p);
    eKind.push(kind);
    eRef.push(ref);
    eFlag.push(flag);
  };

  const unitIndex = new Map<string, number>();
  const unitByName = new Map<string, number>();
  const units: PackUnit[] = dataset.units.map((u, i) => {
    unitIndex.set(u.id, i);
    unitByName.set(u.name, i);
    return { id: u.id, name: u.name, isTown: u.kind === '镇' || u.kind === '街道' };
  });
  dataset.units.forEach((u, i) => {
    const forms = new Set([u.name, ...(u.fullName ? [u.fullName] : []), ...u.aliases, ...u.traditional]);
    for (const f of forms) add(f, Entry.Unit, i, normaliseKey(f).includes('晋江') ? 1 : 0);
  });

  const placeIndex = new Map<string, number>();
  const places: PackPlace[] = dataset.places.map((pl, i) => {
    placeIndex.set(pl.name, i);
    return { name: pl.name, town: pl.town ? (unitByName.get(pl.town) ?? -1) : -1 };
  });
  places.forEach((pl, i) => add(pl.name, Entry.Place, i));

  const ambiguous: PackAmbiguous[] = (dataset.ambiguousAliases ?? []).map((a, i) => {
    add(a.alias, Entry.Ambiguous, i);
    return { alias: a.alias, units: a.candidates.map((id) => unitIndex.get(id) ?? -1).filter((x) => x >= 0) };
  });

  const townKeys = [...units.filter((u) => u.isTown).map((u) => normaliseKey(u.name)), '晋江市', '晋江'];
  const seriesIndex = new Map<string, number>();
  const series: PackSeries[] = (dataset.series ?? []).map((s, i) => {
    seriesIndex.set(s.id, i);
    return { id: s.id, name: s.name, items: [] };
  });
  const items: PackItem[] = dataset.items.map((it, i) => {
    const town = it.town ? (unitByName.get(it.town) ?? -1) : -1;
    const unit = (it.unitId ? unitIndex.get(it.unitId) : undefined) ?? (it.unit ? unitByName.get(it.unit) : undefined) ?? -1;
    const generic = new Set((it.genericPhrases ?? []).map(normaliseKey));
    for (const name of [it.name, ...(it.otherNames ?? [])]) {
      const key = normaliseKey(name);
      add(name, Entry.ItemName, i, generic.has(key) ? 1 : 0);
      for (const v of nameVariants(name, townKeys)) {
        add(v, Entry.ItemVariant, i, v.length < MIN_STANDALONE_VARIANT || generic.has(v) ? 1 : 0);
      }
      // A yearly list prints the same work with or without its verb from one year to the next
      // (2021 残疾人康复和帮扶工程, 2022 实施残疾人康复和帮扶工程): the verb-led form names both.
      if (it.programme === 'weiminbanshishi' && key.length >= 6 && !LIST_VERBS.some((v) => key.startsWith(v))) {
        for (const v of LIST_VERBS) add(v + key, Entry.ItemVariant, i, 0);
      }
    }
    for (const k of it.keyphrases) add(k, Entry.ItemKey, i);
    for (const g of it.genericPhrases ?? []) add(g, Entry.ItemGeneric, i);
    for (const c of it.contextWords ?? []) add(c, Entry.ItemContext, i);
    const s = it.series !== undefined ? (seriesIndex.get(it.series) ?? -1) : -1;
    if (s >= 0) series[s]!.items.push(i);
    return {
      id: it.id,
      seq: it.seq ?? 0,
      unit,
      town: town >= 0 ? town : units[unit]?.isTown ? unit : -1,
      places: it.places.map((n) => placeIndex.get(n) ?? -1).filter((x) => x >= 0),
      year: it.year,
      programme: it.programme,
      series: s,
    };
  });
  (dataset.series ?? []).forEach((s, i) => {
    for (const ph of new Set([s.name, ...s.phrases, ...(s.traditional ?? [])])) add(ph, Entry.Series, i);
  });

  gateWords.forEach((w, i) => add(w.text, Entry.Gate, i));
  for (const b of BLOCKERS) add(b, Entry.Blocker, 0);

  // Group entries by pattern (stable: the order above is the order of preference).
  const m = eP.length;
  const entryStart = new Int32Array(keys.length + 1);
  for (let i = 0; i < m; i++) entryStart[eP[i]! + 1]!++;
  for (let p = 0; p < keys.length; p++) entryStart[p + 1]! += entryStart[p]!;
  const at = entryStart.slice(0, keys.length);
  const entryKind = new Uint8Array(m);
  const entryRef = new Int32Array(m);
  const entryFlag = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const j = at[eP[i]!]!++;
    entryKind[j] = eKind[i]!;
    entryRef[j] = eRef[i]!;
    entryFlag[j] = eFlag[i]!;
  }

  const pack: MatchPack = {
    version: 1,
    datasetVersion: dataset.meta.version,
    datasetHash: dataset.meta.hash,
    automaton: buildAutomaton(keys),
    entryStart,
    entryKind,
    entryRef,
    entryFlag,
    units,
    items,
    places,
    ambiguous,
    series,
    gateWords,
  };
  return pack;
}



/** The pack as plain JSON (typed arrays as number arrays; the 64K class table is rebuilt on load). */
export interface MatchPackJSON extends Omit<MatchPack, 'automaton' | 'entryStart' | 'entryKind' | 'entryRef' | 'entryFlag'> {
  automaton: {
    alphabet: string;
    rootNext: number[];
    edgeStart: number[];
    edgeClass: number[];
    edgeTarget: number[];
    fail: number[];
    out: number[];
    patternLength: number[];
  };
  entryStart: number[];
  entryKind: number[];
  entryRef: number[];
  entryFlag: number[];
}

/** For messaging: JSON-safe, survives chrome.runtime.sendMessage. */
/** The engine's tables as the content script loads them (made at build time by scripts/prebuilt-engine.ts). */
export interface PrebuiltEngine {
  pack: MatchPackJSON;
  /** The folding table's differences from the default (see foldDiff in lib/text/normalise.ts). */
  fold: string;
}

export function packToJSON(pack: MatchPack): MatchPackJSON {
  const a = pack.automaton;
  return {
    ...pack,
    automaton: {
      alphabet: a.alphabet,
      rootNext: Array.from(a.rootNext),
      edgeStart: Array.from(a.edgeStart),
      edgeClass: Array.from(a.edgeClass),
      edgeTarget: Array.from(a.edgeTarget),
      fail: Array.from(a.fail),
      out: Array.from(a.out),
      patternLength: Array.from(a.patternLength),
    },
    entryStart: Array.from(pack.entryStart),
    entryKind: Array.from(pack.entryKind),
    entryRef: Array.from(pack.entryRef),
    entryFlag: Array.from(pack.entryFlag),
  };
}

export function packFromJSON(json: MatchPackJSON): MatchPack {
  if (json.version !== 1) throw new Error(`unsupported match pack version ${String(json.version)}`);
  const a = json.automaton;
  return {
    ...json,
    automaton: {
      alphabet: a.alphabet,
      classOf: classTable(a.alphabet),
      rootNext: Int32Array.from(a.rootNext),
      edgeStart: Int32Array.from(a.edgeStart),
      edgeClass: Uint16Array.from(a.edgeClass),
      edgeTarget: Int32Array.from(a.edgeTarget),
      fail: Int32Array.from(a.fail),
      out: Int32Array.from(a.out),
      patternLength: Int32Array.from(a.patternLength),
    },
    entryStart: Int32Array.from(json.entryStart),
    entryKind: Uint8Array.from(json.entryKind),
    entryRef: Int32Array.from(json.entryRef),
    entryFlag: Uint8Array.from(json.entryFlag),
  };
}
