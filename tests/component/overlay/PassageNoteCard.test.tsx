import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PassageNoteCard } from '../../../components/overlay/PassageNoteCard';
import { I18nProvider } from '../../../components/i18n';
import type { NoteCardView } from '../../../lib/overlay/view-model';
import type { Locale } from '../../../lib/i18n';
import { sampleNotes } from '../../helpers/user-rows';

import { trusted } from '../../helpers/trusted';

/** The reader's own click and key press (trusted); Testing Library's plain events stand for a page script's. */
const userClick = (el: Element) => fireEvent(el, trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
const userKey = (el: Element, init: KeyboardEventInit) => fireEvent(el, trusted(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));

const note = sampleNotes()[0]!;
const actions = () => ({ onSave: vi.fn(async () => {}), onLink: vi.fn(async () => {}), onDelete: vi.fn(async () => {}), onUndo: vi.fn(async () => {}), onClose: vi.fn() });

function view(patch: Partial<NoteCardView> = {}): NoteCardView {
  return {
    kind: 'note',
    at: { left: 0, top: 0, right: 10, bottom: 10 },
    focus: true,
    note,
    targetLabel: '2. 便利台湾青年子女就学项目',
    choices: [
      { target: { kind: 'item', id: 'mw2023-023' }, label: '23. 推动“微车管所”进五里工业园区', inside: true },
      { target: { kind: 'unit', id: 'gonganju' }, label: '晋江市公安局', inside: false },
    ],
    deleted: false,
    actions: actions(),
    ...patch,
  };
}
const renderIn = (v: NoteCardView, locale: Locale = 'zh_CN') => render(<I18nProvider locale={locale}><PassageNoteCard view={v} /></I18nProvider>);

describe('the passage note card on a page', () => {
  it('shows the quote, the note, its tags and what it is about, with focus inside', () => {
    const v = view();
    renderIn(v);
    const card = screen.getByRole('dialog', { name: '我的笔记' });
    expect(screen.getByTestId('note-quote').textContent).toBe('微车管所');
    expect(screen.getByTestId('note-text').textContent).toBe(note.body);
    expect(screen.getByTestId('note-tags').textContent).toBe('#交通#园区');
    expect(screen.getByTestId('note-about').textContent).toContain('2. 便利台湾青年子女就学项目');
    expect(card.contains(document.activeElement)).toBe(true);
  });

  it('edits text and tags (Ctrl+Enter saves), tags split on Chinese commas too', async () => {
    const v = view();
    renderIn(v);
    fireEvent.click(screen.getByTestId('note-edit'));
    fireEvent.input(screen.getByTestId('note-edit-body'), { target: { value: '  改过的笔记 ' } });
    fireEvent.input(screen.getByTestId('note-edit-tags'), { target: { value: '交通，复核、 园区' } });
    userKey(screen.getByTestId('note-edit-body'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(v.actions.onSave).toHaveBeenCalledWith('改过的笔记', ['交通', '复核', '园区']));
  });

  it('offers the mentions in and near the passage to link to, and unlinks', () => {
    const v = view();
    renderIn(v);
    const choices = screen.getAllByTestId('note-link-choice');
    expect(choices.map((c) => c.textContent)).toEqual(['23. 推动“微车管所”进五里工业园区 · 段内', '晋江市公安局 · 附近']);
    userClick(choices[1]!);
    expect(v.actions.onLink).toHaveBeenCalledWith({ kind: 'unit', id: 'gonganju' });
    userClick(screen.getByTestId('note-unlink'));
    expect(v.actions.onLink).toHaveBeenLastCalledWith(null);
  });

  it('deletes, then offers undo until it closes by itself', async () => {
    vi.useFakeTimers();
    try {
      const v = view({ deleted: true });
      renderIn(v);
      expect(screen.getByRole('status').textContent).toContain('笔记已删除');
      userClick(screen.getByTestId('note-undo'));
      expect(v.actions.onUndo).toHaveBeenCalledOnce();
      vi.advanceTimersByTime(10_000);
      expect(v.actions.onClose).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
    const w = view();
    renderIn(w);
    userClick(screen.getAllByTestId('note-delete')[0]!);
    expect(w.actions.onDelete).toHaveBeenCalledOnce();
  });

  it('does nothing on clicks that are not the reader’s', () => {
    const v = view();
    renderIn(v);
    fireEvent.click(screen.getByTestId('note-delete'));
    fireEvent.click(screen.getAllByTestId('note-link-choice')[0]!);
    fireEvent.click(screen.getByTestId('note-edit'));
    fireEvent.keyDown(screen.getByTestId('note-edit-body'), { key: 'Enter', ctrlKey: true });
    expect(v.actions.onDelete).not.toHaveBeenCalled();
    expect(v.actions.onLink).not.toHaveBeenCalled();
    expect(v.actions.onSave).not.toHaveBeenCalled();
  });

  it('calls a passage kept without a note a highlight, in English too', () => {
    renderIn(view({ note: { ...note, body: '', tags: [] }, choices: [] }), 'en');
    expect(screen.getByRole('dialog', { name: 'Highlight' })).toBeTruthy();
    expect(screen.getByText('Highlighted, no note written yet.')).toBeTruthy();
    expect(screen.getByTestId('note-edit').textContent).toContain('Write a note');
    expect(screen.queryByTestId('note-text')).toBeNull();
  });
});
