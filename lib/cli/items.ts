/** `items`: every item of the bundled dataset (DESIGN contract 5). */
import { bundledDataset } from '../data/dataset';
import type { Item } from '../data/types';
import { CliError, type Command } from './command';

export interface ItemRow {
  seq: number;
  id: string;
  unit: string;
  name: string;
  status: Item['status'];
  statusAsOf: string;
  source: string;
}

export const toItemRow = (i: Item): ItemRow => ({ seq: i.seq, id: i.id, unit: i.unit, name: i.name, status: i.status, statusAsOf: i.statusAsOf, source: i.source });

export const itemsCommand: Command = {
  summary: 'list every item of the bundled dataset (--json for machine-readable output)',
  help: `usage: npm run -s cli -- items [--json]

Prints every project of the bundled dataset.
  --json   one JSON array of {seq, id, unit, name, status, statusAsOf, source}
Without --json: one tab-separated line per item.`,
  async run(args) {
    const unknown = args.filter((a) => a !== '--json');
    if (unknown.length) throw new CliError(`items: unknown option ${unknown[0]} (see: items --help)`, 2);
    const rows = bundledDataset.items.map(toItemRow);
    if (args.includes('--json')) process.stdout.write(JSON.stringify(rows) + '\n');
    else process.stdout.write(rows.map((r) => [r.seq, r.unit, r.name, r.status, r.statusAsOf].join('\t')).join('\n') + '\n');
    return 0;
  },
};
