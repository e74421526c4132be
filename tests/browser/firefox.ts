/**
 * Debian's Firefox ESR with the built Firefox extension, driven over WebDriver BiDi (the
 * protocol Firefox speaks natively; Playwright's Firefox needs its own patched build). Only
 * what the Firefox tests use: install the extension, load pages, run script in them, move and
 * click the mouse, press keys, take screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './harness';
import { HOST_TAG } from '../../lib/overlay/shadow-host';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');

/**
 * Profile preferences: every host name resolves to this machine (test pages are served "as"
 * the listed news and government sites, and nothing reaches the network); first-run screens off.
 */
function prefs(): string {
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

export interface FirefoxWithExtension {
  version: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Runs `fn(arg)` in the page's own world, or in a named sandbox (a world of its own whose
   * DOM access goes through wrappers, as a content script's does), and returns its
   * JSON-serialisable result. `fn` must not refer to anything outside itself.
   */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A, sandbox?: string): Promise<T>;
  /**
   * Runs `fn(root, arg)` with our closed shadow root, reached as only the browser's own tools can
   * (WebDriver BiDi serialises closed shadow roots when asked for all of them); null when our UI
   * is not on the page. JSON-serialisable result; `fn` must be self-contained.
   */
  inOurUi<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<T | null>;
  hover(p: Point): Promise<void>;
  click(p: Point): Promise<void>;
  press(key: 'Escape'): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

const KEYS = { Escape: '\uE00C' } as const;

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
  const more = Object.entries(keep?.prefs ?? {}).map(([k, v]) => `\nuser_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(profile, 'user.js'), prefs() + more.join(''));
  const proc: ChildProcess = spawn(FIREFOX, ['--headless', '--no-remote', '--remote-debugging-port=0', ...(keep?.args ?? []), '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    const context = tree.contexts[0]!.context;
    await bidi.send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 900 } });

    const pointer = (actions: Record<string, unknown>[]) =>
      bidi.send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    const at = (p: Point) => ({ type: 'pointerMove', x: Math.round(p.x), y: Math.round(p.y) });

    return {
      version: session.capabilities.browserVersion,
      goto: async (url) => void (await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' })),
      reload: async () => void (await bidi.send('browsingContext.reload', { context, wait: 'complete' })),
      evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A, sandbox?: string) => {
        // esbuild's keepNames helper, which a transpiled function may refer to
        const expression = `(async () => { var __name = (f) => f; return JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg ?? null)})) ?? 'null'; })()`;
        const r = await bidi.send<{ type: string; result?: { value: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
          target: sandbox ? { context, sandbox } : { context },
          expression,
          awaitPromise: true,
        });
        if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
        return JSON.parse(r.result!.value) as T;
      },
      inOurUi: async <T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A) => {
        type Remote = { type: string; sharedId?: string; value?: { shadowRoot?: Remote | null } };
        const host = await bidi.send<{ type: string; result?: Remote }>('script.evaluate', {
          target: { context },
          expression: `document.querySelector(${JSON.stringify(HOST_TAG)})`,
          awaitPromise: false,
          serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
        });
        const shadow = host.result?.value?.shadowRoot;
        if (!shadow?.sharedId) return null;
        const r = await bidi.send<{ type: string; result?: { value: string }; exceptionDetails?: { text: string } }>('script.callFunction', {
          target: { context },
          functionDeclaration: `function (json) { var __name = (f) => f; return JSON.stringify((${fn.toString()})(this, JSON.parse(json))) ?? 'null'; }`,
          this: { sharedId: shadow.sharedId },
          arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }],
          awaitPromise: false,
        });
        if (r.type === 'exception') throw new Error(`in our UI: ${r.exceptionDetails?.text}`);
        return JSON.parse(r.result!.value) as T;
      },
      hover: async (p) => void (await pointer([at(p)])),
      click: async (p) => void (await pointer([at(p), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }])),
      press: async (key) =>
        void (await bidi.send('input.performActions', {
          context,
          actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: KEYS[key] }, { type: 'keyUp', value: KEYS[key] }] }],
        })),
      screenshot: async (path) => {
        const { data } = await bidi.send<{ data: string }>('browsingContext.captureScreenshot', { context });
        writeFileSync(path, Buffer.from(data, 'base64'));
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
