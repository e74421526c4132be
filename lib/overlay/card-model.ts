/**
 * What a card shows, derived from the dataset alone (the content script has it bundled):
 * no round trip to the background to open a card.
 */
import type { Dataset, Item, Source, Unit } from '../data/types';
import type { StatusClaim } from '../match/claims';

export interface ProjectCardModel {
  kind: 'project';
  item: Item;
  unit?: Unit;
  source?: Source;
  evidence: string[];
  /** Other projects led by the same unit. */
  siblings: Item[];
  /** The page's own words on progress, when they disagree with the record. */
  disagreement?: StatusClaim;
}

export interface UnitCardModel {
  kind: 'unit';
  unit: Unit;
  source?: Source;
  evidence: string[];
  items: Item[];
}

export type CardModel = ProjectCardModel | UnitCardModel;

export interface DatasetIndex {
  itemsById: Map<string, Item>;
  unitsById: Map<string, Unit>;
  itemsByUnit: Map<string, Item[]>;
  sourcesById: Map<string, Source>;
}

export function indexDataset(d: Dataset): DatasetIndex {
  const itemsByUnit = new Map<string, Item[]>();
  for (const item of d.items) {
    if (item.unitId === undefined) continue; // no source names its lead unit
    const list = itemsByUnit.get(item.unitId) ?? [];
    list.push(item);
    itemsByUnit.set(item.unitId, list);
  }
  return {
    itemsById: new Map(d.items.map((i) => [i.id, i])),
    unitsById: new Map(d.units.map((u) => [u.id, u])),
    itemsByUnit,
    sourcesById: new Map(d.sources.map((s) => [s.id, s])),
  };
}

export function cardModelFor(index: DatasetIndex, target: { kind: 'unit' | 'project'; id: string; evidence?: string[]; claim?: StatusClaim }): CardModel | null {
  const evidence = target.evidence ?? [];
  if (target.kind === 'project') {
    const item = index.itemsById.get(target.id);
    if (!item) return null;
    return {
      kind: 'project',
      item,
      unit: item.unitId === undefined ? undefined : index.unitsById.get(item.unitId),
      source: index.sourcesById.get(item.source),
      evidence,
      siblings: item.unitId === undefined ? [] : (index.itemsByUnit.get(item.unitId) ?? []).filter((i) => i.id !== item.id),
      ...(target.claim && target.claim.status !== item.status ? { disagreement: target.claim } : {}),
    };
  }
  const unit = index.unitsById.get(target.id);
  if (!unit) return null;
  return { kind: 'unit', unit, source: index.sourcesById.get(unit.source), evidence, items: index.itemsByUnit.get(unit.id) ?? [] };
}
