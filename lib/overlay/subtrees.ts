/** Reducing a batch of DOM mutations to the few subtrees worth rescanning. */
import { isOwnNode } from './shadow-host';
import { WRAP_TAG } from './highlighter';

const isOurs = (n: Node) => isOwnNode(n) || (n.nodeType === 1 && (n as Element).localName === WRAP_TAG);

/** The parent, and from a shadow root its host: up through web components to the document. */
export function composedParent(n: Node): Node | null {
  return n.nodeType === 11 && (n as ShadowRoot).host ? (n as ShadowRoot).host : n.parentNode;
}

/** Whether `node` is `root` or inside it, shadow trees included (Node.contains stops at them). */
export function containsComposed(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === root) return true;
  return false;
}

/**
 * Top-most changed elements (or shadow roots), excluding our own UI; none of them contains
 * another, through shadow roots included.
 */
export function changedRoots(records: readonly MutationRecord[]): Array<Element | ShadowRoot> {
  const candidates = new Set<Element | ShadowRoot>();
  for (const r of records) {
    const target = r.type === 'characterData' ? r.target.parentElement : (r.target as Element | ShadowRoot);
    if (!target || isOurs(target)) continue;
    if (r.type === 'childList') {
      const nodes = [...r.addedNodes, ...r.removedNodes];
      if (nodes.length && nodes.every(isOurs)) continue;
    }
    candidates.add(target);
  }
  const roots = [...candidates].filter((el) => {
    for (let p = composedParent(el); p; p = composedParent(p)) if (candidates.has(p as Element | ShadowRoot)) return false;
    return true;
  });
  return roots;
}
