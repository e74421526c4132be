/**
 * `npm run data`: rebuilds data/dataset.json from data/source and data/curated.
 * `npx tsx scripts/build-data.ts --check`: exits 1 if the committed dataset.json differs from a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset, DATASET_OUTPUT, REPO_ROOT, serializeDataset } from './data/build-dataset';

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`scripts/build-data.ts: unknown option ${unknown[0]}\nusage: tsx scripts/build-data.ts [--check]\n`);
    return 2;
  }
  const dataset = await buildDataset();
  const fresh = serializeDataset(dataset);
  const outPath = join(REPO_ROOT, DATASET_OUTPUT);
  const { counts, hash } = dataset.meta;
  const lists = dataset.programmes.map((p) => `${p.id} ${p.known}/${p.announced ?? "?"}`).join(", ");
  const summary = `${counts.items} items (${counts.completed} completed) in ${counts.programmes} lists (${lists}), ${counts.series} series, ${counts.units} units, ${counts.places} places, ${counts.figures} figures; hash ${hash.slice(0, 12)}`;

  if (args.includes('--check')) {
    let committed: string | undefined;
    try {
      committed = readFileSync(outPath, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== fresh) {
      const why = committed === undefined ? 'is missing' : 'differs from a fresh build of data/source and data/curated';
      process.stderr.write(`${DATASET_OUTPUT} ${why}.\nRun \`npm run data\` and commit the result.\n`);
      return 1;
    }
    process.stdout.write(`${DATASET_OUTPUT} is up to date: ${summary}\n`);
    return 0;
  }
  writeFileSync(outPath, fresh);
  process.stdout.write(`wrote ${DATASET_OUTPUT}: ${summary}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`scripts/build-data.ts: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
