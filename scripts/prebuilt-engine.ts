/**
 * The engine's tables made at build time, for the content script: the match pack of the
 * bundled dataset and the folding table, as JSON. A page then loads them in about a
 * millisecond instead of compiling them cold (about 13 ms in Chromium on a 2-core machine),
 * and what it loads is exactly what `buildPack` makes (a test compares them).
 *
 * `prebuiltEngine()` runs in Node while Vite bundles; `virtual:minsheng-engine` is the module
 * the content script imports; its default export parses the tables when first called, so a
 * page the pre-gate rejects never parses them.
 */
import { bundledDataset } from '../lib/data/dataset';
import { foldDiff } from '../lib/text/normalise';
import { buildPack, packToJSON, type PrebuiltEngine } from '../lib/match/pack';


export const PREBUILT_MODULE = 'virtual:minsheng-engine';

export function prebuiltEngine(): PrebuiltEngine {
  return { pack: packToJSON(buildPack(bundledDataset)), fold: foldDiff() };
}

/** A Vite plugin serving `virtual:minsheng-engine` (its default export returns a PrebuiltEngine). */
export function prebuiltEnginePlugin() {
  const resolved = '\0' + PREBUILT_MODULE;
  return {
    name: 'minsheng-prebuilt-engine',
    resolveId: (id: string) => (id === PREBUILT_MODULE ? resolved : undefined),
    // JSON.parse of a string literal parses faster than the same object as a JS literal.
    load: (id: string) => (id === resolved ? `export default () => JSON.parse(${JSON.stringify(JSON.stringify(prebuiltEngine()))});` : undefined),
  };
}
