import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../components/workspace/Workspace';
import type { LensDb } from '../../../lib/db/schema';
import { renderIn, seededDb } from './setup';

let db: LensDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(async () => {
  await db.delete();
});

describe('side panel: search and detail', () => {
  it('finds item 23 as you type 微车管所, opens it with status and source, follows it and keeps a note', async () => {
    renderIn(<Workspace db={db} />);
    const box = await screen.findByLabelText('搜索项目或牵头单位');
    fireEvent.input(box, { target: { value: '微车管所' } });
    const hit = await screen.findByTestId('result-mw2023-023');
    expect(hit.textContent).toContain('推动“微车管所”进五里工业园区');
    expect(hit.textContent).toContain('已完成');
    fireEvent.click(hit);

    const detail = await screen.findByTestId('detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('推动“微车管所”进五里工业园区');
    await waitFor(() => expect(within(detail).getByTestId('detail-status').textContent).toContain('状态来源日期 2024-02-06'));
    expect(within(detail).getByTestId('detail-source').textContent).toContain('晋江经济报');
    expect(within(detail).getByRole('link', { name: '打开来源' }).getAttribute('href')).toMatch(/^http/);

    const followBtn = within(detail).getByRole('button', { name: /关注/ });
    await waitFor(() => expect(followBtn.hasAttribute('disabled')).toBe(false));
    expect(followBtn.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(followBtn);
    await waitFor(() => expect(followBtn.getAttribute('aria-pressed')).toBe('true'));
    expect((await db.follows.get('item:mw2023-023'))?.statusWhenFollowed).toBe('completed');

    const adder = detail.querySelector<HTMLDetailsElement>('details.add-note')!;
    adder.open = true;
    fireEvent(adder, new Event('toggle'));
    fireEvent.input(within(detail).getByLabelText('笔记内容'), { target: { value: '园区里办驾照更方便' } });
    fireEvent.input(within(detail).getByLabelText('标签（用逗号分隔）'), { target: { value: '交通，园区' } });
    fireEvent.click(within(detail).getByRole('button', { name: '保存笔记' }));
    await waitFor(() => expect(within(detail).getByText('园区里办驾照更方便')).toBeTruthy());
    // The form closes once the note is saved, and says it was.
    await waitFor(() => expect(adder.open).toBe(false));
    expect(within(detail).getByRole('status').textContent).toBe('笔记已保存');
    const [note] = await db.notes.toArray();
    expect(note).toMatchObject({ targetId: 'mw2023-023', target: { kind: 'item', id: 'mw2023-023' }, tags: ['交通', '园区'] });

    // back returns to the same query and results
    fireEvent.click(within(detail).getByRole('button', { name: /返回/ }));
    expect(((await screen.findByLabelText('搜索项目或牵头单位')) as HTMLInputElement).value).toBe('微车管所');
    await waitFor(() => expect(screen.getByTestId('result-mw2023-023').textContent).toContain('已关注'));
  });

  it('filters results (followed only) and moves through results with the arrow keys', async () => {
    await db.follows.add({ key: 'item:mw2023-023', target: { kind: 'item', id: 'mw2023-023' }, targetId: 'mw2023-023', createdAt: Date.now() });
    renderIn(<Workspace db={db} />);
    const box = await screen.findByLabelText('搜索项目或牵头单位');
    fireEvent.input(box, { target: { value: '公安局' } });
    await screen.findByTestId('result-gonganju');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('result-gonganju'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset.testid).toMatch(/^result-mw2023/);
    fireEvent.click(screen.getByLabelText('只看已关注'));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /.*/ }).filter((b) => b.classList.contains('result')).map((b) => b.dataset.testid)).toEqual(['result-mw2023-023']));
  });

  it('opens a unit with its projects, and an item of it from there', async () => {
    renderIn(<Workspace db={db} />);
    fireEvent.input(await screen.findByLabelText('搜索项目或牵头单位'), { target: { value: '晋江市公安局' } });
    fireEvent.click(await screen.findByTestId('result-gonganju'));
    const detail = await screen.findByTestId('detail');
    await waitFor(() => expect(within(detail).getByRole('heading', { level: 3, name: /牵头的项目/ })).toBeTruthy());
    fireEvent.click(within(detail).getByRole('button', { name: /微车管所/ }));
    await waitFor(() => expect(screen.getByTestId('detail').querySelector('h2')?.textContent).toBe('推动“微车管所”进五里工业园区'));
  });

  it('switches tabs with the arrow keys and shows an English UI', async () => {
    renderIn(<Workspace db={db} />, 'en');
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['This page', 'Search', 'Following', 'Notes', 'Sightings']);
    tabs[1]!.focus();
    fireEvent.keyDown(tabs[1]!, { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Following' }).getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement?.textContent).toBe('Following');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Sightings' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByText(/No sightings yet/)).toBeTruthy();
  });
});
