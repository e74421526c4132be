/**
 * Text normalisation with an offset map: the one place that decides which characters are
 * "the same" for matching. Patterns and page text both go through it, so a page's 晉江市
 * 「公安局」 and the dataset's 晋江市公安局 meet in the middle, and every normalised index
 * can be traced back to the original UTF-16 index (mentions must slice the page exactly).
 *
 * One pass, one 64K lookup table for the BMP. Astral characters and unpaired surrogates
 * pass through untouched (two code units each, each mapped to itself).
 */
import { TRAD_TO_SIMP } from './variants.generated';

/** Table values below this are "drop" markers, never real output characters. */
const DROP = 0;
/** Dropped, and the next kept character begins a new line (for sentence bounds). */
const DROP_LINE = 1;

/**
 * Whitespace of every kind: pages break names across lines and pad them with NBSPs. Not the
 * tab: extracted text puts one between table cells, and a name never runs from one cell
 * into the next (池店镇<tab>启承路… is a unit cell, then a project cell). It is kept as a
 * character no pattern contains, so matches stop there.
 */
const SPACES = '\v\f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';
const LINE_BREAKS = '\n\r\u2028\u2029';
/** Invisible formatting: zero-width, soft hyphen, bidi controls, word joiner, BOM. */
const INVISIBLE =
  '\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0';
/**
 * Separators pages put inside names: quotes and title marks (智慧停车“扩面工程”), middle
 * dots (生育关怀·暖冬行) and dashes (建设——“科技点亮未来”). Dropping them everywhere is
 * harmless for CJK matching; the original slice still contains them.
 */
const SEPARATORS =
  '"\'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2035\u2036\u2039\u203a\u300a\u300b\u3008\u3009\u300c\u300d\u300e\u300f\u301d\u301e\u301f\ufe41\ufe42\ufe43\ufe44\uff02\uff07\uff40' +
  '\u00b7\u2022\u2027\u30fb\uff65\u2219\u22c5\u0387' +
  '-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2500\u2501\u301c\ufe58\ufe63\uff0d\uff5e~';

/** Ranges whose NFKC form is one BMP character: full-width ASCII, CJK compatibility ideographs, Kangxi radicals (spam uses them to dodge filters). */
const NFKC_RANGES: Array<[number, number]> = [
  [0xff01, 0xff5e],
  [0xf900, 0xfaff],
  [0x2f00, 0x2fd5],
  [0x2e80, 0x2ef3],
];

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0; c < 0x20; c++) t[c] = c === 0x09 ? c : DROP; // control characters (the tab stays: see SPACES)
  for (let c = 0x7f; c < 0xa0; c++) t[c] = DROP;
  for (let i = 0; i < TRAD_TO_SIMP.length; i += 2) t[TRAD_TO_SIMP.charCodeAt(i)] = TRAD_TO_SIMP.charCodeAt(i + 1);
  for (const [lo, hi] of NFKC_RANGES) {
    for (let c = lo; c <= hi; c++) {
      const n = String.fromCharCode(c).normalize('NFKC');
      if (n.length === 1) t[c] = t[n.charCodeAt(0)]!; // then Traditional → Simplified
    }
  }
  // ASCII letters fold to lower case, including those reached from full-width forms.
  for (let c = 0; c < 0x10000; c++) {
    const v = t[c]!;
    if (v >= 0x41 && v <= 0x5a) t[c] = v + 0x20;
  }
  for (const s of [SPACES, INVISIBLE, SEPARATORS]) for (const ch of s) t[ch.charCodeAt(0)] = DROP;
  // Full-width forms of the separators fold first, so drop whatever folds to a dropped char.
  for (let c = 0; c < 0x10000; c++) {
    const v = t[c]!;
    if (v !== c && v >= 0x20 && t[v] === DROP) t[c] = DROP;
  }
  for (const ch of LINE_BREAKS) t[ch.charCodeAt(0)] = DROP_LINE;
  return t;
}

/**
 * Characters that end a sentence or clause (after folding: full-width ！？； are ! ? ; by
 * then). The matcher's context never crosses them; normalising records where they are, so
 * no second pass over the text is needed to find them.
 */
export const CLAUSE_ENDS = '。!?;';

let fold: Uint16Array | undefined;
let clauseEnd: Uint8Array | undefined;

function clauseEndTable(): Uint8Array {
  if (clauseEnd) return clauseEnd;
  clauseEnd = new Uint8Array(0x10000);
  for (const ch of CLAUSE_ENDS) clauseEnd[ch.charCodeAt(0)] = 1;
  return clauseEnd;
}

/** A growable list of offsets (a 1 MB page has tens of thousands of lines and clauses). */
export class OffsetList {
  private buf = new Int32Array(64);
  count = 0;

  push(x: number): void {
    if (this.count === this.buf.length) {
      const grown = new Int32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.count++] = x;
  }

  last(): number {
    return this.count ? this.buf[this.count - 1]! : -1;
  }

  /** The offsets, as a view (valid as long as nothing is pushed). */
  view(): Int32Array {
    return this.buf.subarray(0, this.count);
  }
}

/**
 * The folding table: index = original code unit, value = normalised code unit (0/1 = dropped).
 * Built on first use, not when the module loads: the content script loads this module on every
 * page of a listed site, and most of those pages never get past the pre-gate.
 */
export function foldTable(): Uint16Array {
  return (fold ??= buildTable());
}

/**
 * The table as its differences from identity, (code, value) code-unit pairs in one string: a
 * few thousand entries. The content script's build ships it (lib/match/prebuilt.ts), so a
 * page pays for a 64K copy, not for building the table with NFKC lookups.
 */
export function foldDiff(): string {
  const t = foldTable();
  const out: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (t[c] !== c) out.push(c, t[c]!);
  return codesToString(Uint16Array.from(out), out.length);
}

/** Installs the table from `foldDiff()`'s output, unless it is already built. */
export function loadFoldTable(diff: string): void {
  if (fold) return;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let i = 0; i + 1 < diff.length; i += 2) t[diff.charCodeAt(i)] = diff.charCodeAt(i + 1);
  fold = t;
}

/** Normalised text as code units, for the scanner (no string building on the hot path). */
export interface NormalisedCodes {
  /** Normalised UTF-16 code units; only the first `length` are valid. */
  codes: Uint16Array;
  length: number;
  /** map[i] = original index of normalised unit i; map[length] = original length (end sentinel). */
  map: Int32Array;
  /** Sorted normalised indices at which a new line starts (a line break was dropped before them). */
  lineStarts: Int32Array;
  /** Sorted normalised indices right after each clause end (CLAUSE_ENDS). */
  clauseEnds: Int32Array;
}

export interface Normalised {
  text: string;
  /** map[i] = original UTF-16 index of text[i]; map[text.length] = original length. */
  map: Int32Array;
  lineStarts: Int32Array;
}

/** Reusable output buffers (a scan of a large page need not allocate 6 MB every time). */
export interface NormaliseScratch {
  codes: Uint16Array;
  map: Int32Array;
}

/** Units normalised between pauses of `normaliseCodesSteps` (about a millisecond of work). */
export const NORMALISE_CHUNK = 1 << 16;

/**
 * Normalise into code units: the scanner's input. One pass, one table lookup per unit.
 * With `scratch`, its buffers are used (and grown) instead of fresh ones; the result is then
 * only valid until the next call with the same scratch.
 */
export function normaliseCodes(input: string, scratch?: NormaliseScratch): NormalisedCodes {
  const steps = normaliseCodesSteps(input, scratch, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Where a paused normalisation stands. */
interface NormaliseState {
  readonly input: string;
  readonly codes: Uint16Array;
  readonly map: Int32Array;
  readonly lines: OffsetList;
  readonly clauses: OffsetList;
  /** Next input index, next output index. */
  i: number;
  j: number;
  pendingLine: boolean;
}

const OPEN_PAREN = 0x28; // ( and （ after folding

/** Latin letters with pinyin tone marks (ā á ǎ à …, ü ǖ ǘ ǚ ǜ) and plain a–z. */
function isPinyinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f) || c === 0x20 || c === 0x27;
}

/**
 * Mirror sites print pinyin in brackets after characters: 為民辦實(shí)事, 晋江(Jìnjiāng)市. If a
 * bracket at i holds only pinyin letters (1–40 of them, at least one letter), the index after
 * its closing bracket; else -1. Only called after a CJK character, so (2023) or (PM2.5) stay.
 */
export function pinyinParenEnd(input: string, i: number): number {
  let k = i + 1;
  let letters = 0;
  for (; k < input.length && k - i <= 41; k++) {
    const c = input.charCodeAt(k);
    if (c === 0x29 || c === 0xff09) return letters ? k + 1 : -1;
    if (!isPinyinLetter(c)) return -1;
    if (c !== 0x20 && c !== 0x27) letters++;
  }
  return -1;
}

/** Normalises input [state.i, end): the hot loop, in a plain function so that it is optimised mid-run. */
function normaliseRange(st: NormaliseState, end: number): void {
  const { input, codes, map, lines, clauses } = st;
  const FOLD = foldTable();
  const ENDS = clauseEndTable();
  let j = st.j;
  let pendingLine = st.pendingLine;
  let i = st.i;
  for (; i < end; i++) {
    const v = FOLD[input.charCodeAt(i)]!;
    if (v === OPEN_PAREN && j > 0 && codes[j - 1]! >= 0x2e80) {
      const close = pinyinParenEnd(input, i);
      if (close > 0) {
        i = close - 1; // the whole (shí) is dropped: 为民办实(shí)事 reads as 为民办实事
        continue;
      }
    }
    if (v > DROP_LINE) {
      if (pendingLine) {
        lines.push(j);
        pendingLine = false;
      }
      codes[j] = v;
      map[j++] = i;
      if (ENDS[v]) clauses.push(j);
    } else if (v === DROP_LINE) {
      pendingLine = true;
    }
  }
  st.i = i; // ≥ end: a dropped (pinyin) may run past the chunk's end
  st.j = j;
  st.pendingLine = pendingLine;
}

/**
 * `normaliseCodes` as a generator that pauses every `chunk` units, so the content script can
 * hand the page its thread back in the middle of a huge page. Run to the end, it returns what
 * `normaliseCodes` returns.
 */
export function* normaliseCodesSteps(input: string, scratch?: NormaliseScratch, chunk = NORMALISE_CHUNK): Generator<void, NormalisedCodes, void> {
  const n = input.length;
  if (scratch && scratch.codes.length < n) {
    scratch.codes = new Uint16Array(Math.max(n, scratch.codes.length * 2));
    scratch.map = new Int32Array(scratch.codes.length + 1);
  }
  const st: NormaliseState = {
    input,
    codes: scratch ? scratch.codes : new Uint16Array(n),
    map: scratch ? scratch.map : new Int32Array(n + 1),
    lines: new OffsetList(),
    clauses: new OffsetList(),
    i: 0,
    j: 0,
    pendingLine: false,
  };
  for (;;) {
    normaliseRange(st, Math.min(n, st.i + chunk));
    if (st.i >= n) break;
    yield;
  }
  st.map[st.j] = n;
  return { codes: st.codes, length: st.j, map: st.map, lineStarts: st.lines.view(), clauseEnds: st.clauses.view() };
}

/** Code units to a string without decoding (unpaired surrogates survive as they are). */
export function codesToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** Normalise a string: folded text plus the map back to original offsets. */
export function normalise(input: string): Normalised {
  const r = normaliseCodes(input);
  return { text: codesToString(r.codes, r.length), map: r.map.subarray(0, r.length + 1), lineStarts: r.lineStarts };
}

/** Normalise a pattern (dataset name, alias, lexicon word): just the folded string. */
export function normaliseKey(s: string): string {
  const FOLD = foldTable();
  let i = 0;
  while (i < s.length && FOLD[s.charCodeAt(i)] === s.charCodeAt(i)) i++;
  if (i === s.length) return s; // already normal (most dataset strings): no copy
  const out: number[] = [];
  for (let k = 0; k < i; k++) out.push(s.charCodeAt(k));
  for (; i < s.length; i++) {
    const v = FOLD[s.charCodeAt(i)]!;
    if (v > DROP_LINE) out.push(v);
  }
  return String.fromCharCode(...out);
}

/**
 * Original [start, end) for normalised [s, e). Each normalised unit comes from exactly one
 * original unit, so the end is the last unit's original index + 1; whatever was dropped
 * between (quotes, line breaks) stays inside the slice, nothing dropped outside it does.
 */
export function toOriginalRange(map: Int32Array, s: number, e: number): [number, number] {
  return [map[s]!, map[e - 1]! + 1];
}
