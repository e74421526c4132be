/**
 * Timing of our work, as performance measures, in builds made for the bench only (see
 * wxt.config.ts): `minsheng-lens:read|scan|place|state|draw` per phase, `slice` per slice of
 * work between hand-backs to the page, `drawn` from script start to highlights drawn.
 * Times are performance.now() milliseconds.
 */
export function measure(name: string, start: number, end = performance.now()): void {
  if (typeof __MSL_PERF_MARKS__ === 'undefined' || !__MSL_PERF_MARKS__) return;
  try {
    performance.measure(`minsheng-lens:${name}`, { start, end });
  } catch {
    // measures are a convenience; never let them break the page
  }
}
