import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browserLocale, loadSettings, saveSettings } from '../../../lib/settings/store';
import { SETTINGS_KEY } from '../../../lib/settings/settings';

const prefer = (...languages: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the UI language in storage', () => {
  it("is the browser's until the reader picks one, even after other settings are saved", async () => {
    prefer('en-GB', 'en');
    expect(browserLocale()).toBe('en');
    await saveSettings({ sightingsMode: 'followed' });
    expect(((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>).locale).toBeUndefined();
    expect((await loadSettings()).locale).toBe('en');
    prefer('zh-CN', 'en');
    expect((await loadSettings()).locale).toBe('zh_CN');
    expect((await loadSettings()).sightingsMode).toBe('followed');
  });

  it('stays what the reader picked whatever the browser says', async () => {
    prefer('zh-CN');
    await saveSettings({ locale: 'en' });
    await saveSettings({ wrapHighlights: true });
    expect((await loadSettings()).locale).toBe('en');
  });
});
