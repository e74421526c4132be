/** Reading and writing settings through the WebExtension storage API. */
import { browser } from 'wxt/browser';
import type { Locale } from '../i18n';
import { localeForLanguages, normaliseSettings, SETTINGS_KEY, type Settings } from './settings';

/** The browser's language as a UI locale: its preferred languages, else its UI language. */
export function browserLocale(): Locale {
  const nav = globalThis.navigator as Navigator | undefined;
  const languages = nav?.languages?.length ? nav.languages : [nav?.language ?? browser.i18n.getUILanguage()];
  return localeForLanguages(languages);
}

async function storedSettings(): Promise<Record<string, unknown>> {
  const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
}

export async function loadSettings(): Promise<Settings> {
  return normaliseSettings(await storedSettings(), browserLocale());
}

/** Saves `patch`; the language is stored only once the reader has chosen one, so until then it follows the browser's. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const stored = await storedSettings();
  const next = normaliseSettings({ ...stored, ...patch }, browserLocale());
  const { locale, ...rest } = next;
  await browser.storage.local.set({ [SETTINGS_KEY]: 'locale' in stored || patch.locale ? next : rest });
  return { ...rest, locale };
}

/** Calls `listener` whenever settings change in any extension context. */
export function watchSettings(listener: (s: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) listener(normaliseSettings(changes[SETTINGS_KEY].newValue, browserLocale()));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
