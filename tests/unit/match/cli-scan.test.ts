/** `cli scan` as a researcher uses it: contract 5's JSON, batch JSONL, CSV, and bad input. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scanCommand } from '../../../lib/cli/scan';
import { CliError } from '../../../lib/cli/command';
import { MAX_INPUT_BYTES, decodeText } from '../../../lib/cli/read-input';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scan-'));
  writeFileSync(join(dir, 'a.txt'), '晋江市公安局推动“微车管所”进五里工业园区，为民办实事。');
  writeFileSync(join(dir, 'b.html'), '<html><head><title>晋江市民政局</title></head><body><p>晋江：池店镇龙池路改造工程完工</p><script>晋江市财政局</script></body></html>');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  writeFileSync(join(dir, 'gbk.txt'), Buffer.from([0xbd, 0xfa, 0xbd, 0xad])); // 晋江 in GBK
  mkdirSync(join(dir, 'nothing'));
  writeFileSync(join(dir, 'nothing', 'x.png'), 'x');
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await scanCommand.run(args);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('cli scan', () => {
  it('prints one JSON object with the contract’s fields for one file', async () => {
    const { code, out } = await run(['--json', join(dir, 'a.txt')]);
    expect(code).toBe(0);
    const r = JSON.parse(out) as { relevant: boolean; score: number; mentions: Array<Record<string, unknown>> };
    expect(r.relevant).toBe(true);
    expect(typeof r.score).toBe('number');
    expect(r.mentions[0]).toMatchObject({ kind: 'unit', start: 0, end: 6, text: '晋江市公安局', unit: '公安局', id: 'gonganju' });
    expect(r.mentions[1]).toMatchObject({ kind: 'project', text: '推动“微车管所”进五里工业园区', unit: '公安局', seq: 23 });
    expect(Object.keys(r.mentions[0]!).slice(0, 6)).toEqual(['kind', 'start', 'end', 'text', 'unit', 'id']);
  });

  it('reads HTML the way the content script does (no title, no scripts)', async () => {
    const r = JSON.parse((await run([join(dir, 'b.html')])).out) as { mentions: Array<{ text: string; seq?: number }> };
    expect(r.mentions.map((m) => m.text)).toEqual(['池店镇龙池路改造工程']);
  });

  it('writes one JSON line per file, each naming it, for a folder or several files', async () => {
    const { out } = await run([join(dir, 'a.txt'), join(dir, 'b.html')]);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual([join(dir, 'a.txt'), join(dir, 'b.html')]);
  });

  it('writes one CSV row per mention', async () => {
    const { out } = await run(['--csv', join(dir, 'a.txt')]);
    const rows = out.trim().split('\n');
    expect(rows[0]).toBe('file,kind,start,end,text,unit,seq,id,programme,year,confidence');
    expect(rows[2]).toContain(',project,');
    expect(rows[2]).toContain(',23,mw2023-023,minsheng-weishishi,2023,');
  });

  it('refuses bad input with one clear message', async () => {
    const fail = async (args: string[], message: RegExp) => {
      const err = await scanCommand.run(args).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CliError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    };
    await fail([join(dir, 'missing.txt')], /no such file/);
    await fail([join(dir, 'empty.txt')], /empty/);
    await fail([join(dir, 'bin.txt')], /binary/);
    await fail([join(dir, 'gbk.txt')], /not valid UTF-8/);
    await fail([join(dir, 'nothing')], /no \.txt or \.html files/);
    await fail([], /name a file/);
    await fail(['--frobnicate', join(dir, 'a.txt')], /unknown option/);
  });

  it('in batch mode reports a bad file on stderr, scans the rest and exits 1', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { code, out } = await run([join(dir, 'a.txt'), join(dir, 'empty.txt')]);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(String(err.mock.calls[0]?.[0])).toMatch(/empty\.txt: file is empty/);
  });

  it('decodes UTF-8 with a BOM and UTF-16 with a BOM, and knows the size limit', () => {
    expect(decodeText('x', new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0x99, 0x8b]))).toBe('晋');
    expect(decodeText('x', new Uint8Array([0xff, 0xfe, 0x4b, 0x66]))).toBe('晋');
    expect(MAX_INPUT_BYTES).toBe(50 * 1024 * 1024);
  });
});

describe('cli scan: the page’s date', () => {
  type Out = { pageDate: { value: string; evidence: string } | null; mentions: Array<Record<string, unknown>> };
  it('finds the date in HTML markup, in a text’s byline or its --url, and --date overrides them', async () => {
    const html = join(dir, 'dated.html');
    writeFileSync(html, '<html><head><meta property="article:published_time" content="2023-10-12T09:00:00+08:00"></head><body><p>晋江市公安局推动“微车管所”进园区。</p></body></html>');
    let r = JSON.parse((await run([html])).out) as Out;
    expect(r.pageDate).toEqual({ value: '2023-10-12', evidence: 'meta[article:published_time]' });
    expect(r.mentions.find((m) => m.kind === 'project')).toMatchObject({ id: 'mw2023-023', programme: 'minsheng-weishishi', year: 2023 });
    r = JSON.parse((await run(['--date', '2025-01-02', html])).out) as Out;
    expect(r.pageDate).toEqual({ value: '2025-01-02', evidence: '--date' });
    const txt = join(dir, 'byline.txt');
    writeFileSync(txt, '发布时间：2024-09-21 来源：晋江市人民政府\n晋江市公安局推动“微车管所”进园区。');
    expect((JSON.parse((await run([txt])).out) as Out).pageDate?.value).toBe('2024-09-21');
    expect((JSON.parse((await run(['--url', 'https://www.ijjnews.com/news/2023-12/08/c.htm', join(dir, 'a.txt')])).out) as Out).pageDate)
      .toEqual({ value: '2023-12-08', evidence: 'url: /2023-12/08/' });
    expect((JSON.parse((await run([join(dir, 'a.txt')])).out) as Out).pageDate).toBeNull();
  });

  it('refuses a --date that is not a real YYYY-MM-DD date', async () => {
    await expect(run(['--date', '2024-02-30', join(dir, 'a.txt')])).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(['--date', join(dir, 'a.txt')])).rejects.toBeInstanceOf(CliError);
  });
});

describe('cli scan: years', () => {
  type Out = { mentions: Array<Record<string, unknown>> };
  it('reports a round the dataset lacks with id null and its year, and an untold year with candidateYears', async () => {
    const f = join(dir, 'rounds.txt');
    writeFileSync(f, '晋江为民办实事项目：今年新一轮智慧停车建设过半。\n长者食堂越办越多。');
    const dated = JSON.parse((await run(['--date', '2025-07-08', f])).out) as Out;
    expect(dated.mentions.filter((m) => m.kind === 'project').map((m) => [m.text, m.id, m.programme, m.year])).toEqual([
      ['智慧停车', null, 'weiminbanshishi', 2025],
      ['长者食堂', 'wm2025-zhangzhe-shitang', 'weiminbanshishi', 2025],
    ]);
    const undated = JSON.parse((await run([f])).out) as Out;
    expect(undated.mentions.find((m) => m.text === '长者食堂')).toMatchObject({ id: null, year: null, candidateYears: [2022, 2025] });
  });
});
