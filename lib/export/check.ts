/**
 * Field checks for imported files. Every failure names the exact path (`notes[3].anchor.quote.exact`)
 * so a user or a developer can find the bad spot in a large file.
 */

import { RowError } from '../rows/fields';

export type ImportErrorCode =
  | 'tooLarge'
  | 'empty'
  | 'notJson'
  | 'notUtf8'
  | 'truncated'
  | 'wrongFormat'
  | 'wrongVersion'
  | 'invalid'
  | 'hashMismatch'
  | 'notNewer'
  | 'implausibleVersion';

/** A file refused before anything was written; `code` picks the localised explanation. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: string,
    readonly path?: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

export const invalid = (path: string, detail: string): ImportError => new ImportError('invalid', detail, path);

/** Runs a row validator, turning its RowError into the importer's ImportError (same path and detail). */
export function asImportError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RowError) throw invalid(err.path, err.detail);
    throw err;
  }
}

export type Obj = Record<string, unknown>;

export function obj(x: unknown, path: string, required: readonly string[], optional: readonly string[] = [], strict = true): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw invalid(path, 'expected an object');
  const o = x as Obj;
  for (const k of required) if (!(k in o)) throw invalid(`${path}.${k}`, 'missing');
  if (strict) {
    const known = new Set([...required, ...optional]);
    for (const k of Object.keys(o)) if (!known.has(k)) throw invalid(`${path}.${k}`, 'unknown field');
  }
  return o;
}

export function str(x: unknown, path: string, opts: { nonEmpty?: boolean; max?: number } = {}): string {
  if (typeof x !== 'string') throw invalid(path, 'expected a string');
  if (opts.nonEmpty && !x) throw invalid(path, 'must not be empty');
  if (opts.max !== undefined && x.length > opts.max) throw invalid(path, `longer than ${opts.max} characters`);
  return x;
}

export function int(x: unknown, path: string, min = 0): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min) throw invalid(path, `expected an integer ≥ ${min}`);
  return x;
}

export function arr<T>(x: unknown, path: string, each: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(x)) throw invalid(path, 'expected an array');
  return x.map((v, i) => each(v, `${path}[${i}]`));
}

export function oneOf<T extends string>(x: unknown, path: string, values: readonly T[]): T {
  if (typeof x !== 'string' || !values.includes(x as T)) throw invalid(path, `expected one of ${values.join(', ')}`);
  return x as T;
}

/** Rejects a second row with the same key: a merge "by id" needs ids to be unique in the file. */
export function uniqueBy<T>(rows: readonly T[], path: string, keyOf: (r: T) => string): void {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const k = keyOf(r);
    if (seen.has(k)) throw invalid(`${path}[${i}]`, `duplicate id ${k}`);
    seen.add(k);
  });
}
