/**
 * The names a stretch of text mentions, for anchoring notes (lib/anchor): which units,
 * projects, places and inert look-alikes (石狮市公安局, 中级人民法院) the scanner finds in it.
 * Tokens, not linked mentions: the linker's judgement needs a whole page's context, while a
 * note's passage must only keep naming what it named.
 */
import type { FoundName, NameReader } from '../anchor/text-quote';
import { normaliseCodes } from '../text/normalise';
import { Entry, type MatchPack } from './pack';
import { scanTokens } from './scanner';

/** What each entry kind names, as a key prefix; kinds not listed (relevance words, context words) name nothing. */
const NAMED: Partial<Record<number, string>> = {
  [Entry.Unit]: 'unit',
  [Entry.ItemName]: 'item',
  [Entry.ItemVariant]: 'item',
  [Entry.ItemKey]: 'item',
  [Entry.ItemGeneric]: 'item',
  [Entry.Place]: 'place',
  [Entry.Ambiguous]: 'alias',
  [Entry.Blocker]: 'other',
};

/** Relevance words that say whose or which place a name is (石狮市 in front of 公安局, 晋江 the river). */
const QUALIFIERS = new Set(['other-city', 'river', 'prefecture']);

/**
 * A `NameReader` over `pack`: keys such as `unit:gonganju`, `item:mw2023-023`, `place:岸兜村`,
 * `where:石狮市` (another place named in the passage), `unit:gonganju@石狮市` (a unit name right
 * after another place's name: that place's unit), `other:<pattern>` (an inert look-alike).
 */
export function nameReader(pack: MatchPack): NameReader {
  return (text) => {
    const norm = normaliseCodes(text);
    const tokens = scanTokens(pack, norm);
    const found: FoundName[] = [];
    /** The qualifier token that ends where the next token starts (normalised index), if any. */
    let qualifier = '';
    let qualifierEnd = -1;
    for (let t = 0; t < tokens.count; t++) {
      const start = norm.map[tokens.start[t]!]!;
      const end = norm.map[tokens.end[t]! - 1]! + 1;
      const p = tokens.pattern[t]!;
      const qualified = qualifierEnd === tokens.start[t] ? qualifier : '';
      qualifierEnd = -1;
      for (let j = pack.entryStart[p]!; j < pack.entryStart[p + 1]!; j++) {
        const entryKind = pack.entryKind[j]!;
        const ref = pack.entryRef[j]!;
        if (entryKind === Entry.Gate) {
          const word = pack.gateWords[ref]!;
          if (!QUALIFIERS.has(word.kind)) continue;
          qualifier = word.text;
          qualifierEnd = tokens.end[t]!;
          found.push({ start, end, key: `where:${word.text}` });
          continue;
        }
        const kind = NAMED[entryKind];
        if (!kind) continue;
        const id = kind === 'unit' ? pack.units[ref]!.id : kind === 'item' ? pack.items[ref]!.id : kind === 'place' ? pack.places[ref]!.name : kind === 'alias' ? pack.ambiguous[ref]!.alias : String(p);
        found.push({ start, end, key: `${kind}:${id}${kind === 'unit' && qualified ? '@' + qualified : ''}` });
      }
    }
    return found;
  };
}
