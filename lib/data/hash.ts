/**
 * Content hash of the dataset: sha-256 over canonical JSON. Uses Web Crypto (`crypto.subtle`), which
 * Node ≥ 20, extension pages and service workers all provide, so the build and the extension can
 * compute the same hash and tell whether the data they hold is the data that was shipped.
 */
import type { Dataset } from './types';

/** JSON with object keys sorted at every level and no whitespace; `undefined` fields are dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`canonicalJson: cannot encode ${value}`);
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** Lowercase hex sha-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The value of `meta.hash`: the hash of everything in the dataset except `meta.hash` itself. */
export async function datasetHash(dataset: Dataset): Promise<string> {
  const { hash: _omitted, ...meta } = dataset.meta;
  return sha256Hex(canonicalJson({ ...dataset, meta }));
}
