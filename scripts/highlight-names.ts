/**
 * A Vite plugin giving each build its own highlight names (lib/overlay/highlighter.ts says
 * why): it defines `__MSL_HL_PREFIX__` for the code and renames `::highlight(msl-…)` in
 * components/overlay/highlights.css to match, so the names stay in the content script's own
 * stylesheet (added with the script: no restyle of the page later, and not in the page's CSSOM).
 */
import { randomBytes } from 'node:crypto';

/** A name start no page can know in advance: a letter, then 10 random base-36 characters. */
export function randomHighlightPrefix(): string {
  const n = BigInt(`0x${randomBytes(8).toString('hex')}`);
  return `h${n.toString(36).padStart(10, '0').slice(-10)}`;
}

export function highlightNamesPlugin(prefix: string) {
  return {
    name: 'minsheng-highlight-names',
    enforce: 'pre' as const,
    config: () => ({ define: { __MSL_HL_PREFIX__: JSON.stringify(prefix) } }),
    transform(code: string, id: string) {
      if (!id.split('?')[0]!.endsWith('/components/overlay/highlights.css')) return undefined;
      return { code: code.replaceAll('::highlight(msl-', `::highlight(${prefix}-`), map: null };
    },
  };
}
