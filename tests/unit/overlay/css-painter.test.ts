/**
 * The Highlight API painter's bookkeeping, against a minimal stand-in for the registry (the
 * real API is exercised in Chromium and Firefox by the browser tests): drawing in steps, a
 * shown class swapped whole, a clear stops an unfinished draw, unchanged classes are kept.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DomSpan } from '../../../lib/overlay/dom-spans';
import { createCssHighlightPainter, type Drawing } from '../../../lib/overlay/highlighter';

class FakeHighlight {
  readonly ranges: unknown[] = [];
  priority = 0;
  add(r: unknown) {
    this.ranges.push(r);
  }
}

let registry: Map<string, FakeHighlight>;
let doc: Document;

beforeEach(() => {
  registry = new Map();
  const win = { Highlight: FakeHighlight, StaticRange: class {}, CSS: { highlights: registry } };
  doc = { defaultView: win, adoptedStyleSheets: [] } as unknown as Document;
});

const text = { data: 'x'.repeat(100) } as unknown as Text;
const spans = (n: number): DomSpan[] => Array.from({ length: n }, (_, i) => ({ startContainer: text, startOffset: i % 50, endContainer: text, endOffset: (i % 50) + 1 }));

/** Runs a draw to its end; the number of pauses it made. */
function run(steps: Generator<void, void, void>): number {
  let pauses = 0;
  while (!steps.next().done) pauses++;
  return pauses;
}

describe('the Highlight API painter', () => {
  it('pauses every 512 ranges and shows a new class only when it is whole (the Chromium build)', () => {
    const painter = createCssHighlightPainter(doc);
    const steps = painter.drawSteps({ unit: spans(1200), followed: spans(100) });
    expect(steps.next().done).toBe(false);
    expect(registry.size).toBe(0);
    expect(run(steps)).toBe(1); // 1,300 ranges: paused after 512 (above) and 1,024
    expect(registry.get('msl-unit')?.ranges).toHaveLength(1200);
    expect(registry.get('msl-followed')?.ranges).toHaveLength(100);
  });

  it('fills a new class in place when asked (the Firefox build: its registering work falls into our slices)', () => {
    const painter = createCssHighlightPainter(doc, undefined, { fillInPlace: true });
    const steps = painter.drawSteps({ unit: spans(1200), followed: spans(100) });
    steps.next();
    expect(registry.get('msl-unit')?.ranges).toHaveLength(512);
    run(steps);
    expect(registry.get('msl-unit')?.ranges).toHaveLength(1200);
    expect(registry.get('msl-followed')?.ranges).toHaveLength(100);
  });

  it.each([false, true])('replaces a class that is shown at once, at the end of the draw (fill in place: %s)', (fillInPlace) => {
    const painter = createCssHighlightPainter(doc, undefined, { fillInPlace });
    painter.draw({ unit: spans(600) });
    const before = registry.get('msl-unit');
    const steps = painter.drawSteps({ unit: spans(1300) });
    steps.next();
    expect(registry.get('msl-unit')).toBe(before); // half a drawing is never shown in its place
    run(steps);
    expect(registry.get('msl-unit')?.ranges).toHaveLength(1300);
  });

  it.each([false, true])('gives up an unfinished draw when cleared or drawn over (fill in place: %s)', (fillInPlace) => {
    const painter = createCssHighlightPainter(doc, undefined, { fillInPlace });
    const cleared = painter.drawSteps({ unit: spans(2000) });
    cleared.next();
    painter.clear();
    run(cleared);
    expect(registry.size).toBe(0);

    const old = painter.drawSteps({ unit: spans(2000) });
    old.next();
    painter.draw({ note: spans(3) });
    run(old);
    expect([...registry.keys()]).toEqual(['msl-note']);
  });

  it('remakes only the classes whose spans changed, and restores one the page removed', () => {
    const painter = createCssHighlightPainter(doc);
    const units = spans(600);
    const drawing: Drawing = { unit: units, followed: [] };
    painter.draw(drawing);
    const unitHighlight = registry.get('msl-unit');
    painter.draw({ unit: units, followed: [units[0]!] }); // a follow
    expect(registry.get('msl-unit')).toBe(unitHighlight);
    expect(registry.get('msl-followed')?.ranges).toHaveLength(1);
    painter.draw({ unit: units.slice(1) }); // a rescan changed the mentions; nothing followed now
    expect(registry.get('msl-unit')).not.toBe(unitHighlight);
    expect(registry.has('msl-followed')).toBe(false);

    registry.delete('msl-unit'); // the page's script took it out
    painter.draw({ unit: units.slice(1) });
    expect(registry.get('msl-unit')?.ranges).toHaveLength(599);
  });
});
