/**
 * Field rules for the rows the user keeps (notes, follows, sightings): the one place that says
 * what a stored id, text, address, tag or time may be. Every door that brings a row in — the JSON
 * backup, W3C annotations, the content script's messages, every database write — uses these,
 * so whatever one door accepts, the others accept too (issue 11, item 10).
 *
 * A failure is a `RowError` with the path of the field (`$.notes[3].anchor.url`), which the
 * importer shows as it is and the background returns as its refusal.
 */

export class RowError extends Error {
  override name = 'RowError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

export const LIMITS = {
  /** Note ids, item and unit ids (characters). */
  id: 200,
  /** A note's text. */
  body: 100_000,
  /** A quoted passage. */
  exact: 100_000,
  /** The text before and after a quote (the overlay keeps 32 characters). */
  context: 1_000,
  /** A sighting's quote (the sentence or name seen). */
  sightingQuote: 1_000,
  title: 2_000,
  /** The sentence kept around a passage or mention (lib/text/sentence.ts). */
  sentence: 1_000,
  /** An outlet's or author's name as the page gives it. */
  metaField: 200,
  url: 10_000,
  host: 253,
  tag: 100,
  tags: 50,
  /** UTF-16 offsets into a page's text. */
  offset: 1_000_000_000,
  visits: 1_000_000_000,
} as const;

/**
 * Times are milliseconds since the epoch. Before 2000 or after 2200 a value is not a time we wrote
 * (seconds instead of ms, garbage, Date's own limits); between now + `FUTURE_SKEW_MS` and 2200 it is
 * a clock that ran ahead, and is clamped so it cannot win every later merge (issue 11, item 11).
 */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);
export const FUTURE_SKEW_MS = 5 * 60_000;

export type Obj = Record<string, unknown>;

export interface Ctx {
  /** The time the row is checked at (ms): the upper bound for its times is `now + FUTURE_SKEW_MS`. */
  now: number;
  /** Clamp future times instead of refusing them (imports); writes of our own refuse them. */
  clampFuture?: boolean;
  /** Called with the path of every time that was clamped. */
  onClamp?: (path: string) => void;
}

export function obj(x: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new RowError(path, 'expected an object');
  const o = x as Obj;
  for (const k of required) if (o[k] === undefined) throw new RowError(`${path}.${k}`, 'missing');
  const known = new Set([...required, ...optional]);
  for (const k of Object.keys(o)) if (!known.has(k)) throw new RowError(`${path}.${k}`, 'unknown field');
  return o;
}

/** C0 and C1 control characters and the Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Controls other than tab, line feed and carriage return. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function string(x: unknown, path: string, max: number, nonEmpty: boolean): string {
  if (typeof x !== 'string') throw new RowError(path, 'expected a string');
  if (nonEmpty && !x) throw new RowError(path, 'must not be empty');
  if (x.length > max) throw new RowError(path, `longer than ${max} characters`);
  if (LONE_SURROGATE.test(x)) throw new RowError(path, 'contains a lone surrogate (not valid Unicode text)');
  return x;
}

/** Text of several lines (a note, a quote): any characters but controls other than tab and line ends. */
export function text(x: unknown, path: string, max: number, nonEmpty = false): string {
  const s = string(x, path, max, nonEmpty);
  if (CONTROL_IN_TEXT.test(s)) throw new RowError(path, 'contains a control character');
  return s;
}

/** One line (an id, a title, a tag): no control characters at all. */
export function line(x: unknown, path: string, max: number, nonEmpty = false): string {
  const s = string(x, path, max, nonEmpty);
  if (CONTROL.test(s)) throw new RowError(path, 'contains a control character or line break');
  return s;
}

/** An http(s) address without whitespace or control characters, as the browser would parse it. */
export function webUrl(x: unknown, path: string): string {
  const s = line(x, path, LIMITS.url, true);
  if (/\s/.test(s)) throw new RowError(path, 'contains whitespace');
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new RowError(path, 'not an absolute address');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new RowError(path, `only http and https addresses are kept (got ${u.protocol})`);
  return s;
}

/** A host name as `URL.hostname` gives it (ASCII, IPv6 in brackets). */
export function host(x: unknown, path: string): string {
  const s = line(x, path, LIMITS.host, true);
  if (!/^[a-z0-9.\-[\]:]+$/.test(s)) throw new RowError(path, 'not a host name');
  return s;
}

export function int(x: unknown, path: string, min: number, max: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) throw new RowError(path, `expected an integer from ${min} to ${max}`);
  return x;
}

/** A time in ms; see EARLIEST_TIME / FUTURE_SKEW_MS for what is refused and what is clamped. */
export function time(x: unknown, path: string, ctx: Ctx): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) throw new RowError(path, 'expected a time in milliseconds (an integer)');
  if (x < EARLIEST_TIME || x > LATEST_TIME) throw new RowError(path, 'not a plausible time (years 2000–2200, in milliseconds)');
  const latest = ctx.now + FUTURE_SKEW_MS;
  if (x <= latest) return x;
  if (!ctx.clampFuture) throw new RowError(path, 'is in the future');
  ctx.onClamp?.(path);
  return latest;
}

export function oneOf<T extends string>(x: unknown, path: string, values: readonly T[]): T {
  if (typeof x !== 'string' || !values.includes(x as T)) throw new RowError(path, `expected one of ${values.join(', ')}`);
  return x as T;
}

export function list<T>(x: unknown, path: string, max: number, each: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(x)) throw new RowError(path, 'expected an array');
  if (x.length > max) throw new RowError(path, `more than ${max} entries`);
  return x.map((v, i) => each(v, `${path}[${i}]`));
}

/**
 * Page text made storable: lone surrogates become U+FFFD and stray controls a space, so a
 * sighting or quote from an odd page is kept rather than refused (imports are refused instead).
 */
export function cleanText(s: string, max: number): string {
  return s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd').replace(new RegExp(CONTROL_IN_TEXT.source, 'g'), ' ').slice(0, max).replace(/[\ud800-\udbff]$/, '');
}

/** One line of page text (a title) made storable. */
export function cleanLine(s: string, max: number): string {
  return cleanText(s, max).replace(new RegExp(CONTROL.source, 'g'), ' ');
}
