/**
 * The year a passage speaks of. Year words are read from the normalised text (full-width
 * digits already folded): 2024年 / 2024年度, 二〇二四年 / 二零二四年, and 今年 / 本年 / 去年 /
 * 前年 / 明年 / 后年 (本年 only as 本年度) counted from the page's date (no page date → the word says "a year we
 * cannot tell", which stops the search: 今年 on an undated page is not the paragraph's 2023).
 *
 * Scope (`passageYear`), nearest first:
 *   1. a year word inside the mention itself (2025年百姓健身驿站);
 *      1b. in a table row (cells split by tabs), a cell that is a bare year (2021 | 新建或改建…);
 *   2. the mention's sentence (between 。！？； or line breaks): the nearest year word before
 *      it, else the first one after it (智慧停车扩面工程是2023年为民办实事项目);
 *   3. the paragraph (the line): the nearest year word before the sentence;
 *   4. the paragraphs just before (within EARLIER_REACH units): news sets the year once
 *      (2022年，晋江把…列入为民办实事项目) and the next paragraph goes on about 这批设施;
 *   5. the one year the whole page speaks of: when every year word of the text names the same
 *      year (a January report on 2022's list: 2022年 in the headline, 去年 in the lead, and
 *      paragraphs further down that name none), that year, before or after the mention;
 *   6. the page's own year (its date): a year-end report dated 2023-01 on 2022's list names
 *      2022 early, so this comes after the text's own words;
 *   7. unknown (null).
 * A range (2021—2025年, normalised to 20212025年) is no single year and is skipped, and so is
 * a year that starts a span (2021年以来, 2021年起: since then, not that year). 今年以来 is this year.
 */
import type { NormalisedCodes } from '../text/normalise';

export interface YearWord {
  /** Normalised [start, end) of the word (年 included). */
  start: number;
  end: number;
  /** The year it names, or null (a relative word on an undated page). */
  year: number | null;
  relative: boolean;
}

export interface PassageYear {
  year: number | null;
  /** How it was told: 'name' (inside the mention), 'sentence', 'paragraph', 'page', or 'none'. */
  scope: 'name' | 'row' | 'sentence' | 'paragraph' | 'same-name' | 'earlier' | 'one-year' | 'page' | 'none';
  /** The word that told it (2024年, 今年) when one did. */
  word?: string;
}

const NIAN = 0x5e74; // 年
/** How far back (normalised units, about two short paragraphs) an earlier paragraph's year carries. */
export const EARLIER_REACH = 300;
const CN_NUM = new Map<number, number>([...'〇零一二三四五六七八九'].map((c, i) => [c.charCodeAt(0), i === 0 ? 0 : i - 1]));
/** Relative year words: the character before 年 and its offset from the page's year. */
const RELATIVE = new Map<number, number>([
  ['今', 0],
  ['本', 0],
  ['去', -1],
  ['前', -2],
  ['明', 1],
  ['后', 2],
  ['後', 2],
].map(([c, d]) => [(c as string).charCodeAt(0), d as number]));

/** 年 starting another word: 目前年轻, 以后年均 are no year words. */
const NOT_A_YEAR = new Set([...'轻龄纪级均华货画'].map((ch) => ch.charCodeAt(0)));
/** 本年 only as 本年度 (基本年内 is not 今年). */
const BEN = 0x672c;
const DU = 0x5ea6;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** After 2021年: 以来 / 起 / 开始 make it the start of a span (2021年以来), not a year spoken of. */
const YI = 0x4ee5;
const LAI = 0x6765;
const QI = 0x8d77;
const KAI = 0x5f00;
function startsSpan(c: Uint16Array | readonly number[], at: number, length: number): boolean {
  const a = at < length ? c[at]! : 0;
  const b = at + 1 < length ? c[at + 1]! : 0;
  return (a === YI && b === LAI) || a === QI || (a === KAI && b === 0x59cb);
}

/** Every year word of normalised [0, norm.length), in order. One pass looking for 年. */
export function yearWords(norm: NormalisedCodes, pageYear: number | null): YearWord[] {
  const out: YearWord[] = [];
  const c = norm.codes;
  // Normalised text has no line breaks (norm.lineStarts has them): a digit that ends the line
  // before (发布时间：2025-06-01 / 2025年…) is not part of this number.
  const startsLine = (x: number) => lineStartIndex(norm.lineStarts, x) >= 0;
  for (let i = 1; i < norm.length; i++) {
    if (c[i] !== NIAN) continue;
    // 2024年
    if (i >= 4 && isDigit(c[i - 1]!) && isDigit(c[i - 2]!) && isDigit(c[i - 3]!) && isDigit(c[i - 4]!)) {
      if (i >= 5 && isDigit(c[i - 5]!) && !startsLine(i - 4)) continue; // a range or a longer number
      const y = (c[i - 4]! - 48) * 1000 + (c[i - 3]! - 48) * 100 + (c[i - 2]! - 48) * 10 + (c[i - 1]! - 48);
      if (startsSpan(c, i + 1, norm.length)) continue;
      if (y >= 1949 && y <= 2099) out.push({ start: i - 4, end: i + 1, year: y, relative: false });
      continue;
    }
    // 二〇二四年
    if (i >= 4) {
      let y = 0;
      let k = 4;
      for (; k >= 1; k--) {
        const d = CN_NUM.get(c[i - k]!);
        if (d === undefined) break;
        y = y * 10 + d;
      }
      if (k === 0 && !(i >= 5 && CN_NUM.has(c[i - 5]!) && !startsLine(i - 4))) {
        if (y >= 1949 && y <= 2099) out.push({ start: i - 4, end: i + 1, year: y, relative: false });
        continue;
      }
    }
    const rel = RELATIVE.get(c[i - 1]!);
    const next = i + 1 < norm.length ? c[i + 1]! : 0;
    if (rel !== undefined && !NOT_A_YEAR.has(next) && (c[i - 1] !== BEN || next === DU)) {
      out.push({ start: i - 1, end: i + 1, year: pageYear === null ? null : pageYear + rel, relative: true });
    }
  }
  return out;
}

/** Index of x in the sorted line starts, or -1. */
function lineStartIndex(starts: Int32Array, x: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo] === x ? lo : -1;
}

/** Largest index i with words[i].start < x, or -1 (words sorted by start; year and programme words alike). */
export function lastBefore(words: readonly { start: number }[], x: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const wordText = (norm: NormalisedCodes, w: YearWord) => String.fromCharCode(...norm.codes.subarray(w.start, w.end));

/**
 * The year normalised [s, e) speaks of, in the scope above. `sentence` and `paragraph` are
 * the normalised [start, end) of the mention's clause and line.
 */
export function passageYear(
  norm: NormalisedCodes,
  words: readonly YearWord[],
  s: number,
  e: number,
  sentence: readonly [number, number],
  paragraph: readonly [number, number],
  pageYear: number | null,
): PassageYear {
  const found = (w: YearWord, scope: PassageYear['scope']): PassageYear => ({ year: w.year, scope, word: wordText(norm, w) });
  // 1. Inside the name (the last year word that ends inside it).
  const inside = lastBefore(words, e);
  if (inside >= 0 && words[inside]!.start >= s && words[inside]!.end <= e) return found(words[inside]!, 'name');
  // 1b. A table row's year cell.
  const cell = yearCell(norm, paragraph);
  if (cell) return { year: cell.year, scope: 'row', word: cell.word };
  // 2. The sentence: before, else after.
  const before = lastBefore(words, s);
  if (before >= 0 && words[before]!.start >= sentence[0] && words[before]!.end <= s) return found(words[before]!, 'sentence');
  for (let i = Math.max(0, inside + 1); i < words.length && words[i]!.start < sentence[1]; i++) {
    if (words[i]!.start >= e) return found(words[i]!, 'sentence');
  }
  // 3. The paragraph, before the sentence.
  if (before >= 0 && words[before]!.start >= paragraph[0] && words[before]!.end <= s) return found(words[before]!, 'paragraph');
  // 4. The paragraphs just before.
  if (before >= 0 && words[before]!.start >= s - EARLIER_REACH) return found(words[before]!, 'earlier');
  // 5. The one year the whole text speaks of.
  const one = oneYear(words);
  if (one !== null) return { year: one, scope: 'one-year' };
  // 6. The page's year.
  if (pageYear !== null) return { year: pageYear, scope: 'page' };
  return { year: null, scope: 'none' };
}

/**
 * The year every year word names, when they all name one (null: none, an untold one, or
 * several). News sets the time in its lead (去年，晋江…定下的20个为民办实事项目) and does not
 * repeat it; a page that names one year and no other is about that year, whatever its date.
 */
const oneYearCache = new WeakMap<readonly YearWord[], number | null>();
export function oneYear(words: readonly YearWord[]): number | null {
  const known = oneYearCache.get(words);
  if (known !== undefined) return known;
  let y: number | null = null;
  for (const w of words) {
    if (w.year === null || (y !== null && w.year !== y)) {
      y = null;
      break;
    }
    y = w.year;
  }
  oneYearCache.set(words, y);
  return y;
}

const TAB = 0x09;
/**
 * A cell of the table row normalised [start, end) that is a bare year (1990–2099), when the row
 * has cells (tab-separated, as tables are read): { year, word }. Null otherwise.
 */
export function yearCell(norm: NormalisedCodes, [start, end]: readonly [number, number]): { year: number; word: string } | null {
  const c = norm.codes;
  let hasTab = false;
  for (let i = start; i < end; i++) if (c[i] === TAB) hasTab = true;
  if (!hasTab) return null;
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && c[i] !== TAB) continue;
    // Trim spaces around the cell.
    let a = cellStart;
    let b = i;
    while (a < b && c[a] === 0x20) a++;
    while (b > a && c[b - 1] === 0x20) b--;
    const len = b - a - (b - a === 5 && c[b - 1] === NIAN ? 1 : 0);
    if (len === 4 && isDigit(c[a]!) && isDigit(c[a + 1]!) && isDigit(c[a + 2]!) && isDigit(c[a + 3]!)) {
      const y = (c[a]! - 48) * 1000 + (c[a + 1]! - 48) * 100 + (c[a + 2]! - 48) * 10 + (c[a + 3]! - 48);
      if (y >= 1990 && y <= 2099) return { year: y, word: String.fromCharCode(...c.subarray(a, b)) };
    }
    cellStart = i + 1;
  }
  return null;
}
