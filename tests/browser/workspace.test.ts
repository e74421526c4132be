/**
 * The reader's workspace in real Chromium with the built extension: search, follow and note
 * editing in the side panel (opened as a tab), then export → wipe → import from the options
 * page with the downloaded files checked byte for byte where it matters (the CSV's BOM).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { launchWithExtension, OUTPUT_DIR, type ExtensionBrowser, storedRows } from './harness';

let browser: ExtensionBrowser;
const pageUrl = (name: string) => `chrome-extension://${browser.extensionId}/${name}.html`;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

const rows = (store: string) => storedRows(browser, store);

async function openReady(name: 'sidepanel' | 'options'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: name === 'sidepanel' ? 420 : 900, height: 1000 });
  await page.goto(pageUrl(name));
  await expect.poll(() => page.getByTestId('count-countItems').textContent(), { timeout: 15_000 }).toContain(String(bundledDataset.items.length));
  return page;
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

const NOTE = '园区里办理驾驶证业务更方便了';
const EDITED = '园区里办理驾驶证业务更方便了（已向公安局核实）';

describe('the side panel and options page', () => {
  it('finds item 23 by 微车管所, follows it, keeps an edited note across a reload', async () => {
    const panel = await openReady('sidepanel');
    await panel.getByLabel('搜索项目或牵头单位').fill('微车管所');
    const hit = panel.getByTestId('result-mw2023-023');
    await hit.waitFor();
    expect(await hit.textContent()).toContain('推动“微车管所”进五里工业园区');
    await panel.screenshot({ path: join(OUTPUT_DIR, 'sidepanel-search.png') });
    await hit.click();

    const detail = panel.getByTestId('detail');
    await expect.poll(() => detail.locator('h2').textContent()).toBe('推动“微车管所”进五里工业园区');
    const follow = detail.getByRole('button', { name: /关注/ });
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');

    await detail.locator('summary', { hasText: '添加笔记' }).click();
    const adder = detail.locator('details.add-note');
    await adder.getByLabel('笔记内容').fill(NOTE);
    await adder.getByLabel('标签（用逗号分隔）').fill('交通，园区');
    await adder.getByRole('button', { name: '保存笔记' }).click();
    const card = detail.locator('article.note');
    await expect.poll(() => card.locator('.note-body').textContent()).toBe(NOTE);

    await card.getByRole('button', { name: '编辑' }).click();
    await card.getByLabel('笔记内容').fill(EDITED);
    await card.getByRole('button', { name: '保存笔记' }).click();
    await expect.poll(() => card.locator('.note-body').textContent()).toBe(EDITED);
    await panel.screenshot({ path: join(OUTPUT_DIR, 'sidepanel-detail.png'), fullPage: true });

    await panel.reload();
    await expect.poll(() => panel.getByTestId('count-countItems').textContent(), { timeout: 15_000 }).toContain(String(bundledDataset.items.length));
    await panel.getByRole('tab', { name: '笔记' }).click();
    await expect.poll(() => panel.locator('article.note .note-body').allTextContents()).toEqual([EDITED]);
    expect(await panel.locator('article.note .tags').textContent()).toContain('#交通');
    await panel.getByRole('tab', { name: '关注' }).click();
    await panel.getByTestId('follow-mw2023-023').waitFor();
    await panel.screenshot({ path: join(OUTPUT_DIR, 'sidepanel-following.png'), fullPage: true });
    await panel.close();

    expect(await rows('follows')).toEqual([expect.objectContaining({ key: 'item:mw2023-023', statusWhenFollowed: 'completed' })]);
  });

  it('narrows 自办食堂 to 2024 and shows that year’s list is known in part', async () => {
    const panel = await openReady('sidepanel');
    await panel.getByLabel('搜索项目或牵头单位').fill('自办食堂');
    await panel.getByTestId('result-wm2021-ziban-shitang').waitFor();
    expect(await panel.getByTestId('result-list-wm2021-ziban-shitang').textContent()).toBe('2021年为民办实事');
    await panel.locator('details.filters summary').click();
    await panel.getByLabel('年份').selectOption('2024');
    await expect.poll(() => panel.locator('button.result').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.testid))).toEqual(['result-wm2024-ziban-shitang']);
    await panel.getByTestId('result-wm2024-ziban-shitang').click();
    const detail = panel.getByTestId('detail');
    await expect.poll(() => detail.getByTestId('detail-coverage').textContent()).toBe('数据集收录了2024年为民办实事清单 20 项中的 11 项');
    expect(await detail.getByTestId('detail-status').textContent()).toContain('状态来源日期 2024-09-30');
    await panel.screenshot({ path: join(OUTPUT_DIR, 'sidepanel-year-detail.png'), fullPage: true });
    await panel.close();
  });

  it('exports JSON and CSV, and after a wipe imports the JSON back to identical data', async () => {
    const options = await openReady('options');
    const json = await download(options, 'export-json');
    expect(json.name).toMatch(/^minsheng-lens-backup-\d{8}-\d{4}\.json$/);
    const backup = JSON.parse(json.bytes.toString('utf8')) as { format: string; notes: { body: string }[]; follows: unknown[]; dataset: { version: string } };
    expect(backup.format).toBe('minsheng-lens/backup');
    expect(backup.dataset.version).toBeTruthy();
    expect(backup.notes.map((n) => n.body)).toEqual([EDITED]);
    expect(backup.follows).toHaveLength(1);

    const csv = await download(options, 'export-notesCsv');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFnote_id,created,updated,target_kind,target_id,target_name,page_title,page_url,quote,note,tags');
    expect(text).toContain(EDITED);
    expect(text).toContain('推动“微车管所”进五里工业园区');

    const before = { notes: await rows('notes'), follows: await rows('follows'), sightings: await rows('sightings') };
    await options.getByRole('button', { name: /清除全部笔记/ }).click();
    await options.getByTestId('wipe-confirm').click();
    await expect.poll(() => rows('notes')).toEqual([]);
    expect(await rows('follows')).toEqual([]);

    const file = join(OUTPUT_DIR, 'workspace-backup.json');
    writeFileSync(file, json.bytes);
    await options.setInputFiles('#import-file', file);
    const summary = options.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('笔记：新增 1，更新 0，不变 0');
    expect(await rows('notes')).toEqual([]);
    await options.screenshot({ path: join(OUTPUT_DIR, 'options-import-preview.png'), fullPage: true });
    await options.getByTestId('import-confirm').click();
    await options.getByTestId('import-done').waitFor();

    expect({ notes: await rows('notes'), follows: await rows('follows'), sightings: await rows('sightings') }).toEqual(before);
    const again = JSON.parse((await download(options, 'export-json')).bytes.toString('utf8')) as Record<string, unknown>;
    expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
    // The same file chosen again on the same page: read afresh, and now it changes nothing.
    await options.setInputFiles('#import-file', file);
    await expect.poll(() => options.getByTestId('import-summary').textContent(), { timeout: 5_000 }).toContain('笔记：新增 0，更新 0，不变 1');
    await options.screenshot({ path: join(OUTPUT_DIR, 'options.png'), fullPage: true });
    await options.close();
  });
});
