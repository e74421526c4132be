/**
 * Which programme a passage speaks of, from the programme's own words near a mention: 为民办实事
 * (the yearly list) or 民生微实事 (the 2023 table). Used where one name belongs to both — a
 * project printed in 2023's list and as a row of the 2023 table (智慧停车“扩面工程”, row 4), or a
 * name that the table and a later year's list print alike (公交服务品质提升工程: row 32, 2024) —
 * so the text, not a fixed preference, decides.
 *
 * Scope, nearest first (as for years, lib/match/years.ts): the mention's sentence (the nearest
 * word before it, else the first after it: 把智慧停车“扩面工程”写进了为民办实事清单), the rest of
 * its paragraph before it, the paragraphs just before (within EARLIER_REACH units), the first
 * word after it within the same reach (今年的智慧停车“扩面工程”… then 明年将兴办20件为民办实事),
 * else none.
 * 民生实事 is said of both and decides nothing; another city's or a town's list (泉州市为民办实事)
 * is a gate word of another kind and is not read here. 认领 (a unit claimed it) before the name in
 * its sentence is the 民生微实事 table's own way (each of the 117 was claimed by a unit): it
 * counts as that programme's word in the sentence (交通运输局认领的公交服务品质提升工程).
 */
import type { NormalisedCodes } from '../text/normalise';
import type { ProgrammeId } from './types';
import { EARLIER_REACH, lastBefore } from './years';

/** A programme word at normalised [start, end). */
export interface ProgrammeWord {
  start: number;
  end: number;
  programme: ProgrammeId;
}

export interface PassageProgramme {
  programme: ProgrammeId;
  /** How far it was read: the mention's sentence, its paragraph, or the paragraphs before. */
  scope: 'sentence' | 'paragraph' | 'earlier' | 'later';
}

/**
 * The programme a topic word names, or null when it names neither alone. Key: the normalised
 * word (Simplified). 微实事 → the 2023 table; 办实事 / 为民实事 → the yearly list.
 */
export function programmeOfWord(word: string): ProgrammeId | null {
  if (word.includes('微实事')) return 'minsheng-weishishi';
  if (word.includes('办实事') || word.includes('为民实事')) return 'weiminbanshishi';
  return null;
}


/**
 * The programme normalised [s, e) speaks of. `words` sorted by start; `sentence` and
 * `paragraph` are the normalised [start, end) of the mention's clause and line. Null: no
 * programme word within reach.
 */
export function passageProgramme(
  words: readonly ProgrammeWord[],
  s: number,
  e: number,
  sentence: readonly [number, number],
  paragraph: readonly [number, number],
): PassageProgramme | null {
  const before = lastBefore(words, s);
  const w = before >= 0 ? words[before]! : undefined;
  if (w && w.start >= sentence[0] && w.end <= s) return { programme: w.programme, scope: 'sentence' };
  for (let i = before + 1; i < words.length && words[i]!.start < sentence[1]; i++) {
    if (words[i]!.start >= e) return { programme: words[i]!.programme, scope: 'sentence' };
  }
  if (w && w.start >= paragraph[0] && w.end <= s) return { programme: w.programme, scope: 'paragraph' };
  if (w && w.start >= s - EARLIER_REACH) return { programme: w.programme, scope: 'earlier' };
  const next = words[before + 1];
  if (next && next.start >= e && next.start < e + EARLIER_REACH) return { programme: next.programme, scope: 'later' };
  return null;
}

const REN = 0x8ba4; // 认
const LING = 0x9886; // 领
/** Whether 认领 occurs in normalised [from, to) (the mention's sentence before it). */
export function claimedBefore(norm: NormalisedCodes, from: number, to: number): boolean {
  const c = norm.codes;
  for (let i = Math.max(0, from); i + 1 < to; i++) if (c[i] === REN && c[i + 1] === LING) return true;
  return false;
}
