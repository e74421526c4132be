/** Reducing a batch of DOM mutations to the few subtrees worth rescanning. */
import { isBlank, SKIP_TAGS } from '../text/visible-text';
import { isOwnNode } from './shadow-host';
import { WRAP_TAG } from './highlighter';

const isOurs = (n: Node) => isOwnNode(n) || (n.nodeType === 1 && (n as Element).localName === WRAP_TAG);
/** Nodes whose coming or going changes no text: ours, and never-read elements (scripts, styles, images) or blank text. */
const textless = (n: Node) =>
  isOurs(n) || (n.nodeType === 1 && SKIP_TAGS.has((n as Element).localName)) || (n.nodeType === 3 && isBlank((n as Text).data)) || n.nodeType === 8;

/** The parent, and from a shadow root its host: up through web components to the document. */
export function composedParent(n: Node): Node | null {
  return n.nodeType === 11 && (n as ShadowRoot).host ? (n as ShadowRoot).host : n.parentNode;
}

/** Whether `node` is `root` or inside it, shadow trees included (Node.contains stops at them). */
export function containsComposed(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === root) return true;
  return false;
}

/** In <head>: titles, styles and scripts the page adds there are not text a reader reads. */
const inHead = (n: Node) => n.nodeType === 1 && (n as Element).closest('head') !== null;

/**
 * Top-most changed elements (or shadow roots, or the document when its root element was
 * replaced), excluding our own UI and <head>; none of them contains another, through shadow
 * roots included.
 */
export function changedRoots(records: readonly MutationRecord[]): Array<Element | ShadowRoot | Document> {
  const candidates = new Set<Element | ShadowRoot | Document>();
  for (const r of records) {
    const target = r.type === 'characterData' ? r.target.parentElement : (r.target as Element | ShadowRoot | Document);
    if (!target || isOurs(target) || inHead(target)) continue;
    if (r.type === 'childList') {
      const nodes = [...r.addedNodes, ...r.removedNodes];
      if (nodes.length && nodes.every(textless)) continue;
    }
    candidates.add(target);
  }
  const roots = [...candidates].filter((el) => {
    for (let p = composedParent(el); p; p = composedParent(p)) if (candidates.has(p as Element | ShadowRoot | Document)) return false;
    return true;
  });
  return roots;
}
