/**
 * The content script's own lifecycle: it notices a new address by itself, stops only when the
 * extension is gone, and nothing the page dispatches (the framework's old stop event, made-up
 * navigation events) reaches it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLifecycle } from '../../../lib/overlay/lifecycle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  let alive = true;
  const calls = { moved: 0, ended: 0 };
  const win = { location: { href: 'http://www.jinjiang.gov.cn/a' }, addEventListener: window.addEventListener.bind(window) } as unknown as Window;
  watchLifecycle({ win, isAlive: () => alive, onLocationChange: () => calls.moved++, onEnd: () => calls.ended++ });
  return { win, calls, kill: () => (alive = false) };
}

describe('the content script’s lifecycle', () => {
  it('notices a new address within a second, once', () => {
    const t = setup();
    vi.advanceTimersByTime(1000);
    expect(t.calls.moved).toBe(0);
    (t.win.location as { href: string }).href = 'http://www.jinjiang.gov.cn/b';
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(1000);
    expect(t.calls.moved).toBe(1);
  });

  it('ends only when the extension is gone, and then stops looking', () => {
    const t = setup();
    document.dispatchEvent(new CustomEvent('minsheng-lens@minsheng-lens.example:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'page' } }));
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(5000);
    expect(t.calls).toEqual({ moved: 0, ended: 0 });
    t.kill();
    vi.advanceTimersByTime(1000);
    (t.win.location as { href: string }).href = 'http://www.jinjiang.gov.cn/c';
    vi.advanceTimersByTime(5000);
    expect(t.calls).toEqual({ moved: 0, ended: 1 });
  });
});
