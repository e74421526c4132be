/**
 * Keyboard steps (Alt+Shift+J / K) through mentions and the reader's passage notes and
 * highlights together: reading order whatever order they were found in, the right kind of card
 * for each, what is said ("note 2 of 3"), and where the next step goes after a click or a rescan.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../lib/match/types';
import { spanFor } from '../../../lib/overlay/dom-spans';
import type { PlacedMention } from '../../../lib/overlay/mention-store';
import { orderedPlaces, type OutlinePlace } from '../../../lib/overlay/outline';
import type { AnchoredNote } from '../../../lib/overlay/passage-notes';
import { markOf, nextPlace, PageSteps, reachedAt, type Reached } from '../../../lib/overlay/stepper';
import { extractDomText } from '../../../lib/text/extract-dom';
import type { Note } from '../../../lib/types/records';
import { sampleNotes } from '../../helpers/user-rows';

const unit = (text: string, id: string): Mention => ({ kind: 'unit', start: 0, end: text.length, text, unit: id, id, confidence: 1, evidence: [] });
const project = (text: string, id: string): Mention => ({ kind: 'project', start: 0, end: text.length, text, unit: '', id, confidence: 1, evidence: [] });

beforeEach(() => {
  document.body.innerHTML = '<p id="a">晋江市公安局推动微车管所进园区。</p><p id="b">市妇联为妇女购买保险，公安局也参与。</p><p id="c">市民政局牵头适老化改造。</p>';
});

/** Places mentions and notes on the page's text (found by their text, the n-th time). */
function placer() {
  const dom = extractDomText(document.body);
  const spanOf = (s: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = dom.text.indexOf(s, i + 1);
    return spanFor(dom, i, i + s.length)!;
  };
  const m = (mention: Mention, nth = 0): PlacedMention => ({ mention, span: spanOf(mention.text, nth), source: dom.text });
  /** A note (with `body`) or a highlight (body ''). */
  const n = (exact: string, id: string, body = '写了笔记'): AnchoredNote => ({ note: { ...(sampleNotes()[0] as Note), id, body }, span: spanOf(exact) });
  return { m, n };
}

/** The page of the tests: mentions in the order a rescan could have found them, two notes and a highlight between them. */
function page() {
  const { m, n } = placer();
  const mentions = [m(unit('市民政局', 'minzhengju')), m(unit('公安局', 'gonganju'), 1), m(unit('晋江市公安局', 'gonganju')), m(project('微车管所', 'mw2023-023')), m(unit('市妇联', 'fulian'))];
  const notes = [n('为妇女购买保险', 'note-b'), n('晋江市公安局推动', 'note-a'), n('牵头适老化', 'hl-c', '')];
  return { mentions, notes };
}

const label = (p: OutlinePlace) => (p.kind === 'mention' ? `m:${p.mention.mention.text}` : `n:${p.note.note.id}`);
const says = (r: Reached) => `${r.kind} ${r.n}/${r.total}`;

/** Steps `k` times in `direction` and says which card each step opened and what it said. */
function stepThrough(steps: PageSteps, opened: string[], k: number, direction: 1 | -1 = 1) {
  for (let i = 0; i < k; i++) expect(steps.step(direction)).toBe(true);
  return opened.splice(0);
}

function stepper(places: () => OutlinePlace[]) {
  const opened: string[] = [];
  const steps = new PageSteps({ places, reveal: (p, r) => opened.push(`${label(p)} (${says(r)})`) });
  return { steps, opened };
}

describe('keyboard steps through mentions and notes', () => {
  it('visits mentions, notes and highlights together in reading order, and wraps round at either end', () => {
    const { mentions, notes } = page();
    const { steps, opened } = stepper(() => orderedPlaces(mentions, notes));
    expect(stepThrough(steps, opened, 10)).toEqual([
      'n:note-a (note 1/2)', // a note before the mention it starts at
      'm:晋江市公安局 (mention 1/5)',
      'm:微车管所 (mention 2/5)',
      'm:市妇联 (mention 3/5)',
      'n:note-b (note 2/2)',
      'm:公安局 (mention 4/5)',
      'm:市民政局 (mention 5/5)',
      'n:hl-c (highlight 1/1)',
      'n:note-a (note 1/2)', // round again
      'm:晋江市公安局 (mention 1/5)',
    ]);
    // Back: from the first place to the last.
    expect(stepThrough(steps, opened, 3, -1)).toEqual(['n:note-a (note 1/2)', 'n:hl-c (highlight 1/1)', 'm:市民政局 (mention 5/5)']);
  });

  it('starts at the last place when the first step is back', () => {
    const { mentions, notes } = page();
    const { steps, opened } = stepper(() => orderedPlaces(mentions, notes));
    expect(stepThrough(steps, opened, 1, -1)).toEqual(['n:hl-c (highlight 1/1)']);
  });

  it('goes on from the place last opened by a click or the outline', () => {
    const { mentions, notes } = page();
    const { steps, opened } = stepper(() => orderedPlaces(mentions, notes));
    steps.openedAt(notes[0]!); // the reader clicked note-b
    expect(stepThrough(steps, opened, 1)).toEqual(['m:公安局 (mention 4/5)']);
    steps.openedAt(mentions[3]!); // then the mention 微车管所
    expect(stepThrough(steps, opened, 1, -1)).toEqual(['m:晋江市公安局 (mention 1/5)']);
  });

  it('keeps its place when the text was scanned again (new mention objects), and starts over when it left the page', () => {
    const { mentions, notes } = page();
    let current = mentions;
    const { steps, opened } = stepper(() => orderedPlaces(current, notes));
    expect(stepThrough(steps, opened, 3)).toEqual(['n:note-a (note 1/2)', 'm:晋江市公安局 (mention 1/5)', 'm:微车管所 (mention 2/5)']);
    // A rescan of the first paragraph made new objects for its mentions, over the same text.
    current = current.map((p) => ({ ...p }));
    expect(stepThrough(steps, opened, 1)).toEqual(['m:市妇联 (mention 3/5)']);
    current = current.map((p) => ({ ...p }));
    expect(stepThrough(steps, opened, 1, -1)).toEqual(['m:微车管所 (mention 2/5)']);
    // The paragraph holding the place went away: the next step starts at the top again.
    document.getElementById('a')!.remove();
    expect(stepThrough(steps, opened, 1)).toEqual(['m:市妇联 (mention 1/3)']);
  });

  it('says nothing and moves nowhere on a page without mentions or notes', () => {
    const steps = new PageSteps({ places: () => [], reveal: () => expect.unreachable() });
    expect(steps.step(1)).toBe(false);
    expect(nextPlace([], undefined, -1)).toBe(-1);
  });

  it('counts notes and highlights apart (a highlight is a note without text)', () => {
    const { mentions, notes } = page();
    const places = orderedPlaces(mentions, notes);
    const hl = places.findIndex((p) => p.kind === 'note' && p.note.note.id === 'hl-c');
    expect(reachedAt(places, hl)).toEqual({ kind: 'highlight', n: 1, total: 1 });
    expect(nextPlace(places, markOf(notes[2]!), 1)).toBe(0);
  });
});
