/**
 * The ways coverage shortens a project's printed name: without the town in front
 * (池店镇龙池路改造工程 → 龙池路改造工程), without the leading verb (助力锦岭村… → 锦岭村…),
 * without the 项目/工程 tail or with the other one, without a parenthetical. Quotes need no
 * variant: normalisation drops them. Inputs and outputs are normalised keys.
 */
import { NAME_PREFIXES, NAME_SUFFIXES } from './lexicon';
import { normaliseKey } from '../text/normalise';

// Normalised on first use: nothing in a content script's module load builds the fold table.
let affixes: { prefixes: string[]; suffixes: string[] } | undefined;
const normalisedAffixes = () => (affixes ??= { prefixes: NAME_PREFIXES.map(normaliseKey), suffixes: NAME_SUFFIXES.map(normaliseKey) });

function stripPrefix(s: string, towns: string[]): string[] {
  const out: string[] = [];
  for (const t of towns) if (t && s.startsWith(t) && s.length > t.length) out.push(s.slice(t.length));
  for (const p of normalisedAffixes().prefixes) if (s.startsWith(p)) out.push(s.slice(p.length));
  return out;
}

function stripSuffix(s: string): string[] {
  for (const x of normalisedAffixes().suffixes) if (s.endsWith(x) && s.length > x.length) return [s.slice(0, -x.length)];
  return [];
}

/**
 * Name variants of one item (normalised, excluding the name itself). `towns` are the
 * normalised town/unit names that may lead the name (池店镇, 晋江市).
 */
export function nameVariants(name: string, towns: string[]): string[] {
  const key = normaliseKey(name);
  const seeds = new Set<string>([key]);
  const noParen = key.replace(/\([^)]*\)/g, '');
  if (noParen !== key && noParen) seeds.add(noParen);
  const heads = new Set<string>(seeds);
  for (const s of seeds) for (const h of stripPrefix(s, towns)) {
    heads.add(h);
    for (const h2 of stripPrefix(h, towns)) heads.add(h2);
  }
  const all = new Set<string>(heads);
  for (const h of heads) {
    for (const t of stripSuffix(h)) all.add(t);
    // …and with the other tail: pages write 改造项目 for a row printed as 改造 or 改造工程.
    if (h.endsWith('项目')) all.add(h.slice(0, -2) + '工程');
    else if (h.endsWith('工程')) all.add(h.slice(0, -2) + '项目');
    else all.add(h + '项目');
  }
  all.delete(key);
  return [...all].filter((v) => v.length >= 4);
}
