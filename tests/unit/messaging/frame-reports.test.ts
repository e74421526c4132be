import { describe, expect, it } from 'vitest';
import { mergeFrameReports } from '../../../lib/messaging/frame-reports';
import type { TabReport } from '../../../lib/messaging/tab-protocol';

const report = (over: Partial<TabReport>): TabReport => ({
  state: 'irrelevant',
  host: 'www.jinjiang.gov.cn',
  relevant: false,
  score: 1,
  signals: [{ kind: 'jinjiang', text: '晋江', weight: 1 }],
  counts: { units: 0, projects: 0, completed: 0, otherStatus: 0 },
  targets: [],
  ...over,
});
const drawn = (score: number, id: string, count: number): TabReport =>
  report({
    state: 'active',
    host: 'frame.example',
    relevant: true,
    score,
    signals: [{ kind: 'topic', text: '为民办实事', weight: score }],
    counts: { units: 1, projects: count, completed: count, otherStatus: 0 },
    targets: [{ kind: 'project', id, label: id, unit: '', count }],
  });

describe('one report for a tab whose article is in a frame', () => {
  it('takes the drawn frames’ verdict, reasons, counts and targets when the top frame found nothing', () => {
    const merged = mergeFrameReports(report({}), [drawn(8, 'mw2023-001', 2), drawn(12, 'mw2023-001', 1), report({ host: 'ads.example' })]);
    expect(merged).toMatchObject({ state: 'active', relevant: true, score: 12, host: 'www.jinjiang.gov.cn' });
    expect(merged.signals).toEqual([{ kind: 'topic', text: '为民办实事', weight: 12 }]);
    expect(merged.counts).toEqual({ units: 2, projects: 3, completed: 3, otherStatus: 0 });
    expect(merged.targets).toEqual([{ kind: 'project', id: 'mw2023-001', label: 'mw2023-001', unit: '', count: 3 }]);
  });

  it('adds a drawn frame to a drawn top frame, and leaves alone a top frame the reader switched off or a tab with no drawn frame', () => {
    const top = drawn(20, 'mw2023-004', 1);
    const merged = mergeFrameReports(top, [drawn(5, 'mw2023-023', 1)]);
    expect(merged.score).toBe(20);
    expect(merged.targets.map((t) => t.id)).toEqual(['mw2023-004', 'mw2023-023']);
    const off = report({ state: 'disabled' });
    expect(mergeFrameReports(off, [drawn(5, 'mw2023-023', 1)])).toBe(off);
    const plain = report({});
    expect(mergeFrameReports(plain, [report({ host: 'ads.example' })])).toBe(plain);
  });
});
