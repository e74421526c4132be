/** Reducing a batch of DOM mutations to the few subtrees worth rescanning. */
import { isOwnNode } from './shadow-host';
import { WRAP_TAG } from './highlighter';

const isOurs = (n: Node) => isOwnNode(n) || (n.nodeType === 1 && (n as Element).localName === WRAP_TAG);

/** Top-most changed elements, excluding our own UI; none of them contains another. */
export function changedRoots(records: readonly MutationRecord[]): Element[] {
  const candidates = new Set<Element>();
  for (const r of records) {
    const target = r.type === 'characterData' ? r.target.parentElement : (r.target as Element);
    if (!target || isOurs(target)) continue;
    if (r.type === 'childList') {
      const nodes = [...r.addedNodes, ...r.removedNodes];
      if (nodes.length && nodes.every(isOurs)) continue;
    }
    candidates.add(target);
  }
  const roots = [...candidates].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (candidates.has(p)) return false;
    return true;
  });
  return roots;
}
