/**
 * The gold scorer (../shared/gold/score-mentions.py) ported to TypeScript, so the labelled
 * pages and the seed gold are scored by the same rules: a prediction is a hit when kind and
 * unit/seq agree and the spans overlap; optional gold and units inside a project span are
 * neutral; everything else is a false positive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractHtmlText } from '../../../lib/text/extract-html';
import { pageDateFromHtml, pickPageDate } from '../../../lib/text/page-date';

export interface GoldMention {
  kind: 'unit' | 'project';
  unit?: string;
  seq?: number;
  /** Projects without a table number: the item id, or null for a round the dataset lacks (with its year). */
  id?: string | null;
  year?: number | null;
  start: number;
  end: number;
  text: string;
  required: boolean;
}

export interface Predicted {
  kind: 'unit' | 'project';
  unit?: string;
  seq?: number;
  id?: string | null;
  year?: number | null;
  start: number;
  end: number;
  text: string;
}

export interface DocScore {
  tp: number;
  fp: number;
  fn: number;
  problems: string[];
}

/**
 * What must agree: a unit's name; a numbered project's number; otherwise the item id, or for
 * a round the dataset lacks (id null) its year (null: the year could not be told), so a link
 * to the wrong year is a false positive and a miss.
 */
const key = (m: { kind: string; unit?: string; seq?: number; id?: string | null; year?: number | null }) =>
  m.kind === 'unit' ? `unit:${m.unit}` : m.seq !== undefined ? `project:${m.seq}` : `project:${m.id ?? 'round'}@${m.year ?? '?'}`;
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * `roundsNeutral`: a round the dataset lacks (id null) is neither a hit nor a false positive —
 * for label sets written before the engine could report rounds (the blind held-out pages).
 */
export function scoreDoc(name: string, text: string, gold: GoldMention[], preds: Predicted[], roundsNeutral = false): DocScore {
  const problems: string[] = [];
  for (const p of preds) {
    if (text.slice(p.start, p.end) !== p.text) {
      problems.push(`${name}: offsets do not match text ${JSON.stringify(p.text)}`);
      break;
    }
  }
  const matched = new Set<number>();
  let tp = 0;
  let fp = 0;
  for (const p of preds) {
    if (roundsNeutral && p.kind === 'project' && p.id === null) continue;
    let hit: number | undefined;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i]!;
      if (key(g) === key(p) && overlap(g, p)) {
        hit = i;
        if (!matched.has(i)) break;
      }
    }
    if (hit !== undefined) {
      if (!matched.has(hit) && gold[hit]!.required) {
        matched.add(hit);
        tp++;
      }
      continue;
    }
    if (p.kind === 'unit' && gold.some((g) => g.kind === 'project' && g.start <= p.start && p.end <= g.end)) continue;
    fp++;
    problems.push(`${name}: false ${p.kind} ${p.unit ?? ''}${p.kind === 'project' ? ' ' + key(p) : ''} at ${p.start} ${JSON.stringify(p.text)}`);
  }
  let fn = 0;
  gold.forEach((g, i) => {
    if (g.required && !matched.has(i)) {
      fn++;
      problems.push(`${name}: missed ${g.kind === 'unit' ? 'unit ' + g.unit : key(g)} ${JSON.stringify(g.text)} at ${g.start}`);
    }
  });
  return { tp, fp, fn, problems };
}

export function f1(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A labelled page: the scan text and its gold mentions resolved to offsets. */
export interface LabelledPage {
  name: string;
  url?: string;
  /** The page's date as the CLI finds it (markup, byline, address), or null. */
  pageDate?: string | null;
  text: string;
  relevant: boolean;
  gold: GoldMention[];
}

interface Label {
  kind: 'unit' | 'project';
  unit?: string;
  seq?: number;
  id?: string | null;
  year?: number | null;
  text: string;
  occurrence: number;
  required?: boolean;
}

export const PAGES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

export const HELDOUT_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'heldout');

/** The scan text of a page file, read the way `cli scan` reads it. */
export function pageText(file: string, dir = PAGES_DIR): string {
  const raw = readFileSync(join(dir, file), 'utf8');
  return /\.html?$/.test(file) ? extractHtmlText(raw) : raw;
}

/** The page's date as `cli scan` finds it. */
export function pageDateOf(file: string, text: string, url: string | undefined, dir = PAGES_DIR): string | null {
  const raw = readFileSync(join(dir, file), 'utf8');
  const d = /\.html?$/.test(file) ? pageDateFromHtml(raw, text, url) : pickPageDate({ metas: [], times: [], jsonLd: [] }, text, url);
  return d?.value ?? null;
}

/** Loads a fixtures folder's labels.json and resolves each label's text + occurrence to offsets. */
export function loadLabelledPages(dir = PAGES_DIR): LabelledPage[] {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as {
    pages: Record<string, { url?: string; relevant: boolean; mentions: Label[] }>;
  };
  return Object.entries(labels.pages).map(([name, page]) => {
    const text = pageText(name, dir);
    const gold = page.mentions.map((l): GoldMention => {
      let at = -1;
      for (let n = 0; n < l.occurrence; n++) {
        at = text.indexOf(l.text, at + 1);
        if (at < 0) throw new Error(`${name}: label ${JSON.stringify(l.text)} occurrence ${l.occurrence} not found`);
      }
      return { kind: l.kind, unit: l.unit, seq: l.seq, id: l.id, year: l.year, start: at, end: at + l.text.length, text: l.text, required: l.required ?? true };
    });
    return { name, url: page.url, pageDate: pageDateOf(name, text, page.url, dir), text, relevant: page.relevant, gold };
  });
}

export interface SetScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
  relevanceRight: number;
  docs: number;
  problems: string[];
  /** One line for the test log. */
  summary: string;
}

/** Scans every labelled page with the engine and scores the set as the gold scorer does. */
export function scorePages(
  name: string,
  pages: LabelledPage[],
  scan: (text: string, url: string | undefined, pageDate: string | null) => { relevant: boolean; score: number; mentions: Predicted[] },
  roundsNeutral = false,
): SetScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let relevanceRight = 0;
  const problems: string[] = [];
  for (const page of pages) {
    const r = scan(page.text, page.url, page.pageDate ?? null);
    const s = scoreDoc(page.name, page.text, page.gold, r.mentions, roundsNeutral);
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    problems.push(...s.problems);
    if (r.relevant === page.relevant) relevanceRight++;
    else problems.push(`${page.name}: relevant=${r.relevant} (score ${r.score}), expected ${page.relevant}`);
  }
  const m = f1(tp, fp, fn);
  const summary =
    `${name}: F1=${m.f1.toFixed(3)} P=${m.p.toFixed(3)} R=${m.r.toFixed(3)} TP=${tp} FP=${fp} FN=${fn} relevance=${relevanceRight}/${pages.length}` +
    (problems.length ? '\n  ' + problems.join('\n  ') : '');
  return { tp, fp, fn, ...m, relevanceRight, docs: pages.length, problems, summary };
}
