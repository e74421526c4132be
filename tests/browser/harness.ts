/**
 * Real-browser plumbing shared by the browser tests, the benches and `npm start`:
 * a static server on localhost and Debian's Chromium with the built extension loaded.
 */
import { readStoreRows, storeLocale } from './in-extension';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const OUTPUT_DIR = join(ROOT, 'test-output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port; nothing outside `dir` is reachable. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** The address of a page on the local server, under a host name of our choosing (see host-resolver-rules). */
export function siteUrl(server: StaticServer, host: string, path: string): string {
  return `http://${host}:${new URL(server.origin).port}/${path.replace(/^\//, '')}`;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Chromium with the built extension; flags as TOOLCHAIN.md says work on this machine. */
/**
 * `locale`: the browser's preferred language (navigator.languages), which the extension's UI
 * follows until the reader picks one; Chinese by default, as the tests read Chinese labels.
 * `args`: more command-line switches.
 */
export async function launchWithExtension(opts: { headless?: boolean; extensionDir?: string; userDataDir?: string; locale?: string; args?: string[] } = {}): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no built extension in ${dir}: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: CHROMIUM,
    headless,
    locale: opts.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      // Every host name resolves to this machine: test pages can be served "as" the news and
      // government sites the content script runs on, and nothing can reach the network.
      '--host-resolver-rules=MAP * 127.0.0.1',
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close: () => context.close() };
}

/**
 * Every row of one object store of the extension's IndexedDB, read with the raw API from the
 * service worker (no help from our own code, so a test sees what is really stored).
 */
export function storedRows(browser: ExtensionBrowser, store: string): Promise<Record<string, unknown>[]> {
  return browser.worker.evaluate(readStoreRows, store);
}

/** Sets the UI language the way the options page stores it (settings.locale in the extension's storage). */
export function setLocale(browser: ExtensionBrowser, locale: 'zh_CN' | 'en'): Promise<void> {
  return browser.worker.evaluate(storeLocale, locale);
}
