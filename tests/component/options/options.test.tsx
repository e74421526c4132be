import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsView } from '../../../components/options/OptionsView';
import { bundledDataset } from '../../../lib/data/dataset';
import { datasetHash } from '../../../lib/data/hash';
import type { LensDb } from '../../../lib/db/schema';
import { backupToJson, exportBackup } from '../../../lib/export/backup';
import { wipeUserData } from '../../../lib/export/import';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings';
import { loadSettings } from '../../../lib/settings/store';
import { addSampleRows, userTables } from '../../helpers/user-rows';
import { renderIn, seededDb } from '../workspace/setup';

let db: LensDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await seededDb();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const show = (settings: Settings = DEFAULT_SETTINGS) => renderIn(<OptionsView db={db} settings={settings} />);

function chooseFile(input: HTMLElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/** Captures what the export buttons hand to the browser. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}

describe('options page', () => {
  it('keeps the dataset summary first and the language select labelled', async () => {
    show();
    await waitFor(() => expect(screen.getByTestId('count-countItems').textContent).toContain(String(bundledDataset.items.length)));
    // Counted from the database per list, not copied from the dataset file.
    expect(screen.getByTestId('programme-weiminbanshishi-2021').textContent).toBe('数据集收录了2021年为民办实事清单 22 项中的 14 项');
    expect(screen.getByTestId('programme-weiminbanshishi-2024').textContent).toBe('数据集收录了2024年为民办实事清单 20 项中的 11 项');
    // The source shown is the one most items rest on (the 2023 table's article), not the first by id.
    expect(screen.getByTestId('dataset-source').textContent).toContain('晋江经济报 · 2024-02-06');
    expect(screen.getByTestId('dataset-source').textContent).toContain(`另有 ${bundledDataset.sources.length - 1} 个来源`);
    expect(document.querySelector('h2')?.textContent).toBe('数据集');
    expect(screen.getByLabelText('界面语言')).toBeTruthy();
  });

  it('adds and removes sites, asking for the permission of a new one, refusing something that is not a host name', async () => {
    const request = vi.fn<(p: unknown) => Promise<boolean>>().mockResolvedValue(true);
    (fakeBrowser as unknown as { permissions: Record<string, unknown> }).permissions.request = request;
    show();
    fireEvent.input(screen.getByLabelText('网站域名'), { target: { value: 'https://www.example.gov.cn/news/1.html' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(async () => expect((await loadSettings()).autoSites).toContain('example.gov.cn'));
    expect(request).not.toHaveBeenCalled(); // covered by gov.cn, which the extension already runs on
    fireEvent.input(screen.getByLabelText('网站域名'), { target: { value: 'news.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(async () => expect((await loadSettings()).autoSites).toContain('news.example.org'));
    expect(request).toHaveBeenCalledWith({ origins: ['http://news.example.org/*', 'http://*.news.example.org/*', 'https://news.example.org/*', 'https://*.news.example.org/*'] });
    fireEvent.input(screen.getByLabelText('网站域名'), { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(screen.getByRole('alert').textContent).toContain('不是有效的网站域名');
    fireEvent.click(screen.getByRole('button', { name: '移除 ijjnews.com' }));
    await waitFor(async () => expect((await loadSettings()).autoSites).not.toContain('ijjnews.com'));
  });

  it('lists the sites turned off from the popup and turns one back on', async () => {
    show({ ...DEFAULT_SETTINGS, disabledSites: ['www.jinjiang.gov.cn'] });
    const list = screen.getByTestId('disabled-sites');
    expect(list.textContent).toContain('jinjiang.gov.cn');
    fireEvent.click(within(list).getByRole('button', { name: '恢复运行' }));
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });

  it('asks for the all-sites permission when ticked, and stays off when refused', async () => {
    const request = vi.fn<(p: unknown) => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    (fakeBrowser as unknown as { permissions: Record<string, unknown> }).permissions.request = request;
    show();
    const box = screen.getByLabelText('在所有网站上运行');
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('没有获得权限'));
    expect(request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    expect((await loadSettings()).allSites).toBe(false);
    fireEvent.click(box);
    await waitFor(async () => expect((await loadSettings()).allSites).toBe(true));
  });

  it('warns about and refuses highlight colours with too little contrast', async () => {
    show();
    const project = screen.getByRole('group', { name: '项目' });
    fireEvent.input(within(project).getByLabelText('文字'), { target: { value: '#ffff66' } });
    await waitFor(() => expect(within(project).getByRole('alert').textContent).toContain('4.5:1'));
    expect((await loadSettings()).highlightColours.project).toEqual(DEFAULT_SETTINGS.highlightColours.project);
    fireEvent.input(within(project).getByLabelText('文字'), { target: { value: '#000000' } });
    await waitFor(async () => expect((await loadSettings()).highlightColours.project.text).toBe('#000000'));
    expect(within(project).queryByRole('alert')).toBeNull();
  });

  it('saves which sightings to record', async () => {
    show();
    fireEvent.click(screen.getByLabelText('只记录已关注的项目'));
    await waitFor(async () => expect((await loadSettings()).sightingsMode).toBe('followed'));
  });

  it('exports JSON, CSV with BOM, Markdown and W3C as downloads', async () => {
    await addSampleRows(db);
    const files = captureDownloads();
    show();
    for (const k of ['json', 'notesCsv', 'sightingsCsv', 'markdown', 'w3c']) fireEvent.click(screen.getByTestId(`export-${k}`));
    await waitFor(() => expect(files).toHaveLength(5));
    expect(files.map((f) => f.name.replace(/\d{8}-\d{4}/, 'D'))).toEqual([
      'minsheng-lens-backup-D.json',
      'minsheng-lens-notes-D.csv',
      'minsheng-lens-sightings-D.csv',
      'minsheng-lens-notes-D.md',
      'minsheng-lens-annotations-D.jsonld',
    ]);
    const bytes = new Uint8Array(await files[1]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(JSON.parse(await files[0]!.blob.text())).toMatchObject({ format: 'minsheng-lens/backup', version: 1 });
    expect(JSON.parse(await files[4]!.blob.text())).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    expect(screen.getByRole('status').textContent).toContain('已导出');
  });

  it('imports a backup: summary first, nothing written until confirmed, then identical data', async () => {
    await addSampleRows(db);
    const before = await userTables(db);
    const json = backupToJson(await exportBackup(db));
    await wipeUserData(db);
    show();
    chooseFile(screen.getByLabelText(/选择文件/), new File([json], 'backup.json', { type: 'application/json' }));
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('笔记：新增 3，更新 0，不变 0');
    expect(summary.textContent).toContain('出现记录：新增 3');
    expect(await db.notes.count()).toBe(0);
    fireEvent.click(screen.getByTestId('import-confirm'));
    await screen.findByTestId('import-done');
    expect(await userTables(db)).toEqual(before);
  });

  it('explains a bad file and writes nothing', async () => {
    show();
    chooseFile(screen.getByLabelText(/选择文件/), new File(['{"format":"minsheng-lens/backup","version":1,"notes":[{"id":'], 'cut.json'));
    expect((await screen.findByTestId('import-error')).textContent).toContain('文件不完整');
    chooseFile(screen.getByLabelText(/选择文件/), new File(['{"format":"minsheng-lens/backup","version":7}'], 'v7.json'));
    await waitFor(() => expect(screen.getByTestId('import-error').textContent).toContain('不支持这个备份版本'));
    expect(await db.notes.count()).toBe(0);
  });

  it('previews a newer dataset with followed status changes first, then installs it', async () => {
    await db.follows.add({ key: 'item:mw2023-024', target: { kind: 'item', id: 'mw2023-024' }, targetId: 'mw2023-024', createdAt: Date.now(), statusWhenFollowed: 'completed' });
    const d = structuredClone(bundledDataset);
    d.meta.version = '2.1.0';
    for (const i of d.items) {
      if (i.seq !== 23 && i.seq !== 24) continue;
      i.statusHistory.push({ status: 'in_progress', asOf: '2024-06-01', source: i.source });
      Object.assign(i, { status: 'in_progress', statusAsOf: '2024-06-01' });
      delete i.statusNote;
    }
    d.meta.counts.completed -= 2;
    d.meta.hash = await datasetHash(d);
    show();
    chooseFile(screen.getByLabelText(/选择数据集文件/), new File([JSON.stringify(d)], 'dataset.json'));
    const list = await screen.findByTestId('dataset-status-changes');
    const rows = within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(rows[0]).toMatch(/^★ 已关注 · 2023年民生微实事 · 24\./);
    expect(rows[1]).toMatch(/^2023年民生微实事 · 23\..*已完成 → 推进中/);
    fireEvent.click(screen.getByRole('button', { name: '安装此数据集' }));
    // Installing copies the whole dataset: give a loaded machine time.
    await screen.findByText('已安装数据集 2.1.0。', {}, { timeout: 8_000 });
    expect((await db.items.get('mw2023-024'))?.status).toBe('in_progress');
    expect(await db.follows.count()).toBe(1);
  });

  it('names the rows of yours a backup would overwrite before importing', async () => {
    await addSampleRows(db);
    const backup = await exportBackup(db);
    const mine = backup.notes[0]!.body;
    backup.notes[0] = { ...backup.notes[0]!, body: '文件里的新版本', updatedAt: backup.notes[0]!.updatedAt + 60_000 };
    show();
    chooseFile(screen.getByLabelText(/选择文件/), new File([backupToJson(backup)], 'backup.json', { type: 'application/json' }));
    const list = await screen.findByTestId('import-overwrites');
    expect(list.textContent).toContain('您的 1 条记录将被文件中的版本替换');
    expect(list.textContent).toContain(mine.slice(0, 20));
    expect((await db.notes.get(backup.notes[0]!.id))?.body).toBe(mine);
  });

  it('asks a second time before a dataset that removes a project you follow, and lists what changes under kept ids', async () => {
    const gone = bundledDataset.items.find((i) => i.programme === 'weiminbanshishi')!;
    await db.follows.add({ key: `item:${gone.id}`, target: { kind: 'item', id: gone.id }, targetId: gone.id, createdAt: Date.now(), statusWhenFollowed: gone.status });
    await db.follows.add({ key: 'item:mw2023-030', target: { kind: 'item', id: 'mw2023-030' }, targetId: 'mw2023-030', createdAt: Date.now(), statusWhenFollowed: 'completed' });
    const d = structuredClone(bundledDataset);
    d.meta.version = `${bundledDataset.meta.version.split('.')[0]}.9.0`;
    d.items = d.items.filter((i) => i.id !== gone.id).map((i) => (i.id === 'mw2023-030' ? { ...i, name: '换了名字的项目' } : i));
    d.programmes.find((p) => p.programme === gone.programme && p.year === gone.year)!.known -= 1;
    const list = d.programmes.find((p) => p.programme === gone.programme && p.year === gone.year)!;
    list.complete = list.announced !== null && list.known === list.announced;
    d.meta.counts = { ...d.meta.counts, items: d.items.length, completed: d.items.filter((i) => i.status === 'completed').length };
    d.meta.hash = await datasetHash(d);
    show();
    chooseFile(screen.getByLabelText(/选择数据集文件/), new File([JSON.stringify(d)], 'dataset.json'));
    const identity = await screen.findByTestId('dataset-identity-changes');
    expect(identity.textContent).toContain('换了名字的项目');
    expect(screen.getByTestId('dataset-risk-kept').textContent).toContain('1');
    fireEvent.click(screen.getByTestId('dataset-apply'));
    await screen.findByText('确定吗？请先核对上面的列表。');
    expect(await db.items.count()).toBe(bundledDataset.items.length);
    fireEvent.click(screen.getByRole('button', { name: '是的，仍然安装' }));
    await screen.findByText(`已安装数据集 ${d.meta.version}。`, {}, { timeout: 8_000 });
    expect(await db.items.count()).toBe(bundledDataset.items.length - 1);
  });
});
