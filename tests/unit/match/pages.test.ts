/**
 * The unconditional accuracy bar: the labelled pages in tests/fixtures/pages (written for
 * this project: news, notices, a Traditional copy, noisy text, hard negatives).
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { f1, loadLabelledPages, scoreDoc } from './scoring';

const MIN_F1 = 0.95;

describe('labelled pages', () => {
  const pack = buildPack(bundledDataset);
  const pages = loadLabelledPages();

  it('has at least 12 pages, positives and hard negatives', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.filter((p) => !p.relevant).length).toBeGreaterThanOrEqual(5);
  });

  it(`finds mentions with F1 ≥ ${MIN_F1} and judges every page's relevance right`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let relevanceRight = 0;
    const problems: string[] = [];
    for (const page of pages) {
      const r = scanText(page.text, pack, { url: page.url });
      const s = scoreDoc(page.name, page.text, page.gold, r.mentions);
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
      problems.push(...s.problems);
      if (r.relevant === page.relevant) relevanceRight++;
      else problems.push(`${page.name}: relevant=${r.relevant} (score ${r.score}), expected ${page.relevant}`);
    }
    const m = f1(tp, fp, fn);
    console.log(
      `labelled pages: F1=${m.f1.toFixed(3)} P=${m.p.toFixed(3)} R=${m.r.toFixed(3)} TP=${tp} FP=${fp} FN=${fn} ` +
        `relevance=${relevanceRight}/${pages.length}` + (problems.length ? '\n  ' + problems.join('\n  ') : ''),
    );
    expect(problems.filter((p) => p.includes('offsets do not match'))).toEqual([]);
    expect(m.f1).toBeGreaterThanOrEqual(MIN_F1);
    expect(relevanceRight).toBe(pages.length);
  });
});
