/** What the engine reports. Offsets are UTF-16 indices into the ORIGINAL text (contract 4). */
import type { SignalKind } from './lexicon';

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
  /** Unit id or item id. */
  id: string;
  /** 0–1: how sure the linker is. */
  confidence: number;
  /** Why, in short tags: 'name', 'keyphrase', 'place:岸兜村', 'row:105', … */
  evidence: string[];
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
