/**
 * The side panel with the programme across its years: every item shows its list (programme and
 * year), search filters by both, a list known only in part says so, in Chinese and English.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FollowingView } from '../../../components/workspace/FollowingView';
import { NotesView } from '../../../components/workspace/NotesView';
import { SightingsView } from '../../../components/workspace/SightingsView';
import { Workspace } from '../../../components/workspace/Workspace';
import type { LensDb } from '../../../lib/db/schema';
import { follow, saveNote } from '../../../lib/db/user-data';
import { at } from '../../helpers/user-rows';
import { renderIn, seededDb } from './setup';

let db: LensDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(async () => {
  await db.delete();
});

const resultIds = () => [...document.querySelectorAll<HTMLButtonElement>('button.result')].map((b) => b.dataset.testid);

describe('side panel across years', () => {
  it('finds 自办食堂 in three years, each labelled with its list, and narrows by year and programme', async () => {
    renderIn(<Workspace db={db} />);
    fireEvent.input(await screen.findByLabelText('搜索项目或牵头单位'), { target: { value: '自办食堂' } });
    await waitFor(() => expect(resultIds()).toEqual(expect.arrayContaining(['result-wm2021-ziban-shitang', 'result-mw2023-084', 'result-wm2024-ziban-shitang'])));
    expect(screen.getByTestId('result-list-wm2021-ziban-shitang').textContent).toBe('2021年为民办实事');
    expect(screen.getByTestId('result-list-mw2023-084').textContent).toBe('2023年民生微实事 · 序号 84');
    // in reading order: 2021 before 2023 before 2024
    const ids = resultIds();
    expect(ids.indexOf('result-wm2021-ziban-shitang')).toBeLessThan(ids.indexOf('result-mw2023-084'));
    expect(ids.indexOf('result-mw2023-084')).toBeLessThan(ids.indexOf('result-wm2024-ziban-shitang'));

    fireEvent.change(screen.getByLabelText('年份'), { target: { value: '2024' } });
    await waitFor(() => expect(resultIds()).toEqual(['result-wm2024-ziban-shitang']));
    fireEvent.change(screen.getByLabelText('年份'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: 'minsheng-weishishi' } });
    await waitFor(() => expect(resultIds()).toEqual(['result-mw2023-084']));
  });

  it('opens a 2021 item: its list, "14 of 22" known, its dated record and the same kind in other years', async () => {
    renderIn(<Workspace db={db} />);
    fireEvent.input(await screen.findByLabelText('搜索项目或牵头单位'), { target: { value: '小学自办食堂' } });
    fireEvent.click(await screen.findByTestId('result-wm2021-ziban-shitang'));
    const detail = await screen.findByTestId('detail');
    await waitFor(() => expect(within(detail).getByTestId('detail-list').textContent).toContain('2021年为民办实事'));
    expect(within(detail).getByTestId('detail-coverage').textContent).toBe('数据集收录了2021年为民办实事清单 22 项中的 14 项');
    expect(within(detail).getByTestId('detail-status').textContent).toContain('状态来源日期 2021-09-30');
    expect(within(detail).getByTestId('detail-targets').textContent).toBe('新建或改建小学自办食堂 30个');
    expect(within(detail).getByText('来源未写明牵头单位')).toBeTruthy();
    expect(within(detail).queryByText('序号')).toBeNull();
    const series = within(detail).getByTestId('detail-series');
    expect(within(series).getAllByRole('button').map((b) => b.textContent)).toEqual([
      '2023年民生微实事 · 84. 罗山中心小学新建自办食堂',
      '2024年为民办实事 · 新建或改建10所中小学自办食堂',
    ]);
    fireEvent.click(within(series).getByRole('button', { name: /2024年/ }));
    await waitFor(() => expect(screen.getByTestId('detail').querySelector('h2')?.textContent).toBe('新建或改建10所中小学自办食堂'));
    expect(screen.getByTestId('detail-coverage').textContent).toBe('数据集收录了2024年为民办实事清单 20 项中的 11 项');
  });

  it('shows a status record with each entry’s date and source, in English too', async () => {
    renderIn(<Workspace db={db} />, 'en');
    fireEvent.input(await screen.findByLabelText('Search projects or lead units'), { target: { value: '百姓健身驿站' } });
    fireEvent.click(await screen.findByTestId('result-wm2024-baixing-jianshen'));
    const detail = await screen.findByTestId('detail');
    await waitFor(() => expect(within(detail).getByTestId('detail-list').textContent).toContain('Projects for the People 2024'));
    expect(within(detail).getByTestId('detail-coverage').textContent).toBe('The dataset knows 11 of 2024’s 20 items (Projects for the People)');
    const history = within(detail).getAllByRole('listitem').filter((li) => li.closest('[data-testid="detail-history"]'));
    expect(history).toHaveLength(2);
    expect(history[0]!.textContent).toContain('2024-03-20');
    expect(history[1]!.textContent).toContain('2024-07-16');
    expect(within(history[1]!).getByRole('link').getAttribute('href')).toBe('http://house.mnw.cn/jjfc/20240716/67311.html');
    // A complete list says nothing about coverage.
    fireEvent.click(within(detail).getByRole('button', { name: /Back/ }));
    fireEvent.input(await screen.findByLabelText('Search projects or lead units'), { target: { value: '微车管所' } });
    fireEvent.click(await screen.findByTestId('result-mw2023-023'));
    await waitFor(() => expect(screen.getByTestId('detail-list').textContent).toBe('Livelihood micro-projects 2023'));
    expect(screen.queryByTestId('detail-coverage')).toBeNull();
  });

  it('names the list of followed, noted and sighted items', async () => {
    await follow(db, { kind: 'item', id: 'wm2025-zhangzhe-shitang' });
    expect(await db.follows.get('item:wm2025-zhangzhe-shitang')).toMatchObject({ programme: 'weiminbanshishi', year: 2025 });
    await saveNote(db, { body: '去看了岭畔村', target: { kind: 'item', id: 'wm2025-zhangzhe-shitang' } }, at(1));
    await db.sightings.add({
      key: 'wm2022-sibang-sifu|https://news.example.cn/s',
      target: { kind: 'item', id: 'wm2022-sibang-sifu' },
      targetId: 'wm2022-sibang-sifu',
      url: 'https://news.example.cn/s',
      canonicalUrl: 'https://news.example.cn/s',
      title: '四帮四扶',
      site: 'news.example.cn',
      quote: '四帮四扶',
      prefix: '',
      suffix: '',
      firstSeen: at(0),
      lastSeen: at(0),
      visits: 1,
    });
    const { unmount } = renderIn(<FollowingView db={db} onOpen={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('follow-wm2025-zhangzhe-shitang').querySelector('h3')?.textContent).toBe('2025年为民办实事 · 新建、提升10个长者食堂'));
    unmount();

    const notes = renderIn(<NotesView db={db} onOpen={() => {}} />, 'en');
    fireEvent.click(await screen.findByLabelText('Item'));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toContain('Projects for the People 2025 · 新建、提升10个长者食堂'));
    notes.unmount();

    renderIn(<SightingsView db={db} />);
    // in the item filter and on the sighting itself
    await waitFor(() => expect(screen.getAllByText('2022年为民办实事 · 帮扶特困家庭“四帮四扶”工程164户').map((e) => e.tagName).sort()).toEqual(['OPTION', 'SPAN']));
  });
});
