/**
 * The one Dexie database, in the extension origin only (DESIGN contract 1): the content
 * script never imports this module; it asks the background.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { DatasetMeta, Figure, Item, Place, Programme, Series, Source, Unit } from '../data/types';
import { guardUserRows } from '../rows/guard';
import type { Follow, Note, Sighting } from '../types/records';
import { upgradeToV2 } from './upgrade-v2';

export const DB_NAME = 'minsheng-lens';

/** Dataset metadata row plus when it was installed. */
export interface MetaRow {
  key: 'dataset';
  meta: DatasetMeta;
  installedAt: number;
}

/** One dataset upgrade, kept so the UI can mark followed items whose status changed. */
export interface DatasetChange {
  id?: number;
  at: number;
  fromVersion: string | null;
  toVersion: string;
  fromHash: string | null;
  toHash: string;
  removedItemIds: string[];
  removedUnitIds: string[];
  statusChanges: { itemId: string; from: string; to: string }[];
}

export class LensDb extends Dexie {
  items!: EntityTable<Item, 'id'>;
  units!: EntityTable<Unit, 'id'>;
  places!: EntityTable<Place, 'id'>;
  figures!: EntityTable<Figure, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  programmes!: EntityTable<Programme, 'id'>;
  series!: EntityTable<Series, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  changes!: EntityTable<DatasetChange, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  follows!: EntityTable<Follow, 'key'>;
  sightings!: EntityTable<Sighting, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      // reference tables: replaced wholesale by seeding
      items: 'id, &seq, unitId, town, status',
      units: 'id, name, kind',
      places: 'id, name, town',
      figures: 'id',
      sources: 'id',
      meta: 'key',
      changes: '++id, at',
      // user tables: never written by seeding
      notes: 'id, targetId, pageUrl, createdAt, updatedAt, *tags',
      follows: 'key, targetId, createdAt',
      sightings: 'key, targetId, canonicalUrl, site, firstSeen, lastSeen',
    });
    // Dataset v2: items of several lists (seq no longer unique: only the 2023 table numbers rows),
    // the lists and the recurring names; follows know their item's list. See upgrade-v2.ts.
    this.version(2)
      .stores({
        items: 'id, seq, unitId, town, status, programme, year, [programme+year], series',
        programmes: 'id, [programme+year], year',
        series: 'id',
        follows: 'key, targetId, createdAt, year',
      })
      .upgrade(upgradeToV2);
    // Every write to the user tables passes the one row validator (lib/rows).
    guardUserRows(this);
  }
}

export const REFERENCE_TABLES = ['items', 'units', 'places', 'figures', 'sources', 'programmes', 'series'] as const;
export const USER_TABLES = ['notes', 'follows', 'sightings'] as const;
