import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'lib/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

describe('cli items', () => {
  interface Row {
    id: string;
    programme: string;
    year: number;
    seq?: number;
    unit?: string;
    name: string;
    status: string;
    statusAsOf: string;
    source: string;
    statusHistory: { status: string; asOf: string; source: string; note?: string }[];
  }

  it('prints every item with its programme, year, latest status and status history (contract 5)', () => {
    const run = cli('items', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const items = JSON.parse(run.stdout) as Row[];
    const expected = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/table-expected.json'), 'utf8')) as { rows: [number, string, string][] }).rows;
    const table = items.filter((i) => i.programme === 'minsheng-weishishi');
    expect(table.map((i) => [i.seq, i.unit, i.name])).toEqual(expected);
    for (const item of table) {
      expect(Object.keys(item).sort()).toEqual(['id', 'name', 'programme', 'seq', 'source', 'status', 'statusAsOf', 'statusHistory', 'unit', 'year']);
      expect(item).toMatchObject({ year: 2023, status: 'completed', statusAsOf: '2024-02-06' });
    }
    const yearly = items.filter((i) => i.programme === 'weiminbanshishi');
    expect(new Set(yearly.map((i) => i.year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025]));
    for (const item of [...table, ...yearly]) {
      const last = item.statusHistory.at(-1)!;
      expect([item.status, item.statusAsOf, item.source]).toEqual([last.status, last.asOf, last.source]);
    }
    expect(items.find((i) => i.id === 'wm2024-baixing-jianshen')!.statusHistory.map((e) => e.status)).toEqual(['not_started', 'in_progress']);
    expect(items).toHaveLength(table.length + yearly.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('says how much of each yearly list is known', () => {
    const run = cli('programmes', '--json');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; known: number; announced: number | null; summary: string }[];
    expect(rows.find((r) => r.id === 'weiminbanshishi-2021')).toMatchObject({ known: 14, announced: 22, summary: '14 of 22 known' });
    expect(rows.find((r) => r.id === 'minsheng-weishishi-2023')!.summary).toBe('117 of 117 known (complete)');
    expect(rows.find((r) => r.id === 'weiminbanshishi-2025')!.summary).toBe('1 known (size not published)');
    const plain = cli('programmes');
    expect(plain.stdout).toContain('晋江市2021年为民办实事项目\t14 of 22 known');
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
