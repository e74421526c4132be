import { beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../../lib/match/types';
import { spanFor } from '../../../lib/overlay/dom-spans';
import { MentionStore } from '../../../lib/overlay/mention-store';
import { changedRoots } from '../../../lib/overlay/subtrees';
import { createShadowHost } from '../../../lib/overlay/shadow-host';
import { extractDomText } from '../../../lib/text/extract-dom';

const mention = (text: string, start: number, id: string): Mention => ({ kind: 'unit', start, end: start + text.length, text, unit: id, id, confidence: 1, evidence: [] });

beforeEach(() => {
  document.body.innerHTML = '<p id="a">晋江市<b>公安局</b>和民政局</p><p id="b">妇联</p>';
});

function place() {
  const dom = extractDomText(document.body);
  const store = new MentionStore();
  const at = (s: string, id: string) => {
    const i = dom.text.indexOf(s);
    return { mention: mention(s, i, id), span: spanFor(dom, i, i + s.length)!, source: dom.text };
  };
  store.add([at('晋江市公安局', 'gonganju'), at('民政局', 'minzhengju'), at('妇联', 'fulian')]);
  return store;
}

describe('the mentions on a page', () => {
  it('finds the mention under a DOM point, including in the second node of a split name', () => {
    const store = place();
    const b = document.querySelector('b')!.firstChild!;
    expect(store.at(b, 1)?.mention.id).toBe('gonganju');
    expect(store.at(b, 3)).toBeUndefined();
    expect(store.at(document.querySelector('#a')!.firstChild!, 0)?.mention.id).toBe('gonganju');
    expect(store.firstOf('fulian')?.mention.text).toBe('妇联');
  });

  it('drops exactly the mentions of a changed subtree', () => {
    const store = place();
    store.removeWithin(document.querySelector('#b')!);
    expect(store.all().map((p) => p.mention.id)).toEqual(['gonganju', 'minzhengju']);
    document.querySelector('#a')!.remove();
    store.removeWithin(document.body.appendChild(document.createElement('div')));
    expect(store.size).toBe(0); // nodes that left the document go too
  });
});

describe('reducing mutations to subtrees to rescan', () => {
  it('keeps the top-most changed elements and ignores our own UI', async () => {
    const host = createShadowHost(document, '');
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const a = document.querySelector('#a')!;
    a.querySelector('b')!.textContent = '民政局';
    a.appendChild(document.createElement('span')).textContent = '新增';
    host.root.appendChild(document.createElement('div'));
    host.host.appendChild(document.createElement('i'));
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(changedRoots(records)).toEqual([a]);
    host.dispose();
  });
});
