/** The current UI language for a Preact tree. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Locale, type Translate } from '../lib/i18n';

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'zh_CN', t: translator('zh_CN') });

export function I18nProvider(props: { locale: Locale; children: ComponentChildren }) {
  return <I18nContext.Provider value={{ locale: props.locale, t: translator(props.locale) }}>{props.children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
