/**
 * The overlay in Firefox ESR (the Firefox build, driven over WebDriver BiDi): content-script
 * start to highlights drawn on the same pages as in Chromium, against the floor in the page's
 * own world and in a BiDi sandbox (a world whose DOM access goes through wrappers, as a
 * content script's does). mark.js is not run here: the Chromium section has the ratio.
 * Firefox rounds performance.now() to whole milliseconds.
 */
import { bundledDataset } from '../../lib/data/dataset';
import { buildPack } from '../../lib/match/pack';
import { scanText } from '../../lib/match/scan-text';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../browser/firefox';
import { ROOT, serveStatic, siteUrl } from '../browser/harness';
import { floorWork, median, ms, readWithTreeWalker, RUNS } from './browser.bench';

interface Run {
  drawn: number;
  read: number;
  scan: number;
  draw: number;
  longestSlice: number;
  ranges: number;
}

/** One fresh load with the extension: our measures, once the highlights are drawn. */
async function measureOurs(ff: FirefoxWithExtension, url: string): Promise<Run> {
  await ff.goto(url);
  const measures = () =>
    ff.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('minsheng-lens:')).map((m) => [m.name.slice(14), m.duration] as [string, number]));
  const deadline = Date.now() + 60_000;
  let got = await measures();
  while (!got.some(([n]) => n === 'drawn')) {
    if (Date.now() > deadline) throw new Error('no minsheng-lens:drawn measure in Firefox: is the build made with MSL_PERF_MARKS=1 (npm run bench does that)?');
    await new Promise((r) => setTimeout(r, 100));
    got = await measures();
  }
  await new Promise((r) => setTimeout(r, 300)); // the slice after drawing (badge, sightings)
  got = await measures();
  const one = (n: string) => got.find(([k]) => k === n)?.[1] ?? NaN;
  const ranges = await ff.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((h) => (n += h.size));
    return n;
  });
  return {
    drawn: one('drawn'),
    read: one('read'),
    scan: one('scan'),
    draw: one('draw'),
    longestSlice: Math.max(0, ...got.filter(([k]) => k === 'slice').map(([, d]) => d)),
    ranges,
  };
}

/** The floor on fresh loads of a page the extension does not run on, in the page's world or a sandbox. */
async function measureFloor(ff: FirefoxWithExtension, url: string, pack: ReturnType<typeof buildPack>, sandbox?: string): Promise<number> {
  await ff.goto(url);
  const found = scanText(await ff.evaluate(readWithTreeWalker), pack).mentions.map((m) => [m.start, m.end, m.kind === 'unit' ? 0 : 1] as const);
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    await ff.goto(url);
    times.push(await ff.evaluate(floorWork, found, sandbox));
  }
  return median(times);
}

export async function runFirefoxBench(): Promise<string[]> {
  const server = await serveStatic(ROOT);
  const ff = await launchFirefoxWithExtension();
  const pack = buildPack(bundledDataset);
  const lines = [`browser: Firefox ${ff.version}`];
  try {
    for (const p of [
      { name: 'demo article', path: 'tests/demo/site/index.html' },
      { name: '1 MB news page', path: 'test-output/bench/big.html' },
      { name: '1 MB table-dense page (stress)', path: 'test-output/bench/dense.html' },
    ]) {
      const runs: Run[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await measureOurs(ff, siteUrl(server, 'www.jinjiang.gov.cn', p.path)));
      const ours = median(runs.map((r) => r.drawn));
      // Not on the extension's list of sites: nothing of ours runs on these loads.
      const plainUrl = siteUrl(server, 'plain.example.org', p.path);
      const floor = await measureFloor(ff, plainUrl, pack);
      const sandboxed = await measureFloor(ff, plainUrl, pack, 'floor');
      const s = runs[0]!;
      lines.push(
        `${p.name}: ours ${ms(ours)} start→drawn (read ${ms(s.read)}, scan ${ms(s.scan)}, draw ${ms(s.draw)}; ${s.ranges} ranges)` +
          ` · floor ${ms(floor)} (in a sandbox ${ms(sandboxed)})` +
          ` · ours/floor ${(ours / floor).toFixed(2)}× (sandbox ${(ours / sandboxed).toFixed(2)}×)` +
          ` · our longest slice ${ms(Math.max(...runs.map((r) => r.longestSlice)))}`,
      );
    }
  } finally {
    await ff.close();
    await server.close();
  }
  return lines;
}
