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
    ['仍在推进', 'in_progress'],
    ['持续推进', 'in_progress'],
    ['还在推进', 'in_progress'],
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
      // 已完成300户 / 完成6件: a count done so far, not the project's completion.
      if (status === 'completed' && /^\s*[0-9０-９一二三四五六七八九十百千万]/.test(text.slice(to, to + 2))) continue;
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

/** One dated statement of an item's status (dataset v2 `StatusEntry`). */
export interface DatedStatus {
  status: ItemStatus;
  /** ISO date. */
  asOf: string;
  source: string;
  note?: string;
}

/**
 * How the page's words stand against the record as it was on the page's date:
 * - `completed-later`: the page says not done yet, and the record has it done only after the
 *   page's date (a 2023-10 page saying 正在施工 about an item recorded done 2024-02), whether or
 *   not an earlier entry recorded it in progress;
 * - `agrees`: the record as of the page's date says the same;
 * - `contradicts`: the record as of the page's date says otherwise (worth checking);
 * - `no-record-then`: nothing was recorded by the page's date, and nothing later settles it.
 */
export type ClaimVerdict = 'agrees' | 'completed-later' | 'contradicts' | 'no-record-then';

export interface ClaimCheck {
  verdict: ClaimVerdict;
  /** The entry in force on the page's date (the latest when the page is undated), or null. */
  asOfPage: DatedStatus | null;
  /** The entry that completed the item after the page's date, for `completed-later`. */
  completion?: DatedStatus;
}

/** The entry in force on `date` (the latest with asOf ≤ date); the latest when date is absent. */
export function statusOn(history: readonly DatedStatus[], date?: string | null): DatedStatus | null {
  let found: DatedStatus | null = null;
  for (const e of history) if (!date || e.asOf <= date) if (!found || e.asOf >= found.asOf) found = e;
  return found;
}

/** Compares a claim with the record as of the page's date (ISO, or null/undefined when undated). */
export function checkClaim(claim: StatusClaim, history: readonly DatedStatus[], pageDate?: string | null): ClaimCheck {
  const asOfPage = statusOn(history, pageDate);
  // Not done yet on the page, done in the record only after it: the page predates completion.
  if (claim.status !== 'completed' && pageDate && (!asOfPage || asOfPage.status !== 'completed')) {
    const completion = history.filter((e) => e.asOf > pageDate && e.status === 'completed').sort((a, b) => (a.asOf < b.asOf ? -1 : 1))[0];
    if (completion) return { verdict: 'completed-later', asOfPage, completion };
  }
  if (asOfPage && asOfPage.status === claim.status) return { verdict: 'agrees', asOfPage };
  if (!asOfPage || asOfPage.status === 'unknown') return { verdict: 'no-record-then', asOfPage };
  return { verdict: 'contradicts', asOfPage };
}
