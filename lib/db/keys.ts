/** Primary keys of the user tables, made from the row's identity so writing twice is one row. */
import type { TargetRef } from '../types/records';

/** `${kind}:${id}`: following twice is one row. */
export const followKey = (t: TargetRef): string => `${t.kind}:${t.id}`;
/** `${targetId}|${canonicalUrl}`: one sighting per item per page. */
export const sightingKey = (targetId: string, canonicalUrl: string): string => `${targetId}|${canonicalUrl}`;
