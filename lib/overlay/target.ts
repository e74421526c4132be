/**
 * The one mapping between the engine's words and storage's: the engine (mentions, the CLI's
 * `"kind"`) says `project` for a programme item, storage and messages (TargetRef) say `item`.
 * Units are `unit` in both. Ids are the same.
 */
import type { LinkedMention, Mention } from '../match/types';
import type { TargetRef } from '../types/records';

/**
 * A mention's key in the overlay, the popup's list and "find on page": the unit or item id, or
 * for a round the dataset lacks (id null) `round:<programme>:<year or ?>:<text>`.
 */
export const mentionKey = (m: Pick<Mention, 'id' | 'programme' | 'year' | 'text'>): string => m.id ?? `round:${m.programme ?? ''}:${m.year ?? '?'}:${m.text}`;

export const targetOf = (m: Pick<LinkedMention, 'kind' | 'id'>): TargetRef => ({ kind: m.kind === 'project' ? 'item' : 'unit', id: m.id });
