/**
 * Turns tokens into mentions. Units: every alias form, except where another place's name
 * stands in front (石狮市公安局) or the clause is about another city. Projects: each token's
 * candidate items are scored by how the phrase names them (printed name > keyphrase >
 * variant > generic phrase) plus what the context says (their unit, town, places, context
 * words, the row number in a table); the best wins only by a clear margin. When unsure,
 * nothing is reported: a missed weak candidate costs less trust than a wrong project.
 * Recurring names (a series phrase, a name several years print, a yearly list's item) go to
 * the item of the year the passage speaks of, or are reported as a round (id null).
 *
 * Over 350 lines on purpose: units, projects and recurring names share one closure over the
 * page's per-token tables (stamp arrays, prefix counts, the clause index); split into modules,
 * each token's hot path would pass a dozen of them around.
 */
import { codesToString, normaliseKey, type NormalisedCodes } from '../text/normalise';
import { clauseFrom, clauseStarts, inTableRow, lineAround, lineStartOf, numberBefore, skipSeparatorsBack, yearsIn } from './context';
import { UNIT_QUALIFIERS } from './lexicon';
import { Entry, type MatchPack } from './pack';
import { selectLongest, type Tokens } from './scanner';
import { scanAutomaton } from './automaton';
import type { Mention, ProgrammeId } from './types';
import { passageYear, yearWords, type YearWord } from './years';
import { claimedBefore, passageProgramme, programmeOfWord, type PassageProgramme, type ProgrammeWord } from './programme-scope';

/** Place names that qualify a unit name as another place's (石狮市 in 石狮市公安局); normalised on first use. */
let qualifiers: { all: Set<string>; longest: number; lastChars: Set<number> } | undefined;
function unitQualifiers() {
  if (qualifiers) return qualifiers;
  const all = new Set(UNIT_QUALIFIERS.map(normaliseKey));
  return (qualifiers = {
    all,
    longest: Math.max(...[...all].map((q) => q.length)),
    lastChars: new Set([...all].map((q) => q.charCodeAt(q.length - 1))),
  });
}

/** How a phrase names an item, before context. */
const BASE = { name: 3, keyphrase: 2.5, variant: 2, generic: 0, series: 2 } as const;
type How = keyof typeof BASE;

/** Context evidence weights (each kind counted once per candidate). */
const W = { place: 3, row: 3, unit: 2, town: 2, context: 2, unitBefore: 1.5, bareTown: 1, otherTown: -1.5 };

/** Window around a project phrase in which context counts (normalised units). */
const LEFT = 80;
const RIGHT = 40;

export interface LinkInput {
  pack: MatchPack;
  text: string;
  norm: NormalisedCodes;
  tokens: Tokens;
  /** The page is about another city (lexicon counts): short forms need local evidence. */
  foreignPage: boolean;
  /** The page's year (from its date), for 今年/去年 and passages that name no year. */
  pageYear?: number | null;
  /** The page names the programme (为民办实事, 民生实事 …): a bare series phrase may be its round. */
  programmePage?: boolean;
}

/**
 * What the tokens around one phrase name, as stamp arrays (x is present iff stamp[x] ===
 * current): no allocation per phrase, which matters on pages with thousands of them.
 */
class Neighbourhood {
  stamp = 0;
  readonly units: Int32Array;
  readonly towns: Int32Array;
  readonly bareTowns: Int32Array;
  readonly places: Int32Array;
  readonly items: Int32Array;
  anyTown = 0; // number of distinct towns seen
  townSeen = -1; // one of them
  unitBefore = -1;
  row = -1;

  constructor(pack: MatchPack) {
    this.units = new Int32Array(pack.units.length);
    this.towns = new Int32Array(pack.units.length);
    this.bareTowns = new Int32Array(pack.units.length);
    this.places = new Int32Array(pack.places.length);
    this.items = new Int32Array(pack.items.length);
  }

  reset(): void {
    this.stamp++;
    this.anyTown = 0;
    this.townSeen = -1;
    this.unitBefore = -1;
    this.row = -1;
  }

  has(arr: Int32Array, x: number): boolean {
    return x >= 0 && arr[x] === this.stamp;
  }

  addTown(u: number): void {
    if (this.towns[u] !== this.stamp) {
      this.towns[u] = this.stamp;
      this.anyTown++;
      this.townSeen = u;
    }
  }
}

export function linkMentions(input: LinkInput): Mention[] {
  const steps = linkMentionsSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Tokens linked between pauses of `linkMentionsSteps` (a few ms of work). */
const TOKENS_PER_STEP = 512;

/** `linkMentions` as a generator that pauses every 512 tokens (a dense page has tens of thousands). */
export function* linkMentionsSteps(input: LinkInput): Generator<void, Mention[], void> {
  const { pack, text, norm, tokens } = input;
  const n = tokens.count;

  // Per-token facts: does it name Jinjiang (晋江, a full unit name, a town, a place) or another city?
  const jinjiang = new Uint8Array(n);
  const otherCity = new Uint8Array(n);
  const unitOf = new Int32Array(n).fill(-1);
  /** The programme's own words (为民办实事, 民生微实事), in order: which list a passage speaks of. */
  const programmeWords: ProgrammeWord[] = [];
  for (let t = 0; t < n; t++) {
    const p = tokens.pattern[t]!;
    for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
      const kind = pack.entryKind[j]!;
      const ref = pack.entryRef[j]!;
      if (kind === Entry.Gate) {
        const w = pack.gateWords[ref]!;
        if (w.kind === 'jinjiang') jinjiang[t] = 1;
        else if (w.kind === 'other-city') otherCity[t] = 1;
        else if (w.kind === 'topic') {
          const programme = programmeOfWord(w.text);
          if (programme) programmeWords.push({ start: tokens.start[t]!, end: tokens.end[t]!, programme });
        }
      } else if (kind === Entry.Place || kind === Entry.Ambiguous) jinjiang[t] = 1;
      else if (kind === Entry.Unit) {
        if (unitOf[t]! < 0) unitOf[t] = ref;
        if (pack.entryFlag[j] === 1 || pack.units[ref]!.isTown) jinjiang[t] = 1;
      }
    }
  }
  // A page that never names Jinjiang gives a bare 公安局 or a generic-ish phrase no reason to be Jinjiang's.
  const pageNamesJinjiang = jinjiang.includes(1);

  // Prefix counts over tokens: "does this clause name Jinjiang / another city" in O(log n).
  const jinjiangBefore = new Int32Array(n + 1);
  const otherBefore = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    jinjiangBefore[t + 1] = jinjiangBefore[t]! + jinjiang[t]!;
    otherBefore[t + 1] = otherBefore[t]! + otherCity[t]!;
  }
  const starts = clauseStarts(norm);
  /** Index of the first token ending after x (tokens are sorted and disjoint). */
  const firstEndingAfter = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens.end[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** Index of the first token starting at or after x. */
  const firstStartingAt = (x: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens.start[mid]! >= x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  let clauseJinjiang = false;
  let clauseOther = false;
  /** Sets clauseJinjiang/clauseOther for token t's clause (t itself aside). */
  const readClause = (t: number): void => {
    const [cs, ce] = clauseFrom(starts, norm.length, tokens.start[t]!, tokens.end[t]!);
    const a = firstEndingAfter(cs);
    const z = firstStartingAt(ce);
    clauseJinjiang = jinjiangBefore[z]! - jinjiangBefore[a]! - jinjiang[t]! > 0;
    clauseOther = otherBefore[z]! - otherBefore[a]! > 0;
  };

  const near = new Neighbourhood(pack);
  /** Fills `near` with what the tokens around project phrase t name. */
  const readNeighbourhood = (t: number): void => {
    near.reset();
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    const [cs, ce] = clauseFrom(starts, norm.length, s, e);
    const lo = Math.max(cs, s - LEFT);
    const hi = Math.min(ce, e + RIGHT);
    for (let u = firstStartingAt(lo); u < n && tokens.start[u]! < hi; u++) {
      if (u === t || tokens.end[u]! > hi) continue;
      const p = tokens.pattern[u]!;
      for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
        const ref = pack.entryRef[j]!;
        switch (pack.entryKind[j]) {
          case Entry.Unit:
            near.units[ref] = near.stamp;
            if (pack.units[ref]!.isTown) near.addTown(ref);
            break;
          case Entry.Place: {
            near.places[ref] = near.stamp;
            const town = pack.places[ref]!.town;
            if (town >= 0) near.bareTowns[town] = near.stamp;
            break;
          }
          case Entry.ItemContext:
            near.items[ref] = near.stamp;
            break;
          case Entry.Ambiguous:
            for (const u2 of pack.ambiguous[ref]!.units) if (pack.units[u2]!.isTown) near.bareTowns[u2] = near.stamp;
            break;
        }
      }
    }
    // Nearest unit before, within reach even across lines (a table's merged 牵头单位 cell).
    for (let u = t - 1; u >= 0 && tokens.end[u]! > s - LEFT; u--) {
      if (unitOf[u]! >= 0) {
        near.unitBefore = unitOf[u]!;
        break;
      }
    }
    // Row number: right before the phrase, or before the unit name right before it.
    near.row = numberBefore(norm, s);
    if (near.row < 0 && t > 0 && tokens.end[t - 1] === skipSeparatorsBack(norm, s) && unitOf[t - 1]! >= 0) {
      near.row = numberBefore(norm, tokens.start[t - 1]!);
    }
  };

  /** Context score of an item in the current neighbourhood; pushes the reasons if asked. */
  const contextScore = (item: number, evidence?: string[]): number => {
    const it = pack.items[item]!;
    let ctx = 0;
    const placesHere = it.places.filter((pl) => near.has(near.places, pl));
    if (placesHere.length) {
      ctx += W.place;
      evidence?.push('place:' + placesHere.map((pl) => pack.places[pl]!.name).join('/'));
    }
    if (near.row === it.seq) {
      ctx += W.row;
      evidence?.push('row:' + it.seq);
    }
    if (near.has(near.units, it.unit)) {
      ctx += W.unit;
      evidence?.push('unit:' + pack.units[it.unit]!.name);
    } else if (it.unit >= 0 && near.unitBefore === it.unit) {
      ctx += W.unitBefore;
      evidence?.push('unit-before:' + pack.units[it.unit]!.name);
    }
    if (it.town >= 0) {
      if (it.town !== it.unit && near.has(near.towns, it.town)) {
        ctx += W.town;
        evidence?.push('town:' + pack.units[it.town]!.name);
      } else if (!near.has(near.towns, it.town) && near.has(near.bareTowns, it.town)) {
        ctx += W.bareTown;
        evidence?.push('near-town:' + pack.units[it.town]!.name);
      }
      const otherTowns = near.anyTown - (near.has(near.towns, it.town) ? 1 : 0);
      if (otherTowns > 0) {
        ctx += W.otherTown;
        evidence?.push('other-town');
      }
    }
    if (near.has(near.items, item)) {
      ctx += W.context;
      evidence?.push('context');
    }
    return ctx;
  };

  const mentions: Mention[] = [];
  const span = (t: number) => balanceQuotes(text, norm.map[tokens.start[t]!]!, norm.map[tokens.end[t]! - 1]! + 1);

  /** Links unit entry j found at normalised [s, e) — token t itself, or a name inside it (sub = true). */
  const linkUnit = (t: number, j: number, s = tokens.start[t]!, e = tokens.end[t]!, sub = false): void => {
    const ref = pack.entryRef[j]!;
    const unit = pack.units[ref]!;
    const qualified = pack.entryFlag[j] === 1;
    const evidence: string[] = [qualified ? 'full-name' : 'short-name'];
    let confidence = qualified ? 0.97 : unit.isTown ? 0.92 : e - s <= 2 ? 0.75 : 0.85;
    if (!qualified) {
      if (qualifiedBefore(norm, s)) return; // 石狮市公安局, 省总工会
      if (!unit.isTown && !sub && t > 0 && tokens.end[t - 1] === s && isLocalPlace(t - 1)) return; // 池店镇妇联: the town's own
      readClause(t);
      if (clauseOther && !clauseJinjiang) return; // a sentence about another city
      if (input.foreignPage && !clauseJinjiang) return;
      if (!pageNamesJinjiang) return;
      if (clauseJinjiang) {
        evidence.push('jinjiang-clause');
        confidence = Math.min(0.95, confidence + 0.05);
      }
    }
    const { start, end } = balanceQuotes(text, norm.map[s]!, norm.map[e - 1]! + 1);
    mentions.push({ kind: 'unit', start, end, text: text.slice(start, end), unit: unit.name, id: unit.id, confidence, evidence });
  };

  /**
   * A phrase that named no project may still contain a unit (金井镇中心卫生院 → 金井镇):
   * scan inside it, without the phrase itself, and link what units it holds.
   */
  const unitsInside = unitsInsideCache(pack);
  const linkUnitsInside = (t: number): void => {
    const p0 = tokens.pattern[t]!;
    if (unitsInside[p0] === 0) return;
    const s0 = tokens.start[t]!;
    const len = tokens.end[t]! - s0;
    const inner = selectLongest(scanAutomaton(pack.automaton, norm.codes.subarray(s0, s0 + len), len, 8), len, len);
    let found = 0;
    for (let i = 0; i < inner.count; i++) {
      const p = inner.pattern[i]!;
      for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
        if (pack.entryKind[j] === Entry.Unit) {
          found = 1;
          linkUnit(t, j, s0 + inner.start[i]!, s0 + inner.end[i]!, true);
          break;
        }
      }
    }
    unitsInside[p0] = found; // the pattern's text decides: same answer next time
  };

  const isLocalPlace = (u: number): boolean => {
    const p = tokens.pattern[u]!;
    for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
      const k = pack.entryKind[j]!;
      if (k === Entry.Place || k === Entry.Ambiguous) return true;
      if (k === Entry.Unit && pack.units[pack.entryRef[j]!]!.isTown) return true;
    }
    return false;
  };

  const HOWS: How[] = ['name', 'keyphrase', 'variant', 'generic', 'series'];
  const candItem: number[] = [];
  const candHow: How[] = [];
  const seriesHit: number[] = [];

  /** Whether a line is a table row, per line start (a long line is read once, not per name on it). */
  const tableRows = new Map<number, boolean>();
  const rowLine = (s: number): boolean => {
    const ls = lineStartOf(norm, s);
    let r = tableRows.get(ls);
    if (r === undefined) tableRows.set(ls, (r = inTableRow(norm, s)));
    return r;
  };

  /** Year words of the page, read on the first recurring name (most pages have none). */
  let years: YearWord[] | undefined;
  /** The programme the current recurring name's passage speaks of (set by linkRecurring). */
  let passageProg: PassageProgramme | null = null;
  /** Per phrase (pattern): the year its last mention's own sentence or paragraph told. */
  const toldBefore = new Map<number, { year: number; word: string }>();
  const pageYear = input.pageYear ?? null;

  /** Best of the candidates at indices `pool` (into candItem): item, how, total, context, margin. */
  const pick = (pool: number[]) => {
    let best = -1;
    let bestHow: How = HOWS[3]!;
    let bestTotal = -Infinity;
    let bestCtx = 0;
    let second = -Infinity;
    let runnerUp = -1;
    for (const c of pool) {
      const ctx = contextScore(candItem[c]!);
      const total = BASE[candHow[c]!] + ctx;
      if (total > bestTotal) {
        second = bestTotal;
        runnerUp = best;
        best = candItem[c]!;
        bestHow = candHow[c]!;
        bestTotal = total;
        bestCtx = ctx;
      } else if (total > second) {
        second = total;
        runnerUp = candItem[c]!;
      }
    }
    // Twins: one project printed in a year's 为民办实事 list and as a row of that year's 民生微实事
    // table (智慧停车“扩面工程”, row 4). The passage's programme words decide; without them the
    // table row answers (it names its lead unit and status).
    if (best >= 0 && runnerUp >= 0 && bestTotal - second < 1 && pool.length === 2) {
      const a = pack.items[best]!;
      const b = pack.items[runnerUp]!;
      if (a.year === b.year && a.programme !== b.programme) {
        const want = passageProg?.programme ?? 'minsheng-weishishi';
        const pickIt = a.programme === want ? best : runnerUp;
        return { best: pickIt, bestHow, bestCtx: contextScore(pickIt), margin: 1 };
      }
    }
    return { best, bestHow, bestCtx, margin: bestTotal - second };
  };

  const pushProject = (t: number, item: number, how: How, ctx: number, margin: number, extra: string[] = []): void => {
    const it = pack.items[item]!;
    const evidence: string[] = [how];
    contextScore(item, evidence);
    evidence.push(...extra);
    let confidence = { name: 0.95, keyphrase: 0.88, variant: 0.82, generic: 0.7, series: 0.75 }[how];
    if (ctx >= 2) confidence += 0.04;
    if (margin < 2) confidence -= 0.1;
    const { start, end } = span(t);
    mentions.push({
      kind: 'project',
      start,
      end,
      text: text.slice(start, end),
      unit: pack.units[it.unit]?.name ?? '',
      ...(it.seq ? { seq: it.seq } : {}),
      id: it.id,
      programme: it.programme,
      year: it.year,
      confidence: Math.round(Math.min(0.99, confidence) * 100) / 100,
      evidence,
    });
  };

  /** A mention of a round the dataset holds no item for (year known), or of a year it cannot tell. */
  const pushRound = (t: number, programme: ProgrammeId, year: number | null, candidateYears: number[], extra: string[]): void => {
    const { start, end } = span(t);
    mentions.push({
      kind: 'project',
      start,
      end,
      text: text.slice(start, end),
      unit: '',
      id: null,
      programme,
      year,
      ...(year === null ? { candidateYears } : {}),
      confidence: year === null ? 0.6 : 0.7,
      evidence: extra,
    });
  };

  const linkProject = (t: number, e0: number, e1: number): boolean => {
    // Each candidate item once, with the strongest way this phrase names it.
    candItem.length = 0;
    candHow.length = 0;
    seriesHit.length = 0;
    const addCand = (item: number, how: How) => {
      const at = candItem.indexOf(item);
      if (at < 0) {
        candItem.push(item);
        candHow.push(how);
      } else if (BASE[how] > BASE[candHow[at]!]) candHow[at] = how;
    };
    for (let j = e0; j < e1; j++) {
      const k = pack.entryKind[j]!;
      const flag = pack.entryFlag[j]!;
      let how: How;
      if (k === Entry.ItemName) how = flag ? 'generic' : 'name';
      else if (k === Entry.ItemKey) how = 'keyphrase';
      else if (k === Entry.ItemVariant) how = flag ? 'generic' : 'variant';
      else if (k === Entry.ItemGeneric) how = 'generic';
      else if (k === Entry.Series) {
        seriesHit.push(pack.entryRef[j]!);
        continue;
      } else continue;
      addCand(pack.entryRef[j]!, how);
    }
    // A series phrase names a yearly list's item on its own; a 民生微实事 item (a village's canteen,
    // a town's clinic) only with its own context, as its generic phrases do.
    for (const sr of seriesHit) for (const item of pack.series[sr]!.items) addCand(item, pack.items[item]!.programme === 'minsheng-weishishi' ? 'generic' : 'series');
    if (!candItem.length && !seriesHit.length) return false;
    // Recurring: a series phrase (智慧停车), a name printed in several years' lists, or a name
    // of a yearly 为民办实事 item (the list comes back every year). A 民生微实事 name that only
    // 2023's table prints (智慧停车扩面工程, 罗山中心小学新建自办食堂) is 2023's, series or not.
    let recurring = seriesHit.length > 0;
    for (let c = 0; c < candItem.length && !recurring; c++) {
      const it = pack.items[candItem[c]!]!;
      recurring = it.programme === 'weiminbanshishi' || it.year !== pack.items[candItem[0]!]!.year;
    }
    readNeighbourhood(t);
    passageProg = null;
    return recurring ? linkRecurring(t) : linkPlain(t);
  };

  /**
   * About another city: only Jinjiang-specific words in the clause (a town, a village, 晋江)
   * can claim the phrase; a short unit name nearby is that city's unit, not evidence.
   * Reads the clause (sets clauseJinjiang/clauseOther): called only once a candidate stands.
   */
  const aboutElsewhere = (t: number): boolean => {
    readClause(t);
    return (clauseOther || input.foreignPage) && !clauseJinjiang;
  };

  /** A name of one year's item(s): the usual scoring (names, then context), as before years. */
  const linkPlain = (t: number): boolean => {
    const all = candItem.map((_, c) => c);
    const { best, bestHow, bestCtx, margin } = pick(all);
    if (best < 0) return false;
    if (BASE[bestHow] < 2 && bestCtx < 2) return false; // a generic phrase needs context
    if (margin < 1) return false; // two items fit about as well: say nothing
    if (aboutElsewhere(t)) return false;
    if (!pageNamesJinjiang && bestHow !== 'name') return false;
    const it = pack.items[best]!;
    if (bestHow === 'generic' || bestHow === 'variant') {
      // 2024年紫帽镇将再建口袋公园: a paragraph about other years names other projects.
      const [ls, le] = lineAround(norm, tokens.start[t]!);
      const ys = yearsIn(norm, ls, le);
      if (ys.length && !ys.includes(it.year)) return false;
    }
    if (it.programme === 'minsheng-weishishi') {
      const round = laterListRound(t, it.year);
      if (round) {
        pushRound(t, 'weiminbanshishi', round.year, [], [bestHow, `year:${round.word}`, 'programme:weiminbanshishi', 'year:not-in-dataset']);
        return true;
      }
    }
    pushProject(t, best, bestHow, bestCtx, margin);
    return true;
  };

  /**
   * A 民生微实事 row's name in a sentence or paragraph about another year's 为民办实事 list
   * (今年的为民办实事项目征求意见稿里，困难老年人家庭适老化改造再次出现): that list's round,
   * never the row (whose status is another year's). Null when the text does not say so.
   */
  const laterListRound = (t: number, rowYear: number): { year: number; word: string } | null => {
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    const sentence = clauseFrom(starts, norm.length, s, e);
    const paragraph = lineAround(norm, s);
    const pp = passageProg ?? passageProgramme(programmeWords, s, e, sentence, paragraph);
    if (pp?.programme !== 'weiminbanshishi' || (pp.scope !== 'sentence' && pp.scope !== 'paragraph')) return null;
    years ??= yearWords(norm, pageYear);
    const py = passageYear(norm, years, s, e, sentence, paragraph, pageYear);
    // The year from the text near it, or — when its own sentence names the yearly list — from the page.
    const close = py.scope === 'name' || py.scope === 'row' || py.scope === 'sentence' || py.scope === 'paragraph' || pp.scope === 'sentence';
    return close && py.year !== null && py.year !== rowYear ? { year: py.year, word: py.word ?? (py.scope === 'one-year' ? 'whole-page' : 'page-date') } : null;
  };

  /**
   * A name that comes back year after year (a series phrase, an item of a series, a name
   * printed in several years): the item of the year the passage speaks of, or a round the
   * dataset lacks (id null, that year), or — the year untold — the years it could be.
   * Never another year's item on a guess; only a row's own evidence (its number, its unit, its
   * place: context ≥ 3, or ≥ 2 in a table row) outweighs a year taken from the page's date alone.
   */
  const linkRecurring = (t: number): boolean => {
    if (!pageNamesJinjiang || aboutElsewhere(t)) return false;
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    years ??= yearWords(norm, pageYear);
    const sentence = clauseFrom(starts, norm.length, s, e);
    const paragraph = lineAround(norm, s);
    let py = passageYear(norm, years, s, e, sentence, paragraph, pageYear);
    const pattern = tokens.pattern[t]!;
    if (py.year !== null && (py.scope === 'name' || py.scope === 'row' || py.scope === 'sentence' || py.scope === 'paragraph')) {
      toldBefore.set(pattern, { year: py.year, word: py.word ?? '' });
    } else if (py.scope !== 'name' && py.scope !== 'row' && py.scope !== 'sentence' && py.scope !== 'paragraph') {
      // The same phrase again (这10个长者食堂, after 今年新建、提升10个长者食堂): its year, over
      // the paragraphs before and the page's date.
      const again = toldBefore.get(pattern);
      if (again) py = { year: again.year, scope: 'same-name', word: again.word };
    }
    const told = py.word ? [`year:${py.word}`] : py.scope === 'page' ? ['year:page-date'] : py.scope === 'one-year' ? ['year:whole-page'] : [];
    passageProg = passageProgramme(programmeWords, s, e, sentence, paragraph);
    if (passageProg?.scope !== 'sentence' && claimedBefore(norm, sentence[0], s)) passageProg = { programme: 'minsheng-weishishi', scope: 'sentence' };
    if (passageProg) told.push('programme:' + passageProg.programme);
    // The strongest way the phrase names anything: a printed name or keyphrase stands alone;
    // a series phrase or generic phrase is a round of the programme only on a programme page.
    let strongest: How = 'generic';
    for (const h of candHow) if (BASE[h] > BASE[strongest]) strongest = h;
    const weak = BASE[strongest] < 2.5 && !input.programmePage;

    const all = candItem.map((_, c) => c);
    // In a table row (cells), its number or unit is the row's own evidence: context 2 suffices.
    const row = rowLine(s);
    if (py.scope === 'page' || py.scope === 'none' || row) {
      const { best, bestHow, bestCtx, margin } = pick(all);
      if (best >= 0 && bestCtx >= (row ? 2 : 3) && margin >= 1) {
        pushProject(t, best, bestHow, bestCtx, margin, ['year:row-context']);
        return true;
      }
    }
    // The passage speaks of 民生微实事 (one year's table) and the name is one of its rows: that
    // row, unless the text itself tells another year (公交服务品质提升工程: row 32, not 2024's item).
    if (passageProg?.programme === 'minsheng-weishishi') {
      const rows = all.filter((c) => pack.items[candItem[c]!]!.programme === 'minsheng-weishishi');
      const rowYear = rows.length ? pack.items[candItem[rows[0]!]!]!.year : -1;
      const yearTold = py.scope !== 'page' && py.scope !== 'one-year' && py.year !== null;
      if (rows.length && (!yearTold || py.year === rowYear)) {
        const { best, bestHow, bestCtx, margin } = pick(rows);
        if (best >= 0 && margin >= 1 && (BASE[bestHow] >= 2 || bestCtx >= 2)) {
          pushProject(t, best, bestHow, bestCtx, margin, told);
          return true;
        }
      }
    }
    const programme = roundProgramme(py.year);
    // A name only one year prints (智慧停车“扩面工程”, 2023) tells its year when nothing else does,
    // or when only the page's date speaks against it and the text names that year somewhere (a
    // 2023-01 review of 去年's list); on a page of another year that never names its year, it is
    // that year's round (no status: the work may be a new round under the old name).
    const nameYear = seriesHit.length ? -1 : pack.items[candItem[0]!]!.year;
    if (nameYear >= 0 && candItem.every((i) => pack.items[i]!.year === nameYear) && (py.year === null || py.year === nameYear || (py.scope === 'page' && years.some((w) => w.year === nameYear)))) {
      return linkPlain(t);
    }
    if (py.year === null) {
      if (weak) return false;
      const ys = [...new Set(candItem.map((i) => pack.items[i]!.year))].sort((a, b) => a - b);
      pushRound(t, programme, null, ys, [strongest, ...told, 'year:unknown']);
      return true;
    }
    // A passage about the yearly list is not about a row of the table that year (and vice versa).
    const pool = all.filter((c) => {
      const it = pack.items[candItem[c]!]!;
      return it.year === py.year && (passageProg?.programme !== 'weiminbanshishi' || it.programme === 'weiminbanshishi');
    });
    if (pool.length) {
      const { best, bestHow, bestCtx, margin } = pick(pool);
      if (best >= 0 && margin >= 1 && (BASE[bestHow] >= 2 || bestCtx >= 2)) {
        pushProject(t, best, bestHow, bestCtx, margin, told);
        return true;
      }
    }
    if (weak) return false;
    if (!seriesHit.length && BASE[strongest] < 2) return false; // generic phrases of other years' items
    pushRound(t, programme, py.year, [], [strongest, ...told, pool.length ? 'year:ambiguous' : 'year:not-in-dataset']);
    return true;
  };

  /**
   * The programme a round belongs to: the yearly 为民办实事 list, which is what comes back
   * every year, unless every candidate of that very year is a 民生微实事 item (2023's twins).
   */
  const roundProgramme = (year: number | null): ProgrammeId => {
    if (year === null || passageProg?.programme === 'weiminbanshishi') return 'weiminbanshishi';
    const ofYear = candItem.filter((i) => pack.items[i]!.year === year);
    return ofYear.length && ofYear.every((i) => pack.items[i]!.programme === 'minsheng-weishishi') ? 'minsheng-weishishi' : 'weiminbanshishi';
  };

  yield; // after the per-token tables: the first tokens' linking runs cold, so it starts a step of its own
  for (let t = 0; t < n; t++) {
    if (t > 0 && t % TOKENS_PER_STEP === 0) yield;
    const p = tokens.pattern[t]!;
    const e0 = pack.entryStart[p]!;
    const e1 = pack.entryStart[p + 1]!;
    let hasItem = false;
    let unitEntry = -1;
    for (let j = e0; j < e1; j++) {
      const k = pack.entryKind[j]!;
      if (k === Entry.ItemName || k === Entry.ItemKey || k === Entry.ItemVariant || k === Entry.ItemGeneric || k === Entry.Series) hasItem = true;
      else if (k === Entry.Unit && unitEntry < 0) unitEntry = j;
    }
    if (hasItem && linkProject(t, e0, e1)) continue;
    if (unitEntry >= 0) linkUnit(t, unitEntry);
    else if (hasItem) linkUnitsInside(t);
  }
  return mentions;
}

/** Per pack: does pattern p contain a unit name (-1 not known yet, 0 no, 1 yes)? Filled lazily. */
const insideCaches = new WeakMap<MatchPack, Int8Array>();
function unitsInsideCache(pack: MatchPack): Int8Array {
  let c = insideCaches.get(pack);
  if (!c) {
    c = new Int8Array(pack.automaton.patternLength.length).fill(-1);
    insideCaches.set(pack, c);
  }
  return c;
}

/** True if the normalised text right before s ends with another place's name. */
function qualifiedBefore(norm: NormalisedCodes, s: number): boolean {
  const q = unitQualifiers();
  if (s === 0 || !q.lastChars.has(norm.codes[s - 1]!)) return false;
  for (let k = 1; k <= q.longest && k <= s; k++) {
    if (q.all.has(codesToString(norm.codes.subarray(s - k, s), k))) return true;
  }
  return false;
}

/** 1 = opening bracket/quote, 2 = closing. */
const QUOTE = new Uint8Array(0x10000);
for (const c of '“‘「『《〈（(【') QUOTE[c.charCodeAt(0)] = 1;
for (const c of '”’」』》〉）)】') QUOTE[c.charCodeAt(0)] = 2;

/**
 * A name's closing quote lies just outside its last matched character when the name ends
 * in a quoted word (智慧停车“扩面工程”): take it in, and likewise an opening one, so the
 * highlighted text reads as balanced.
 */
export function balanceQuotes(text: string, start: number, end: number): { start: number; end: number } {
  let depth = 0;
  let unmatchedClose = 0;
  for (let i = start; i < end; i++) {
    const q = QUOTE[text.charCodeAt(i)];
    if (q === 1) depth++;
    else if (q === 2) {
      if (depth > 0) depth--;
      else unmatchedClose++;
    }
  }
  let s = start;
  let e = end;
  if (depth > 0 && e < text.length && QUOTE[text.charCodeAt(e)] === 2) e++;
  if (unmatchedClose > 0 && s > 0 && QUOTE[text.charCodeAt(s - 1)] === 1) s--;
  return { start: s, end: e };
}
