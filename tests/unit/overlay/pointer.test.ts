import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlacedMention } from '../../../lib/overlay/mention-store';
import { trusted } from '../../helpers/trusted';
import { HOVER_CLOSE_MS, HOVER_DELAY_MS, trackPointer } from '../../../lib/overlay/pointer';

const mention = { mention: { id: 'mw2023-023' } } as unknown as PlacedMention;

let controller: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

function setup() {
  let under: PlacedMention | undefined;
  let open: { p: PlacedMention; pinned: boolean } | null = null;
  const calls = { steps: [] as number[], selections: 0 };
  trackPointer(document, controller.signal, {
    hitAt: () => under,
    isOwn: () => false,
    open: (p, pinned) => (open = { p, pinned }),
    close: () => {
      const was = open !== null;
      open = null;
      return was;
    },
    hoverCardOpen: () => open !== null && !open.pinned,
    selectionChanged: () => calls.selections++,
  });
  const move = (onMention: boolean) => {
    under = onMention ? mention : undefined;
    document.dispatchEvent(trusted(new PointerEvent('pointermove', { clientX: 1, clientY: 1 })));
  };
  return { move, calls, open: () => open, click: () => document.dispatchEvent(trusted(new MouseEvent('click'))), key: (init: KeyboardEventInit) => document.dispatchEvent(trusted(new KeyboardEvent('keydown', init))) };
}

describe('pointer and keyboard on the page', () => {
  it('opens a card after a short hover and closes it after leaving', () => {
    const t = setup();
    t.move(true);
    vi.advanceTimersByTime(HOVER_DELAY_MS - 1);
    expect(t.open()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(t.open()).toEqual({ p: mention, pinned: false });
    t.move(false);
    vi.advanceTimersByTime(HOVER_CLOSE_MS);
    expect(t.open()).toBeNull();
  });

  it('does not open when the pointer only passes over', () => {
    const t = setup();
    t.move(true);
    vi.advanceTimersByTime(HOVER_DELAY_MS / 2);
    t.move(false);
    vi.advanceTimersByTime(HOVER_DELAY_MS * 2);
    expect(t.open()).toBeNull();
  });

  it('ignores what the page makes up: untrusted pointer, click and key events do nothing', () => {
    const t = setup();
    t.move(true);
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 2, clientY: 2 }));
    document.dispatchEvent(new MouseEvent('click'));
    expect(t.open()).toEqual(null);
    vi.advanceTimersByTime(HOVER_DELAY_MS);
    expect(t.open()).toEqual({ p: mention, pinned: false }); // the user's own hover still works
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true }));
    expect(t.open()).toEqual({ p: mention, pinned: false });
    expect(t.calls.steps).toEqual([]);
  });

  it('pins on click, closes on Esc, leaves Alt+Shift+J/K to the browser (manifest commands), and stops when aborted', () => {
    const t = setup();
    t.move(true);
    t.click();
    expect(t.open()).toEqual({ p: mention, pinned: true });
    t.key({ key: 'Escape' });
    expect(t.open()).toBeNull();
    t.move(true);
    t.click();
    // dispatchEvent answers false when a listener prevented the default: ours leaves the key alone.
    expect(t.key({ key: 'J', code: 'KeyJ', altKey: true, shiftKey: true })).toBe(true);
    expect(t.open()).toEqual({ p: mention, pinned: true });
    t.key({ key: 'Escape' });
    controller.abort();
    t.move(true);
    t.click();
    expect(t.open()).toBeNull();
  });
});
