/**
 * Page relevance: is this page about Jinjiang's livelihood projects? A cheap pre-gate first
 * (an unrelated page costs a few indexOf calls and nothing more), then a scored decision
 * over the scanner's tokens and the linker's mentions, with the signals kept for "why".
 */
import { JINJIANG_HOSTS, type LexiconWord, type SignalKind } from './lexicon';
import type { Mention, Relevance, Signal } from './types';

/**
 * Strings at least one of which a relevant page almost surely contains (Simplified and
 * Traditional): 办实 finds 为民办实事 and 为民办实(shí)事 (mirror sites put pinyin after characters),
 * 微实事 民生微实事, 生实事 民生实事. Each anchor starts with a character that is rare on other pages
 * (民 is common, so no anchor starts with it: indexOf slows down on every false start). Checked with indexOf, so a 1 MB unrelated page costs about 1 ms. A page that
 * names neither 晋江 nor the programme passes only on a Jinjiang host.
 */
const ANCHORS = ['晋江', '晉江', '办实', '辦實', '微实事', '微實事', '生实事', '生實事'];

/** True if the page is on a Jinjiang news or government site. */
export function isJinjiangHost(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return JINJIANG_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/** The pre-gate: false means "certainly not relevant, stop here". */
export function quickGate(text: string, url?: string): boolean {
  if (isJinjiangHost(url)) return true;
  for (const a of ANCHORS) if (text.indexOf(a) >= 0) return true;
  return false;
}

/** Counts of gate words found by the scanner, keyed by lexicon index. */
export type GateCounts = Map<number, number>;

/** Caps per kind: many mentions of one kind are one kind of evidence. */
const CAP: Record<SignalKind, number> = {
  host: 4,
  jinjiang: 4,
  unit: 4,
  project: 6,
  place: 2,
  topic: 6,
  field: 3,
  'other-city': 8,
  'other-list': 8,
  river: 6,
  prefecture: 6,
  'off-topic': 6,
};
const COUNTER: ReadonlySet<SignalKind> = new Set(['other-city', 'other-list', 'river', 'prefecture', 'off-topic']);

/** Weight of other-city words versus Jinjiang words: the linker's "is this page another city's" test. */
export function foreignPage(words: readonly LexiconWord[], counts: GateCounts, placeHits: number): boolean {
  let other = 0;
  let home = placeHits * 0.5;
  for (const [i, n] of counts) {
    const w = words[i];
    if (!w) continue;
    if (w.kind === 'other-city') other += w.weight * n;
    else if (w.kind === 'jinjiang') home += w.weight * n;
  }
  return other >= 3 && other > 2 * home;
}

/** The page names the programme itself (为民办实事, 民生实事, 幸福清单 …: topic words of weight ≥ 1.5). */
export function namesProgramme(words: readonly LexiconWord[], counts: GateCounts): boolean {
  for (const i of counts.keys()) {
    const w = words[i];
    if (w && w.kind === 'topic' && w.weight >= 1.5) return true;
  }
  return false;
}

/** The page names another city's or a town's list (泉州市为民办实事, 镇为民办实事): its rounds are not Jinjiang's. */
export function namesOtherList(words: readonly LexiconWord[], counts: GateCounts): boolean {
  for (const i of counts.keys()) if (words[i]?.kind === 'other-list') return true;
  return false;
}

export interface GateInput {
  words: readonly LexiconWord[];
  counts: GateCounts;
  /** Distinct Jinjiang places/bare town names seen (context tokens, not mentions). */
  places: readonly string[];
  mentions: readonly Mention[];
  url?: string;
}

/** The scored decision. */
export function scoreRelevance(input: GateInput): Relevance {
  const raw = new Map<string, Signal>();
  const bump = (kind: SignalKind, text: string, weight: number) => {
    const k = kind + '\u0000' + text;
    const s = raw.get(k);
    if (s) s.weight += weight;
    else raw.set(k, { kind, text, weight });
  };
  if (input.url && isJinjiangHost(input.url)) bump('host', new URL(input.url).hostname, 4);
  for (const [i, n] of input.counts) {
    const w = input.words[i];
    if (w) bump(w.kind, w.text, w.weight * n);
  }
  for (const p of input.places) bump('place', p, 0.5);
  const units = new Set<string>();
  const items = new Set<string>();
  for (const m of input.mentions) {
    // A round the dataset holds no item for counts once per name and year.
    const id = m.id ?? `${m.programme}:${m.year ?? '?'}:${m.text}`;
    if (m.kind === 'unit' && !units.has(id)) {
      units.add(id);
      bump('unit', m.unit, 1);
    } else if (m.kind === 'project' && !items.has(id)) {
      items.add(id);
      bump('project', `${m.seq ?? ''} ${m.text}`.trim(), 2);
    }
  }

  // Apply caps per kind, scaling each signal of a capped kind down proportionally.
  const byKind = new Map<SignalKind, Signal[]>();
  for (const s of raw.values()) {
    const list = byKind.get(s.kind) ?? [];
    list.push(s);
    byKind.set(s.kind, list);
  }
  const total = new Map<SignalKind, number>();
  const signals: Signal[] = [];
  for (const [kind, list] of byKind) {
    const sum = list.reduce((a, s) => a + s.weight, 0);
    const capped = Math.min(sum, CAP[kind]);
    total.set(kind, capped);
    const sign = COUNTER.has(kind) ? -1 : 1;
    for (const s of list) signals.push({ kind, text: s.text, weight: round((sign * s.weight * capped) / sum) });
  }
  const get = (k: SignalKind) => total.get(k) ?? 0;
  const projects = get('project');
  const jinjiang = get('host') + get('jinjiang') + get('unit') + get('place') + projects;
  const topic = get('topic') + get('field') + Math.min(projects, 4);
  const counter = get('other-city') + get('other-list') + get('river') + get('prefecture') + get('off-topic');
  const score = round(jinjiang + topic - counter);
  // Jinjiang named at least once, the programme's vocabulary (or its projects) present, and
  // more for than against: a trade fair lacks the topic, another city's list the balance.
  const relevant = jinjiang >= 1 && topic >= 2 && score >= 3;
  // Ties in code-point order: localeCompare costs milliseconds per hundred signals, cold, in a page.
  signals.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { relevant, score, signals };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
