/**
 * Text that exists only in Chinese (curators' notes, the source's own wording): marked
 * `lang="zh-CN"` so screen readers switch voice, and flagged "only in Chinese" in the English UI.
 */
import { useI18n } from './i18n';

export function ChineseText({ text, class: cls }: { text: string; class?: string }) {
  const { t, locale } = useI18n();
  return (
    <p class={cls}>
      <span lang="zh-CN">{text}</span>
      {locale === 'en' && <em class="only-zh"> ({t('onlyInChinese')})</em>}
    </p>
  );
}
