import { join } from 'node:path';
import { launchWithExtension, ROOT, serveStatic, siteUrl } from '../browser/harness';
const server = await serveStatic(ROOT);
const b = await launchWithExtension();
await b.context.addInitScript('window.__name = (f) => f');
for (let i = 0; i < 2; i++) {
const page = await b.context.newPage();
await page.goto(siteUrl(server, 'www.jinjiang.gov.cn', 'test-output/bench/big.html'));
await page.waitForFunction(() => performance.getEntriesByName('minsheng-lens:drawn').length > 0, undefined, { timeout: 60000 });
console.log(await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('minsheng')).map((m) => `${m.name} start=${m.startTime.toFixed(0)} dur=${m.duration.toFixed(1)}`).join('\n')));
await page.close();
}
await b.close(); await server.close();
