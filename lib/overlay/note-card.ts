/**
 * A passage note opened from its highlight: the card reads it, edits its text and tags, links
 * it to a project or unit (those mentioned inside the passage first, then those near it), and
 * deletes it with undo. Every change goes to the background (which only touches notes of the
 * sender's own page) and the page's copy and drawing follow. The note's text stays in our
 * shadow root: it is never written to the page's DOM nor to a highlight's name.
 */
import { isLinked } from '../match/types';
import type { OverlayState, Send } from '../messaging/protocol';
import type { Note, TargetRef } from '../types/records';
import type { DatasetIndex } from './card-model';
import { liveSpan, type DomSpan } from './dom-spans';
import type { PlacedMention } from './mention-store';
import type { AnchoredNote, PassageNotes } from './passage-notes';
import type { Reached } from './stepper';
import { targetOf } from './target';
import type { NoteTargetChoice, OverlayStore, Rect } from './view-model';

/** How many projects or units the card offers to link to. */
const MAX_CHOICES = 8;

export interface NoteCardParts {
  doc: Document;
  view: OverlayStore;
  index: DatasetIndex;
  send: Send;
  notes: PassageNotes;
  noteCounts: OverlayState['noteCounts'];
  mentions(): readonly PlacedMention[];
  rectOfSpan(span: DomSpan): Rect;
  close(): void;
  /** A card was opened with intent (click, keyboard): keyboard steps go on from there. */
  onPinned?(anchored: AnchoredNote): void;
}

/** Elements that end a paragraph: a mention in the same one as the passage is "near" it. */
const BLOCK = new Set(['P', 'LI', 'TD', 'TH', 'DD', 'DT', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'DIV', 'BODY', 'TR', 'FIGCAPTION', 'PRE']);

function blockOf(node: Node): Element | null {
  for (let el = node.parentElement; el; el = el.parentElement) if (BLOCK.has(el.tagName)) return el;
  return null;
}

/** The display name of a target, from the bundled dataset. */
export function targetLabel(index: DatasetIndex, target: TargetRef): string {
  if (target.kind === 'item') {
    const item = index.itemsById.get(target.id);
    return item ? (item.seq !== undefined ? `${item.seq}. ${item.name}` : item.name) : target.id;
  }
  const unit = index.unitsById.get(target.id);
  return unit ? (unit.fullName ?? unit.name) : target.id;
}

/** Projects and units mentioned inside the passage, then in its paragraph; each once, in reading order of discovery. */
export function targetChoices(doc: Document, span: DomSpan, mentions: readonly PlacedMention[], index: DatasetIndex): NoteTargetChoice[] {
  const range = doc.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  const block = blockOf(span.startContainer);
  const inside: PlacedMention[] = [];
  const near: PlacedMention[] = [];
  for (const p of mentions) {
    if (!isLinked(p.mention)) continue; // a round the dataset lacks: nothing to link to
    // Overlap of [ms, me) and [ns, ne): me > ns and ms < ne (comparePoint: -1 before the range, 0 in it, 1 after).
    let overlaps: boolean;
    try {
      const endsAfterStart = range.comparePoint(p.span.endContainer, p.span.endOffset) >= 0 && !(p.span.endContainer === span.startContainer && p.span.endOffset === span.startOffset);
      const startsBeforeEnd = range.comparePoint(p.span.startContainer, p.span.startOffset) <= 0 && !(p.span.startContainer === span.endContainer && p.span.startOffset === span.endOffset);
      overlaps = endsAfterStart && startsBeforeEnd;
    } catch {
      continue; // in another tree (a shadow root)
    }
    if (overlaps) inside.push(p);
    else if (block?.contains(p.span.startContainer)) near.push(p);
  }
  const out: NoteTargetChoice[] = [];
  const seen = new Set<string>();
  for (const [list, isInside] of [[inside, true], [near, false]] as const) {
    for (const p of list) {
      if (!isLinked(p.mention)) continue;
      const target = targetOf(p.mention);
      const key = `${target.kind}:${target.id}`;
      if (seen.has(key) || out.length >= MAX_CHOICES) continue;
      seen.add(key);
      out.push({ target, label: targetLabel(index, target), inside: isInside });
    }
  }
  return out;
}

export class NoteCards {
  constructor(private readonly parts: NoteCardParts) {}

  /**
   * Opens the card of an anchored note (`pinned`: by click or keyboard, focus moves into it);
   * `reached`: what a keyboard step reached, which the card says.
   */
  open(anchored: AnchoredNote, pinned: boolean, reached?: Reached): void {
    if (pinned) this.parts.onPinned?.(anchored);
    this.show(anchored.note, anchored.span, pinned, false, reached);
  }

  private show(note: Note, span: DomSpan, focus: boolean, deleted: boolean, reached?: Reached): void {
    const { parts } = this;
    // Where the fallback painter split the passage's text, its offsets went stale: read it where it is now.
    const here = liveSpan(span);
    const choices = targetChoices(parts.doc, here, parts.mentions(), parts.index);
    const current = () => parts.notes.anchored().find((a) => a.note.id === note.id)?.note ?? note;
    const update = async (patch: { body?: string; tags?: string[]; target?: TargetRef | null }) => {
      const before = current();
      const after = await parts.send({ type: 'note/update', id: note.id, ...patch });
      if (before.targetId) parts.noteCounts[before.targetId] = Math.max(0, (parts.noteCounts[before.targetId] ?? 1) - 1);
      if (after.targetId) parts.noteCounts[after.targetId] = (parts.noteCounts[after.targetId] ?? 0) + 1;
      parts.notes.replace(after);
      this.show(after, span, true, false);
    };
    parts.view.set({
      view: {
        kind: 'note',
        at: parts.rectOfSpan(here),
        focus,
        ...(reached ? { reached } : {}),
        note,
        ...(note.target ? { targetLabel: targetLabel(parts.index, note.target) } : {}),
        choices,
        deleted,
        actions: {
          onSave: (body, tags) => update({ body, tags }),
          onLink: (target) => update({ target }),
          onDelete: async () => {
            const row = await parts.send({ type: 'note/delete', id: note.id });
            const gone = parts.notes.remove(note.id);
            if (row?.targetId) parts.noteCounts[row.targetId] = Math.max(0, (parts.noteCounts[row.targetId] ?? 1) - 1);
            this.show(row ?? note, gone?.span ?? span, true, true);
          },
          onUndo: async () => {
            await parts.send({ type: 'note/restore', note });
            parts.notes.restore(note, span);
            if (note.targetId) parts.noteCounts[note.targetId] = (parts.noteCounts[note.targetId] ?? 0) + 1;
            this.show(note, span, true, false);
          },
          onClose: () => parts.close(),
        },
      },
    });
  }
}
