/**
 * Search latency per keystroke: the real dataset (budget 16 ms, one frame) and a 10,000-item
 * synthetic one built from the real names' characters (budget 50 ms). Each query is typed one
 * character at a time, as the side panel sees it; the report gives the median and the worst.
 */
import { bundledDataset } from '../../lib/data/dataset';
import type { Item } from '../../lib/data/types';
import { buildSearchDocs } from '../../lib/search/documents';
import { SearchIndex } from '../../lib/search/search-index';

export const REAL_BUDGET_MS = 16;
export const SYNTHETIC_BUDGET_MS = 50;

const QUERIES = ['微车管所', '微车管理所', '晋江市公安局', '适老化改造', '家风书场', '永和镇', '市场监管局', '健康微融站', '岸兜村公园', '老年人'];

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 items whose names splice pieces of real names: the same characters, the same lengths. */
export function syntheticItems(n = 10_000, seed = 7): Item[] {
  const rand = prng(seed);
  const real = bundledDataset.items;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: Item[] = [];
  for (let k = 0; k < n; k++) {
    const a = pick(real);
    const b = pick(real);
    const cut = (s: string) => s.slice(Math.floor(rand() * (s.length / 2)), Math.ceil(s.length / 2 + rand() * (s.length / 2)));
    out.push({
      ...a,
      id: `syn-${k}`,
      seq: 1000 + k,
      name: cut(a.name) + cut(b.name),
      keyphrases: rand() < 0.6 ? [cut(b.name)] : [],
      places: rand() < 0.3 ? [pick(bundledDataset.places).name] : [],
    });
  }
  return out;
}

interface Timing {
  median: number;
  p95: number;
  max: number;
  keystrokes: number;
}

function timeKeystrokes(index: SearchIndex): Timing {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      for (let len = 1; len <= q.length; len++) {
        const t = performance.now();
        index.search(q.slice(0, len));
        times.push(performance.now() - t);
      }
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { median: at(0.5), p95: at(0.95), max: times[times.length - 1]!, keystrokes: times.length };
}

export async function runSearchBench(): Promise<string[]> {
  const { items, units, places } = bundledDataset;
  const lines: string[] = [];
  const report = (label: string, build: () => SearchIndex, budget: number) => {
    const t0 = performance.now();
    const index = build();
    const buildMs = performance.now() - t0;
    index.search('预热'); // JIT warm-up, not counted
    const t = timeKeystrokes(index);
    const ok = t.max <= budget ? 'ok' : 'OVER BUDGET';
    lines.push(
      `search ${label}: ${index.docs.length} docs, index ${buildMs.toFixed(1)} ms; per keystroke median ${t.median.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, max ${t.max.toFixed(2)} ms over ${t.keystrokes} keystrokes (budget ${budget} ms: ${ok})`,
    );
    return t;
  };
  report('real dataset', () => new SearchIndex(buildSearchDocs(items, units, places)), REAL_BUDGET_MS);
  report('10,000 synthetic items', () => new SearchIndex(buildSearchDocs(syntheticItems(), units, places)), SYNTHETIC_BUDGET_MS);
  return lines;
}

// Runnable alone: `npx tsx tests/bench/search.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await runSearchBench()) console.log(line);
}
