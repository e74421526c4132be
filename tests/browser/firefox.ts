/**
 * Debian's Firefox ESR with the built Firefox extension, driven over WebDriver BiDi (the
 * protocol Firefox speaks natively; Playwright's Firefox needs its own patched build). Only
 * what the Firefox tests use: install the extension, open tabs (web pages and the extension's own
 * pages), switch between them, run script in them, move and click the mouse, type and press keys,
 * take screenshots, collect downloads.
 *
 * Extension pages: BiDi refuses to navigate to privileged addresses (moz-extension://) unless
 * Firefox is started with --remote-allow-system-access, which this driver does; it changes what
 * the driver may do, not what the extension or the page may. The extension's UUID (random per
 * profile) is pinned by the `extensions.webextensions.uuids` preference, so its pages have a
 * known address (`extensionUrl`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './harness';
import { HOST_TAG } from '../../lib/overlay/shadow-host';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
/** The Firefox build's id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'minsheng-lens@minsheng-lens.example';
/** The moz-extension:// host the tests give the extension (any UUID would do). */
export const EXTENSION_UUID = '6f1e2d3c-5a4b-4c3d-8e2f-000000000013';
/** Address of one of the extension's own pages: `extensionUrl('sidepanel')`. */
export const extensionUrl = (page: string) => `moz-extension://${EXTENSION_UUID}/${page}.html`;

/**
 * Profile preferences: every host name resolves to this machine (test pages are served "as"
 * the listed news and government sites, and nothing reaches the network); first-run screens off.
 */
function prefs(downloads: string): string {
  const p: Record<string, string | boolean | number> = {
    'network.dns.forceResolve': '127.0.0.1',
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'app.update.enabled': false,
    // The UI follows the browser's preferred language; the tests read Chinese labels.
    'intl.accept_languages': 'zh-CN, zh',
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Downloads go to the profile's folder without asking (the exports are read from there).
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  };
  return Object.entries(p)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

interface BiDiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
}

/** A WebDriver BiDi session: commands by name, answers as promises. */
class BiDi {
  private nextId = 0;
  private readonly waiting = new Map<number, (m: BiDiMessage) => void>();

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as BiDiMessage;
      if (m.id === undefined) return;
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.waiting.set(id, (m) => (m.type === 'error' ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result as T)));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.ws.close();
  }
}

type Point = { x: number; y: number };

/** One tab (a BiDi top-level browsing context) and what the tests do in it. */
export interface FirefoxTab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Makes this the selected tab of its window, as a reader's click on the tab would (tabs.onActivated fires). */
  activate(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Runs `fn(arg)` in the page's own world, or in a named sandbox (a world of its own whose
   * DOM access goes through wrappers, as a content script's does), and returns its
   * JSON-serialisable result. `fn` must not refer to anything outside itself.
   */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A, sandbox?: string): Promise<T>;
  /** Runs a script's source text in the page's own world (a library such as axe-core). */
  addScript(source: string): Promise<void>;
  /**
   * Runs `fn(root, arg)` with our closed shadow root, reached as only the browser's own tools can
   * (WebDriver BiDi serialises closed shadow roots when asked for all of them); null when our UI
   * is not on the page. JSON-serialisable result (a promise is awaited); `fn` must be self-contained.
   */
  inOurUi<T, A>(fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg: A): Promise<T | null>;
  hover(p: Point): Promise<void>;
  click(p: Point): Promise<void>;
  /** Types text as key presses, one character at a time (trusted input). */
  type(text: string): Promise<void>;
  press(key: keyof typeof KEYS): Promise<void>;
  /** Ctrl+A: selects all of the focused field's text (the next typing replaces it). */
  selectAll(): Promise<void>;
  /** A PNG of the viewport, or with `full` of the whole document. */
  screenshot(path: string, opts?: { full?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxWithExtension extends FirefoxTab {
  version: string;
  /** Opens a new tab (in the background, as a link opened in a new tab) at `url`. */
  newTab(url?: string): Promise<FirefoxTab>;
  /** The folder downloads are saved to. */
  downloads: string;
  /**
   * Evaluates `expression` in the browser window's own (chrome) document, as Firefox's own tools
   * may with --remote-allow-system-access; its JSON-serialisable result. For what no web page can
   * show, such as which page the sidebar holds.
   */
  inBrowserWindow<T>(expression: string): Promise<T>;
  /** Stops Firefox (this closes every tab). */
  close(): Promise<void>;
}

const KEYS = { Escape: '\uE00C', Enter: '\uE007', Tab: '\uE004' } as const;
const CONTROL = '\uE009';

/**
 * Starts Firefox headless with a fresh profile and installs the built extension (temporarily, as about:debugging would).
 * `keep`: a profile folder of the caller's, used and left in place (with more preferences and switches).
 */
export async function launchFirefoxWithExtension(
  dir = FIREFOX_BUILD,
  keep?: { profile: string; prefs?: Record<string, string | boolean | number>; args?: string[] },
): Promise<FirefoxWithExtension> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no built extension in ${dir}: run \`npm run build:firefox\` first`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  const profile = keep?.profile ?? mkdtempSync(join(tmpdir(), 'msl-firefox-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads, { recursive: true });
  const more = Object.entries(keep?.prefs ?? {}).map(([k, v]) => `\nuser_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(profile, 'user.js'), prefs(downloads) + more.join(''));
  const args = ['--headless', '--no-remote', '--remote-debugging-port=0', '--remote-allow-system-access', ...(keep?.args ?? []).filter((a) => a !== '--remote-allow-system-access')];
  const proc: ChildProcess = spawn(FIREFOX, [...args, '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  /** Stops Firefox, then deletes its profile unless it is the caller's (it writes there until it has exited). */
  const cleanUp = async () => {
    proc.kill();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (!keep) rmSync(profile, { recursive: true, force: true });
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi within 30 s:\n${out}`)), 30_000);
      const read = (chunk: Buffer) => {
        out += chunk;
        const m = out.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      proc.stdout!.on('data', read);
      proc.stderr!.on('data', read);
      proc.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before WebDriver BiDi started:\n${out}`)));
    });
    const ws = new WebSocket(`${endpoint}/session`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const bidi = new BiDi(ws);
    const session = await bidi.send<{ capabilities: { browserVersion: string } }>('session.new', { capabilities: {} });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: dir } });
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree');
    const first = tabOf(bidi, tree.contexts[0]!.context);
    await first.setViewport(1280, 900);
    return {
      ...first,
      version: session.capabilities.browserVersion,
      downloads,
      inBrowserWindow: async <T,>(expression: string) => {
        const chrome = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
        const r = await bidi.send<Evaluated>('script.evaluate', {
          target: { context: chrome.contexts[0]!.context },
          expression: `(async () => JSON.stringify(await (${expression})) ?? 'null')()`,
          awaitPromise: true,
        });
        if (r.type === 'exception') throw new Error(`in the browser window: ${r.exceptionDetails?.text}`);
        return JSON.parse(r.result!.value) as T;
      },
      newTab: async (url) => {
        const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab', background: true });
        const tab = tabOf(bidi, context);
        await tab.setViewport(1280, 900);
        if (url) await tab.goto(url);
        return tab;
      },
      close: async () => {
        await bidi.send('session.end').catch(() => {});
        bidi.close();
        await cleanUp();
      },
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}

type Evaluated = { type: string; result?: { value: string }; exceptionDetails?: { text: string } };

/** The commands of one tab, addressed to its BiDi browsing context. */
function tabOf(bidi: BiDi, context: string): FirefoxTab {
  const pointer = (actions: Record<string, unknown>[]) =>
    bidi.send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
  const keys = (actions: Record<string, unknown>[]) => bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  const at = (p: Point) => ({ type: 'pointerMove', x: Math.round(p.x), y: Math.round(p.y) });
  return {
    goto: async (url) => void (await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' })),
    reload: async () => void (await bidi.send('browsingContext.reload', { context, wait: 'complete' })),
    activate: async () => void (await bidi.send('browsingContext.activate', { context })),
    setViewport: async (width, height) => void (await bidi.send('browsingContext.setViewport', { context, viewport: { width, height } })),
    evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A, sandbox?: string) => {
      // esbuild's keepNames helper, which a transpiled function may refer to
      const expression = `(async () => { var __name = (f) => f; return JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg ?? null)})) ?? 'null'; })()`;
      const r = await bidi.send<Evaluated>('script.evaluate', { target: sandbox ? { context, sandbox } : { context }, expression, awaitPromise: true });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
      return JSON.parse(r.result!.value) as T;
    },
    addScript: async (source) => {
      const r = await bidi.send<Evaluated>('script.evaluate', { target: { context }, expression: `${source}\n;void 0`, awaitPromise: false });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
    },
    inOurUi: async <T, A>(fn: (root: ShadowRoot, arg: A) => T | Promise<T>, arg: A) => {
      type Remote = { type: string; sharedId?: string; value?: { shadowRoot?: Remote | null } };
      const host = await bidi.send<{ type: string; result?: Remote }>('script.evaluate', {
        target: { context },
        expression: `document.querySelector(${JSON.stringify(HOST_TAG)})`,
        awaitPromise: false,
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      });
      const shadow = host.result?.value?.shadowRoot;
      if (!shadow?.sharedId) return null;
      const r = await bidi.send<Evaluated>('script.callFunction', {
        target: { context },
        functionDeclaration: `async function (json) { var __name = (f) => f; return JSON.stringify(await (${fn.toString()})(this, JSON.parse(json))) ?? 'null'; }`,
        this: { sharedId: shadow.sharedId },
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
        awaitPromise: true,
      });
      if (r.type === 'exception') throw new Error(`in our UI: ${r.exceptionDetails?.text}`);
      return JSON.parse(r.result!.value) as T;
    },
    hover: async (p) => void (await pointer([at(p)])),
    click: async (p) => void (await pointer([at(p), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }])),
    type: async (text) => void (await keys([...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]))),
    press: async (key) => void (await keys([{ type: 'keyDown', value: KEYS[key] }, { type: 'keyUp', value: KEYS[key] }])),
    selectAll: async () => void (await keys([{ type: 'keyDown', value: CONTROL }, { type: 'keyDown', value: 'a' }, { type: 'keyUp', value: 'a' }, { type: 'keyUp', value: CONTROL }])),
    screenshot: async (path, opts) => {
      const { data } = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context, origin: opts?.full ? 'document' : 'viewport' });
      writeFileSync(path, Buffer.from(data, 'base64'));
    },
    close: async () => void (await bidi.send('browsingContext.close', { context })),
  };
}
