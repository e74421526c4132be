/** What the engine reports. Offsets are UTF-16 indices into the ORIGINAL text (contract 4). */
import type { SignalKind } from './lexicon';

/** The two programmes (DESIGN contract 5): the yearly 为民办实事 lists and the 民生微实事 of 2023. */
export type { ProgrammeId } from '../data/types';
import type { ProgrammeId } from '../data/types';

export interface Mention {
  kind: 'unit' | 'project';
  start: number;
  end: number;
  /** Equals originalText.slice(start, end); may contain the quotes/line breaks inside a name. */
  text: string;
  /** The lead unit's short name as printed in the source table (公安局). */
  unit: string;
  /** The project's number in the source table (projects only). */
  seq?: number;
  /**
   * Unit id or item id. null for a project mention of a programme round the dataset holds no
   * item for (`year` says which), or whose year cannot be told (`candidateYears`).
   */
  id: string | null;
  /** Project mentions: the programme of the item or of the round spoken of. */
  programme?: ProgrammeId;
  /** Project mentions: the year of the item or of the round spoken of; null when it cannot be told. */
  year?: number | null;
  /** Project mentions with `year: null`: the years whose lists hold an item of this name or series. */
  candidateYears?: number[];
  /** 0–1: how sure the linker is. */
  confidence: number;
  /** Why, in short tags: 'name', 'keyphrase', 'place:岸兜村', 'row:105', … */
  evidence: string[];
}

/** A mention linked to a unit or item of the dataset (what the overlay draws today). */
export type LinkedMention = Mention & { id: string };

export function isLinked(m: Mention): m is LinkedMention {
  return m.id !== null;
}

export interface Signal {
  kind: SignalKind;
  text: string;
  /** Contribution to the score (negative for counter-signals), after caps. */
  weight: number;
}

export interface Relevance {
  relevant: boolean;
  score: number;
  signals: Signal[];
}

export interface ScanResult extends Relevance {
  mentions: Mention[];
}
