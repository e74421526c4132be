/**
 * Where the overlay's time goes on one page: every `minsheng-lens:*` measure and, with
 * `--cpu`, a V8 CPU profile of the load (open it in DevTools' Performance panel).
 * Needs a build with the measures on: `MSL_PERF_MARKS=1 npx wxt build` (add MSL_NO_MINIFY=1
 * for readable names in the profile).
 * Usage: tsx tests/bench/profile.mts [path under the repo] [--cpu] [--runs=N]
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl } from '../browser/harness';
import { makeBigPage } from './big-page';

const path = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'test-output/bench/big.html';
const cpu = process.argv.includes('--cpu');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const dir = join(OUTPUT_DIR, 'bench');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'big.html'), makeBigPage(1_000_000, 10));
writeFileSync(join(dir, 'dense.html'), makeBigPage(1_000_000, 3));
const server = await serveStatic(ROOT);
const ext = await launchWithExtension();
try {
  for (let r = 0; r < runs; r++) {
    const page = await ext.context.newPage();
    const cdp = cpu ? await ext.context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.addInitScript(() => {
      const w = window as unknown as { __tasks: string[] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push(`${e.entryType} ${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(siteUrl(server, 'www.jinjiang.gov.cn', path), { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('minsheng-lens:drawn').length > 0, undefined, { timeout: 60_000 });
    await page.waitForTimeout(300);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(dir, `profile-${r}.cpuprofile`), JSON.stringify(profile));
    }
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('minsheng-lens:'))
        .map((m) => `${m.name.slice(14)} ${m.startTime.toFixed(1)}+${m.duration.toFixed(1)}`),
    );
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: string[] }).__tasks);
    console.log(`run ${r}: ${measures.join(' · ')}\n  long tasks: ${tasks.join(', ')}`);
    await page.close();
  }
} finally {
  await ext.close();
  await server.close();
}
