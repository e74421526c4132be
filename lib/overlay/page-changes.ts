/**
 * What happens when a page's content changes (page-watcher.ts hands over the changed subtrees,
 * debounced). On a page we draw on, only the changed subtrees are read and scanned again, in
 * slices: their old mentions go, the new ones are placed, recorded as sightings and drawn, and
 * the passage notes re-anchored. On a page that was not about the projects, only the added
 * text is checked, with the cheap pre-gate, and a hit wakes the overlay up.
 */
import { quickGate } from '../match/gate';
import type { MatchPack } from '../match/pack';
import { scanTextSteps } from '../match/scan-text';
import { extractDomText, extractDomTextSteps, type DomText } from '../text/extract-dom';
import type { MentionStore, PlacedMention } from './mention-store';
import type { PageWatcher } from './page-watcher';
import { keepOnPage, placeMentions } from './place-mentions';
import { pageReading } from './read-page';
import { Slicer } from './yield';

/** Whether text added to a page we left alone now passes the pre-gate (so the overlay starts again). */
export function addedTextWakesUp(roots: readonly Node[]): boolean {
  const added = roots.map((r) => (r.isConnected ? extractDomText(r, pageReading(r.ownerDocument ?? (r as Document))).text : '')).join('\n');
  return quickGate(added);
}

export interface RescanParts {
  doc: Document;
  pack: MatchPack;
  /** The page's date (ISO), read when the page was first scanned. */
  pageDate?: string;
  store: MentionStore;
  watcher: PageWatcher;
  /** New open shadow roots met while reading (the painter may need to style them). */
  onShadowRoots(roots: readonly ShadowRoot[]): void;
  /** Mentions just placed, with the text their offsets index. */
  onPlaced(placed: readonly PlacedMention[], text: string): void;
  /** Passage notes index the whole page's text: re-anchored after the subtrees, when the page has any. */
  reanchorNotes?(dom: () => DomText): void;
  drawSteps(): Generator<void, void, void>;
  /** After everything was drawn (the badge's count). */
  onDone(): void;
}

/** Rescans the changed subtrees of a drawn page; gives up at its next pause once `signal` aborts. */
export async function rescanChanged(roots: readonly Node[], parts: RescanParts, signal: AbortSignal): Promise<void> {
  const { doc, store, watcher } = parts;
  const url = doc.location.href;
  const slicer = new Slicer();
  for (const root of roots) {
    store.removeWithin(root, watcher.shadowRoots.size > 0);
    if (!root.isConnected) continue;
    const dom = await slicer.run(extractDomTextSteps(root, pageReading(doc)));
    if (signal.aborted) return;
    watcher.watchShadowRoots(dom.shadowRoots);
    parts.onShadowRoots(dom.shadowRoots);
    if (!dom.text) continue;
    const result = await slicer.run(scanTextSteps(dom.text, parts.pack, { url, pageDate: parts.pageDate }));
    if (signal.aborted) return;
    // Nodes may have left while we paused: keep only mentions still in the page.
    const placed = keepOnPage(placeMentions(dom, result.mentions), () => watcher.mayHaveRemoved());
    store.add(placed);
    parts.onPlaced(placed, dom.text);
  }
  parts.reanchorNotes?.(() => extractDomText(doc.body, pageReading(doc)));
  await slicer.run(parts.drawSteps());
  if (signal.aborted) return;
  parts.onDone();
}
