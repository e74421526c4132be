/**
 * The early "surely relevant" signal lets the content script ask for the user's state while
 * the linker runs. It must never fire on a page the full scan then rejects, and it must fire
 * on a plainly relevant page (otherwise it saves nothing).
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanTextSteps, type ScanOptions } from '../../../lib/match/scan-text';
import type { ScanResult } from '../../../lib/match/types';
import { HELDOUT_DIR, loadLabelledPages } from './scoring';

const pack = buildPack(bundledDataset);

function scanWatching(text: string, url?: string): { early: boolean; result: ScanResult } {
  let early = false;
  const options: ScanOptions = { url, onSurelyRelevant: () => (early = true) };
  const steps = scanTextSteps(text, pack, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return { early, result: step.value };
  }
}

describe('early relevance', () => {
  const pages = [...loadLabelledPages(), ...loadLabelledPages(HELDOUT_DIR)];

  it('never fires on a page the full scan judges irrelevant', () => {
    const negatives = pages.filter((p) => !p.relevant);
    expect(negatives.length).toBeGreaterThanOrEqual(5);
    for (const p of pages) {
      const { early, result } = scanWatching(p.text, p.url);
      if (early) expect(result.relevant, p.name).toBe(true);
    }
  });

  it('fires on most relevant pages, before any mention is linked', () => {
    const positives = pages.filter((p) => p.relevant);
    const fired = positives.filter((p) => scanWatching(p.text, p.url).early);
    expect(fired.length).toBeGreaterThanOrEqual(Math.ceil(positives.length / 2));
  });
});
