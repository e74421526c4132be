/**
 * What search looks at: one flat document per item and per unit, carrying every name a reader
 * might type (printed name, aliases, Traditional forms, key phrases, places, the lead unit) and
 * the fields the filters need. Built from the reference tables, never from page text.
 */
import type { Item, ItemStatus, Place, Unit, UnitKind } from '../data/types';

export interface SearchDoc {
  kind: 'item' | 'unit';
  id: string;
  /** Table number for items; 0 for units (sorting only). */
  seq: number;
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
  unitId: string;
  unitKind: UnitKind;
  town?: string;
  status?: ItemStatus;
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
  for (const i of items) {
    const unit = unitById.get(i.unitId);
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
      seq: i.seq,
      name: i.name,
      aliases: [...i.keyphrases],
      places: [...placeNames],
      unitNames: [unit?.name ?? i.unit],
      unitId: i.unitId,
      unitKind: unit?.kind ?? '政府部门',
      status: i.status,
    };
    if (town) doc.town = town;
    docs.push(doc);
  }
  return docs;
}
