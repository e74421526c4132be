import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ThisPageView } from '../../../components/workspace/ThisPageView';
import type { ThisPageSource } from '../../../components/workspace/this-page-source';
import type { LensDb } from '../../../lib/db/schema';
import type { PageOutline } from '../../../lib/messaging/protocol';
import { sampleNotes } from '../../helpers/user-rows';
import { renderIn, seededDb } from './setup';

const [linked, , orphan] = sampleNotes();
const highlight = { ...linked!, id: 'n-highlight', body: '', tags: [], targetId: '', target: undefined };

const outline: PageOutline = {
  tabId: 7,
  outline: {
    title: '晋江“微车管所”进园区',
    url: 'https://news.example.cn/a',
    state: 'active',
    entries: [
      { key: 'm:gonganju:0', kind: 'unit', id: 'gonganju', text: '公安局', label: '晋江市公安局' },
      { key: `n:${linked!.id}`, kind: 'note', noteId: linked!.id },
      { key: 'm:mw2023-023:0', kind: 'project', id: 'mw2023-023', text: '微车管所', label: '23. 推动“微车管所”进五里工业园区', status: 'completed' },
      { key: 'n:n-highlight', kind: 'note', noteId: 'n-highlight' },
    ],
    orphans: [orphan!.id],
  },
};

function source(answer: PageOutline = outline) {
  let changed = () => {};
  const s = {
    outline: vi.fn(async () => answer),
    jump: vi.fn(async (_tab: number, key: string) => ({ found: key !== 'm:gone:0' })),
    subscribe: vi.fn((fn: () => void) => {
      changed = fn;
      return () => {};
    }),
  } satisfies ThisPageSource;
  return { s, tabChanged: () => changed() };
}

let db: LensDb;
beforeEach(async () => {
  db = await seededDb();
  await db.notes.bulkAdd([linked!, orphan!, highlight]);
});
afterEach(async () => {
  await db.delete();
});

describe('the "this page" view', () => {
  it('lists mentions and notes in the page’s order, orphans last, and jumps to each', async () => {
    const { s } = source();
    renderIn(<ThisPageView db={db} source={s} />);
    const list = await screen.findByTestId('this-page-list');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('晋江“微车管所”进园区');
    expect(screen.getByTestId('this-page-counts').textContent).toBe('2 处提及 · 3 条笔记');
    await waitFor(() => expect(within(list).getAllByRole('button').map((b) => b.className.replace('entry entry-', ''))).toEqual(['unit', 'note', 'project', 'note']));
    // Notes' text comes from the database, by id.
    await waitFor(() => expect(within(list).getAllByRole('button')[1]!.textContent).toContain(linked!.body));
    expect(within(list).getAllByRole('button')[3]!.textContent).toContain('划线');
    expect(within(list).getAllByRole('button')[2]!.textContent).toContain('已完成');
    expect(screen.getByTestId('this-page-orphans').textContent).toContain('多行');

    fireEvent.click(within(list).getAllByRole('button')[2]!);
    await waitFor(() => expect(s.jump).toHaveBeenCalledWith(7, 'm:mw2023-023:0'));
    fireEvent.click(within(list).getAllByRole('button')[1]!);
    await waitFor(() => expect(s.jump).toHaveBeenLastCalledWith(7, `n:${linked!.id}`));
  });

  it('follows the active tab and a note deleted elsewhere', async () => {
    const { s, tabChanged } = source();
    renderIn(<ThisPageView db={db} source={s} />);
    await screen.findByTestId('this-page-list');
    const asked = s.outline.mock.calls.length;
    tabChanged();
    await waitFor(() => expect(s.outline.mock.calls.length).toBe(asked + 1));
    await db.notes.delete('n-highlight');
    await waitFor(() => expect(s.outline.mock.calls.length).toBe(asked + 2));
  });

  it('says when the lens is not running on the tab, in English, and asks again a few times (the page may still be loading)', async () => {
    const { s } = source({ tabId: 3, outline: null });
    renderIn(<ThisPageView db={db} source={s} />, 'en');
    expect((await screen.findByTestId('this-page-not-running')).textContent).toContain('not running on this page');
    // Asked once on opening and once when the note count arrives from the database; then again by itself.
    await waitFor(() => expect(s.outline).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(s.outline).toHaveBeenCalledTimes(3), { timeout: 3000 });
  });
});
