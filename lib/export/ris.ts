/**
 * RIS (Research Information Systems tagged format, as EndNote, Zotero and Mendeley read it) for
 * the pages a reader met: one `TY  - ELEC` (web page) record per page with TI title, T2 outlet,
 * AU author (only where the page names one), DA/PY the page's date (only where given), Y2 date
 * accessed, UR address, N1 the projects seen, ER end. Tags are `XX  - value`, CRLF line ends; a
 * value never spans lines (line breaks inside become spaces). Same facts as the CSL-JSON export.
 */
import type { CslItem } from './csl';

const one = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();
const risDate = (p: { 'date-parts': [[number, number, number]] }) => {
  const [y, m, d] = p['date-parts'][0];
  return `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
};

export function toRis(items: readonly CslItem[]): string {
  const lines: string[] = [];
  const tag = (t: string, v: string | undefined) => {
    if (v && one(v)) lines.push(`${t}  - ${one(v)}`);
  };
  for (const it of items) {
    lines.push('TY  - ELEC');
    tag('ID', it.id);
    tag('TI', it.title);
    tag('T2', it['container-title']);
    for (const a of it.author ?? []) tag('AU', a.literal);
    if (it.issued) {
      tag('PY', String(it.issued['date-parts'][0][0]));
      tag('DA', risDate(it.issued));
    }
    tag('Y2', risDate(it.accessed));
    tag('UR', it.URL);
    tag('N1', it.note);
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}
