import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

describe('cli items', () => {
  it('prints the 117 items of the source table with units, names and statuses', () => {
    const run = cli('items', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const items = JSON.parse(run.stdout) as { seq: number; id: string; unit: string; name: string; status: string; statusAsOf: string; source: string }[];
    const expected = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/table-expected.json'), 'utf8')) as { rows: [number, string, string][] }).rows;
    expect(items).toHaveLength(117);
    expect(items.map((i) => [i.seq, i.unit, i.name])).toEqual(expected);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['id', 'name', 'seq', 'source', 'status', 'statusAsOf', 'unit']);
      expect(item).toMatchObject({ status: 'completed', statusAsOf: '2024-02-06' });
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(117);
  });

  it('prints usage for --help and exits 0', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('usage: npm run -s cli -- <command>');
    expect(run.stdout).toContain('items');
  });

  it('rejects an unknown command with usage on stderr and exit 2', () => {
    const run = cli('frobnicate');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown command: frobnicate');
    expect(run.stderr).toContain('usage:');
  });

  it('rejects an unknown option with exit 2', () => {
    const run = cli('items', '--xml');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
