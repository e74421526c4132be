/**
 * What the user does with the data: follow, note, tag, and the lists built from those rows.
 * Plain Dexie functions over a `LensDb`, so the extension pages and the background run the
 * same code. Reference tables are only read here; user tables are only written here and
 * by the importer.
 */
import type { Item, Unit } from '../data/types';
import { translator } from '../i18n';
import { itemLabel } from '../i18n/programme';
import { followKey } from './keys';
import type { Follow, Note, PassageAnchor, Sighting, TargetRef } from '../types/records';
import type { LensDb } from './schema';
import { normaliseTags } from '../rows/rows';

// ── follows ────────────────────────────────────────────────────────────────

/** Follows a target; following twice keeps the first row (and its `statusWhenFollowed`). */
export async function follow(db: LensDb, target: TargetRef, now = Date.now()): Promise<Follow> {
  return db.transaction('rw', [db.follows, db.items], async () => {
    const key = followKey(target);
    const existing = await db.follows.get(key);
    if (existing) return existing;
    const item = target.kind === 'item' ? await db.items.get(target.id) : undefined;
    const row: Follow = { key, target: { kind: target.kind, id: target.id }, targetId: target.id, createdAt: now };
    if (item) Object.assign(row, { statusWhenFollowed: item.status, programme: item.programme, year: item.year });
    await db.follows.add(row);
    return row;
  });
}

/** Removes a follow and returns it, so the caller can offer to undo. */
export async function unfollow(db: LensDb, target: TargetRef): Promise<Follow | undefined> {
  return db.transaction('rw', db.follows, async () => {
    const key = followKey(target);
    const row = await db.follows.get(key);
    if (row) await db.follows.delete(key);
    return row;
  });
}

export const restoreFollow = (db: LensDb, row: Follow): Promise<string> => db.follows.put(row);

export async function isFollowed(db: LensDb, target: TargetRef): Promise<boolean> {
  return (await db.follows.get(followKey(target))) !== undefined;
}

/** The status change a followed item went through since it was followed, if any. */
export interface StatusChange {
  from: string;
  to: string;
}

/**
 * Marks the follow as seen at the item's current status, so it stops being flagged as changed
 * (`statusWhenFollowed` then means "the status the user last acknowledged").
 */
export async function acknowledgeChange(db: LensDb, target: TargetRef): Promise<void> {
  await db.transaction('rw', [db.follows, db.items], async () => {
    const row = await db.follows.get(followKey(target));
    const item = target.kind === 'item' ? await db.items.get(target.id) : undefined;
    if (row && item) await db.follows.put({ ...row, statusWhenFollowed: item.status });
  });
}

/**
 * Followed items whose status differs from what the user saw: compared with
 * `statusWhenFollowed` when known, else with the oldest recorded dataset change after the follow.
 */
export async function changedFollows(db: LensDb): Promise<Map<string, StatusChange>> {
  return db.transaction('r', [db.follows, db.items, db.changes], async () => {
    const [follows, changes] = await Promise.all([db.follows.toArray(), db.changes.orderBy('at').toArray()]);
    const items = new Map((await db.items.bulkGet(follows.map((f) => f.targetId))).filter((i): i is Item => !!i).map((i) => [i.id, i]));
    const out = new Map<string, StatusChange>();
    for (const f of follows) {
      if (f.target.kind !== 'item') continue;
      const item = items.get(f.targetId);
      if (!item) continue;
      let from = f.statusWhenFollowed;
      if (from === undefined) {
        const first = changes.find((c) => c.at >= f.createdAt && c.statusChanges.some((s) => s.itemId === f.targetId));
        from = first?.statusChanges.find((s) => s.itemId === f.targetId)?.from;
      }
      if (from !== undefined && from !== item.status) out.set(f.targetId, { from, to: item.status });
    }
    return out;
  });
}

// ── notes ──────────────────────────────────────────────────────────────────

export interface NoteInput {
  body: string;
  tags?: string[];
  target?: TargetRef;
  anchor?: PassageAnchor;
}

export { normaliseTags };

const newId = (): string => globalThis.crypto.randomUUID();

export async function saveNote(db: LensDb, input: NoteInput, now = Date.now(), id = newId()): Promise<Note> {
  const note: Note = {
    id,
    targetId: input.target?.id ?? '',
    pageUrl: input.anchor?.canonicalUrl ?? '',
    body: input.body.trim(),
    tags: normaliseTags(input.tags ?? []),
    createdAt: now,
    updatedAt: now,
  };
  if (input.target) note.target = { kind: input.target.kind, id: input.target.id };
  if (input.anchor) note.anchor = input.anchor;
  await db.notes.add(note);
  return note;
}

export interface NotePatch {
  body?: string;
  tags?: string[];
  /** The item or unit the note is about; `null` removes it. */
  target?: TargetRef | null;
}

/** Changes a note's text or tags; returns the note as it was before (for undo) and after. */
export async function updateNote(db: LensDb, id: string, patch: NotePatch, now = Date.now()): Promise<{ before: Note; after: Note }> {
  return db.transaction('rw', db.notes, async () => {
    const before = await db.notes.get(id);
    if (!before) throw new Error(`no note ${id}`);
    const after: Note = {
      ...before,
      body: patch.body === undefined ? before.body : patch.body.trim(),
      tags: patch.tags === undefined ? before.tags : normaliseTags(patch.tags),
      updatedAt: Math.max(now, before.updatedAt),
    };
    if (patch.target === null) {
      delete after.target;
      after.targetId = '';
    } else if (patch.target) {
      after.target = { kind: patch.target.kind, id: patch.target.id };
      after.targetId = patch.target.id;
    }
    await db.notes.put(after);
    return { before, after };
  });
}

export async function addTag(db: LensDb, id: string, tag: string, now = Date.now()): Promise<Note> {
  const note = await db.notes.get(id);
  if (!note) throw new Error(`no note ${id}`);
  return (await updateNote(db, id, { tags: [...note.tags, tag] }, now)).after;
}

export async function removeTag(db: LensDb, id: string, tag: string, now = Date.now()): Promise<Note> {
  const note = await db.notes.get(id);
  if (!note) throw new Error(`no note ${id}`);
  return (await updateNote(db, id, { tags: note.tags.filter((t) => t !== tag) }, now)).after;
}

/** Deletes a note and hands it back whole, so "undo" can put it back exactly. */
export async function deleteNote(db: LensDb, id: string): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (note) await db.notes.delete(id);
    return note;
  });
}

export const restoreNote = (db: LensDb, note: Note): Promise<string> => db.notes.put(note);

export async function allTags(db: LensDb): Promise<string[]> {
  const keys = (await db.notes.orderBy('tags').uniqueKeys()) as string[];
  return keys.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export const notesFor = (db: LensDb, targetId: string): Promise<Note[]> =>
  db.notes.where('targetId').equals(targetId).sortBy('createdAt');

export interface NoteGroup {
  /** The page's canonical URL, or the target id; '' for notes with neither. */
  key: string;
  /** Page title or item/unit name, when known. */
  label: string;
  target?: TargetRef;
  notes: Note[];
}

const newestFirst = (a: { updatedAt: number }, b: { updatedAt: number }) => b.updatedAt - a.updatedAt;

function groupNotes(notes: Note[], keyOf: (n: Note) => string, labelOf: (n: Note, key: string) => string, tag?: string): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const n of notes) {
    if (tag && !n.tags.includes(tag)) continue;
    const key = keyOf(n);
    let g = groups.get(key);
    if (!g) {
      g = { key, label: labelOf(n, key), notes: [] };
      if (n.target) g.target = n.target;
      groups.set(key, g);
    }
    g.notes.push(n);
  }
  const list = [...groups.values()];
  for (const g of list) g.notes.sort(newestFirst);
  // Most recently touched group first; the group without page/item last.
  return list.sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : newestFirst(a.notes[0]!, b.notes[0]!));
}

/** Notes grouped by the page they were written on (notes without a page form the last group). */
export async function notesByPage(db: LensDb, tag?: string): Promise<NoteGroup[]> {
  const notes = await db.notes.toArray();
  return groupNotes(notes, (n) => n.pageUrl, (n, key) => n.anchor?.title || key, tag);
}

/** Notes grouped by the item or unit they are about, labelled with its name. */
export async function notesByItem(db: LensDb, tag?: string, nameItem?: ItemNamer): Promise<NoteGroup[]> {
  return db.transaction('r', [db.notes, db.items, db.units], async () => {
    const notes = await db.notes.toArray();
    const names = await targetNames(db, notes.filter((n) => n.target).map((n) => n.target!), nameItem);
    return groupNotes(notes, (n) => n.targetId, (n, key) => names.get(key) ?? key, tag);
  });
}

/** How an item is named in lists: with its list, e.g. `2023年民生微实事 · 23. name` (see lib/i18n/programme.ts). */
export type ItemNamer = (item: Item) => string;
const zhItemName: ItemNamer = (i) => itemLabel(translator('zh_CN'), i);

/** Display names of items (with their list: `2024年为民办实事 · name`) and units, by id; missing ids are left out. */
export async function targetNames(db: LensDb, targets: readonly TargetRef[], nameItem: ItemNamer = zhItemName): Promise<Map<string, string>> {
  const itemIds = [...new Set(targets.filter((t) => t.kind === 'item').map((t) => t.id))];
  const unitIds = [...new Set(targets.filter((t) => t.kind === 'unit').map((t) => t.id))];
  const [items, units] = await Promise.all([db.items.bulkGet(itemIds), db.units.bulkGet(unitIds)]);
  const out = new Map<string, string>();
  for (const i of items) if (i) out.set(i.id, nameItem(i));
  for (const u of units) if (u) out.set(u.id, u.name);
  return out;
}

// ── the following view ─────────────────────────────────────────────────────

export interface FollowOverview {
  follow: Follow;
  item?: Item;
  unit?: Unit;
  /** The target is no longer in the dataset: kept and flagged. */
  orphan: boolean;
  /** Most recent sightings first (at most `latest` of them). */
  latest: Sighting[];
  sightings: number;
  /** Distinct sites it was seen on. */
  sites: number;
  changed?: StatusChange;
  notes: number;
}

/** Everything the Following view shows, newest follow first. */
export async function followsOverview(db: LensDb, latest = 3): Promise<FollowOverview[]> {
  const changed = await changedFollows(db);
  return db.transaction('r', [db.follows, db.items, db.units, db.sightings, db.notes], async () => {
    const follows = await db.follows.orderBy('createdAt').reverse().toArray();
    const out: FollowOverview[] = [];
    for (const f of follows) {
      const [item, unit, sightings, notes] = await Promise.all([
        f.target.kind === 'item' ? db.items.get(f.targetId) : undefined,
        f.target.kind === 'unit' ? db.units.get(f.targetId) : undefined,
        db.sightings.where('targetId').equals(f.targetId).toArray(),
        db.notes.where('targetId').equals(f.targetId).count(),
      ]);
      sightings.sort((a, b) => b.lastSeen - a.lastSeen);
      const row: FollowOverview = {
        follow: f,
        orphan: !item && !unit,
        latest: sightings.slice(0, latest),
        sightings: sightings.length,
        sites: new Set(sightings.map((s) => s.site)).size,
        notes,
      };
      if (item) row.item = item;
      if (unit) row.unit = unit;
      const c = changed.get(f.targetId);
      if (c) row.changed = c;
      out.push(row);
    }
    return out;
  });
}

/** Ids of followed targets and of targets with notes, for the search filters. */
export async function userMarks(db: LensDb): Promise<{ followed: Set<string>; noted: Set<string> }> {
  const [followed, noted] = await Promise.all([db.follows.orderBy('targetId').uniqueKeys(), db.notes.orderBy('targetId').uniqueKeys()]);
  return { followed: new Set(followed as string[]), noted: new Set((noted as string[]).filter((k) => k !== '')) };
}
