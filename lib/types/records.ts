/**
 * Types only (no code, so the content script can import them and get nothing else).
 * What the user creates. These rows belong to the user: dataset upgrades never write them,
 * and they refer to dataset rows only by stable id (DESIGN contract 6).
 */

import type { ProgrammeId } from '../data/types';

export type TargetKind = 'item' | 'unit';

export interface TargetRef {
  kind: TargetKind;
  id: string;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector; offsets are UTF-16 code units inside the code (contract 4). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * What a page says about itself, kept as a reference manager keeps a source (issue 13, 7).
 * Every field is optional: only what the page's markup gives (lib/overlay/page-meta.ts).
 */
export interface PageMeta {
  /** The outlet or site's own name (og:site_name, SiteName, ContentSource …). */
  siteName?: string;
  author?: string;
  /** The page's date, ISO `YYYY-MM-DD`. */
  published?: string;
}

export interface PassageAnchor {
  url: string;
  canonicalUrl: string;
  title: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The sentence around the passage, as evidence that outlives the page (absent on notes made before it was kept). */
  sentence?: string;
  meta?: PageMeta;
}

export interface Note {
  id: string;
  /** The item or unit the note is about, if any. */
  target?: TargetRef;
  /** Denormalised `target.id` for indexing ('' when the note has no target). */
  targetId: string;
  /** The passage it is anchored to, if any. */
  anchor?: PassageAnchor;
  /** Denormalised `anchor.canonicalUrl` for indexing ('' when not anchored). */
  pageUrl: string;
  body: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

export interface Follow {
  /** `${kind}:${id}`, so following twice is one row. */
  key: string;
  target: TargetRef;
  targetId: string;
  createdAt: number;
  /** The status the item had when followed, to mark changes after a dataset upgrade. */
  statusWhenFollowed?: string;
  /** For an item: the list it belongs to (derived from the item when followed, or by the v2 upgrade). */
  programme?: ProgrammeId;
  year?: number;
}

export interface Sighting {
  /** `${itemId}|${canonicalUrl}`: one record per item per page. */
  key: string;
  target: TargetRef;
  targetId: string;
  url: string;
  canonicalUrl: string;
  title: string;
  site: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** The sentence around the first mention seen (absent on rows recorded before it was kept). */
  sentence?: string;
  /** The page's own description of itself, as of the last visit. */
  meta?: PageMeta;
  firstSeen: number;
  lastSeen: number;
  visits: number;
}
