/**
 * Traditional-character forms of unit names, for pages in Taiwan/Hong Kong script.
 * Build-time only: opencc-js is a devDependency, imported by scripts/data/build-dataset.ts
 * and never by runtime code. Both the Taiwan ('tw') and Hong Kong ('hk') standards are used,
 * because they differ on characters that matter here (臺聯 vs 台聯, 衛 vs 衞).
 */
import { Converter } from 'opencc-js';

let converters: ((s: string) => string)[] | undefined;

function getConverters(): ((s: string) => string)[] {
  converters ??= [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })];
  return converters;
}

/** Traditional forms of `simplified`, in input order, deduplicated, without any form equal to an input. */
export function traditionalForms(simplified: readonly string[]): string[] {
  const inputs = new Set(simplified);
  const out: string[] = [];
  for (const s of simplified) {
    for (const convert of getConverters()) {
      const t = convert(s);
      if (!inputs.has(t) && !out.includes(t)) out.push(t);
    }
  }
  return out;
}
