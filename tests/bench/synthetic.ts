/** A synthetic dataset for scale benches: N projects with 5 names each (name + 4 aliases), over the real names' characters. */
import type { Dataset, Item, Unit } from '../../lib/data/types';
import { rng, pick } from '../unit/match/random';

export function syntheticDataset(base: Dataset, projects: number, seed = 42): Dataset {
  const r = rng(seed);
  // Characters of the real names: synthetic names look like them to the automaton.
  const chars = [...new Set([...base.items.map((i) => i.name).join(''), ...base.units.map((u) => u.name).join('')])].filter((c) => c >= '\u4e00');
  const word = (min: number, max: number) => {
    let s = '';
    const n = min + Math.floor(r() * (max - min + 1));
    for (let i = 0; i < n; i++) s += pick(r, chars);
    return s;
  };
  const units: Unit[] = Array.from({ length: 200 }, (_, i) => ({
    id: `u${i}`,
    name: word(3, 5) + '局',
    kind: '政府部门' as const,
    aliases: [word(4, 8), word(4, 8)],
    traditional: [],
    source: 's',
  }));
  const items: Item[] = Array.from({ length: projects }, (_, i) => {
    const unit = units[i % units.length]!;
    return {
      id: `p${i}`,
      seq: i + 1,
      unitId: unit.id,
      unit: unit.name,
      name: word(8, 18) + pick(r, ['项目', '工程', '活动', '建设']),
      programme: 'minsheng-weishishi' as const,
      year: 2023,
      statusHistory: [{ status: 'completed' as const, asOf: '2023-12-31', source: 's' }],
      status: 'completed' as const,
      statusAsOf: '2023-12-31',
      source: 's',
      places: [],
      // The printed name plus four aliases; the pack adds its own name variants on top.
      keyphrases: [word(5, 9), word(5, 9), word(6, 12)],
      genericPhrases: [word(4, 6)],
    };
  });
  return { ...base, units, items, places: [], ambiguousAliases: [] };
}
