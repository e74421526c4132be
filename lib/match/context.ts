/**
 * Where a token sits: its clause (context never crosses 。；？！ or a line break), the row
 * number printed right before it (tables), and what the tokens around it say.
 */
import { OffsetList, type NormalisedCodes } from '../text/normalise';

/** Largest i with sorted[i] <= x, or -1. */
function floorIndex(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Every clause start of the text: 0, the position after each 。；？！, and each line start.
 * Sorted, without repeats. Lets each token find its clause by binary search. Both lists
 * come from normalising, so this only merges them.
 */
export function clauseStarts(norm: NormalisedCodes): Int32Array {
  const out = new OffsetList();
  out.push(0);
  const push = (x: number) => {
    if (x > out.last()) out.push(x);
  };
  const { lineStarts: lines, clauseEnds: ends } = norm;
  let li = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    while (li < lines.length && lines[li]! <= end) push(lines[li++]!);
    push(end);
  }
  for (; li < lines.length; li++) push(lines[li]!);
  return out.view();
}

/** The clause [start, end) around normalised [s, e), at most `reach` units either side. */
export function clauseFrom(starts: Int32Array, length: number, s: number, e: number, reach = 300): [number, number] {
  const i = floorIndex(starts, s);
  const cs = Math.max(i >= 0 ? starts[i]! : 0, s - reach);
  let j = i + 1;
  while (j < starts.length && starts[j]! < e) j++; // a clause start inside the token (rare): skip it
  const ce = Math.min(j < starts.length ? starts[j]! : length, e + reach);
  return [cs, ce];
}

/** Cell and list separators between a row number and what follows it (24|民政局, 24、, 24.). */
const ROW_SEPARATORS = new Set([...'|｜:：.．、,，)）]】#'].map((c) => c.charCodeAt(0)));

/** Index before the run (at most 3) of row separators ending at p. */
export function skipSeparatorsBack(norm: NormalisedCodes, p: number): number {
  let q = p;
  while (q > 0 && p - q < 3 && ROW_SEPARATORS.has(norm.codes[q - 1]!)) q--;
  return q;
}

/** The row number printed right before normalised position p (maybe across separators), or -1. */
export function numberBefore(norm: NormalisedCodes, at: number): number {
  const p = skipSeparatorsBack(norm, at);
  let q = p;
  while (q > 0 && p - q < 4) {
    const c = norm.codes[q - 1]!;
    if (c < 0x30 || c > 0x39) break;
    q--;
  }
  if (q === p || p - q > 3) return -1;
  let n = 0;
  for (let i = q; i < p; i++) n = n * 10 + (norm.codes[i]! - 0x30);
  return n;
}

/**
 * Years written in normalised [s, e) as "2024年" (or 2024 followed by a non-digit), so a
 * clause about next year's plans does not lend its generic phrases to last year's items.
 */
export function yearsIn(norm: NormalisedCodes, s: number, e: number): number[] {
  const years: number[] = [];
  const codes = norm.codes;
  for (let i = s; i + 4 <= e; i++) {
    if (i > 0 && codes[i - 1]! >= 0x30 && codes[i - 1]! <= 0x39) continue;
    let y = 0;
    let k = 0;
    for (; k < 4; k++) {
      const c = codes[i + k]!;
      if (c < 0x30 || c > 0x39) break;
      y = y * 10 + (c - 0x30);
    }
    if (k < 4) continue;
    const after = i + 4 < norm.length ? codes[i + 4]! : 0;
    if (after >= 0x30 && after <= 0x39) continue;
    if (y >= 1949 && y <= 2099) years.push(y);
  }
  return years;
}

/** The line (paragraph) around normalised position s, at most `reach` units either side. */
export function lineAround(norm: NormalisedCodes, s: number, reach = 600): [number, number] {
  const li = floorIndex(norm.lineStarts, s);
  const start = li >= 0 ? norm.lineStarts[li]! : 0;
  const end = li + 1 < norm.lineStarts.length ? norm.lineStarts[li + 1]! : norm.length;
  return [Math.max(start, s - reach), Math.min(end, s + reach)];
}

/** Start of the line holding normalised position s. */
export function lineStartOf(norm: NormalisedCodes, s: number): number {
  const li = floorIndex(norm.lineStarts, s);
  return li >= 0 ? norm.lineStarts[li]! : 0;
}

/** True if the line holding normalised position s is a table row (extracted text puts a tab between cells). */
export function inTableRow(norm: NormalisedCodes, s: number): boolean {
  const li = floorIndex(norm.lineStarts, s);
  const start = li >= 0 ? norm.lineStarts[li]! : 0;
  const end = Math.min(li + 1 < norm.lineStarts.length ? norm.lineStarts[li + 1]! : norm.length, start + 2000);
  for (let i = start; i < end; i++) if (norm.codes[i] === 0x09) return true;
  return false;
}
