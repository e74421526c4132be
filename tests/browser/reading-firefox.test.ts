/**
 * Reading a page as it is shown, in Firefox ESR: the reader in a sandbox (wrapped DOM access,
 * as a content script has) agrees with the CLI on every fixture; the Firefox build leaves
 * ruby annotations and hidden text out and reads frames without an address of their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHtmlText } from '../../lib/text/extract-html';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts } from './page-probes';
import { FIXTURES, readerSource, readPageWith } from './read-bundle';

let firefox: FirefoxWithExtension;
let server: StaticServer;
const url = (path: string, host = 'www.jinjiang.gov.cn') => siteUrl(server, host, path);

beforeAll(async () => {
  server = await serveStatic(join(ROOT, 'tests'));
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the reader in Firefox reads what the CLI reads', () => {
  it('on every HTML fixture', async () => {
    const source = await readerSource();
    for (const path of FIXTURES) {
      await firefox.goto(siteUrl(server, '127.0.0.1', path));
      const text = await firefox.evaluate(readPageWith, source, 'msl-reader');
      expect(text, path).toBe(extractHtmlText(readFileSync(join(ROOT, 'tests', path), 'utf8')));
    }
  });
});

describe('the Firefox build reads what is shown', () => {
  it('leaves hidden names out of the highlights', async () => {
    await firefox.goto(url('fixtures/reading/hidden.html'));
    await expect.poll(async () => byClass(await firefox.evaluate(highlightTexts))['msl-project-done'] ?? [], { timeout: 15_000 }).toContain('家风书场');
    const drawn = Object.values(await firefox.evaluate(highlightTexts)).flat();
    expect(drawn).toContain('晋江市公安局');
    for (const name of ['民政局', '司法局', '人社局', '住建局', '卫健局', '农业农村局', '水利局', '林业园林局']) expect(drawn.filter((t) => t.includes(name)), name).toEqual([]);
  });

  it('finds names spelled out with pinyin over each character', async () => {
    await firefox.goto(url('fixtures/reading/ruby.html'));
    // a range over 公<rt>gōng</rt>安 spans the annotation too: compare without it
    const bases = () =>
      firefox.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.forEach((hl) =>
          hl.forEach((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            const frag = range.cloneContents();
            frag.querySelectorAll('rt, rp').forEach((e) => e.remove());
            out.push(frag.textContent ?? '');
          }),
        );
        return out;
      });
    await expect.poll(bases, { timeout: 15_000 }).toContain('晋江市公安局');
    expect(await bases()).toEqual(expect.arrayContaining(['微车管所', '家风书场']));
  });

  it('reads articles in an <iframe srcdoc> and in a blank frame a script filled', async () => {
    // the frames are the page's own origin: the page can look at their highlights
    const framed = () =>
      firefox.evaluate(() => {
        const out: string[] = [];
        const win = document.querySelector('iframe')?.contentWindow as (Window & typeof globalThis) | null;
        win?.CSS.highlights.forEach((h) => h.forEach((r) => out.push((r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset))));
        return out;
      });
    await firefox.goto(url('browser/pages/srcdoc.html'));
    await expect.poll(framed, { timeout: 15_000 }).toContain('推动“微车管所”进五里工业园区');
    await firefox.goto(url('browser/pages/blank-frame.html'));
    await expect.poll(framed, { timeout: 15_000 }).toContain('困难老年人家庭适老化改造项目');
  });
});
