/**
 * The one mapping between the engine's words and storage's: the engine (mentions, the CLI's
 * `"kind"`) says `project` for a programme item, storage and messages (TargetRef) say `item`.
 * Units are `unit` in both. Ids are the same.
 */
import type { Mention } from '../match/types';
import type { TargetRef } from '../types/records';

export const targetOf = (m: Pick<Mention, 'kind' | 'id'>): TargetRef => ({ kind: m.kind === 'project' ? 'item' : 'unit', id: m.id });
