/**
 * The project's own import graph, read from the source: every `import … from`, `export … from`,
 * side-effect `import '…'` and `import('…')` with a relative specifier, resolved to a repository
 * path (with its extension). Type-only imports count: a rule about folders is about both.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
const SOURCE = /\.(ts|tsx|mts)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Repository paths (posix) of the source files under `folder`. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, full).split('\\').join('/'));
    }
  };
  if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  return out.sort();
}

function resolveSpecifier(from: string, spec: string): string {
  const base = relative(ROOT, resolve(ROOT, dirname(from), spec)).split('\\').join('/');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  return base;
}

/** The files `file` imports (relative imports only), as repository paths. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => resolveSpecifier(file, m[1]!));
}

/** Every file reachable from `entry` through relative imports, `entry` included. */
export function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !SOURCE.test(f)) continue;
    seen.add(f);
    stack.push(...importsOf(f));
  }
  return seen;
}
