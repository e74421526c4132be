/** Gives the main thread back to the page between slices of our work (no task over 50 ms). */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * How long one slice of our work may run before the page gets its turn. The generators we
 * run pause every few milliseconds (about 5 ms of cold work at most between pauses on a 1 MB
 * page; joining the text, placing and drawing the mentions are the steps that still grow with
 * the page), so a slice stays well under the 50 ms long-task line even with a garbage
 * collection in it, while not handing the thread back more often than the page needs: each
 * hand-back lets other tasks in and costs wall time.
 */
export const SLICE_BUDGET_MS = 16;

/**
 * Runs generators to their ends, yielding to the page at their pauses once a slice has used
 * its budget. One slicer across consecutive runs (read, then scan) keeps one slice clock, so
 * the end of one run and the start of the next never add up to a long task.
 */
export class Slicer {
  private sliceStart = performance.now();

  /** `onSlice(start, end)`: called as each slice ends (the overlay records them for the bench). */
  constructor(
    private readonly budgetMs = SLICE_BUDGET_MS,
    private readonly onSlice?: (start: number, end: number) => void,
  ) {}

  async run<T>(steps: Generator<void, T, void>): Promise<T> {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await this.pause();
    }
  }

  /** A pause outside a generator: hands the thread back if this slice has used its budget. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.budgetMs) return;
    this.endSlice();
    await yieldToMain();
    this.sliceStart = performance.now();
  }

  /** The current slice ends here (the caller is about to wait for something else). */
  endSlice(): void {
    this.onSlice?.(this.sliceStart, performance.now());
  }

  /** A new slice starts here (the caller's wait is over). */
  resume(): void {
    this.sliceStart = performance.now();
  }
}

/**
 * Resolves once the browser has rendered a frame (an animation frame, then a task), or after
 * `timeoutMs` (ms) where no frame comes (a background tab). Reading which text is rendered needs
 * the page's style and boxes: asked before the page's first layout, the first question makes us
 * pay for that whole layout inside one of our slices (60 ms on a 1 MB table in Firefox); after
 * a frame the browser has done it as part of rendering the page, as it would without us.
 * Firefox only (`OverlayEnv.readAfterRendering`): there it took the longest slice on the 1 MB
 * table page from 60 to 22 ms; Chromium answers without that cost, and waiting there only
 * lengthened its slices (21–27 → 34–41 ms, one run each).
 */
export function afterRendering(win: Window, timeoutMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    win.requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, timeoutMs);
  });
}
