import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import type { Mention } from '../../../lib/match/types';
import { indexDataset } from '../../../lib/overlay/card-model';
import { spanFor } from '../../../lib/overlay/dom-spans';
import type { PlacedMention } from '../../../lib/overlay/mention-store';
import { targetChoices } from '../../../lib/overlay/note-card';
import { buildOutline, orderedPlaces } from '../../../lib/overlay/outline';
import type { AnchoredNote } from '../../../lib/overlay/passage-notes';
import { extractDomText } from '../../../lib/text/extract-dom';
import type { Note } from '../../../lib/types/records';
import { sampleNotes } from '../../helpers/user-rows';

const index = indexDataset(bundledDataset);
const unit = (text: string, id: string): Mention => ({ kind: 'unit', start: 0, end: text.length, text, unit: id, id, confidence: 1, evidence: [] });
const project = (text: string, id: string): Mention => ({ kind: 'project', start: 0, end: text.length, text, unit: '', id, confidence: 1, evidence: [] });

beforeEach(() => {
  document.body.innerHTML = '<p id="a">晋江市公安局推动微车管所进园区。</p><p id="b">市妇联为妇女购买保险，公安局也参与。</p><p id="c">市民政局牵头适老化改造。</p>';
});

/** Places mentions and notes on the page's text (found by their text, the n-th time). */
function placeAll() {
  const dom = extractDomText(document.body);
  const spanOf = (s: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = dom.text.indexOf(s, i + 1);
    return spanFor(dom, i, i + s.length)!;
  };
  const m = (mention: Mention, nth = 0): PlacedMention => ({ mention, span: spanOf(mention.text, nth), source: dom.text });
  const n = (exact: string, id: string): AnchoredNote => ({ note: { ...(sampleNotes()[0] as Note), id }, span: spanOf(exact) });
  return { m, n };
}

describe('the page outline', () => {
  it('lists mentions and notes in reading order whatever order they were found in, with stable keys', () => {
    const { m, n } = placeAll();
    // Found out of order (a rescan adds later mentions at the end of the store).
    const mentions = [m(unit('市民政局', 'minzhengju')), m(unit('公安局', 'gonganju'), 1), m(unit('晋江市公安局', 'gonganju')), m(project('微车管所', 'mw2023-023')), m(unit('市妇联', 'fulian'))];
    const notes = [n('为妇女购买保险', 'note-2'), n('晋江市公安局推动', 'note-1')];
    const outline = buildOutline({ title: 'T', url: 'https://x.gov.cn/', state: 'active' }, mentions, notes, [sampleNotes()[2]!], index);
    expect(outline.entries.map((e) => e.key)).toEqual(['n:note-1', 'm:gonganju:0', 'm:mw2023-023:0', 'm:fulian:0', 'n:note-2', 'm:gonganju:1', 'm:minzhengju:0']);
    expect(outline.entries[2]).toMatchObject({ kind: 'project', text: '微车管所', label: '23. 推动“微车管所”进五里工业园区', status: 'completed' });
    expect(outline.entries[1]).toMatchObject({ kind: 'unit', label: '晋江市公安局' });
    // Notes travel by id only: nothing the reader wrote is in the message.
    expect(JSON.stringify(outline)).not.toContain(sampleNotes()[0]!.body);
    expect(outline.orphans).toEqual(['n-astral']);
  });

  it('reads a web component’s shadow text at its host, before the host’s own children', () => {
    document.body.innerHTML = '<p>市妇联</p><x-card id="host"><span>民政局</span></x-card><p>公安局</p>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>妇联</b><slot></slot>';
    const text = (node: Node) => node.firstChild as Text;
    const span = (t: Text) => ({ startContainer: t, startOffset: 0, endContainer: t, endOffset: t.data.length });
    const at = (t: Text, id: string): PlacedMention => ({ mention: unit(t.data, id), span: span(t), source: '' });
    const ps = document.querySelectorAll('p');
    const places = orderedPlaces(
      [at(text(ps[1]!), 'gonganju'), at(text(host.querySelector('span')!), 'minzhengju'), at(text(host.shadowRoot!.querySelector('b')!), 'fulian'), at(text(ps[0]!), 'fulian')],
      [],
    );
    expect(places.map((p) => p.key)).toEqual(['m:fulian:0', 'm:fulian:1', 'm:minzhengju:0', 'm:gonganju:0']);
  });

  it('offers the projects and units mentioned in a passage first, then those of its paragraph', () => {
    const { m } = placeAll();
    const mentions = [m(unit('市妇联', 'fulian')), m(unit('公安局', 'gonganju'), 1), m(unit('晋江市公安局', 'gonganju')), m(project('微车管所', 'mw2023-023')), m(unit('市民政局', 'minzhengju'))];
    const dom = extractDomText(document.body);
    const start = dom.text.indexOf('为妇女');
    const choices = targetChoices(document, spanFor(dom, start, start + '为妇女购买保险，公安局'.length)!, mentions, index);
    expect(choices.map((c) => [c.target.id, c.inside])).toEqual([
      ['gonganju', true],
      ['fulian', false],
    ]);
    expect(choices[0]!.label).toBe('晋江市公安局');
  });
});
