/**
 * Pages nobody tuning the engine had seen (tests/fixtures/heldout): written blind by a
 * separate author from the dataset's names alone. Scored by the same rules as the other
 * labelled pages; they guard against rules that only fit the pages they were written on.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText } from '../../../lib/match/scan-text';
import { f1, HELDOUT_DIR, loadLabelledPages, scoreDoc } from './scoring';

describe('held-out pages', () => {
  it('finds mentions with F1 ≥ 0.95 and judges every page right, hard negatives included', () => {
    const pack = buildPack(bundledDataset);
    const pages = loadLabelledPages(HELDOUT_DIR);
    expect(pages.length).toBeGreaterThanOrEqual(12);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const problems: string[] = [];
    for (const page of pages) {
      const r = scanText(page.text, pack);
      const s = scoreDoc(page.name, page.text, page.gold, r.mentions);
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
      problems.push(...s.problems);
      if (r.relevant !== page.relevant) problems.push(`${page.name}: relevant=${r.relevant} (score ${r.score}), expected ${page.relevant}`);
    }
    const m = f1(tp, fp, fn);
    console.log(`held-out pages: F1=${m.f1.toFixed(3)} P=${m.p.toFixed(3)} R=${m.r.toFixed(3)} TP=${tp} FP=${fp} FN=${fn}\n${problems.join('\n')}`);
    expect(problems.filter((p) => p.includes('relevant='))).toEqual([]);
    expect(m.f1).toBeGreaterThanOrEqual(0.95);
  });
});
