/**
 * Pages nobody tuning the engine had seen (tests/fixtures/heldout): written blind by a
 * separate author from the dataset's names alone. Scored by the same rules as the other
 * labelled pages; they guard against rules that only fit the pages they were written on.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { HELDOUT_DIR, loadLabelledPages, scorePages } from './scoring';

describe('held-out pages', () => {
  it('finds mentions with F1 ≥ 0.95 and judges every page right, hard negatives included', () => {
    const pack = buildPack(bundledDataset);
    const pages = loadLabelledPages(HELDOUT_DIR);
    expect(pages.length).toBeGreaterThanOrEqual(12);
    const score = scorePages('held-out pages', pages, (text, url, pageDate) => scanText(text, pack, { url, pageDate }), true);
    console.log(score.summary);
    expect(score.relevanceRight).toBe(pages.length);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
  });
});
