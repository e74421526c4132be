/** What the popup shows for a tab: the gate's decision and what the page mentions. */
import type { Relevance } from '../match/types';
import type { ReportedTarget, TabReport } from '../messaging/tab-protocol';
import type { DatasetIndex } from './card-model';
import type { PlacedMention } from './mention-store';
import { mentionKey } from './target';

export function buildReport(state: TabReport['state'], host: string, relevance: Relevance, placed: readonly PlacedMention[], index: DatasetIndex): TabReport {
  const byId = new Map<string, ReportedTarget>();
  const counts = { units: 0, projects: 0, completed: 0, otherStatus: 0 };
  for (const { mention: m } of placed) {
    const item = m.kind === 'project' && m.id !== null ? index.itemsById.get(m.id) : undefined;
    if (m.kind === 'unit') counts.units++;
    else {
      counts.projects++;
      if (item?.status === 'completed') counts.completed++;
      else counts.otherStatus++;
    }
    const key = mentionKey(m);
    const seen = byId.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    const unit = m.kind === 'unit' && m.id !== null ? index.unitsById.get(m.id) : undefined;
    byId.set(key, {
      kind: m.kind,
      id: key,
      label: item?.name ?? unit?.name ?? m.text,
      unit: m.unit,
      seq: m.seq,
      status: item?.status,
      ...(m.kind === 'project' ? { programme: m.programme, year: m.year ?? null, ...(m.candidateYears ? { candidateYears: m.candidateYears } : {}), round: m.id === null } : {}),
      count: 1,
    });
  }
  return { state, host, ...relevance, counts, targets: [...byId.values()] };
}
