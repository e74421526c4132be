/**
 * The overlay controller on a page that changes while it works: mentions whose text leaves
 * the page before they are drawn must not be drawn (their ranges would point at detached
 * nodes). The page is the demo article; the background is a function answering in-process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mountOverlayView } from '../../../components/overlay/mount';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import type { OverlayState, Request, Send } from '../../../lib/messaging/protocol';
import { indexDataset } from '../../../lib/overlay/card-model';
import { Overlay } from '../../../lib/overlay/controller';
import { DEFAULT_HIGHLIGHT_COLOURS } from '../../../lib/settings/settings';
import { extractDomText } from '../../../lib/text/extract-dom';

const engine = { pack: buildPack(bundledDataset), index: indexDataset(bundledDataset) };
const demo = readFileSync(join(__dirname, '../../demo/site/index.html'), 'utf8');
const article = demo.slice(demo.indexOf('<article>'), demo.indexOf('</article>') + '</article>'.length);

const state: OverlayState = {
  locale: 'zh_CN',
  followed: [],
  pageNotes: [],
  noteCounts: {},
  sightings: 'off',
  wrapHighlights: false,
  siteDisabled: false,
  highlightColours: DEFAULT_HIGHLIGHT_COLOURS,
  dataset: null,
};

/** A background that answers the state request after `whileAsked` ran, and every other request with nothing. */
function background(whileAsked: () => void): Send {
  return (async (req: Request) => {
    if (req.type !== 'overlay/state') return { ok: true };
    whileAsked();
    await new Promise((r) => setTimeout(r, 0));
    return state;
  }) as Send;
}

/** Mentions the engine finds in the page as it is now. */
const mentionsNow = () => scanText(extractDomText(document.body).text, engine.pack).mentions.length;

beforeEach(() => {
  document.body.innerHTML = article; // our own fixture, written for this project
});

describe('the overlay on a page that changes while it starts', () => {
  it('draws every mention when nothing left the page', async () => {
    const overlay = new Overlay({ doc: document, engine: () => engine, mountView: (store) => mountOverlayView(document, store), send: background(() => {}) });
    const expected = mentionsNow();
    expect(await overlay.start()).toBe('active');
    const { counts } = overlay.report();
    expect(counts.units + counts.projects).toBe(expected);
    expect(expected).toBeGreaterThan(20);
    overlay.dispose();
  });

  it('leaves out the mentions of a table that was removed while the user state was on its way', async () => {
    const expectedAfter = (() => {
      const table = document.querySelector('table')!;
      const next = table.nextSibling;
      const parent = table.parentNode!;
      table.remove();
      const n = mentionsNow();
      parent.insertBefore(table, next);
      return n;
    })();
    const before = mentionsNow();
    expect(expectedAfter).toBeLessThan(before - 50); // the table holds most of the mentions
    const overlay = new Overlay({ doc: document, engine: () => engine, mountView: (store) => mountOverlayView(document, store), send: background(() => document.querySelector('table')!.remove()) });
    expect(await overlay.start()).toBe('active');
    const { counts } = overlay.report();
    expect(counts.units + counts.projects).toBe(expectedAfter);
    overlay.dispose();
  });
});
