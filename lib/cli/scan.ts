/**
 * `scan`: the recognition engine over files (DESIGN contract 5). One input → one JSON
 * object; several inputs or a folder → one JSON object per line, each naming its file;
 * --csv → one row per mention.
 */
import { bundledDataset } from '../data/dataset';
import { buildPack, type MatchPack } from '../match/pack';
import { scanText } from '../match/scan-text';
import type { ScanResult } from '../match/types';
import { explicitPageDate, pageDateFromHtml, pickPageDate, type PageDate, type PageMarkup } from '../text/page-date';
import { CliError, type Command } from './command';

/** A text input has no markup: its date comes from its byline or the --url. */
const NO_MARKUP: PageMarkup = { metas: [], times: [], jsonLd: [] };
import { expandPaths, readScanInput, type InputFormat } from './read-input';

interface ScanArgs {
  format: 'json' | 'csv';
  input: InputFormat;
  url?: string;
  date?: PageDate;
  signals: boolean;
  paths: string[];
}

function parseArgs(args: string[]): ScanArgs {
  const out: ScanArgs = { format: 'json', input: 'auto', signals: true, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') out.format = 'json';
    else if (a === '--csv') out.format = 'csv';
    else if (a === '--html') out.input = 'html';
    else if (a === '--text') out.input = 'text';
    else if (a === '--no-signals') out.signals = false;
    else if (a === '--url') {
      const v = args[++i];
      if (!v) throw new CliError('scan: --url needs an address', 2);
      out.url = v;
    } else if (a.startsWith('--url=')) out.url = a.slice(6);
    else if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? args[++i] : a.slice(7);
      const d = v ? explicitPageDate(v) : null;
      if (!d) throw new CliError(`scan: --date needs a real date as YYYY-MM-DD${v ? ` (got ${v})` : ''}`, 2);
      out.date = d;
    }
    else if (a === '-' || !a.startsWith('-')) out.paths.push(a);
    else throw new CliError(`scan: unknown option ${a} (see: scan --help)`, 2);
  }
  if (!out.paths.length) throw new CliError('scan: name a file, a folder, or - for standard input (see: scan --help)', 2);
  return out;
}

/** The contract's JSON shape, with the optional extras (confidence, evidence, signals). */
export function toJson(r: ScanResult, withSignals: boolean, pageDate: PageDate | null = null): Record<string, unknown> {
  return {
    relevant: r.relevant,
    score: r.score,
    pageDate,
    mentions: r.mentions.map((m) => ({
      kind: m.kind,
      start: m.start,
      end: m.end,
      text: m.text,
      unit: m.unit,
      ...(m.seq !== undefined ? { seq: m.seq } : {}),
      id: m.id,
      ...(m.kind === 'project' ? { programme: m.programme, year: m.year ?? null } : {}),
      ...(m.candidateYears ? { candidateYears: m.candidateYears } : {}),
      confidence: m.confidence,
      evidence: m.evidence,
    })),
    ...(withSignals ? { signals: r.signals } : {}),
  };
}

const CSV_HEADER = ['file', 'kind', 'start', 'end', 'text', 'unit', 'seq', 'id', 'programme', 'year', 'confidence'];

function csvField(v: unknown): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const scanCommand: Command = {
  summary: 'find lead units and projects in text or HTML files (--json, --csv)',
  help: `usage: npm run -s cli -- scan [--json | --csv] [--url URL] [--date YYYY-MM-DD] [--html | --text] FILE|FOLDER|- ...

Finds the lead units and projects of the bundled dataset in each input and judges whether
it is about Jinjiang's livelihood projects.

  FILE      a .txt file, or an .html file whose visible text is read like the extension does
  FOLDER    every .txt/.html file in it (recursively)
  -         standard input (HTML if it looks like HTML)
  --json    (default) one input: one JSON object
              {"relevant", "score", "pageDate": {"value", "evidence"} | null,
               "mentions": [{"kind", "start", "end", "text", "unit", "seq"?, "id", "programme"?, "year"?,
               "candidateYears"?, "confidence", "evidence"}], "signals": [{"kind", "text", "weight"}]}
            project mentions carry "programme" ("weiminbanshishi" | "minsheng-weishishi") and "year";
            a round the dataset holds no item for has "id": null and the year the text speaks of;
            one whose year cannot be told has "id": null, "year": null and "candidateYears"
            several inputs or a folder: one such object per line, each with "file"
  --csv     one row per mention: ${CSV_HEADER.join(',')}
  --url     the page's address (a Jinjiang news or government host counts for relevance; a date
            in it, /202402/06/, is the page's date when nothing better says one)
  --date    the page's date, overriding what its markup, byline or address say (今年 counts from it)
  --html, --text   read inputs as HTML / as plain text regardless of their names
  --no-signals     leave "signals" out of the JSON

Offsets are UTF-16 code units into the input's text (for HTML: into its extracted text).
Inputs that are missing, unreadable, binary, not UTF-8, empty or over 50 MB are refused with
one line on stderr and exit status 1 (in batch mode the other inputs are still scanned).`,
  async run(args) {
    const opts = parseArgs(args);
    const files = await expandPaths(opts.paths);
    const batch = files.length > 1 || opts.paths.length > 1 || files[0] !== opts.paths[0];
    let pack: MatchPack | undefined;
    let failures = 0;
    if (opts.format === 'csv') process.stdout.write(CSV_HEADER.join(',') + '\n');
    for (const file of files) {
      let result: ScanResult;
      let pageDate: PageDate | null;
      try {
        const input = await readScanInput(file, opts.input);
        pack ??= buildPack(bundledDataset);
        pageDate = opts.date ?? (input.html !== undefined ? pageDateFromHtml(input.html, input.text, opts.url) : pickPageDate(NO_MARKUP, input.text, opts.url));
        result = scanText(input.text, pack, { url: opts.url, pageDate: pageDate?.value });
      } catch (e) {
        if (!batch || !(e instanceof CliError)) throw e;
        process.stderr.write(`minsheng-lens: ${e.message}\n`);
        failures++;
        continue;
      }
      if (opts.format === 'csv') {
        const rows = result.mentions.map((m) =>
          [file, m.kind, m.start, m.end, m.text, m.unit, m.seq, m.id ?? '', m.programme, m.year ?? '', m.confidence].map(csvField).join(','),
        );
        if (rows.length) process.stdout.write(rows.join('\n') + '\n');
      } else if (batch) {
        process.stdout.write(JSON.stringify({ file, ...toJson(result, opts.signals, pageDate) }) + '\n');
      } else {
        process.stdout.write(JSON.stringify(toJson(result, opts.signals, pageDate)) + '\n');
      }
    }
    return failures ? 1 : 0;
  },
};
