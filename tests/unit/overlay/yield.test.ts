/** Slicing: the page gets the thread back once a slice has used its budget, and only then. */
import { describe, expect, it } from 'vitest';
import { afterRendering, Slicer } from '../../../lib/overlay/yield';

function* pauses(n: number, log: string[]): Generator<void, string, void> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return 'done';
}

/** Runs `slicer` over a generator while a timer queued first records when the page got a turn. */
async function runWithPageTask(slicer: Slicer, log: string[]) {
  setTimeout(() => log.push('page task'), 0);
  const result = await slicer.run(pauses(3, log));
  await new Promise((r) => setTimeout(r, 5));
  return result;
}

describe('Slicer', () => {
  it('with budget left, runs every step in one slice: the page waits until we are done', async () => {
    const log: string[] = [];
    expect(await runWithPageTask(new Slicer(10_000), log)).toBe('done');
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'page task']);
  });

  it('with the budget used up, hands the thread to the page at the next pause', async () => {
    const log: string[] = [];
    expect(await runWithPageTask(new Slicer(0), log)).toBe('done');
    expect(log.indexOf('page task')).toBe(1);
  });

  it('starts a fresh slice after a wait: the time spent waiting does not use the budget', async () => {
    const afterWait = async (resume: boolean) => {
      const slicer = new Slicer(20);
      const t = performance.now();
      while (performance.now() - t < 25); // this slice used its budget
      slicer.endSlice();
      await new Promise((r) => setTimeout(r, 0)); // waiting for an answer
      if (resume) slicer.resume();
      const log: string[] = [];
      setTimeout(() => log.push('page task'), 0);
      await slicer.pause();
      log.push('our next step');
      await new Promise((r) => setTimeout(r, 5));
      return log;
    };
    expect(await afterWait(true)).toEqual(['our next step', 'page task']);
    expect(await afterWait(false)).toEqual(['page task', 'our next step']);
  });
});

describe('afterRendering', () => {
  const fakeWindow = (frame: (cb: () => void) => void) => ({ requestAnimationFrame: frame }) as unknown as Window;

  it('waits for a frame, then a task, before the first read', async () => {
    let paint: (() => void) | undefined;
    let done = false;
    const waiting = afterRendering(fakeWindow((cb) => (paint = cb)), 10_000).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false); // no frame yet
    paint!();
    await waiting;
    expect(done).toBe(true);
  });

  it('does not wait for ever where no frame comes (a background tab)', async () => {
    const t0 = Date.now();
    await afterRendering(fakeWindow(() => {}), 30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });
});
