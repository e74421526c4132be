/**
 * The built content script carries no database code (DESIGN contract 1, issue 14): a Dexie or
 * IndexedDB reference in it would mean storage code was bundled into every page. The background
 * bundle, which does hold the database, shows the check finds what it looks for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from './firefox';
import { CHROME_BUILD } from './harness';

/** Words only database code uses: Dexie's own name, and the IndexedDB globals it opens. */
const DATABASE_CODE = /\bDexie\b|\bindexedDB\b|\bIDBKeyRange\b/g;

const found = (file: string) => [...new Set(readFileSync(file, 'utf8').match(DATABASE_CODE) ?? [])];

describe('the built content script', () => {
  it('finds database code where it is (the background bundle)', () => {
    expect(found(join(CHROME_BUILD, 'background.js'))).toEqual(expect.arrayContaining(['Dexie', 'indexedDB']));
  });

  for (const [browser, build] of [
    ['Chromium', CHROME_BUILD],
    ['Firefox', FIREFOX_BUILD],
  ] as const) {
    it(`holds no database code (${browser} build)`, () => {
      const bundle = join(build, 'lens.js');
      expect(readFileSync(bundle, 'utf8')).toContain('msl-lens-root'); // it is the overlay's bundle
      expect(found(bundle)).toEqual([]);
    });
  }
});
