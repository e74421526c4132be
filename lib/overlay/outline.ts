/**
 * The page's outline for the side panel's "this page" view: every mention and anchored passage
 * note in reading order, then the notes that no longer find their passage. Entries carry a key
 * that `tab/jump` turns back into a place while the page stays as it is (`m:<id>:<n>` for the
 * n-th mention of an item or unit (or of a round the dataset lacks, lib/overlay/target.ts mentionKey), `n:<note id>` for a note). Notes travel as ids only: the
 * extension page reads their text from the database, so the message holds nothing the reader wrote.
 */
import type { OutlineEntry, TabOutline } from '../messaging/tab-protocol';
import type { Note } from '../types/records';
import type { DatasetIndex } from './card-model';
import type { DomSpan } from './dom-spans';
import type { PlacedMention } from './mention-store';
import type { AnchoredNote } from './passage-notes';
import { compareSpans } from './reading-order';
import { isLinked } from '../match/types';
import { mentionKey } from './target';

export type OutlinePlace = { key: string; span: DomSpan } & ({ kind: 'mention'; mention: PlacedMention } | { kind: 'note'; note: AnchoredNote });

/** Mentions and anchored notes in reading order, each with its key. */
export function orderedPlaces(mentions: readonly PlacedMention[], notes: readonly AnchoredNote[]): OutlinePlace[] {
  const places: OutlinePlace[] = [
    ...mentions.map((m): OutlinePlace => ({ key: '', span: m.span, kind: 'mention', mention: m })),
    ...notes.map((n): OutlinePlace => ({ key: `n:${n.note.id}`, span: n.span, kind: 'note', note: n })),
  ];
  // Only places still on the page; a note before the mentions it starts at.
  const live = places.filter((p) => p.span.startContainer.isConnected);
  live.sort((a, b) => compareSpans(a.span, b.span) || (a.kind === b.kind ? 0 : a.kind === 'note' ? -1 : 1));
  const seen = new Map<string, number>();
  for (const p of live) {
    if (p.kind !== 'mention') continue;
    const id = mentionKey(p.mention.mention);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    p.key = `m:${id}:${n}`;
  }
  return live;
}

function entryOf(p: OutlinePlace, index: DatasetIndex): OutlineEntry {
  if (p.kind === 'note') return { key: p.key, kind: 'note', noteId: p.note.note.id };
  const m = p.mention.mention;
  // A round of a list the dataset does not hold: the page's words only.
  if (!isLinked(m)) return { key: p.key, kind: 'project', id: mentionKey(m), text: m.text, label: m.text, round: true };
  if (m.kind === 'project') {
    const item = index.itemsById.get(m.id);
    // A yearly list's item has no table number: its year says which list.
    const label = item ? (item.seq !== undefined ? `${item.seq}. ${item.name}` : `(${item.year}) ${item.name}`) : m.text;
    return { key: p.key, kind: 'project', id: m.id, text: m.text, label, ...(item ? { status: item.status } : {}) };
  }
  const unit = index.unitsById.get(m.id);
  return { key: p.key, kind: 'unit', id: m.id, text: m.text, label: unit?.fullName ?? unit?.name ?? m.text };
}

export function buildOutline(
  page: Pick<TabOutline, 'title' | 'url' | 'state'>,
  mentions: readonly PlacedMention[],
  notes: readonly AnchoredNote[],
  orphans: readonly Note[],
  index: DatasetIndex,
): TabOutline {
  return { ...page, entries: orderedPlaces(mentions, notes).map((p) => entryOf(p, index)), orphans: orphans.map((n) => n.id) };
}
