/**
 * The unconditional accuracy bar: the labelled pages in tests/fixtures/pages (written for
 * this project: news, notices, a Traditional copy, noisy text, hard negatives).
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { loadLabelledPages, scorePages } from './scoring';

const MIN_F1 = 0.95;

describe('labelled pages', () => {
  const pack = buildPack(bundledDataset);
  const pages = loadLabelledPages();

  it('has at least 12 pages, positives and hard negatives', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.filter((p) => !p.relevant).length).toBeGreaterThanOrEqual(5);
  });

  it(`finds mentions with F1 ≥ ${MIN_F1} and judges every page's relevance right`, () => {
    const score = scorePages('labelled pages', pages, (text, url, pageDate) => scanText(text, pack, { url, pageDate }));
    console.log(score.summary);
    expect(score.problems.filter((p) => p.includes('offsets do not match'))).toEqual([]);
    expect(score.f1).toBeGreaterThanOrEqual(MIN_F1);
    expect(score.relevanceRight).toBe(pages.length);
  });
});
