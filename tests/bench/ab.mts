/**
 * Same-run A/B of two builds of the Chromium extension (made with MSL_PERF_MARKS=1): fresh
 * loads of the bench pages alternate between them, so the machine's load (this 2-core machine
 * is shared and noisy) falls on both alike. Prints medians of start→drawn, read, scan, and
 * the longest of our slices.
 *
 *   tsx tests/bench/ab.mts DIR_A DIR_B [runs]
 *
 * Run `npm run bench` once first (it writes the pages to test-output/bench/).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, serveStatic, siteUrl } from '../browser/harness';

const [dirA, dirB, runsArg] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: tsx tests/bench/ab.mts DIR_A DIR_B [runs]');
const RUNS = Number(runsArg ?? 9);

interface Run {
  drawn: number;
  read: number;
  scan: number;
  longestSlice: number;
}

async function measure(page: Page, url: string): Promise<Run> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('minsheng-lens:drawn').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const get = (n: string) => (performance.getEntriesByName(`minsheng-lens:${n}`)[0] as PerformanceMeasure | undefined)?.duration ?? NaN;
    const slices = performance.getEntriesByName('minsheng-lens:slice').map((m) => m.duration);
    return { drawn: get('drawn'), read: get('read'), scan: get('scan'), longestSlice: Math.max(0, ...slices) };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const server = await serveStatic(ROOT);
const a = await launchWithExtension({ extensionDir: dirA });
const b = await launchWithExtension({ extensionDir: dirB });
// tsx compiles with esbuild's keepNames: functions sent to the page refer to its `__name` helper.
for (const x of [a, b]) await x.context.addInitScript('window.__name = (f) => f');
try {
  for (const path of ['test-output/bench/big.html', 'test-output/bench/dense.html']) {
    const runs: Record<'A' | 'B', Run[]> = { A: [], B: [] };
    for (let r = 0; r < RUNS; r++) {
      const order = r % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const);
      for (const v of order) {
        const page = await (v === 'A' ? a : b).context.newPage();
        runs[v].push(await measure(page, siteUrl(server, 'www.jinjiang.gov.cn', path)));
        await page.close();
      }
    }
    for (const v of ['A', 'B'] as const) {
      const m = (k: keyof Run) => median(runs[v].map((x) => x[k])).toFixed(1);
      const worst = Math.max(...runs[v].map((x) => x.longestSlice)).toFixed(1);
      console.log(`${path.split('/').pop()} ${v}: drawn ${m('drawn')} ms · read ${m('read')} ms · scan ${m('scan')} ms · longest slice median ${m('longestSlice')} ms, worst ${worst} ms (${RUNS} loads)`);
    }
  }
} finally {
  await a.close();
  await b.close();
  await server.close();
}
