import { beforeEach, describe, expect, it } from 'vitest';
import type { LinkedMention } from '../../../lib/match/types';
import { spanFor } from '../../../lib/overlay/dom-spans';
import { MentionStore } from '../../../lib/overlay/mention-store';
import { changedRoots } from '../../../lib/overlay/subtrees';
import { createShadowHost } from '../../../lib/overlay/shadow-host';
import { extractDomText } from '../../../lib/text/extract-dom';

const mention = (text: string, start: number, id: string): LinkedMention => ({ kind: 'unit', start, end: start + text.length, text, unit: id, id, confidence: 1, evidence: [] });

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

  it('looks through web components: a change in a shadow root counts inside its host’s changed ancestor', async () => {
    const section = document.body.appendChild(document.createElement('section'));
    const host = section.appendChild(document.createElement('news-card'));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.appendChild(document.createElement('p')).textContent = '晋江市公安局';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    observer.observe(shadow, { childList: true, subtree: true, characterData: true });
    shadow.appendChild(document.createElement('p')).textContent = '新增';
    await new Promise((r) => setTimeout(r, 0));
    expect(changedRoots(records)).toEqual([shadow]); // the shadow root itself is the subtree to rescan
    section.appendChild(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(changedRoots(records)).toEqual([section]); // which contains the shadow root's change

    // and the mentions of a changed ancestor include those inside its components
    const dom = extractDomText(document.body);
    const i = dom.text.lastIndexOf('晋江市公安局'); // the one in the shadow root
    const store = new MentionStore();
    store.add([{ mention: mention('晋江市公安局', i, 'gonganju'), span: spanFor(dom, i, i + 6)!, source: dom.text }]);
    expect(store.all()[0]!.span.startContainer.getRootNode()).toBe(shadow);
    store.removeWithin(section);
    expect(store.size).toBe(1); // Node.contains stops at the shadow root
    store.removeWithin(section, true);
    expect(store.size).toBe(0);
  });
});

describe('changes that cannot change the text', () => {
  it('leaves out <head>, scripts, styles, images and blank text; keeps a replaced body and an opened <details>', async () => {
    document.head.replaceChildren();
    document.body.innerHTML = '<p id="t">正文</p><details id="d"><summary>摘要</summary><p>内容</p></details>';
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['open', 'hidden', 'inert'] });
    document.head.appendChild(document.createElement('style')).textContent = 'p{}';
    document.title = '新标题';
    document.body.appendChild(document.createElement('script'));
    document.body.appendChild(document.createElement('img'));
    document.body.appendChild(document.createTextNode('  '));
    await new Promise((r) => setTimeout(r, 0));
    expect(changedRoots(records.splice(0))).toEqual([]);
    const details = document.getElementById('d') as HTMLDetailsElement;
    details.setAttribute('open', '');
    await new Promise((r) => setTimeout(r, 0));
    expect(changedRoots(records.splice(0))).toEqual([details]);
    const body = document.createElement('body');
    body.textContent = '新的正文';
    document.documentElement.replaceChild(body, document.body);
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(changedRoots(records.splice(0))).toEqual([document.documentElement]);
  });
});
