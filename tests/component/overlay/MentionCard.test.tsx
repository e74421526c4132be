import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MentionCard } from '../../../components/overlay/MentionCard';
import { bundledDataset } from '../../../lib/data/dataset';
import { cardModelFor, indexDataset } from '../../../lib/overlay/card-model';

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
    fireEvent.click(screen.getByTestId('card-follow'));
    expect(a.onToggleFollow).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByTestId('card-add-note'));
    fireEvent.input(screen.getByTestId('note-body'), { target: { value: '采访妇联' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(a.onSaveNote).toHaveBeenCalledWith('采访妇联'));
  });
});

describe('what the card says in words', () => {
  it('gives the reasons for a match as sentences, never as codes', () => {
    const evidence = ['keyphrase', 'unit:公安局', 'place:岸兜村/湖中村', 'row:23', 'other-town', 'year:2024'];
    render(<MentionCard model={cardModelFor(index, { kind: 'project', id: 'mw2023-023', evidence })!} actions={actions()} />);
    const reasons = [...document.querySelectorAll('details li')].map((li) => li.textContent);
    expect(reasons.slice(0, 6)).toEqual([
      '页面用了这个项目特有的说法',
      '附近提到牵头单位：公安局',
      '附近提到项目所在地：岸兜村、湖中村',
      '在表格中与序号 23 同一行',
      '附近也提到其他镇（街道），把握略低',
      // A reason this build does not know is still shown.
      '其他依据：year:2024',
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
