/**
 * The content script loads the engine's tables made at build time (lib/match/prebuilt.ts)
 * instead of compiling them on the page. What it loads must be exactly what the engine
 * would build, or the browser and the CLI would disagree.
 */
import { describe, expect, it, vi } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { GATE_WORDS } from '../../../lib/match/lexicon';
import { buildPack, packFromJSON } from '../../../lib/match/pack';
import { prebuiltEngine, prebuiltEnginePlugin, PREBUILT_MODULE } from '../../../scripts/prebuilt-engine';
import { scanText } from '../../../lib/match/scan-text';
import { foldTable } from '../../../lib/text/normalise';
import { loadLabelledPages } from './scoring';

describe('prebuilt engine tables', () => {
  const prebuilt = prebuiltEngine();

  it('the pack loaded from JSON equals the one built from the dataset', () => {
    const built = buildPack(bundledDataset);
    const loaded = packFromJSON(JSON.parse(JSON.stringify(prebuilt.pack)));
    expect(loaded).toEqual(built);
    const text = loadLabelledPages().map((p) => p.text).join('\n');
    expect(scanText(text, loaded).mentions.length).toBeGreaterThan(50);
    expect(scanText(text, loaded)).toEqual(scanText(text, built));
  });

  it('the fold table loaded from its diff equals the one built from the rules', async () => {
    const built = foldTable();
    vi.resetModules();
    const fresh = await import('../../../lib/text/normalise');
    fresh.loadFoldTable(prebuilt.fold);
    const loaded = fresh.foldTable();
    expect(loaded).not.toBe(built); // a new module instance: loaded from the diff, not built
    expect(loaded).toEqual(built);
    expect(prebuilt.fold.length % 2).toBe(0);
    expect(prebuilt.fold.length).toBeGreaterThan(2000);
  });

  it('the Vite plugin serves the module the content script imports', () => {
    const plugin = prebuiltEnginePlugin();
    const id = plugin.resolveId(PREBUILT_MODULE)!;
    expect(plugin.resolveId('other')).toBeUndefined();
    const code = plugin.load(id)!;
    const json = /^export default \(\) => JSON\.parse\((.*)\);$/s.exec(code)![1]!;
    expect(JSON.parse(JSON.parse(json) as string)).toEqual(JSON.parse(JSON.stringify(prebuilt)));
  });

  it('every lexicon word is one word (lists are split on single spaces)', () => {
    for (const w of GATE_WORDS) expect(w.text).toMatch(/^\S+$/);
  });
});
