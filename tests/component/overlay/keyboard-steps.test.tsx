/**
 * The keyboard steps on a drawn page (the overlay as the content script runs it, with its
 * Preact view): each step opens the right card (a mention's, or the reader's note's) with focus
 * inside it and says what it reached in the reader's language; Esc closes it, gives focus back
 * to where it was, and the next step goes on from the closed one. The view is mounted in an open
 * shadow root here so the test can look in (the extension's is closed).
 */
import { render } from 'preact';
import { act, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OverlayRoot } from '../../../components/overlay/OverlayRoot';
import { ANNOUNCE_DELAY_MS } from '../../../components/overlay/StepStatus';
import { describeRange } from '../../../lib/anchor/text-quote';
import { bundledDataset } from '../../../lib/data/dataset';
import type { Locale } from '../../../lib/i18n';
import { buildPack } from '../../../lib/match/pack';
import type { OverlayState, Request, Send } from '../../../lib/messaging/protocol';
import { indexDataset } from '../../../lib/overlay/card-model';
import { Overlay } from '../../../lib/overlay/controller';
import { HOST_TAG } from '../../../lib/overlay/shadow-host';
import { DEFAULT_HIGHLIGHT_COLOURS } from '../../../lib/settings/settings';
import { extractDomText } from '../../../lib/text/extract-dom';
import type { Note } from '../../../lib/types/records';
import { trusted } from '../../helpers/trusted';

const engine = { pack: buildPack(bundledDataset), index: indexDataset(bundledDataset) };

const PAGE = '<p>市妇联开展培训。<a href="#x" id="link">相关链接</a></p><p>晋江市公安局推动“微车管所”进五里工业园区，群众办事更近了。</p><p>记者走访了几位车主。</p>';
const NOTE = '群众办事更近了';
const HIGHLIGHT = '记者走访';

/** A note (or, with body '', a highlight) on the first place `exact` stands on the page. */
function noteOn(exact: string, id: string, body: string): Note {
  const text = extractDomText(document.body).text;
  const start = text.indexOf(exact);
  const anchor = { url: location.href, canonicalUrl: location.href, title: '', ...describeRange(text, start, start + exact.length) };
  return { id, targetId: '', anchor, pageUrl: location.href, body, tags: [], createdAt: 1, updatedAt: 1 };
}

let overlay: Overlay | undefined;
afterEach(() => {
  overlay?.dispose();
  overlay = undefined;
  document.querySelector(HOST_TAG)?.remove();
});

/** The overlay drawn on PAGE with one note and one highlight; `ui()` is our view's shadow root once mounted. */
async function drawn(locale: Locale = 'zh_CN') {
  document.body.innerHTML = PAGE;
  const pageNotes = [noteOn(NOTE, 'note-1', '核实：办事时间'), noteOn(HIGHLIGHT, 'hl-1', '')];
  const state: OverlayState = { locale, followed: [], pageNotes, noteCounts: {}, sightings: 'off', wrapHighlights: false, siteDisabled: false, highlightColours: DEFAULT_HIGHLIGHT_COLOURS, dataset: null };
  const deleted: string[] = [];
  const send = (async (req: Request) => {
    if (req.type === 'overlay/state') return state;
    if (req.type === 'note/delete') {
      deleted.push(req.id);
      return pageNotes.find((n) => n.id === req.id) ?? null;
    }
    return { ok: true };
  }) as Send;
  let root: ShadowRoot | undefined;
  overlay = new Overlay({
    doc: document,
    engine: () => engine,
    send,
    mountView: (store) => {
      const host = document.createElement(HOST_TAG);
      document.documentElement.append(host);
      root = host.attachShadow({ mode: 'open' });
      render(<OverlayRoot store={store} />, root);
      return { host, dispose: () => (render(null, root!), host.remove()) };
    },
  });
  expect(await overlay.start(true)).toBe('active');
  const page = overlay.page!;
  // act: the view renders (and the card takes focus) before the step returns, as it has by the reader's next key.
  const step = (d: 1 | -1 = 1) => act(() => void expect(page.step(d)).toBe(true));
  return { page, deleted, ui: () => root!, step };
}

/** Which card is open (its kind and title) and whether focus is inside it. */
function openCard(root: ShadowRoot) {
  const card = root.querySelector('[role="dialog"]');
  if (!card) return null;
  const kind = card.getAttribute('data-note-kind') ?? card.getAttribute('data-card-kind');
  return { kind, focused: card.contains(root.activeElement), title: card.querySelector('.card-title, blockquote')?.textContent ?? '' };
}

const escape = (target: EventTarget) => target.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));

describe('keyboard steps on a drawn page', () => {
  it('opens each mention’s card and the note’s and highlight’s own cards, in reading order, with focus inside and what was reached said', async () => {
    const { ui, step } = await drawn();
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      step();
      const card = openCard(ui())!;
      expect(card.focused).toBe(true);
      const shown = ui().querySelector('[data-testid="step-reached"]')!.textContent;
      await waitFor(() => expect(ui().querySelector('[data-testid="step-announcement"]')!.textContent).toBe(shown));
      seen.push(`${card.kind}: ${shown}`);
    }
    expect(seen).toEqual([
      'unit: 第 1 处提及，共 3 处', // 市妇联
      'unit: 第 2 处提及，共 3 处', // 晋江市公安局
      'project: 第 3 处提及，共 3 处', // 微车管所
      'note: 第 1 条笔记，共 1 条',
      'highlight: 第 1 处划线，共 1 处',
    ]);
    step();
    await waitFor(() => expect(openCard(ui())?.kind).toBe('unit')); // round again to 市妇联
  });

  it('says it in English too, and only counts: nothing the reader wrote is in the announcement', async () => {
    const { ui, step } = await drawn('en');
    step(-1);
    step(-1);
    await waitFor(() => expect(ui().querySelector('[data-testid="step-announcement"]')!.textContent).toBe('Note 1 of 1'));
    expect(openCard(ui())?.kind).toBe('note');
    expect(ui().querySelector('[data-testid="step-reached"]')!.getAttribute('aria-hidden')).toBe('true');
    step(-1);
    await waitFor(() => expect(ui().querySelector('[data-testid="step-announcement"]')!.textContent).toBe('Mention 3 of 3'));
  });

  it('announces anew with each step, after the live region was empty (a change is what screen readers hear)', async () => {
    const { ui, step } = await drawn();
    step();
    const region = () => ui().querySelector('[data-testid="step-announcement"]')!;
    expect(region().getAttribute('role')).toBe('status');
    expect(region().textContent).toBe('');
    await new Promise((r) => setTimeout(r, ANNOUNCE_DELAY_MS + 20));
    expect(region().textContent).toBe('第 1 处提及，共 3 处');
  });

  it('Esc closes the card, gives focus back to where it was, and the next step goes on from there', async () => {
    const { ui, step } = await drawn();
    const link = document.getElementById('link')!;
    link.focus();
    for (let i = 0; i < 4; i++) step();
    await waitFor(() => expect(openCard(ui())).toMatchObject({ kind: 'note', focused: true }));
    escape(ui().activeElement!);
    await waitFor(() => expect(openCard(ui())).toBeNull());
    expect(document.activeElement).toBe(link);
    step();
    await waitFor(() => expect(openCard(ui())).toMatchObject({ kind: 'highlight', focused: true }));
  });

  it('goes on from a note opened another way (the side panel’s outline)', async () => {
    const { page, ui, step } = await drawn();
    act(() => void expect(page.jump('n:note-1')).toBe(true));
    expect(openCard(ui())).toMatchObject({ kind: 'note', focused: true });
    step(-1);
    expect(openCard(ui())?.kind).toBe('project');
    step();
    step();
    expect(openCard(ui())?.kind).toBe('highlight');
  });

  it('deletes the reached note by keyboard: Tab to Delete, Enter', async () => {
    const { ui, step, deleted } = await drawn();
    for (let i = 0; i < 4; i++) step();
    await waitFor(() => expect(openCard(ui())).toMatchObject({ kind: 'note', focused: true }));
    const del = ui().querySelector<HTMLButtonElement>('[data-testid="note-delete"]')!;
    del.focus();
    del.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true }))); // what Enter on a focused button makes
    await waitFor(() => expect(deleted).toEqual(['note-1']));
    await waitFor(() => expect(ui().activeElement?.getAttribute('data-testid')).toBe('note-undo'));
    // Gone from the steps: from the highlight after it, back is the project before it.
    step();
    expect(openCard(ui())?.kind).toBe('highlight');
    expect(ui().querySelector('[data-testid="step-reached"]')!.textContent).toBe('第 1 处划线，共 1 处');
    step(-1);
    expect(openCard(ui())?.kind).toBe('project');
  });

  it('reaches a note put back by undo', async () => {
    const { ui, step } = await drawn();
    for (let i = 0; i < 4; i++) step();
    const click = (id: string) => ui().querySelector(`[data-testid="${id}"]`)!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    click('note-delete');
    await waitFor(() => expect(ui().querySelector('[data-testid="note-undo"]')).not.toBeNull());
    click('note-undo');
    await waitFor(() => expect(ui().querySelector('[data-testid="note-delete"]')).not.toBeNull());
    step(-1);
    expect(openCard(ui())?.kind).toBe('project');
    step();
    expect(openCard(ui())?.kind).toBe('note');
    expect(ui().querySelector('[data-testid="step-reached"]')!.textContent).toBe('第 1 条笔记，共 1 条');
  });
});
