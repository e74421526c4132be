/** `items` and `programmes`: the bundled dataset's items and yearly lists (DESIGN contract 5). */
import { bundledDataset } from '../data/dataset';
import type { Item, Programme, ProgrammeId, StatusEntry } from '../data/types';
import { CliError, type Command } from './command';

/** One item as `items --json` prints it; `seq` and `unit` only where a source gives them. */
export interface ItemRow {
  id: string;
  programme: ProgrammeId;
  year: number;
  seq?: number;
  unit?: string;
  name: string;
  status: Item['status'];
  statusAsOf: string;
  source: string;
  statusHistory: StatusEntry[];
}

export const toItemRow = (i: Item): ItemRow => ({
  id: i.id,
  programme: i.programme,
  year: i.year,
  ...(i.seq !== undefined && { seq: i.seq }),
  ...(i.unit !== undefined && { unit: i.unit }),
  name: i.name,
  status: i.status,
  statusAsOf: i.statusAsOf,
  source: i.source,
  statusHistory: i.statusHistory.map((e) => ({ status: e.status, asOf: e.asOf, source: e.source, ...(e.note !== undefined && { note: e.note }) })),
});

/** One yearly list as `programmes --json` prints it, with a line saying how much of it is known. */
export interface ProgrammeRow {
  id: string;
  programme: ProgrammeId;
  year: number;
  name: string;
  announced: number | null;
  known: number;
  complete: boolean;
  /** "14 of 22 known", "117 of 117 known (complete)", "1 known (size not published)". */
  summary: string;
  sources: string[];
  note?: string;
}

export function knownSummary(p: Pick<Programme, 'announced' | 'known' | 'complete'>): string {
  if (p.announced === null) return `${p.known} known (size not published)`;
  return `${p.known} of ${p.announced} known${p.complete ? ' (complete)' : ''}`;
}

export const toProgrammeRow = (p: Programme): ProgrammeRow => ({
  id: p.id,
  programme: p.programme,
  year: p.year,
  name: p.name,
  announced: p.announced,
  known: p.known,
  complete: p.complete,
  summary: knownSummary(p),
  sources: p.sources,
  ...(p.note !== undefined && { note: p.note }),
});

const onlyJson = (name: string, args: string[]) => {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) throw new CliError(`${name}: unknown option ${unknown[0]} (see: ${name} --help)`, 2);
};

export const itemsCommand: Command = {
  summary: 'list every item of the bundled dataset, all years (--json for machine-readable output)',
  help: `usage: npm run -s cli -- items [--json]

Prints every project of the bundled dataset: the yearly 为民办实事 lists and the 2023 民生微实事 table.
  --json   one JSON array of {id, programme, year, seq?, unit?, name, status, statusAsOf, source,
           statusHistory: [{status, asOf, source, note?}]} (status* = the latest history entry)
Without --json: one tab-separated line per item (programme, year, seq, unit, name, status, as of).
Lists known only in part: see \`programmes\`.`,
  async run(args) {
    onlyJson('items', args);
    const rows = bundledDataset.items.map(toItemRow);
    if (args.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n');
    else process.stdout.write(rows.map((r) => [r.programme, r.year, r.seq ?? '', r.unit ?? '', r.name, r.status, r.statusAsOf].join('\t')).join('\n') + '\n');
    return 0;
  },
};

export const programmesCommand: Command = {
  summary: 'list the yearly lists and how much of each the dataset knows (--json)',
  help: `usage: npm run -s cli -- programmes [--json]

Prints each yearly list (为民办实事 2021…, 民生微实事 2023) with how many items its sources announce
and how many the dataset holds ("14 of 22 known").
  --json   one JSON array of {id, programme, year, name, announced, known, complete, summary, sources, note?}`,
  async run(args) {
    onlyJson('programmes', args);
    const rows = bundledDataset.programmes.map(toProgrammeRow);
    if (args.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n');
    else process.stdout.write(rows.map((r) => [r.programme, r.year, r.name, r.summary].join('\t')).join('\n') + '\n');
    return 0;
  },
};
