import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../lib/match/types';
import type { PlacedMention } from '../../../lib/overlay/mention-store';
import { sightingReports } from '../../../lib/overlay/sighting-reports';

const text = '园区里的“微车管所”\n晋江市公安局在园区设立的“微车管所”已经开门迎客。公安局还说，下月再开一处\t微车管所';

/** Placed mentions of `name` at each of its occurrences in `text` (only the fields the reports read). */
function placed(id: string, name: string, kind: 'project' | 'unit' = 'project'): PlacedMention[] {
  const out: PlacedMention[] = [];
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) out.push({ mention: { kind, id, start: at, end: at + name.length, text: name } as Mention } as PlacedMention);
  return out;
}

describe('sighting reports', () => {
  it('quote a mention in a full sentence rather than in a heading or a table cell', () => {
    const [r] = sightingReports(placed('mw2023-023', '微车管所'), text, () => true);
    expect(r!.sentence).toBe('晋江市公安局在园区设立的“微车管所”已经开门迎客。');
    expect(r!.prefix.endsWith('园区设立的“')).toBe(true);
  });

  it('fall back to the first mention when none stands in a full sentence', () => {
    const m = placed('mw2023-023', '微车管所');
    const [r] = sightingReports([m[0]!, m[2]!], text, () => true);
    expect(r!.sentence).toBe('园区里的“微车管所”');
  });

  it('give one report per wanted id, in first-seen order', () => {
    const mentions = [...placed('gonganju', '公安局', 'unit'), ...placed('mw2023-023', '微车管所')].sort((a, b) => a.mention.start - b.mention.start);
    const reports = sightingReports(mentions, text, (id) => id !== 'gonganju');
    expect(reports.map((r) => r.target)).toEqual([{ kind: 'item', id: 'mw2023-023' }]);
    expect(sightingReports(mentions, text, () => true).map((r) => r.target.id)).toEqual(['mw2023-023', 'gonganju']);
  });

  it('report without context when the page text is not at hand', () => {
    const [r] = sightingReports(placed('mw2023-023', '微车管所').slice(0, 1), '', () => true);
    expect(r).toEqual({ target: { kind: 'item', id: 'mw2023-023' }, quote: '微车管所', prefix: '', suffix: '' });
  });
});
