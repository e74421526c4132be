/**
 * One report for a tab whose article sits in a frame: the overlay runs in each frame of a listed
 * page (an `<iframe srcdoc>`, a frame the page's script writes), and each frame reports alone.
 * The popup merges them, so it does not call a page "not about the projects" while the frame
 * beside its text is highlighted and the toolbar badge counts its mentions.
 */
import type { ReportedTarget, TabReport } from './tab-protocol';

/**
 * `top` with the drawn (`active`) frames' findings added: counts summed, each target once (its
 * counts summed), the verdict and its reasons from the highest-scoring drawn report. A top frame
 * the reader switched off stays as it is; with no drawn frame, `top` is returned unchanged.
 */
export function mergeFrameReports(top: TabReport, frames: readonly TabReport[]): TabReport {
  const drawn = frames.filter((f) => f.state === 'active');
  if (!drawn.length || top.state === 'disabled') return top;
  const all = top.state === 'active' ? [top, ...drawn] : drawn;
  const best = all.reduce((a, b) => (b.score > a.score ? b : a));
  const counts = { units: 0, projects: 0, completed: 0, otherStatus: 0 };
  const targets = new Map<string, ReportedTarget>();
  for (const r of all) {
    counts.units += r.counts.units;
    counts.projects += r.counts.projects;
    counts.completed += r.counts.completed;
    counts.otherStatus += r.counts.otherStatus;
    for (const t of r.targets) {
      const seen = targets.get(t.id);
      targets.set(t.id, seen ? { ...seen, count: seen.count + t.count } : t);
    }
  }
  return { ...top, state: 'active', relevant: true, score: best.score, signals: best.signals, counts, targets: [...targets.values()] };
}
