import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MentionCard } from '../../../components/overlay/MentionCard';
import { bundledDataset } from '../../../lib/data/dataset';
import { cardModelFor, indexDataset, roundCardModel } from '../../../lib/overlay/card-model';
import { trusted } from '../../helpers/trusted';

/** A click as the browser makes it for the user. */
const userClick = (el: Element) => fireEvent(el, trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));

const index = indexDataset(bundledDataset);
const actions = () => ({ followed: false, noteCount: 0, onToggleFollow: vi.fn(async () => {}), onSaveNote: vi.fn(async () => {}), onClose: vi.fn() });

describe('the mention card', () => {
  it('shows a project with its status, as-of date, source, lead unit and the unit’s other projects', () => {
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'mw2023-023', evidence: ['keyphrase'] })!} actions={actions()} />);
    const dialog = screen.getByRole('dialog', { name: '推动“微车管所”进五里工业园区' });
    expect(dialog.textContent).toContain('晋江市公安局');
    expect(screen.getByTestId('card-status').textContent).toContain('已完成');
    expect(screen.getByTestId('card-status').textContent).toContain('状态来源日期 2024-02-06');
    expect(screen.getByTestId('card-source').textContent).toContain('晋江经济报 2024-02-06');
    expect(dialog.textContent).toContain('护校安园促和谐活动');
    expect(screen.queryByTestId('card-disagreement')).toBeNull();
  });

  it('says so when the page’s own words disagree with the record', () => {
    const model = cardModelFor(index, { kind: 'project', id: 'mw2023-092', claim: { phrase: '正在施工', status: 'in_progress' } })!;
    render(<MentionCard model={model} actions={actions()} />);
    expect(screen.getByTestId('card-disagreement').textContent).toBe('本页写道“正在施工”，而记录为已完成（来源报道于 2024-02-06）。本页可能写于完成之前，或值得核实。');
  });

  it('shows a unit with its kind and projects, and follows it and saves a note', async () => {
    const a = actions();
    render(<MentionCard model={cardModelFor(index, { kind: 'unit', id: 'fulian' })!} actions={a} />);
    expect(screen.getByRole('dialog').textContent).toContain('群团组织');
    expect(screen.getByRole('dialog').textContent).toContain('为低保特困妇女购买晋江市女性安康保险');
    userClick(screen.getByTestId('card-follow'));
    expect(a.onToggleFollow).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByTestId('card-add-note'));
    fireEvent.input(screen.getByTestId('note-body'), { target: { value: '采访妇联' } });
    userClick(screen.getByTestId('note-save'));
    await waitFor(() => expect(a.onSaveNote).toHaveBeenCalledWith('采访妇联'));
  });

  it('does not follow or save on clicks and keys the page makes up (untrusted)', async () => {
    const a = actions();
    render(<MentionCard model={cardModelFor(index, { kind: 'unit', id: 'fulian' })!} actions={a} />);
    fireEvent.click(screen.getByTestId('card-follow'));
    fireEvent.click(screen.getByTestId('card-add-note'));
    fireEvent.input(screen.getByTestId('note-body'), { target: { value: '页面代写' } });
    fireEvent.click(screen.getByTestId('note-save'));
    fireEvent.submit(screen.getByTestId('note-body').closest('form')!);
    fireEvent.keyDown(screen.getByTestId('note-body'), { key: 'Enter', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(a.onToggleFollow).not.toHaveBeenCalled();
    expect(a.onSaveNote).not.toHaveBeenCalled();
    userClick(screen.getByTestId('note-save')); // the user's own click still saves
    await waitFor(() => expect(a.onSaveNote).toHaveBeenCalledWith('页面代写'));
  });
});

describe('what the card says in words', () => {
  it('gives the reasons for a match as sentences, never as codes', () => {
    const evidence = ['keyphrase', 'unit:公安局', 'place:岸兜村/湖中村', 'row:23', 'other-town', 'new-clue:x'];
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'mw2023-023', evidence })!} actions={actions()} />);
    const reasons = [...document.querySelectorAll('details li')].map((li) => li.textContent);
    expect(reasons.slice(0, 6)).toEqual([
      '页面用了这个项目特有的说法',
      '附近提到牵头单位：公安局',
      '附近提到项目所在地：岸兜村、湖中村',
      '在表格中与序号 23 同一行',
      '附近也提到其他镇（街道），把握略低',
      // A reason this build does not know is still shown.
      '其他依据：new-clue:x',
    ]);
    for (const r of reasons.slice(0, 5)) expect(r).not.toMatch(/[a-z]/);
  });

  it('has a colour key, a named source link, and English for unit kinds and Chinese-only notes', async () => {
    const { I18nProvider } = await import('../../../components/i18n');
    render(
      <I18nProvider locale="en">
        <MentionCard model={cardModelFor(index, { kind: 'project', id: 'mw2023-023' })!} actions={actions()} />
      </I18nProvider>,
    );
    const legend = screen.getByTestId('legend');
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent?.replace(/^Abc /, ''))).toEqual([
      'Lead unit',
      'Completed project',
      'Project not completed, or status unknown',
      'Followed by you (underlined)',
      'Your note',
    ]);
    expect(screen.getByRole('link', { name: 'Open the source: 晋江经济报 (new tab)' })).toBeTruthy();
    expect(screen.getByText('(only in Chinese)', { exact: false }).previousElementSibling?.getAttribute('lang')).toBe('zh-CN');
  });

  it('names a unit’s kind in the reader’s language', async () => {
    const { I18nProvider } = await import('../../../components/i18n');
    render(
      <I18nProvider locale="en">
        <MentionCard model={cardModelFor(index, { kind: 'unit', id: 'fulian' })!} actions={actions()} />
      </I18nProvider>,
    );
    expect(screen.getByRole('dialog').querySelector('dl dd')!.textContent).toBe('Mass organisation (unions, women’s federation …)');
  });
});

describe('focus', () => {
  it('moves into a card opened by click or keyboard, and stays put for a hover card', () => {
    const model = cardModelFor(index, { kind: 'project', id: 'mw2023-023' })!;
    const outside = document.body.appendChild(document.createElement('button'));
    outside.focus();
    const hover = render(<MentionCard model={model} actions={actions()} />);
    expect(document.activeElement).toBe(outside);
    hover.unmount();
    render(<MentionCard model={model} actions={actions()} autoFocus />);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('关闭');
    outside.remove();
  });
});

describe('the card across years', () => {
  it('says which year’s round a page speaks of when the dataset has no record of it, and offers nothing to follow', () => {
    const model = roundCardModel({ kind: 'project', start: 0, end: 4, text: '智慧停车', unit: '', id: null, programme: 'weiminbanshishi', year: 2025, confidence: 0.7, evidence: ['series', 'year:今年', 'year:not-in-dataset'] });
    render(<MentionCard model={model} actions={actions()} />);
    expect(screen.getByTestId('card-round').textContent).toBe('本页讲的是2025年的为民办实事；数据集没有这一轮的记录。');
    expect(screen.queryByTestId('card-status')).toBeNull();
    expect(screen.queryByTestId('card-follow')).toBeNull();
    // How the year and the programme were told, in words (not the linker's codes).
    const reasons = [...document.querySelectorAll('details li')].map((li) => li.textContent);
    expect(reasons).toEqual(['这个名称年年出现在为民办实事中', '文中写明了年份：今年', '数据集没有那一年这一轮的记录']);
  });

  it('says which way a disagreement runs: a page saying done against a record not yet done is not "written before completion"', () => {
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'wm2024-wuzhangai', claim: { phrase: '已完成', status: 'completed' } })!} actions={actions()} />);
    const text = screen.getByTestId('card-disagreement').textContent!;
    expect(text).toContain('记录可能早于本页');
    expect(text).not.toContain('写于完成之前');
  });

  it('heads a project card with its own programme, not always 民生微实事', () => {
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'wm2024-gongjiao-fuwu', evidence: ['name'] })!} actions={actions()} />);
    expect(screen.getByTestId('card-kind').textContent).toBe('为民办实事');
    // No source names this list item's lead unit: the card says so instead of an empty row.
    expect(screen.getByTestId('card-lead-unit').textContent).toBe('来源未写明牵头单位');
    cleanup();
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'mw2023-023', evidence: ['name'] })!} actions={actions()} />);
    expect(screen.getByTestId('card-kind').textContent).toBe('民生微实事');
  });

  it('says how the year and the programme were told, in words, for every code the linker gives', () => {
    const evidence = ['name', 'year:2024年', 'year:page-date', 'year:whole-page', 'year:row-context', 'year:unknown', 'year:ambiguous', 'programme:weiminbanshishi', 'programme:minsheng-weishishi'];
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'mw2023-023', evidence })!} actions={actions()} />);
    const reasons = [...document.querySelectorAll('details li')].map((li) => li.textContent!);
    expect(reasons.slice(0, evidence.length)).toEqual([
      '页面写出了项目的完整名称',
      '文中写明了年份：2024年',
      '文中没写年份，按页面日期判断',
      '全文只讲一个年份',
      '表格同一行的序号、单位或地点说明了年份',
      '文中没说是哪一年',
      '那一年有几个项目都对得上，未作选择',
      '这段讲的是年度为民办实事清单',
      '这段讲的是2023年民生微实事',
    ]);
    for (const r of reasons.slice(0, evidence.length)) expect(r).not.toMatch(/[a-z]/);
  });

  it('says which years it could be when the year cannot be told', () => {
    const model = roundCardModel({ kind: 'project', start: 0, end: 4, text: '长者食堂', unit: '', id: null, programme: 'weiminbanshishi', year: null, candidateYears: [2022, 2025], confidence: 0.6, evidence: ['series'] });
    render(<MentionCard model={model} actions={actions()} />);
    expect(screen.getByTestId('card-round').textContent).toBe('无法判断本页讲的是哪一年的为民办实事，可能是：2022、2025年。');
  });

  it('shows a project’s list, and calls a page from before the recorded completion "completed later", not a contradiction', () => {
    const claim = { phrase: '正在施工', status: 'in_progress' as const };
    const early = cardModelFor(index, { kind: 'project', id: 'mw2023-092', claim, pageDate: '2023-10-15' })!;
    render(<MentionCard model={early} actions={actions()} />);
    expect(screen.getByTestId('card-list').textContent).toBe('2023年民生微实事');
    expect(screen.queryByTestId('card-disagreement')).toBeNull();
    expect(screen.getByTestId('card-completed-later').textContent).toBe('本页写道“正在施工”（页面日期 2023-10-15）；记录显示该项目于 2024-02-06 完成，晚于本页。');
  });

  it('still flags the words when the page is dated after the recorded completion', () => {
    const late = cardModelFor(index, { kind: 'project', id: 'mw2023-092', claim: { phrase: '正在施工', status: 'in_progress' }, pageDate: '2024-05-01' })!;
    render(<MentionCard model={late} actions={actions()} />);
    expect(screen.getByTestId('card-disagreement')).toBeTruthy();
    expect(screen.queryByTestId('card-completed-later')).toBeNull();
  });
});
