/**
 * The content script's reader as one script for a test page: `window.__mslReadPage()` returns
 * the body's text exactly as the overlay reads it (computed style included), so a browser test
 * can compare it with the CLI's reading of the same file. Bundled on demand with esbuild.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './harness';

/** Every HTML fixture (paths under tests/): the labelled pages, the held-out ones, the reading pages, the demo article. */
export const FIXTURES = [
  ...['fixtures/pages', 'fixtures/heldout', 'fixtures/reading'].flatMap((dir) =>
    readdirSync(join(ROOT, 'tests', dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `${dir}/${f}`),
  ),
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
