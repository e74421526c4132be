/**
 * What search looks at: one flat document per item and per unit, carrying every name a reader
 * might type (printed name, aliases, Traditional forms, key phrases, places, the lead unit) and
 * the fields the filters need. Built from the reference tables, never from page text.
 */
import type { Item, ItemStatus, Place, ProgrammeId, Unit, UnitKind } from '../data/types';

export interface SearchDoc {
  kind: 'item' | 'unit';
  id: string;
  /** 序号 for items of a numbered list (the 2023 table); 0 for other items and for units. */
  seq: number;
  /** Items: their place in reading order (year, then programme, then the dataset's order); units 0. */
  order: number;
  name: string;
  /** Other names: unit aliases and Traditional forms; for items, their key phrases. */
  aliases: string[];
  /** Places the item names (and their towns), or a town unit's own town. */
  places: string[];
  /**
   * For items: the lead unit's printed name only. Its aliases live on the unit's own document;
   * a query that finds the unit brings its items along (see SearchIndex), which keeps every
   * 晋江市… alias from making all items candidates for every query.
   */
  unitNames: string[];
  /** Units: their own id. Items: the lead unit, only where a source names it. */
  unitId?: string;
  unitKind?: UnitKind;
  town?: string;
  status?: ItemStatus;
  /** Items only: which programme and year's list. */
  programme?: ProgrammeId;
  year?: number;
}

/** Reading order of items: by year, 为民办实事 before 民生微实事 in a year, then as the dataset lists them. */
export function itemOrder(items: readonly Item[]): Map<string, number> {
  const rank = (p: ProgrammeId) => (p === 'weiminbanshishi' ? 0 : 1);
  const sorted = items.map((it, i) => ({ it, i })).sort((a, b) => a.it.year - b.it.year || rank(a.it.programme) - rank(b.it.programme) || a.i - b.i);
  return new Map(sorted.map(({ it }, k) => [it.id, k + 1]));
}

export function buildSearchDocs(items: readonly Item[], units: readonly Unit[], places: readonly Place[] = []): SearchDoc[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const placeTown = new Map(places.map((p) => [p.name, p.town]));
  const docs: SearchDoc[] = [];
  for (const u of units) {
    const doc: SearchDoc = {
      kind: 'unit',
      id: u.id,
      seq: 0,
      order: 0,
      name: u.name,
      aliases: [...(u.fullName ? [u.fullName] : []), ...u.aliases, ...u.traditional],
      places: u.town ? [u.town] : [],
      unitNames: [],
      unitId: u.id,
      unitKind: u.kind,
    };
    if (u.town) doc.town = u.town;
    docs.push(doc);
  }
  const orderOf = itemOrder(items);
  for (const i of items) {
    const unit = i.unitId === undefined ? undefined : unitById.get(i.unitId);
    const town = i.town ?? (unit?.town);
    const placeNames = new Set<string>(i.places);
    for (const p of i.places) {
      const t = placeTown.get(p);
      if (t) placeNames.add(t);
    }
    if (town) placeNames.add(town);
    const doc: SearchDoc = {
      kind: 'item',
      id: i.id,
      seq: i.seq ?? 0,
      order: orderOf.get(i.id) ?? 0,
      name: i.name,
      aliases: [...(i.otherNames ?? []), ...i.keyphrases],
      places: [...placeNames],
      unitNames: unit ? [unit.name] : i.unit ? [i.unit] : [],
      status: i.status,
      programme: i.programme,
      year: i.year,
    };
    if (i.unitId !== undefined) doc.unitId = i.unitId;
    if (unit) doc.unitKind = unit.kind;
    if (town) doc.town = town;
    docs.push(doc);
  }
  return docs;
}
