/**
 * The content script's reader as one script for a test page: `window.__mslReadPage()` returns
 * the body's text exactly as the overlay reads it (computed style included), so a browser test
 * can compare it with the CLI's reading of the same file. Bundled on demand with esbuild.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './harness';

/**
 * Every HTML fixture page (paths under tests/): every folder of tests/fixtures, and the demo
 * article. Not `_src/` folders: those are a labelling tool's sources (a label line before the
 * page), from which the pages beside them are made; nor `upgrade/`, an old build of the extension.
 */
export const FIXTURES = [
  ...(readdirSync(join(ROOT, 'tests/fixtures'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html') && !f.split('/').includes('_src') && !f.startsWith('upgrade/'))
    .sort()
    .map((f) => `fixtures/${f}`),
  'demo/site/index.html',
];

const ENTRY = `
import { extractDomText } from './lib/text/extract-dom';
import { pageReading } from './lib/overlay/read-page';
window.__mslReadPage = () => extractDomText(document.body, pageReading(document)).text;
`;

let bundled: Promise<string> | undefined;

/** The reader as an IIFE's source text. */
export function readerSource(): Promise<string> {
  bundled ??= build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  }).then((r) => r.outputFiles[0]!.text);
  return bundled;
}

/** Runs in the page: installs the reader (source text) and reads the body. Self-contained for both drivers. */
export function readPageWith(source: string): string {
  (0, eval)(source);
  return (window as unknown as { __mslReadPage: () => string }).__mslReadPage();
}
