/**
 * What a card shows, derived from the dataset alone (the content script has it bundled):
 * no round trip to the background to open a card.
 */
import type { Dataset, Item, Source, Unit } from '../data/types';
import { checkClaim, type ClaimCheck, type DatedStatus, type StatusClaim } from '../match/claims';
import type { Mention, ProgrammeId } from '../match/types';

export interface ProjectCardModel {
  kind: 'project';
  item: Item;
  unit?: Unit;
  source?: Source;
  evidence: string[];
  /** Other projects led by the same unit. */
  siblings: Item[];
  /** The list the item belongs to: programme and year. */
  programme: ProgrammeId;
  year: number;
  /** The page's own words on progress, when they disagree with the record as of the page's date. */
  disagreement?: StatusClaim;
  /**
   * The page's words checked against the record as of the page's date (when they say
   * anything): `completed-later` for a page that predates the recorded completion.
   */
  claimCheck?: ClaimCheck & { claim: StatusClaim; pageDate?: string };
}

/** A programme round the dataset lacks: the year the page speaks of, or the years it could be. */
export interface RoundCardModel {
  kind: 'round';
  /** The words on the page (智慧停车). */
  text: string;
  programme: ProgrammeId;
  /** The year the passage speaks of; null when it cannot be told. */
  year: number | null;
  /** With `year: null`: the years whose lists hold an item of this name or series. */
  candidateYears: number[];
  evidence: string[];
}

export interface UnitCardModel {
  kind: 'unit';
  unit: Unit;
  source?: Source;
  evidence: string[];
  items: Item[];
}

export type CardModel = ProjectCardModel | UnitCardModel | RoundCardModel;

/** The card of a mention with id null (lib/match/types.ts). */
export function roundCardModel(m: Mention): RoundCardModel {
  return {
    kind: 'round',
    text: m.text,
    programme: m.programme ?? 'weiminbanshishi',
    year: m.year ?? null,
    candidateYears: m.candidateYears ?? [],
    evidence: m.evidence,
  };
}

/** The item's dated status record, oldest first (its one status as a record if a history is missing). */
export function statusHistoryOf(item: Item): DatedStatus[] {
  return item.statusHistory?.length ? item.statusHistory : [{ status: item.status, asOf: item.statusAsOf, source: item.source }];
}

/** The list an item belongs to. */
export function listOf(item: Item): { programme: ProgrammeId; year: number } {
  return { programme: item.programme, year: item.year };
}

export interface DatasetIndex {
  itemsById: Map<string, Item>;
  unitsById: Map<string, Unit>;
  itemsByUnit: Map<string, Item[]>;
  sourcesById: Map<string, Source>;
}

/** Indexes what cards show; any dataset's items, units and sources (the bundled or an installed one). */
export function indexDataset(d: Pick<Dataset, 'items' | 'units' | 'sources'>): DatasetIndex {
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

/**
 * `pageDate` (ISO, when known): the page's words (`claim`) are compared with the record as of
 * that date, so a page from before completion is "completed later", not a contradiction.
 */
export function cardModelFor(
  index: DatasetIndex,
  target: { kind: 'unit' | 'project'; id: string; evidence?: string[]; claim?: StatusClaim; pageDate?: string },
): CardModel | null {
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
      ...listOf(item),
      ...claimParts(item, target.claim, target.pageDate),
    };
  }
  const unit = index.unitsById.get(target.id);
  if (!unit) return null;
  return { kind: 'unit', unit, source: index.sourcesById.get(unit.source), evidence, items: index.itemsByUnit.get(unit.id) ?? [] };
}

function claimParts(item: Item, claim: StatusClaim | undefined, pageDate: string | undefined): Pick<ProjectCardModel, 'disagreement' | 'claimCheck'> {
  if (!claim) return {};
  const check = checkClaim(claim, statusHistoryOf(item), pageDate);
  return {
    claimCheck: { ...check, claim, ...(pageDate ? { pageDate } : {}) },
    ...(check.verdict === 'contradicts' ? { disagreement: claim } : {}),
  };
}
