/**
 * A page's note card changing the notes of that page: edit, link to a project or unit, delete
 * and undo. Only notes anchored on the sender's own site are touched (DESIGN contract 7: the
 * background decides which page a request is about from the sender, never from the payload),
 * so a content script on one site cannot reach the notes written on another (sites as
 * lib/background/sender.ts tells them: the registrable domain).
 */
import type { LensDb } from '../db/schema';
import { deleteNote, restoreNote, updateNote, type NotePatch } from '../db/user-data';
import type { Request } from '../messaging/protocol';
import { note as noteRow } from '../rows/rows';
import type { Note } from '../types/records';
import { sameSite, type ContentSender } from './sender';

export class NotOnThisPage extends Error {
  override name = 'NotOnThisPage';
}

/** Whether a note is anchored on the sender's site (its page address or its canonical one: same registrable domain). */
export function noteOfSender(note: Note, sender: ContentSender): boolean {
  if (!note.anchor) return false;
  return sameSite(note.anchor.url, sender.pageUrl) || sameSite(note.anchor.canonicalUrl, sender.pageUrl);
}

async function ownNote(db: LensDb, id: string, sender: ContentSender): Promise<Note> {
  const note = await db.notes.get(id);
  if (!note || !noteOfSender(note, sender)) throw new NotOnThisPage(`no note ${id} on this page`);
  return note;
}

export async function updatePageNote(db: LensDb, req: Extract<Request, { type: 'note/update' }>, sender: ContentSender, now = Date.now()): Promise<Note> {
  await ownNote(db, req.id, sender);
  const patch: NotePatch = {};
  if (req.body !== undefined) patch.body = req.body;
  if (req.tags !== undefined) patch.tags = req.tags;
  if (req.target !== undefined) patch.target = req.target;
  return (await updateNote(db, req.id, patch, now)).after;
}

export async function deletePageNote(db: LensDb, id: string, sender: ContentSender): Promise<Note | null> {
  await ownNote(db, id, sender);
  return (await deleteNote(db, id)) ?? null;
}

/** Puts a deleted note back as it was; refused for another site's note, nothing done when the id is taken. */
export async function restorePageNote(db: LensDb, raw: Note, sender: ContentSender, now = Date.now()): Promise<{ restored: boolean }> {
  // The row as the background handed it out: it must still be a valid note row, of this site.
  const note = noteRow(raw, 'note', { now });
  if (!noteOfSender(note, sender)) throw new NotOnThisPage(`note ${note.id} is not of this page`);
  return db.transaction('rw', db.notes, async () => {
    if (await db.notes.get(note.id)) return { restored: false };
    await restoreNote(db, note);
    return { restored: true };
  });
}
