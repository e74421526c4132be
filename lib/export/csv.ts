/**
 * CSV for spreadsheets: one row per note, one row per sighting. UTF-8 with a BOM (Excel reads
 * BOM-less UTF-8 as the local code page and garbles Chinese), RFC 4180 quoting and CRLF, and
 * cells a spreadsheet would run as a formula are defused with a leading apostrophe.
 */
import type { Note, Sighting } from '../types/records';

export const BOM = '\uFEFF';

/**
 * A cell starting with one of these can be a formula to Excel/LibreOffice/Sheets (OWASP CSV
 * injection): `= + - @`, and tab, CR, LF, space or `|` in front of one (spreadsheets skip leading
 * blanks; `|` starts a DDE call in old Excel).
 */
const FORMULA_START = /^[=+\-@\t\r\n |]/;

/**
 * One cell: defused when it could be a formula, quoted when it holds a quote, a comma, a line
 * end or a semicolon (the separator spreadsheets use in locales with a decimal comma).
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number) => new Date(ms).toISOString();

export const NOTE_COLUMNS = ['note_id', 'created', 'updated', 'target_kind', 'target_id', 'target_name', 'page_title', 'page_url', 'quote', 'note', 'tags'] as const;

/** `names` maps item/unit ids to display names (see targetNames in lib/db/user-data). */
export function notesCsv(notes: readonly Note[], names: ReadonlyMap<string, string>): string {
  const rows = [...notes]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((n) => [
      n.id,
      iso(n.createdAt),
      iso(n.updatedAt),
      n.target?.kind,
      n.targetId || undefined,
      n.targetId ? names.get(n.targetId) : undefined,
      n.anchor?.title,
      n.anchor?.url,
      n.anchor?.quote.exact,
      n.body,
      n.tags.join('; '),
    ]);
  return toCsv(NOTE_COLUMNS, rows);
}

export const SIGHTING_COLUMNS = ['target_id', 'target_name', 'site', 'page_title', 'url', 'quote', 'first_seen', 'last_seen', 'visits'] as const;

export function sightingsCsv(sightings: readonly Sighting[], names: ReadonlyMap<string, string>): string {
  const rows = [...sightings]
    .sort((a, b) => a.firstSeen - b.firstSeen)
    .map((s) => [s.targetId, names.get(s.targetId), s.site, s.title, s.url, s.quote, iso(s.firstSeen), iso(s.lastSeen), s.visits]);
  return toCsv(SIGHTING_COLUMNS, rows);
}
