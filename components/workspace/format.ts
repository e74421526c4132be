/** Dates and names as the workspace shows them, in the UI language. */
import type { Locale } from '../../lib/i18n';

export function formatDate(ms: number, locale: Locale): string {
  return new Date(ms).toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(ms: number, locale: Locale): string {
  return new Date(ms).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A link is only made for web addresses: a stored `javascript:` URL must never become clickable. */
export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);
