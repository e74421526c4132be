/**
 * What the page itself says about a project's progress, next to a mention: "正在建设",
 * "已建成投用"… so a reader can see when a page's wording disagrees with the record (a page
 * from before completion, or a claim worth checking). Only the mention's own clause is read.
 */
import type { ItemStatus } from '../data/types';

export interface StatusClaim {
  /** The words on the page. */
  phrase: string;
  status: Extract<ItemStatus, 'completed' | 'in_progress' | 'not_started'>;
}

/** Longer phrases first, so 未完成 is not read as 完成. */
const PHRASES: [string, StatusClaim['status']][] = (
  [
    ['尚未开工', 'not_started'],
    ['尚未启动', 'not_started'],
    ['即将开工', 'not_started'],
    ['计划开工', 'not_started'],
    ['尚未完成', 'in_progress'],
    ['尚未完工', 'in_progress'],
    ['未完工', 'in_progress'],
    ['未建成', 'in_progress'],
    ['未完成', 'in_progress'],
    ['正在建设', 'in_progress'],
    ['正在施工', 'in_progress'],
    ['正在推进', 'in_progress'],
    ['加快推进', 'in_progress'],
    ['有序推进', 'in_progress'],
    ['建设中', 'in_progress'],
    ['施工中', 'in_progress'],
    ['推进中', 'in_progress'],
    ['在建', 'in_progress'],
    ['已完成', 'completed'],
    ['已建成', 'completed'],
    ['已完工', 'completed'],
    ['已办结', 'completed'],
    ['已投用', 'completed'],
    ['投入使用', 'completed'],
    ['建成投用', 'completed'],
    ['竣工', 'completed'],
    ['完工', 'completed'],
    ['落成', 'completed'],
  ] as [string, StatusClaim['status']][]
).sort((a, b) => b[0].length - a[0].length);

const CLAUSE_END = /[。！？；!?;\n\t]/;

/** The clause around [start, end): from the previous to the next clause end. */
export function clauseAround(text: string, start: number, end: number, limit = 80): [number, number] {
  let a = start;
  while (a > 0 && start - a < limit && !CLAUSE_END.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && b - end < limit && !CLAUSE_END.test(text[b]!)) b++;
  return [a, b];
}

/** The progress the mention's clause claims, if it says one; the phrase nearest the mention wins. */
export function statusClaimNear(text: string, start: number, end: number): StatusClaim | null {
  const [a, b] = clauseAround(text, start, end);
  // Search the clause alone: a phrase absent from it must not cost a search of the whole page.
  const clause = text.slice(a, b);
  const found: { at: number; to: number; phrase: string; status: StatusClaim['status'] }[] = [];
  for (const [phrase, status] of PHRASES) {
    for (let i = clause.indexOf(phrase); i !== -1; i = clause.indexOf(phrase, i + 1)) {
      const at = a + i;
      const to = at + phrase.length;
      if (at < end && to > start) continue; // inside the name itself
      // A phrase inside a longer one found already (完工 in 未完工) is that longer phrase.
      if (found.some((f) => f.at <= at && to <= f.to)) continue;
      found.push({ at, to, phrase, status });
    }
  }
  let best: (typeof found)[number] | undefined;
  let bestDistance = Infinity;
  for (const f of found) {
    const distance = f.at >= end ? f.at - end : start - f.to;
    if (distance < bestDistance) {
      best = f;
      bestDistance = distance;
    }
  }
  return best ? { phrase: best.phrase, status: best.status } : null;
}
