/**
 * What goes to the stores: the sources zip leaves out what the build does not read, and no
 * code of ours writes HTML from strings (the only innerHTML in the build is Preact's own
 * dangerouslySetInnerHTML branch, which no component uses: see docs/store.md).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { SOURCE_ZIP_EXCLUDES } from '../../../wxt.config';

const excluded = (file: string) => SOURCE_ZIP_EXCLUDES.some((p) => picomatch(p)(file));
const tracked = execFileSync('git', ['ls-files'], { cwd: process.cwd(), encoding: 'utf8' }).trim().split('\n');

describe('the sources zip', () => {
  it('leaves out screenshots, test output, store assets and stray files', () => {
    for (const f of ['test-output/card-en.png', 'test-output/workspace-backup.json', 'store/screenshots/popup-en.png', 'npm-debug.log', 'release/minsheng-lens.zip', 'lang2.tmp.mts', 'tests/fixtures/pages/a.html'])
      expect(excluded(f), f).toBe(true);
  });

  it('keeps everything the build reads', () => {
    const needed = tracked.filter((f) => /^(lib|components|entrypoints|public|data|scripts)\//.test(f) || /^(package(-lock)?\.json|wxt\.config\.ts|tsconfig\.json|README\.md|LICENSE|PRIVACY\.md)$/.test(f));
    expect(needed.length).toBeGreaterThan(100);
    expect(needed.filter(excluded)).toEqual([]);
  });
});

describe('HTML from strings', () => {
  it('is written by none of our code', () => {
    const code = tracked.filter((f) => /^(lib|components|entrypoints)\/.*\.tsx?$/.test(f));
    const sinks = code.filter((f) => /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(readFileSync(join(process.cwd(), f), 'utf8')));
    expect(sinks).toEqual([]);
  });
});
