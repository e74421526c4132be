/**
 * How a programme, a yearly list and an item's place in it are said, in the UI's language:
 * 2021年为民办实事 / Projects for the People 2021, "the dataset knows 14 of 2021's 22 items".
 */
import type { Item, Programme, ProgrammeId } from '../data/types';
import type { Translate } from './index';

export const programmeName = (t: Translate, p: ProgrammeId): string =>
  t(p === 'weiminbanshishi' ? 'programmeWeiminbanshishi' : 'programmeMinshengWeishishi');

/** 2021年为民办实事 / Projects for the People 2021. */
export const listLabel = (t: Translate, p: ProgrammeId, year: number): string => t('listLabel', { year, programme: programmeName(t, p) });

/** An item with its list: "2023年民生微实事 · 23. 名称", "2024年为民办实事 · 名称". */
export function itemLabel(t: Translate, i: Pick<Item, 'programme' | 'year' | 'seq' | 'name'>): string {
  return `${listLabel(t, i.programme, i.year)} · ${i.seq !== undefined ? `${i.seq}. ` : ''}${i.name}`;
}

/** How much of a list the dataset holds: complete, "14 of 22", or "1 (size not published)". */
export function coverageText(t: Translate, p: Pick<Programme, 'programme' | 'year' | 'announced' | 'known' | 'complete'>): string {
  const vars = { year: p.year, programme: programmeName(t, p.programme), known: p.known, announced: p.announced ?? '' };
  if (p.complete) return t('listComplete', vars);
  return t(p.announced === null ? 'listKnownNoCount' : 'listKnownPart', vars);
}
