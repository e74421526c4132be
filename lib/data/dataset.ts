/**
 * The bundled dataset, validated once when first imported: a broken data/dataset.json fails loudly
 * at startup instead of showing readers wrong statuses. Static JSON import, so Vite bundles it and
 * tsx/vitest read it the same way.
 */
import raw from '../../data/dataset.json';
import type { Dataset, Item, Unit } from './types';
import { validateDataset } from './validate';

export const bundledDataset: Dataset = validateDataset(raw as unknown);

const unitsByName = new Map(bundledDataset.units.map((u) => [u.name, u]));
const unitsById = new Map(bundledDataset.units.map((u) => [u.id, u]));
// 序号 numbers only the 2023 民生微实事 table (the yearly lists are not numbered by their sources).
const itemsBySeq = new Map(bundledDataset.items.filter((i) => i.programme === 'minsheng-weishishi' && i.year === 2023).map((i) => [i.seq, i]));
const itemsById = new Map(bundledDataset.items.map((i) => [i.id, i]));

/** The unit whose printed short name is `name` (公安局), not an alias. */
export const unitByName = (name: string): Unit | undefined => unitsByName.get(name);
export const unitById = (id: string): Unit | undefined => unitsById.get(id);
/** The 2023 table's item with number `seq` (1–117). */
export const itemBySeq = (seq: number): Item | undefined => itemsBySeq.get(seq);
export const itemById = (id: string): Item | undefined => itemsById.get(id);
