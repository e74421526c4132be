/**
 * UI strings in Chinese (default) and English. The extension's own language setting picks
 * the dictionary, so users can read the UI in either language whatever the browser's locale;
 * `_locales/` only carries the manifest's name and description.
 */
import { en } from './en';
import { zh_CN, type MessageKey } from './zh_CN';

export type Locale = 'zh_CN' | 'en';
export type { MessageKey };

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { zh_CN, en };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  return (key, vars) => {
    const text = dict[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}
