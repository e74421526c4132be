/**
 * A page's note card changing the notes of that page: edit, link to a project or unit, delete
 * and undo. Only notes anchored on the sender's own site are touched (DESIGN contract 7: the
 * background decides which page a request is about from the sender, never from the payload),
 * so a content script on one site cannot reach the notes written on another.
 */
import type { LensDb } from '../db/schema';
import { deleteNote, restoreNote, updateNote, type NotePatch } from '../db/user-data';
import type { Request } from '../messaging/protocol';
import type { SenderInfo } from '../messaging/router';
import type { Note } from '../types/records';

export class NotOnThisPage extends Error {
  override name = 'NotOnThisPage';
}

const hostOf = (url: string | undefined): string => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

/** Whether a note is anchored on the sender's site (its page address or its canonical one). */
export function noteOfSender(note: Note, sender: SenderInfo): boolean {
  const host = hostOf(sender.url);
  if (!host || !note.anchor) return false;
  return hostOf(note.anchor.url) === host || hostOf(note.anchor.canonicalUrl) === host;
}

async function ownNote(db: LensDb, id: string, sender: SenderInfo): Promise<Note> {
  const note = await db.notes.get(id);
  if (!note || !noteOfSender(note, sender)) throw new NotOnThisPage(`no note ${id} on this page`);
  return note;
}

export async function updatePageNote(db: LensDb, req: Extract<Request, { type: 'note/update' }>, sender: SenderInfo, now = Date.now()): Promise<Note> {
  await ownNote(db, req.id, sender);
  const patch: NotePatch = {};
  if (req.body !== undefined) patch.body = req.body;
  if (req.tags !== undefined) patch.tags = req.tags;
  if (req.target !== undefined) patch.target = req.target;
  return (await updateNote(db, req.id, patch, now)).after;
}

export async function deletePageNote(db: LensDb, id: string, sender: SenderInfo): Promise<Note | null> {
  await ownNote(db, id, sender);
  return (await deleteNote(db, id)) ?? null;
}

/** Puts a deleted note back as it was; refused for another site's note, nothing done when the id is taken. */
export async function restorePageNote(db: LensDb, note: Note, sender: SenderInfo): Promise<{ restored: boolean }> {
  if (!noteOfSender(note, sender)) throw new NotOnThisPage(`note ${note.id} is not of this page`);
  return db.transaction('rw', db.notes, async () => {
    if (await db.notes.get(note.id)) return { restored: false };
    await restoreNote(db, note);
    return { restored: true };
  });
}
