/**
 * Issue 11, item 7: a page is read with the dataset the user installed, not only the bundled one.
 * The real background service (fake IndexedDB) holds an installed dataset in which one project the
 * demo article mentions changed status and another was removed; the overlay, wired as the content
 * script wires it (lib/overlay/engine-source.ts), must show the first with its new status and not
 * mention the second at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundService } from '../../../lib/background/service';
import { bundledDataset } from '../../../lib/data/dataset';
import type { Dataset } from '../../../lib/data/types';
import { installDataset } from '../../../lib/db/installed-dataset';
import { LensDb } from '../../../lib/db/schema';
import { buildPack } from '../../../lib/match/pack';
import type { Envelope, Request } from '../../../lib/messaging/protocol';
import { createRouter } from '../../../lib/messaging/router';
import { indexDataset } from '../../../lib/overlay/card-model';
import { Overlay } from '../../../lib/overlay/controller';
import type { Send } from '../../../lib/messaging/protocol';
import { mountOverlayView } from '../../../components/overlay/mount';
import { createEngineSource } from '../../../lib/overlay/engine-source';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';

const demo = readFileSync(join(__dirname, '../../demo/site/index.html'), 'utf8');
const article = demo.slice(demo.indexOf('<article>'), demo.indexOf('</article>') + '</article>'.length);
const bundledEngine = { pack: buildPack(bundledDataset), index: indexDataset(bundledDataset) };

let db: LensDb;
let n = 0;
beforeEach(() => {
  document.body.innerHTML = article; // our own fixture, written for this project
  db = new LensDb(`installed-dataset-${n++}`);
});
afterEach(() => db.delete());

function wire(bundled: Dataset) {
  const service = createBackgroundService({ dataset: bundled, openDb: async () => db, version: 't', loadSettings: async () => ({ ...DEFAULT_SETTINGS, sightingsMode: 'off' }) });
  const route = createRouter('me', service.handlers, 'chrome-extension://me/');
  const page = { id: 'me', tab: { id: 1 }, frameId: 0, url: 'https://www.jinjiang.gov.cn/demo.html' };
  let fetches = 0;
  const request = (async (req: Request) => {
    if (req.type === 'dataset/engine') fetches++;
    const answer = (await route(JSON.parse(JSON.stringify(req)), page)) as Envelope<unknown>;
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  }) as Send;
  let switched: Promise<void> = Promise.resolve();
  const engines = createEngineSource({ bundledHash: bundled.meta.hash, loadBundled: () => bundledEngine, send: request, onSwitch: () => void (switched = overlay.datasetChanged()) });
  const overlay: Overlay = new Overlay({ doc: document, engine: engines.get, mountView: (store) => mountOverlayView(document, store), send: engines.send });
  const run = async () => {
    await overlay.start();
    await switched;
    return overlay.report();
  };
  return { service, overlay, run, fetches: () => fetches };
}

describe('pages use the installed dataset', () => {
  it('shows a changed status and drops a removed project after a newer dataset was installed', async () => {
    const { service, overlay, run, fetches } = wire(bundledDataset);
    await service.ensureDataset();
    const before = await run();
    overlay.dispose();
    const projects = before.targets.filter((t) => t.kind === 'project');
    expect(projects.length).toBeGreaterThan(3);
    expect(fetches()).toBe(0); // the bundled dataset is installed: nothing to fetch
    const [changed, removed] = [projects[0]!, projects[1]!];
    expect(changed.status).toBe('completed');

    const items = bundledDataset.items.filter((i) => i.id !== removed.id).map((i) => (i.id === changed.id ? { ...i, status: 'in_progress' as const } : i));
    const newer: Dataset = { ...bundledDataset, items, meta: { ...bundledDataset.meta, version: '9.1.0', hash: 'f'.repeat(64) } };
    await installDataset(db, newer, bundledDataset.meta.hash);

    document.body.innerHTML = article;
    const { run: runAgain, fetches: fetchesAgain } = wire(bundledDataset);
    const after = await runAgain();
    expect(fetchesAgain()).toBe(1);
    expect(after.state).toBe('active');
    expect(after.targets.find((t) => t.id === changed.id)?.status).toBe('in_progress');
    expect(after.targets.some((t) => t.id === removed.id)).toBe(false);
  });

  it('the background answers the installed dataset’s pack and cards, and nothing while the bundled one is installed', async () => {
    const { service } = wire(bundledDataset);
    const route = createRouter('me', service.handlers, 'chrome-extension://me/');
    const page = { id: 'me', tab: { id: 1 }, frameId: 0, url: 'https://www.jinjiang.gov.cn/a.html' };
    expect(await route({ type: 'dataset/engine' }, page)).toEqual({ ok: true, value: null });
    const newer: Dataset = { ...bundledDataset, items: bundledDataset.items.slice(1), meta: { ...bundledDataset.meta, version: '9.1.0', hash: 'e'.repeat(64) } };
    await installDataset(db, newer, bundledDataset.meta.hash);
    const answer = (await route({ type: 'dataset/engine' }, page)) as Envelope<{ hash: string; cards: Dataset }>;
    expect(answer.ok && answer.value.hash).toBe('e'.repeat(64));
    expect(answer.ok && answer.value.cards.items.length).toBe(bundledDataset.items.length - 1);
    // Restoring the bundled dataset (from the options page) puts pages back on it.
    const restored = await route({ type: 'dataset/restore' }, { id: 'me', url: 'chrome-extension://me/options.html' });
    expect(restored).toEqual({ ok: true, value: { version: bundledDataset.meta.version } });
    expect(await route({ type: 'dataset/engine' }, page)).toEqual({ ok: true, value: null });
    expect(await db.items.count()).toBe(bundledDataset.items.length);
  });
});
