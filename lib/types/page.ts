/** Types only: what the content script reports about the page it runs in. */
import type { PageMeta, TargetRef } from './records';

/** One mention to record as a sighting: what was seen, with its context on the page. */
export interface SightingReport {
  target: TargetRef;
  quote: string;
  prefix: string;
  suffix: string;
  /** The sentence around the mention (lib/text/sentence.ts). */
  sentence?: string;
}

/** The page a sighting or a passage note belongs to. */
export interface PageInfo {
  url: string;
  canonicalUrl: string;
  title: string;
  /** What the page's markup says of itself (outlet, author, date: lib/overlay/page-meta.ts). */
  meta?: PageMeta;
}
