/**
 * The engine's one entry point: text in, relevance and mentions out. The CLI, the content
 * script and the tests all call this, so they cannot disagree.
 */
import { normaliseCodesSteps, type NormalisedCodes, type NormaliseScratch } from '../text/normalise';
import { foreignPage, namesOtherList, namesProgramme, scoreRelevance, type GateCounts } from './gate';
import { linkMentionsSteps } from './linker';
import { Entry, type MatchPack } from './pack';
import { scanTokensSteps, type Tokens } from './scanner';
import { lineStartOf } from './context';
import { TOWN_LIST } from './lexicon';
import type { ScanResult } from './types';

export interface ScanOptions {
  /** The page's address, when known: Jinjiang news/government hosts count as a signal. */
  url?: string;
  /**
   * Called, before linking, if the page is already certain to be relevant: mentions only ever
   * add to the score, so a page relevant without them is relevant with them. The content
   * script uses it to ask for the user's state while the linker runs.
   */
  onSurelyRelevant?: () => void;
  /**
   * The page's date (ISO YYYY-MM-DD, see lib/text/page-date.ts): 今年/去年 count from it, and a
   * passage that names no year speaks of its year.
   */
  pageDate?: string | null;
}

/** Buffers reused across calls: scanText is synchronous, and nothing it returns refers to them. */
const scratch: NormaliseScratch = { codes: new Uint16Array(0), map: new Int32Array(1) };

/**
 * The same work as `scanText`, as a generator that pauses within and between its phases
 * (normalise and automaton every 64K units, counts, link every 512 tokens), so the content
 * script can give the page its main thread back (no long task on a big page). Run to the
 * end, it is `scanText`.
 */
export function* scanTextSteps(text: string, pack: MatchPack, options: ScanOptions = {}, buffers?: NormaliseScratch): Generator<void, ScanResult, void> {
  // Paused runs may interleave, so only the synchronous scanText shares the scratch buffers.
  const norm = yield* normaliseCodesSteps(text, buffers);
  yield;
  const tokens = yield* scanTokensSteps(pack, norm);
  yield;
  const counts: GateCounts = new Map();
  const places = new Set<string>();
  const preamble = preambleEnd(pack, norm, tokens);
  const townList = townListWord(pack);
  let townEnd = -1; // where the last town or street office token ended
  for (let t = 0; t < tokens.count; t++) {
    const p = tokens.pattern[t]!;
    for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
      const kind = pack.entryKind[j]!;
      const ref = pack.entryRef[j]!;
      if (kind === Entry.Gate) {
        const w = pack.gateWords[ref]!;
        if (tokens.start[t]! < preamble && w.kind === 'other-city') continue; // a mirror's spam line
        if (w.kind === 'topic' && w.weight >= 2 && townList >= 0 && ownListBefore(norm, tokens.start[t]!, townEnd)) {
          counts.set(townList, (counts.get(townList) ?? 0) + 1); // 陈埭镇为民办实事: the town's own list
          continue;
        }
        counts.set(ref, (counts.get(ref) ?? 0) + 1);
      } else if (kind === Entry.Unit && pack.units[ref]!.isTown) townEnd = tokens.end[t]!;
      else if (kind === Entry.Place) places.add(pack.places[ref]!.name);
      else if (kind === Entry.Ambiguous) places.add(pack.ambiguous[ref]!.alias);
    }
  }
  if (options.onSurelyRelevant && scoreRelevance({ words: pack.gateWords, counts, places: [...places], mentions: [], url: options.url }).relevant) {
    options.onSurelyRelevant();
  }
  const mentions = yield* linkMentionsSteps({
    pack,
    text,
    norm,
    tokens,
    foreignPage: foreignPage(pack.gateWords, counts, places.size),
    pageYear: options.pageDate ? Number(options.pageDate.slice(0, 4)) : null,
    programmePage: namesProgramme(pack.gateWords, counts) && !namesOtherList(pack.gateWords, counts),
  });
  yield;
  const relevance = scoreRelevance({ words: pack.gateWords, counts, places: [...places], mentions, url: options.url });
  return { ...relevance, mentions };
}

/** Characters that may stand between a town and its list's name: a count, a year, 今年的 (陈埭镇今年的为民办实事). */
const LIST_GAP = new Set([...'0123456789年度项个件的今去明本'].map((c) => c.charCodeAt(0)));
/** How many such characters at most (该镇2025年度的为民办实事: 8). */
const LIST_GAP_MAX = 8;
/** Words that make the list the town's own when they stand where the town's name would: 本镇, 该镇, 镇级. */
const SELF = ['本镇', '该镇', '镇级', '镇里'].map((w) => [w.charCodeAt(0), w.charCodeAt(1)] as const);

/**
 * A programme word at normalised `start` names a town's own list: the town (its token ended at
 * `townEnd`), or 本镇 / 该镇 / 镇级, stands right before it, or before a short run of LIST_GAP
 * characters (陈埭镇为民办实事, 本镇11项为民办实事项目, 该镇2025年为民办实事). A verb between
 * them (在池店镇召开为民办实事推进会) makes it the city's programme at a place.
 */
export function ownListBefore(norm: NormalisedCodes, start: number, townEnd: number): boolean {
  const c = norm.codes;
  let p = start;
  while (p > 0 && start - p < LIST_GAP_MAX && LIST_GAP.has(c[p - 1]!) && p !== townEnd) p--;
  if (p === townEnd) return true;
  return p >= 2 && SELF.some(([a, b]) => c[p - 2] === a && c[p - 1] === b);
}

/** Index of the town-list signal among the pack's gate words, per pack. */
const townListIndex = new WeakMap<MatchPack, number>();
function townListWord(pack: MatchPack): number {
  let i = townListIndex.get(pack);
  if (i === undefined) townListIndex.set(pack, (i = pack.gateWords.findIndex((w) => w.text === TOWN_LIST)));
  return i;
}

/** How far into the page (normalised units) spam lines may run before the article starts. */
const PREAMBLE_REACH = 500;

/**
 * Mirror sites put lines of advertising before the article (深圳楼盘特价, 珠海海景房): other
 * cities named in lines before the first line that names Jinjiang or the programme, within
 * the page's first PREAMBLE_REACH units, do not count against it. Returns that line's start
 * (0 when there is no such preamble).
 */
function preambleEnd(pack: MatchPack, norm: NormalisedCodes, tokens: Tokens): number {
  for (let t = 0; t < tokens.count && tokens.start[t]! < PREAMBLE_REACH; t++) {
    const p = tokens.pattern[t]!;
    for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
      if (pack.entryKind[j] !== Entry.Gate) continue;
      const kind = pack.gateWords[pack.entryRef[j]!]!.kind;
      if (kind === 'jinjiang' || kind === 'topic') return lineStartOf(norm, tokens.start[t]!);
    }
  }
  return 0;
}

export function scanText(text: string, pack: MatchPack, options: ScanOptions = {}): ScanResult {
  const steps = scanTextSteps(text, pack, options, scratch);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
