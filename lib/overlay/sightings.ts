/**
 * How a sighting is recorded, and what the toolbar badge counts. Each item mentioned on a
 * relevant page is reported to the background once per page load (all items, or only followed
 * ones, as the user chose; none when sightings are off), with the mention's quote and
 * CONTEXT units of text either side; the background stores it (lib/db/sightings.ts). The badge
 * gets the page's mention count after every change.
 */
import type { OverlayState, Send } from '../messaging/protocol';
import type { SightingReport } from '../types/page';
import { isLinked } from '../match/types';
import type { PlacedMention } from './mention-store';
import { pageInfoOf } from './page-info';
import { targetOf } from './target';

/** UTF-16 units of text kept either side of a sighted mention. */
const CONTEXT = 32;
/** Longest quote kept, in UTF-16 units. */
const MAX_QUOTE = 1000;

export class SightingRecorder {
  /** Ids already reported from this page load. */
  private readonly sighted = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly send: Send,
  ) {}

  /** A new page (history navigation): every item may be sighted again. */
  newPage(): void {
    this.sighted.clear();
  }

  /**
   * Reports the mentions not yet reported; `text` is what their offsets index, for the context
   * (pass '' when it is not at hand: the quote alone is kept).
   */
  record(placed: readonly PlacedMention[], text: string, mode: OverlayState['sightings'], followed: ReadonlySet<string>): void {
    if (mode === 'off') return;
    const reports: SightingReport[] = [];
    for (const { mention: m } of placed) {
      if (!isLinked(m)) continue; // a round the dataset lacks: no item to have been seen
      if (this.sighted.has(m.id) || (mode === 'followed' && !followed.has(m.id))) continue;
      this.sighted.add(m.id);
      reports.push({
        target: targetOf(m),
        quote: m.text.slice(0, MAX_QUOTE),
        prefix: text.slice(Math.max(0, m.start - CONTEXT), m.start),
        suffix: text.slice(m.end, m.end + CONTEXT),
      });
    }
    if (reports.length) void this.send({ type: 'sightings/record', page: pageInfoOf(this.doc), reports }).catch(() => {});
  }
}

/** The toolbar badge: this page's decision and mention count (0 and not relevant when the overlay stops). */
export function reportToBadge(send: Send, relevant: boolean, score: number, mentions: number): void {
  void send({ type: 'page/gate', relevant, score, mentions }).catch(() => {});
}
