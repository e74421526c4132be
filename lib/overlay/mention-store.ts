/**
 * The mentions currently on the page, each with its DOM span. Indexed by text node so a
 * caret position finds its mention without global offsets, and so a changed subtree can
 * drop exactly its own mentions before it is rescanned.
 */
import type { Mention } from '../match/types';
import { mentionKey } from './target';
import type { DomSpan } from './dom-spans';
import { containsComposed } from './subtrees';

export interface PlacedMention {
  /** Linked, or a round the dataset lacks (id null: shown, never followed or sighted). */
  mention: Mention;
  span: DomSpan;
  /** The text the mention's offsets index (shared, not copied): for its context when a card opens. */
  source: string;
}

export class MentionStore {
  private list: PlacedMention[] = [];
  private byNode = new Map<Node, PlacedMention[]>();
  private changes = 0;

  /** Changes with every add or removal: what is computed from `all()` may be kept until it changes. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.list.length;
  }

  all(): readonly PlacedMention[] {
    return this.list;
  }

  add(placed: PlacedMention[]): void {
    this.changes++;
    for (const p of placed) {
      this.list.push(p);
      this.index(p.span.startContainer, p);
      if (p.span.endContainer !== p.span.startContainer) this.index(p.span.endContainer, p);
    }
  }

  private index(node: Node, p: PlacedMention) {
    const at = this.byNode.get(node);
    if (at) at.push(p);
    else this.byNode.set(node, [p]);
  }

  /**
   * Drops mentions inside `root` and any whose nodes left the document. `composed`: the page
   * has web components, so "inside" looks through shadow roots too (slower; only then).
   */
  removeWithin(root: Node, composed = false): void {
    const inside = (n: Node) => root.contains(n) || (composed && containsComposed(root, n));
    const keep = this.list.filter((p) => p.span.startContainer.isConnected && !inside(p.span.startContainer));
    if (keep.length === this.list.length) return;
    this.list = [];
    this.byNode.clear();
    this.add(keep); // a change of its own (version)
  }

  clear(): void {
    this.changes++;
    this.list = [];
    this.byNode.clear();
  }

  /** The mention under a DOM point, if any. */
  at(node: Node, offset: number): PlacedMention | undefined {
    for (const p of this.byNode.get(node) ?? []) {
      const { startContainer, startOffset, endContainer, endOffset } = p.span;
      const afterStart = node !== startContainer || offset >= startOffset;
      const beforeEnd = node !== endContainer || offset < endOffset;
      if (afterStart && beforeEnd) return p;
    }
    return undefined;
  }

  /** The first mention of an item or unit, in document order of discovery. */
  firstOf(key: string): PlacedMention | undefined {
    return this.list.find((p) => mentionKey(p.mention) === key);
  }
}
