import { describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../../lib/db/open';

describe('storage errors a user can understand', () => {
  it('recognises a full disk, a refused database and a newer schema', () => {
    expect(classifyStorageError({ name: 'QuotaExceededError', message: 'x' }).kind).toBe('quota');
    expect(classifyStorageError({ name: 'AbortError', message: 'x', inner: { name: 'QuotaExceededError' } }).kind).toBe('quota');
    expect(classifyStorageError({ name: 'MissingAPIError', message: 'IndexedDB API missing' }).kind).toBe('unavailable');
    expect(classifyStorageError({ name: 'VersionError', message: 'x' }).kind).toBe('version');
    expect(classifyStorageError(new Error('boom')).kind).toBe('unknown');
  });
});
