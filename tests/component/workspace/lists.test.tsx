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
  const links = () => [...document.querySelectorAll('.source-page h3 a')].map((a) => a.getAttribute('href'));

  it('lists pages newest first and filters by site and by item', async () => {
    renderIn(<SightingsView db={db} />);
    await waitFor(() => expect(document.querySelectorAll('.source-page')).toHaveLength(3));
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

  it('groups a page\'s mentions under it: projects with their sentence first, units folded after them', async () => {
    const unit = { ...sampleSightings()[0]!, key: 'gonganju|https://news.example.cn/a', target: { kind: 'unit' as const, id: 'gonganju' }, targetId: 'gonganju', quote: '公安局', firstSeen: at(-1) };
    await db.sightings.put(unit);
    renderIn(<SightingsView db={db} />);
    await waitFor(() => expect(document.querySelectorAll('.source-page')).toHaveLength(3));
    const page = document.querySelector<HTMLElement>('.source-page')!;
    // The page is said once, with what it says of itself.
    expect(within(page).getByRole('heading', { level: 3 }).textContent).toBe('页面 news.example.cn');
    expect(page.querySelector('p.muted')!.textContent).toMatch(/^晋江新闻网 \(news\.example\.cn\) · 林晓 · /);
    const lines = [...page.querySelectorAll(':scope > ul li')];
    expect(lines.map((l) => l.querySelector('.sighting-name')!.textContent)).toEqual([nameOf(2)]);
    expect(lines[0]!.querySelector('q')!.textContent).toBe('公安局推动“微车管所”进五里工业园区。');
    expect(lines[0]!.querySelector('mark')!.textContent).toBe('微车管所');
    const units = page.querySelector('details.units-seen')!;
    expect(units.hasAttribute('open')).toBe(false);
    expect(units.querySelector('summary')!.textContent).toBe('另提及 1 个单位：公安局');
  });
});

describe('exports from the side panel', () => {
  it('the notes view saves the notes as Markdown, each note dated', async () => {
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (saved.push(b), 'blob:x');
    try {
      renderIn(<NotesView db={db} onOpen={noop} />);
      fireEvent.click(await screen.findByTestId('export-markdown'));
      await waitFor(() => expect(saved).toHaveLength(1));
      const md = await saved[0]!.text();
      expect(md.match(/_记于 \d{4}-\d{2}-\d{2}/g)).toHaveLength(3);
      await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/minsheng-lens-notes-\d{8}-\d{4}\.md/));
    } finally {
      URL.createObjectURL = create;
    }
  });

  it('the sightings view saves a coverage table with one row per project per page', async () => {
    const saved: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => (saved.push(b), 'blob:x');
    try {
      renderIn(<SightingsView db={db} />);
      fireEvent.click(await screen.findByTestId('export-coverageCsv'));
      await waitFor(() => expect(saved).toHaveLength(1));
      const rows = (await saved[0]!.text()).trimEnd().split('\r\n');
      expect(rows).toHaveLength(1 + 3);
      expect(rows[1]).toMatch(/^mw2023-002,2,minsheng-weishishi(-2023)?,/);
    } finally {
      URL.createObjectURL = create;
    }
  });
});
