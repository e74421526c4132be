/**
 * The layout's rules, checked on the code itself (issue 14): one way down (entry points →
 * components → lib, never back), no loop between the engine's folders, build-time code only in
 * scripts/, the content script far from the database, shared types in a types-only home,
 * overlay parts that do not know their coordinator, and entry points that only wire.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, reachableFrom, ROOT, sourceFiles } from './import-graph';

const libFiles = sourceFiles('lib');
const importsInto = (files: string[], folder: string) =>
  files.flatMap((f) => importsOf(f).filter((to) => to.startsWith(folder)).map((to) => `${f} → ${to}`));

describe('the import rules', () => {
  it('reads the graph it checks (a known edge is found)', () => {
    expect(libFiles.length).toBeGreaterThan(50);
    expect(importsOf('lib/overlay/controller.ts')).toContain('lib/overlay/page-watcher.ts');
    expect(importsOf('entrypoints/lens.ts')).toContain('components/overlay/mount.tsx');
  });

  it('lib never imports components or entry points', () => {
    expect(importsInto(libFiles, 'components/')).toEqual([]);
    expect(importsInto(libFiles, 'entrypoints/')).toEqual([]);
  });

  it('components never import entry points', () => {
    expect(importsInto(sourceFiles('components'), 'entrypoints/')).toEqual([]);
  });

  it('runtime code never imports build-time code (scripts/)', () => {
    const runtime = [...libFiles, ...sourceFiles('components'), ...sourceFiles('entrypoints')];
    expect(importsInto(runtime, 'scripts/')).toEqual([]);
  });

  it('the engine has no loop: lib/text imports nothing from lib/match', () => {
    expect(importsInto(sourceFiles('lib/text'), 'lib/match/')).toEqual([]);
  });

  it('the content script reaches no storage code (lib/db) and no Dexie', () => {
    const reached = [...reachableFrom('entrypoints/lens.ts')];
    expect(reached).toContain('lib/overlay/controller.ts');
    expect(reached.filter((f) => f.startsWith('lib/db/'))).toEqual([]);
    const dexie = reached.filter((f) => /from\s+['"]dexie['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(dexie).toEqual([]);
  });

  it('lib/types holds types only: no values, no value imports', () => {
    const files = sourceFiles('lib/types');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const code = readFileSync(join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const values = code.match(/^\s*export\s+(?:default|const|let|var|function|class|enum|async)\b|^\s*import\s+(?!type\b)/gm);
      expect(values, f).toBeNull();
    }
  });

  it('the overlay coordinator stays small (issue 14: under 250 lines; its jobs live in its parts)', () => {
    expect(readFileSync(join(ROOT, 'lib/overlay/controller.ts'), 'utf8').split('\n').length).toBeLessThan(250);
  });

  it('the overlay parts never import their coordinator (only the wiring does)', () => {
    const importers = sourceFiles('lib').filter((f) => importsOf(f).includes('lib/overlay/controller.ts'));
    expect(importers).toEqual(['lib/overlay/in-page.ts']);
  });

  it('entry points only wire: no branches, loops or functions of their own', () => {
    const entries = sourceFiles('entrypoints');
    expect(entries.length).toBeGreaterThanOrEqual(5);
    for (const f of entries) {
      const code = readFileSync(join(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const logic = code.match(/\b(?:if|for|while|switch)\s*\(|\btry\s*\{|\}\s*catch\b|\bclass\s+\w|\bfunction\b|\?\?|\s\?\s/g);
      expect(logic, f).toBeNull();
      expect(code.split('\n').length, f).toBeLessThan(60);
    }
  });
});
