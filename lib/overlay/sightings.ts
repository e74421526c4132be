/**
 * How a sighting is recorded, and what the toolbar badge counts. Each item mentioned on a
 * relevant page is reported to the background once per page load (all items, or only followed
 * ones, as the user chose; none when sightings are off), with the mention's quote, context
 * and the sentence it stands in (sighting-reports.ts); the background stores it
 * (lib/db/sightings.ts). The badge gets the page's mention count after every change.
 */
import type { OverlayState, Send } from '../messaging/protocol';
import type { PlacedMention } from './mention-store';
import { pageInfoOf } from './page-info';
import { sightingReports } from './sighting-reports';

export class SightingRecorder {
  /** Ids already reported from this page load. */
  private readonly sighted = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly send: Send,
    /** The page's date (ISO) when known (lib/text/page-date.ts): kept as the source's date. */
    private readonly pageDate: () => string | undefined = () => undefined,
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
    // A round the dataset lacks (id null) has no item to have been seen: sightingReports skips it.
    const reports = sightingReports(placed, text, (id) => !this.sighted.has(id) && (mode === 'all' || followed.has(id)));
    for (const r of reports) this.sighted.add(r.target.id);
    if (reports.length) void this.send({ type: 'sightings/record', page: pageInfoOf(this.doc, this.pageDate()), reports }).catch(() => {});
  }
}

/** The toolbar badge: this page's decision and mention count (0 and not relevant when the overlay stops). */
export function reportToBadge(send: Send, relevant: boolean, score: number, mentions: number): void {
  void send({ type: 'page/gate', relevant, score, mentions }).catch(() => {});
}
