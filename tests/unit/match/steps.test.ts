/** The paused scan the content script runs gives exactly what the one-call scan gives. */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { buildPack } from '../../../lib/match/pack';
import { scanText, scanTextSteps } from '../../../lib/match/scan-text';
import { loadLabelledPages } from './scoring';

describe('scanTextSteps', () => {
  it('pauses inside the linker on a long page and returns what scanText returns', () => {
    const pack = buildPack(bundledDataset);
    // Long enough for several thousand tokens, so the linker pauses too.
    const text = Array.from({ length: 100 }, () => loadLabelledPages().map((p) => p.text).join('\n')).join('\n');
    const steps = scanTextSteps(text, pack, { url: 'https://www.ijjnews.com/a.html' });
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    const whole = scanText(text, pack, { url: 'https://www.ijjnews.com/a.html' });
    expect(whole.mentions.length).toBeGreaterThan(4096);
    expect(pauses).toBeGreaterThan(4); // normalise, automaton, two or more linker pauses, relevance
    expect(step.value).toEqual(whole);
  });
});
