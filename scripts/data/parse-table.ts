/**
 * Reads the flattened 民生微实事 table (data/source/table-2023.txt) back into rows.
 *
 * The source is a web table with merged cells, pasted as text: the lead unit (牵头单位) and the
 * 完成情况 cell are printed only on the first row of each group, row numbers run straight into the
 * previous row's text, and the column header repeats where the page broke the table. The parser
 * relies on two facts of that layout rather than on guesses:
 * - a row that prints 已完成 is the first row of a group, so it also prints its unit;
 * - the unit is one of a known list (the curated units), matched longest first, so
 *   "池店镇池店镇龙池路改造工程" reads as unit 池店镇 + project 池店镇龙池路改造工程.
 * Anything outside that layout throws, so a changed source cannot be read wrongly in silence.
 */

export interface TableRow {
  seq: number;
  /** Lead unit's short name: printed on the group's first row, inherited by the rest. */
  unit: string;
  name: string;
  /** True when this row itself prints 已完成 (the merged cell's first row). */
  statusPrinted: boolean;
}

export const TABLE_HEADER = '序号牵头单位民生微实事完成情况';
export const COMPLETED_MARK = '已完成';

export class TableParseError extends Error {
  override name = 'TableParseError';
}

/** Parses the table text (title line first) into rows numbered 1..n. */
export function parseTable(text: string, unitNames: readonly string[]): TableRow[] {
  const units = [...new Set(unitNames)].filter((u) => u.length > 0).sort((a, b) => b.length - a.length);
  if (units.length === 0) throw new TableParseError('parseTable: the list of known unit names is empty');

  const titleEnd = text.indexOf('\n');
  if (titleEnd < 0) throw new TableParseError('parseTable: expected a title line followed by the table');
  const title = text.slice(0, titleEnd).trim();
  if (!title.endsWith('公开表')) {
    throw new TableParseError(`parseTable: first line should be the table title (…公开表), got "${title}"`);
  }
  let pos = titleEnd;
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  if (!text.startsWith(TABLE_HEADER, pos)) {
    throw new TableParseError(`parseTable: expected the column header "${TABLE_HEADER}" at offset ${pos}`);
  }

  const rows: TableRow[] = [];
  let currentUnit: string | undefined;
  for (let seq = 1; ; seq++) {
    pos = skipFiller(text, pos);
    if (pos >= text.length) break;
    const digits = /^\d+/.exec(text.slice(pos))?.[0];
    if (digits === undefined) {
      throw new TableParseError(`row ${seq}: expected the row number at offset ${pos}, found "${text.slice(pos, pos + 12)}"`);
    }
    if (Number(digits) !== seq) {
      throw new TableParseError(`row ${seq}: row numbers must run 1, 2, 3 …; found ${digits} at offset ${pos}`);
    }
    const start = pos + digits.length;
    const end = findRowEnd(text, start, seq + 1);
    const cell = stripHeaders(text.slice(start, end)).trim();
    rows.push(readRow(seq, cell, units, currentUnit));
    currentUnit = rows[rows.length - 1]!.unit;
    pos = end;
  }
  if (rows.length === 0) throw new TableParseError('parseTable: the table has no rows');
  return rows;
}

function readRow(seq: number, cell: string, units: readonly string[], inherited: string | undefined): TableRow {
  if (cell.length === 0) throw new TableParseError(`row ${seq}: the row is empty`);
  const statusPrinted = cell.endsWith(COMPLETED_MARK);
  const body = statusPrinted ? cell.slice(0, -COMPLETED_MARK.length).trim() : cell;
  if (body.includes(COMPLETED_MARK)) {
    throw new TableParseError(`row ${seq}: "${COMPLETED_MARK}" inside the row; a row number may be missing or out of order`);
  }
  const leading = units.find((u) => body.startsWith(u));
  if (statusPrinted) {
    if (leading === undefined) {
      throw new TableParseError(`row ${seq}: starts a group (prints ${COMPLETED_MARK}) but begins with no known unit: "${body.slice(0, 20)}…"`);
    }
    const name = body.slice(leading.length).trim();
    if (name.length === 0) throw new TableParseError(`row ${seq}: unit ${leading} has no project name`);
    return { seq, unit: leading, name, statusPrinted };
  }
  if (inherited === undefined) {
    throw new TableParseError(`row ${seq}: no lead unit printed and no earlier row to inherit one from`);
  }
  if (leading !== undefined && leading !== inherited) {
    throw new TableParseError(
      `row ${seq}: begins with unit ${leading} but prints no ${COMPLETED_MARK}; cannot tell whether it starts a new group (current group: ${inherited})`,
    );
  }
  return { seq, unit: inherited, name: body, statusPrinted };
}

/** Where row `next - 1` ends: at the next row's number, or at the end of the text for the last row. */
function findRowEnd(text: string, from: number, next: number): number {
  const needle = String(next);
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + needle.length] ?? '';
    if (!isDigit(before) && !isDigit(after) && at > from) return at;
  }
  return text.length;
}

function stripHeaders(s: string): string {
  return s.split(TABLE_HEADER).join('');
}

function skipFiller(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    while (p < text.length && /\s/.test(text[p]!)) p++;
    if (text.startsWith(TABLE_HEADER, p)) p += TABLE_HEADER.length;
    else return p;
  }
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
