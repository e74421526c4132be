/**
 * A random (version 4) UUID for a new note, chosen by whoever starts writing it, so a save that is
 * retried (its answer lost when the service worker stopped) is the same note, not a second one.
 * Built from `getRandomValues`, which pages served over plain http also have (`randomUUID` needs a
 * secure context).
 */
export function newNoteId(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
