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

/**
 * Plurals: `{n:visit|visits}` picks the first form when the count `n` is singular in the
 * locale's plural rules (Intl.PluralRules: 'one'), else the second. Chinese strings need none.
 */
const PLURAL = /\{(\w+):([^|{}]*)\|([^{}]*)\}/g;

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale];
  const rules = new Intl.PluralRules(locale === 'en' ? 'en' : 'zh-CN');
  return (key, vars) => {
    const text = dict[key];
    if (!vars) return text;
    return text
      .replace(PLURAL, (m, name: string, one: string, other: string) => (typeof vars[name] === 'number' ? (rules.select(vars[name] as number) === 'one' ? one : other) : m))
      .replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}
