import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FollowingView } from '../../../components/workspace/FollowingView';
import { NotesView } from '../../../components/workspace/NotesView';
import { SightingsView } from '../../../components/workspace/SightingsView';
import type { TargetRef } from '../../../lib/types/records';
import type { LensDb } from '../../../lib/db/schema';
import { at, sampleNotes, sampleSightings } from '../../helpers/user-rows';
import { bundledDataset } from '../../../lib/data/dataset';
import { renderIn, seededDb } from './setup';

const nameOf = (seq: number) => `2023年民生微实事 · ${seq}. ${bundledDataset.items.find((i) => i.seq === seq)!.name}`;

let db: LensDb;
beforeEach(async () => {
  db = await seededDb();
  await db.notes.bulkAdd(sampleNotes());
  await db.sightings.bulkAdd(sampleSightings());
});
afterEach(async () => {
  await db.delete();
});

const noop = () => {};

describe('Notes view', () => {
  it('groups by page, then by item; edits a note in place', async () => {
    renderIn(<NotesView db={db} onOpen={noop} />);
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['B', '晋江“微车管所”进园区', '未关联页面']));
    expect(screen.getByRole('link', { name: '晋江“微车管所”进园区' }).getAttribute('href')).toBe('https://news.example.cn/a');
    fireEvent.click(screen.getByLabelText('按项目'));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['公安局', nameOf(2), '未关联项目']));

    const note = screen.getByText('=SUM(A1:A3) 不应被当作公式').closest('article')!;
    fireEvent.click(within(note).getByRole('button', { name: '编辑' }));
    const area = within(note).getByLabelText('笔记内容') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    fireEvent.input(area, { target: { value: '改写后的笔记' } });
    fireEvent.keyDown(area, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByText('改写后的笔记')).toBeTruthy());
    expect((await db.notes.get('n-item-only'))?.body).toBe('改写后的笔记');
  });

  it('filters by tag, deletes with undo that restores the same note', async () => {
    renderIn(<NotesView db={db} onOpen={noop} />);
    const tagSelect = await screen.findByLabelText('标签');
    await waitFor(() => expect(within(tagSelect).getAllByRole('option').length).toBeGreaterThan(1));
    fireEvent.change(tagSelect, { target: { value: '老年' } });
    await waitFor(() => expect(document.querySelectorAll('article.note')).toHaveLength(1));
    fireEvent.change(tagSelect, { target: { value: '' } });
    await waitFor(() => expect(document.querySelectorAll('article.note')).toHaveLength(3));

    const original = await db.notes.get('n-astral');
    const card = screen.getByText((_, el) => el?.classList.contains('note-body') === true && el.textContent === '多行\n笔记').closest('article')!;
    fireEvent.click(within(card).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('笔记已删除'));
    expect(await db.notes.get('n-astral')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(document.querySelectorAll('article.note')).toHaveLength(3));
    expect(await db.notes.get('n-astral')).toEqual(original);
  });

  it('opens the item a note is about', async () => {
    const opened: TargetRef[] = [];
    renderIn(<NotesView db={db} onOpen={(t) => opened.push(t)} />);
    fireEvent.click(await screen.findByRole('button', { name: '公安局' }));
    expect(opened).toEqual([{ kind: 'unit', id: 'gonganju' }]);
  });
});

describe('Following view', () => {
  it('shows latest sightings, "seen on N sites", a changed status and an orphan', async () => {
    await db.follows.bulkAdd([
      { key: 'item:mw2023-002', target: { kind: 'item', id: 'mw2023-002' }, targetId: 'mw2023-002', createdAt: at(1), statusWhenFollowed: 'not_started' },
      { key: 'item:mw2023-999', target: { kind: 'item', id: 'mw2023-999' }, targetId: 'mw2023-999', createdAt: at(2) },
    ]);
    renderIn(<FollowingView db={db} onOpen={noop} />);
    const card = await screen.findByTestId('follow-mw2023-002');
    expect(card.textContent).toContain('在 2 个网站出现过');
    expect(card.textContent).toContain('2 个页面');
    expect(card.textContent).toContain('状态有变化：未开始 → 已完成');
    expect(within(card).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['https://news.example.cn/a', 'https://www.jinjiang.gov.cn/x']);
    expect(screen.getByTestId('follow-mw2023-999').textContent).toContain('已不在数据集中');

    fireEvent.click(within(card).getByRole('button', { name: '知道了' }));
    await waitFor(() => expect(screen.getByTestId('follow-mw2023-002').textContent).not.toContain('状态有变化'));
    fireEvent.click(within(screen.getByTestId('follow-mw2023-002')).getByRole('button', { name: '取消关注' }));
    await waitFor(() => expect(screen.queryByTestId('follow-mw2023-002')).toBeNull());
  });

  it('explains the empty state', async () => {
    renderIn(<FollowingView db={db} onOpen={noop} />, 'en');
    expect(await screen.findByText(/not following anything yet/)).toBeTruthy();
  });
});

describe('Sightings view', () => {
  it('lists sightings newest first and filters by site and by item', async () => {
    renderIn(<SightingsView db={db} />);
    await waitFor(() => expect(document.querySelectorAll('ol.sightings li')).toHaveLength(3));
    const links = () => [...document.querySelectorAll('ol.sightings li a')].map((a) => a.getAttribute('href'));
    expect(links()).toEqual(['https://news.example.cn/a', 'https://news.example.cn/c', 'https://www.jinjiang.gov.cn/x']);
    const site = screen.getByLabelText('网站');
    await waitFor(() => expect(within(site).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(site, { target: { value: 'jinjiang.gov.cn' } });
    await waitFor(() => expect(links()).toEqual(['https://www.jinjiang.gov.cn/x']));
    fireEvent.change(site, { target: { value: '' } });
    const item = screen.getByLabelText('项目');
    await waitFor(() => expect(within(item).getByRole('option', { name: nameOf(3) })).toBeTruthy());
    fireEvent.change(item, { target: { value: 'mw2023-003' } });
    await waitFor(() => expect(links()).toEqual(['https://news.example.cn/c']));
  });
});
