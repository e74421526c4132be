import { chromium } from 'playwright-core';
import { ROOT, serveStatic, siteUrl, CHROMIUM } from '../browser/harness';
const server = await serveStatic(ROOT);
const b = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * 127.0.0.1'] });
const ctx = await b.newContext(); await ctx.addInitScript('window.__name = (f) => f');
const page = await ctx.newPage();
await page.goto(siteUrl(server, 'x.example.org', 'test-output/bench/big.html'));
await page.addScriptTag({ path: '/tmp/variants.js' });
await page.addScriptTag({ path: '/tmp/ed.js' });
console.log(await page.evaluate(() => {
  const out: string[] = [];
  const V = (window as any).V;
  for (let r = 0; r < 3; r++) for (const k of [...Object.keys(V), 'extract']) {
    const t = performance.now();
    const x = k === 'extract' ? (window as any).ED.extractDomText(document.body, { skipEditable: true }).nodes.length : V[k]();
    out.push(`${k} ${(performance.now() - t).toFixed(1)} (${x})`);
  }
  return out.join('\n');
}));
await b.close(); await server.close();
